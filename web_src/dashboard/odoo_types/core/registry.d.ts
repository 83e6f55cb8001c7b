// @web/core/registry (odoo/addons/web/static/src/core/registry.js)
import type { ComponentConstructor } from "@odoo/owl";

export interface Registry<T> {
  add(key: string, value: T, options?: { force?: boolean; sequence?: number }): Registry<T>;
  get(key: string): T;
  contains(key: string): boolean;
  /** The values, ordered by sequence. */
  getAll(): T[];
  /** [key, value] pairs, ordered by sequence. */
  getEntries(): Array<[string, T]>;
}

export interface RootRegistry {
  category(name: "actions"): Registry<ComponentConstructor>;
  /** Odoo's registries are untyped: the caller says what a category holds. */
  category<T>(name: string): Registry<T>;
}

export declare const registry: RootRegistry;
