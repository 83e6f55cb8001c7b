// The layers of web_src, checked by walking every import (TypeScript's own pre-processor reads the specifiers):
//   contracts < engine, statements < llm < endpoint      a file imports from its own layer or a lower one, never up;
//   engine/shared < engine/<workflow>                    a workflow's engine imports no other workflow's engine;
//   dashboard                                            the browser side: only itself, contracts, @odoo/owl, @web/*.
// web_src is what ships: nothing in it imports from test/ or scripts/. No import cycles between files.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WEB_SRC = path.join(ROOT, "web_src");

const RANKS: Readonly<Record<string, number>> = { contracts: 0, engine: 1, statements: 1, llm: 2, endpoint: 3 };
const BROWSER_PACKAGES = [/^@odoo\/owl$/, /^@web\//];

/** An import of one web_src file: `from` relative to web_src ("engine/shared/fold.ts"). */
export interface ImportEdge {
  from: string;
  /** A file relative to web_src ("../scripts/x.ts" when outside it), or a package specifier ("zod", "@web/core/x"). */
  to: string;
  package?: boolean;
}

function layerOf(file: string): string {
  return file.split("/")[0] ?? "";
}

function workflowOf(file: string): string | null {
  const [top, workflow] = file.split("/");
  return top === "engine" && workflow !== undefined && workflow.length > 0 && !workflow.endsWith(".ts") ? workflow : null;
}

/** Every broken rule, one sentence each. */
export function layerViolations(edges: readonly ImportEdge[]): string[] {
  const problems: string[] = [];
  for (const { from, to, package: isPackage = false } of edges) {
    const fromLayer = layerOf(from);
    const relative = !isPackage;
    // The one exception: data the add-on itself ships and reads too (one rule set for Python and TypeScript, e.g.
    // ai_bookkeeping/tools/personal_data_masks.json), so that both sides cannot drift apart.
    if (relative && to.startsWith("../")) {
      if (!/^\.\.\/ai_bookkeeping\/tools\/[a-z_]+\.json$/.test(to)) {
        problems.push(`${from} imports ${to}, outside web_src (web_src is what ships)`);
      }
      continue;
    }
    if (fromLayer === "dashboard") {
      const allowed = relative ? ["dashboard", "contracts"].includes(layerOf(to)) : true;
      if (!allowed) problems.push(`${from} imports ${to}: the dashboard may import only itself and contracts`);
      continue;
    }
    if (!relative) {
      if (BROWSER_PACKAGES.some((pattern) => pattern.test(to))) problems.push(`${from} imports ${to}, a browser package`);
      continue;
    }
    const toLayer = layerOf(to);
    const fromRank = RANKS[fromLayer];
    const toRank = RANKS[toLayer];
    if (fromRank === undefined) {
      problems.push(`${from} is in no known layer (${Object.keys(RANKS).join(", ")}, dashboard)`);
      continue;
    }
    if (toRank === undefined) {
      problems.push(`${from} imports ${to}, which is in no layer it may use`);
      continue;
    }
    if (toRank > fromRank || (toRank === fromRank && toLayer !== fromLayer)) {
      problems.push(`${from} (${fromLayer}) imports ${to} (${toLayer}): up or across the layers`);
      continue;
    }
    const fromWorkflow = workflowOf(from);
    const toWorkflow = workflowOf(to);
    if (fromLayer === "engine" && toLayer === "engine" && toWorkflow !== null && toWorkflow !== "shared" && toWorkflow !== fromWorkflow) {
      problems.push(`${from} imports ${to}: engine/${fromWorkflow ?? "?"} may use engine/shared, not engine/${toWorkflow}`);
    }
  }
  return problems;
}

/** Import cycles between files, each as the list of files around it. */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to, package: isPackage = false } of edges) {
    if (isPackage || to.startsWith("../")) continue;
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const target of next.get(file) ?? []) {
      const seen = state.get(target);
      if (seen === "open") cycles.push([...stack.slice(stack.indexOf(target)), target]);
      else if (seen === undefined) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The imports of every .ts file under web_src (type-only imports included: they tie the layers just the same). */
function webSrcImports(): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(WEB_SRC)) {
    const from = path.relative(WEB_SRC, file).split(path.sep).join("/");
    for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
      if (!specifier.startsWith(".")) {
        edges.push({ from, to: specifier, package: true });
        continue;
      }
      const target = resolveRelative(path.dirname(file), specifier);
      edges.push({ from, to: path.relative(WEB_SRC, target).split(path.sep).join("/") });
    }
  }
  return edges;
}

function resolveRelative(dir: string, specifier: string): string {
  const base = path.resolve(dir, specifier);
  const found = [base, `${base}.ts`, path.join(base, "index.ts")].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return found ?? base;
}

describe("the layers of web_src", () => {
  const edges = webSrcImports();

  it("are read from the real imports", () => {
    const fromEndpoint = edges.filter((edge) => edge.from.startsWith("endpoint/"));
    expect(fromEndpoint.some((edge) => edge.to.startsWith("contracts/"))).toBe(true);
    expect(edges.some((edge) => edge.from.startsWith("engine/reconciliation/") && edge.to.startsWith("engine/shared/"))).toBe(true);
  });

  it("are respected: no import runs up a layer, across workflows, or out of web_src", () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it("hold no import cycle", () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it("are checked by rules that catch each kind of break", () => {
    expect(
      layerViolations([
        { from: "llm/llm_refiner.ts", to: "endpoint/engine.ts" },
        { from: "contracts/reconcile.ts", to: "engine/shared/fold.ts" },
        { from: "engine/shared/fold.ts", to: "engine/reconciliation/line_text.ts" },
        { from: "engine/bills/x.ts", to: "engine/reconciliation/line_text.ts" },
        { from: "engine/reconciliation/x.ts", to: "statements/camt.ts" },
        { from: "dashboard/index.ts", to: "engine/shared/fold.ts" },
        { from: "endpoint/app.ts", to: "../scripts/bench/lib/books.ts" },
        { from: "endpoint/app.ts", to: "@web/core/registry", package: true },
        { from: "llm/x.ts", to: "../ai_bookkeeping/models/ai_endpoint.py" },
        { from: "llm/x.ts", to: "../ai_bookkeeping/static/endpoint/ai_endpoint.mjs" },
      ]),
    ).toHaveLength(10);
    expect(
      layerViolations([
        { from: "endpoint/app.ts", to: "llm/llm_refiner.ts" },
        { from: "engine/reconciliation/x.ts", to: "engine/shared/fold.ts" },
        { from: "dashboard/index.ts", to: "contracts/dashboard.ts" },
        { from: "dashboard/index.ts", to: "@odoo/owl", package: true },
        { from: "endpoint/app.ts", to: "fastify", package: true },
        { from: "llm/mask_personal_data.ts", to: "../ai_bookkeeping/tools/personal_data_masks.json" },
      ]),
    ).toEqual([]);
    expect(importCycles([{ from: "a.ts", to: "b.ts" }, { from: "b.ts", to: "a.ts" }])).toEqual([["a.ts", "b.ts", "a.ts"]]);
  });
});
