// Mounts the real dashboard components in jsdom with the real templates (the .xml files beside them) and the fake
// services (@web/* resolves to ./web/, see vitest.config.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { App, Component, useState, xml, type ComponentConstructor } from "@odoo/owl";
import { vi } from "vitest";
import { makeServices, type FakeServices, type OpenDialog } from "./services";

export const DASHBOARD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web_src/dashboard");

/** Every OWL template file of the dashboard, as Odoo loads them from web.assets_backend. */
export function templateFiles(): string[] {
  return readdirSync(DASHBOARD_DIR, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".xml"))
    .map((f) => path.join(DASHBOARD_DIR, f));
}

export interface Mounted {
  target: HTMLElement;
  services: FakeServices;
  app: App;
  destroy(): void;
}

/** Renders `Main` plus the dialogs opened through the dialog service, like Odoo's web client does. */
export async function mountWithServices(Main: ComponentConstructor, services = makeServices()): Promise<Mounted> {
  class TestRoot extends Component {
    static override template = xml`
      <div class="o_test_root">
        <Main/>
        <div class="o_test_dialogs">
          <t t-foreach="dialogs" t-as="dialog" t-key="dialog.id">
            <t t-component="dialog.Component" t-props="dialog.props"/>
          </t>
        </div>
      </div>`;
    static components = { Main };
    static override props = {};
    dialogs: OpenDialog[] = useState(services.dialog.open);
  }
  const target = document.createElement("div");
  document.body.appendChild(target);
  const app = new App(TestRoot, { env: { services }, test: true, warnIfNoStaticProps: true });
  for (const file of templateFiles()) app.addTemplates(readFileSync(file, "utf8"));
  await app.mount(target);
  return {
    target,
    services,
    app,
    destroy() {
      app.destroy();
      target.remove();
    },
  };
}

/** Waits until OWL has rendered and the fake RPCs have answered, then runs `check` (retrying until it passes). */
export async function until<T>(check: () => T, timeout = 2000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 5 });
}

/** Lets pending promises and OWL's next render run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

export function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

export function $(root: ParentNode, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no element matches ${selector}`);
  return el;
}

export function $$(root: ParentNode, selector: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)];
}

export function setValue(el: HTMLElement, value: string, eventName: "change" | "input" = "change"): void {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) {
    throw new Error(`${el.tagName} has no value`);
  }
  el.value = value;
  el.dispatchEvent(new Event(eventName, { bubbles: true }));
}
