// The dashboard as Odoo receives it: one ESM file importing only OWL and @web/*, not minified (zod bundled in), that
// Odoo's own regex-based asset transpiler turns into a module that runs, and QWeb template files with unique names
// that match the components.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { build, type BuildOptions } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** An Odoo 18 tree (scripts/lib/odoo.mjs uses the same default); the transpiler test needs its js_transpiler.py. */
const ODOO_SRC = process.env.ODOO_SRC ?? "/opt/odoo18";
const PYTHON = process.env.AIB_PYTHON ?? "python3";
const DASHBOARD = path.join(ROOT, "web_src/dashboard");

interface BuildConfig {
  DASHBOARD_BUILD_OPTIONS: BuildOptions;
  buildDashboard(options: { outRoot: string }): Promise<void>;
}
const config = (): Promise<BuildConfig> => import(pathToFileURL(path.join(ROOT, "esbuild.config.mjs")).href) as Promise<BuildConfig>;

async function bundle(): Promise<string> {
  // The options of esbuild.config.mjs for the dashboard, in memory.
  const { DASHBOARD_BUILD_OPTIONS } = await config();
  const result = await build({ ...DASHBOARD_BUILD_OPTIONS, write: false, logLevel: "silent" });
  return result.outputFiles[0]!.text;
}

function files(ext: string): string[] {
  return readdirSync(DASHBOARD, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext) && !f.startsWith("odoo_types"))
    .map((f) => path.join(DASHBOARD, f));
}

describe("review_dashboard.js", () => {
  it("imports only @odoo/owl and @web/* modules, and registers the client action", async () => {
    const code = await bundle();
    const sources = [...code.matchAll(/^\s*import\s[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((s) => s !== "@odoo/owl" && !s.startsWith("@web/"))).toEqual([]);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).toMatch(/registry\d*\.category\("actions"\)\.add\(REVIEW_DASHBOARD_TAG, ReviewDashboard\)/);
    expect(code).toMatch(/registry\d*\.category\(REVIEW_PANELS\)/);
    expect(code).toContain('"ai_bookkeeping.review_dashboard"');
  });

  it("bundles zod (the contracts' schemas) in, small: zod/mini, not the 750 kB classic API", async () => {
    const code = await bundle();
    expect(code).not.toMatch(/from\s+"zod/);
    expect(code).toContain("$ZodObject");
    expect(code.length).toBeLessThan(250_000);
  });

  it.skipIf(!existsSync(path.join(ODOO_SRC, "odoo/tools/js_transpiler.py")))(
    "goes through Odoo's transpiler into an odoo.define module that runs and registers the client action",
    async () => {
      const code = await bundle();
      const script = [
        "import sys",
        `sys.path.insert(0, ${JSON.stringify(ODOO_SRC)})`,
        "from odoo.tools.js_transpiler import transpile_javascript",
        'sys.stdout.write(transpile_javascript("/ai_bookkeeping/static/src/dashboard/review_dashboard.js", sys.stdin.read()))',
      ].join("\n");
      const env = { ...process.env, PYTHONPATH: ["/usr/lib/python3/dist-packages", process.env.PYTHONPATH].filter(Boolean).join(":") };
      const run = spawnSync(PYTHON, ["-c", script], { input: code, encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
      expect(run.stderr).toBe("");
      const transpiled = run.stdout;
      expect(transpiled).toMatch(/^odoo\.define\('@ai_bookkeeping\/dashboard\/review_dashboard', \[/);

      // Run it as Odoo's module loader would, with OWL and the test doubles of @web/* as its dependencies.
      const modules: Record<string, unknown> = { "@odoo/owl": await import("@odoo/owl") };
      let defined: { name: string; deps: string[]; factory: (require: (name: string) => unknown) => unknown } | undefined;
      const odoo = { define: (name: string, deps: string[], factory: (require: (name: string) => unknown) => unknown) => (defined = { name, deps, factory }) };
      runInNewContext(transpiled, { odoo, console });
      expect(defined).toBeDefined();
      for (const dep of defined!.deps) if (!(dep in modules)) modules[dep] = await import(/* @vite-ignore */ dep);
      const exported = defined!.factory((name) => modules[name]) as { REVIEW_DASHBOARD_TAG?: string };
      expect(exported.REVIEW_DASHBOARD_TAG).toBe("ai_bookkeeping.review_dashboard");
      const { registry } = (await import("@web/core/registry")) as typeof import("@web/core/registry");
      expect((registry.category("actions").get("ai_bookkeeping.review_dashboard") as { name: string }).name).toBe("ReviewDashboard");
    },
    30_000, // a Python start-up plus a bundle: seconds on a busy machine
  );

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

  it("are built, with the styles, into one file each beside the bundle, and nothing else is there", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "aib-dashboard-"));
    try {
      const { buildDashboard } = await config();
      await buildDashboard({ outRoot: out });
      const dir = path.join(out, "static/src/dashboard");
      expect(readdirSync(dir).sort()).toEqual(["review_dashboard.js", "review_dashboard.scss", "review_dashboard.xml"]);
      const built = readFileSync(path.join(dir, "review_dashboard.xml"), "utf8");
      expect(built.match(/<templates xml:space="preserve">/g)).toHaveLength(1);
      expect([...built.matchAll(/t-name="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(templates.map((t) => t.name).sort());
      const styles = readFileSync(path.join(dir, "review_dashboard.scss"), "utf8");
      for (const file of files(".scss")) expect(styles).toContain(readFileSync(file, "utf8").trim());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
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
    expect(components.length).toBe(13);
    for (const { name, file } of components) {
      const template = templates.find((t) => t.name === name);
      expect(template, name).toBeDefined();
      expect(template!.file).toBe(file.replace(/\.ts$/, ".xml"));
    }
  });
});
