// GET /healthz — liveness and what is answering. No auth, no secrets.
import type { FastifyInstance } from "fastify";
import type { HealthResponse } from "../../contracts/health";
import type { EngineInfo } from "../../contracts/reconcile";

export function registerHealthRoute(app: FastifyInstance, engineInfo: () => EngineInfo): void {
  app.get("/healthz", async (): Promise<HealthResponse> => {
    const { name, version, model } = engineInfo();
    return { status: "ok", engine: { name, version }, model };
  });
}
