// Test double for @web/core/registry: the same add/get/contains/getAll/getEntries/category surface, backed by Maps,
// with Odoo's ordering by sequence (default 50, ties in insertion order).
import type { ComponentConstructor } from "@odoo/owl";
import type * as Real from "@web/core/registry";

class FakeRegistry<T> implements Real.Registry<T> {
  readonly entries = new Map<string, { sequence: number; value: T }>();
  add(key: string, value: T, options: { force?: boolean; sequence?: number } = {}): this {
    if (this.entries.has(key) && !options.force) throw new Error(`Cannot add key "${key}" in the registry: it is already there`);
    this.entries.set(key, { sequence: options.sequence ?? this.entries.get(key)?.sequence ?? 50, value });
    return this;
  }
  get(key: string): T {
    const entry = this.entries.get(key);
    if (entry === undefined) throw new Error(`Cannot find "${key}" in this registry`);
    return entry.value;
  }
  contains(key: string): boolean {
    return this.entries.has(key);
  }
  getEntries(): Array<[string, T]> {
    return [...this.entries.entries()].sort(([, a], [, b]) => a.sequence - b.sequence).map(([key, { value }]) => [key, value]);
  }
  getAll(): T[] {
    return this.getEntries().map(([, value]) => value);
  }
}

const categories = new Map<string, FakeRegistry<unknown>>();

function category(name: "actions"): Real.Registry<ComponentConstructor>;
function category<T>(name: string): Real.Registry<T>;
function category(name: string): Real.Registry<unknown> {
  let found = categories.get(name);
  if (!found) categories.set(name, (found = new FakeRegistry<unknown>()));
  return found;
}

export const registry: typeof Real.registry = { category };
