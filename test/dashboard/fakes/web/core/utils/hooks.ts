// Test double for @web/core/utils/hooks: services come from the env, as in Odoo.
import { useEnv } from "@odoo/owl";
import type * as Real from "@web/core/utils/hooks";

export const useService: typeof Real.useService = (name) => {
  const env: { services?: Partial<Real.Services> } = useEnv();
  const service = env.services?.[name];
  if (!service) throw new Error(`Service ${name} is not available`);
  return service;
};
