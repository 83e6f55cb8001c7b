// @web/core/registry (odoo/addons/web/static/src/core/registry.js)
import type { ComponentConstructor } from "@odoo/owl";

export interface Registry<T> {
  add(key: string, value: T, options?: { force?: boolean; sequence?: number }): Registry<T>;
  get(key: string): T;
  contains(key: string): boolean;
}

export interface RootRegistry {
  category(name: "actions"): Registry<ComponentConstructor>;
}

export declare const registry: RootRegistry;
