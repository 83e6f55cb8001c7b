// The dashboard as Odoo receives it: one ESM file importing only OWL and @web/*, not minified, and QWeb template files
// with unique names that match the components.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DASHBOARD = path.join(ROOT, "web_src/dashboard");

async function bundle(): Promise<string> {
  // The options of esbuild.config.mjs for the dashboard, in memory.
  const result = await build({
    entryPoints: [path.join(DASHBOARD, "index.ts")],
    bundle: true,
    format: "esm",
    target: "es2022",
    external: ["@odoo/owl", "@web/*"],
    minify: false,
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

function files(ext: string): string[] {
  return readdirSync(DASHBOARD, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext) && !f.startsWith("odoo-types"))
    .map((f) => path.join(DASHBOARD, f));
}

describe("review_dashboard.js", () => {
  it("imports only @odoo/owl and @web/* modules, and registers the client action", async () => {
    const code = await bundle();
    const sources = [...code.matchAll(/^\s*import\s[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((s) => s !== "@odoo/owl" && !s.startsWith("@web/"))).toEqual([]);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).toContain('registry.category("actions").add(REVIEW_DASHBOARD_TAG, ReviewDashboard)');
    expect(code).toContain('"ai_bookkeeping.review_dashboard"');
  });

  it("is not minified and keeps one `_t` import so Odoo can extract the terms", async () => {
    const code = await bundle();
    expect(code.split("\n").length).toBeGreaterThan(500);
    expect(Math.max(...code.split("\n").map((l) => l.length))).toBeLessThan(400);
    expect(code).toMatch(/ReviewDashboard = class extends|class ReviewDashboard extends/);
    expect(code.match(/import \{[^}]*\b_t\b[^}]*\} from "@web\/core\/l10n\/translation"/g)).toHaveLength(1);
    expect(code).not.toMatch(/\b_t\d+\(/);
    expect(code).toContain('_t("Approve")');
  });
});

describe("templates", () => {
  const xmlFiles = files(".xml");
  const templates = xmlFiles.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/t-name="([^"]+)"/g)].map((m) => ({ name: m[1]!, file })),
  );

  it("have unique file names (they are copied flat into static/src/dashboard)", () => {
    const names = [...xmlFiles, ...files(".scss")].map((f) => path.basename(f));
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(names).size).toBe(names.length);
  });

  it("are QWeb template files with names ai_bookkeeping.ComponentName, defined once", () => {
    for (const file of xmlFiles) expect(readFileSync(file, "utf8")).toContain('<templates xml:space="preserve">');
    for (const { name } of templates) expect(name).toMatch(/^ai_bookkeeping\.[A-Z][A-Za-z]+$/);
    const names = templates.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("exist for every component, in the file beside it", () => {
    const components = files(".ts").flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/static override template = "([^"]+)"/g)].map((m) => ({ name: m[1]!, file })),
    );
    expect(components.length).toBe(10);
    for (const { name, file } of components) {
      const template = templates.find((t) => t.name === name);
      expect(template, name).toBeDefined();
      expect(template!.file).toBe(file.replace(/\.ts$/, ".xml"));
    }
  });
});
