// GET /healthz — liveness and what is answering. No auth, no secrets.
import type { FastifyInstance } from "fastify";
import type { EngineInfo } from "../../contracts/reconcile";

export interface HealthBody {
  status: "ok";
  engine: { name: string; version: string };
  model: string | null;
}

export function registerHealthRoute(app: FastifyInstance, engineInfo: () => EngineInfo): void {
  app.get("/healthz", async (): Promise<HealthBody> => {
    const { name, version, model } = engineInfo();
    return { status: "ok", engine: { name, version }, model };
  });
}
