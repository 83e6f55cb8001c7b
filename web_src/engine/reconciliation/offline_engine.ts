// The offline reconciliation engine that ships with the add-on, as the endpoint's `Engine`.
import type { Engine } from "../../contracts/reconcile_pipeline";
import { ENGINE_NAME, ENGINE_VERSION, suggestReconciliations } from "./suggest_reconciliations";

export const OFFLINE_ENGINE: Engine = Object.freeze({
  name: ENGINE_NAME,
  version: ENGINE_VERSION,
  suggest: suggestReconciliations,
});
