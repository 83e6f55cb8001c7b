// GET /healthz — liveness and what is answering. No auth, no secrets.
import type { FastifyInstance } from "fastify";
import type { ReconcileService } from "../reconcile-service";

export interface HealthBody {
  status: "ok";
  engine: { name: string; version: string };
  model: string | null;
}

export function registerHealthRoute(app: FastifyInstance, service: ReconcileService): void {
  app.get("/healthz", async (): Promise<HealthBody> => {
    const { name, version, model } = service.engineInfo;
    return { status: "ok", engine: { name, version }, model };
  });
}
