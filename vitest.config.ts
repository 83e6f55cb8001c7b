// vitest: every test under test/, in Node by default. Dashboard component tests opt into jsdom per file
// (`// @vitest-environment jsdom`). Odoo's web client modules (@web/*) do not exist outside Odoo: they resolve to the
// test doubles in test/dashboard/fakes/web/, which mirror Odoo's paths and are type-checked against
// web_src/dashboard/odoo_types/.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [{ find: /^@web\/(.*)$/, replacement: path.join(root, "test/dashboard/fakes/web/$1") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // The jsdom dashboard tests take 1-2 s alone and several times that on a busy 2-core machine (CI runs beside
    // nothing, a developer's box beside Odoo): 20 s is a hang, not a slow run. No test here measures time.
    testTimeout: 20_000,
  },
});
