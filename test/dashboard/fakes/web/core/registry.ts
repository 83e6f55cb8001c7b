// Test double for @web/core/registry: the same add/get/contains/category surface, backed by Maps.
import type { ComponentConstructor } from "@odoo/owl";
import type * as Real from "@web/core/registry";

class FakeRegistry<T> implements Real.Registry<T> {
  readonly entries = new Map<string, T>();
  add(key: string, value: T, options: { force?: boolean } = {}): this {
    if (this.entries.has(key) && !options.force) throw new Error(`Cannot add key "${key}" in the registry: it is already there`);
    this.entries.set(key, value);
    return this;
  }
  get(key: string): T {
    const value = this.entries.get(key);
    if (value === undefined) throw new Error(`Cannot find "${key}" in this registry`);
    return value;
  }
  contains(key: string): boolean {
    return this.entries.has(key);
  }
}

const actions = new FakeRegistry<ComponentConstructor>();

export const registry: typeof Real.registry = {
  category: (name: "actions") => {
    if (name !== "actions") throw new Error(`unexpected registry category ${String(name)}`);
    return actions;
  },
};
