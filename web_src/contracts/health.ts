// GET /healthz: what answers (Odoo's "Test connection" and the bundled endpoint's start-up check read it). No auth.
import { z } from "zod";

export const HealthResponseSchema = z.object({
  status: z.literal("ok"),
  engine: z.object({ name: z.string(), version: z.string() }),
  /** The LLM model of the refine stage, or null when the offline engine answers alone. */
  model: z.string().nullable(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
