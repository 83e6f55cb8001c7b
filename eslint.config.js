// ESLint (flat config) with typescript-eslint, for everything TypeScript and Node scripts in the repository:
// `npm run lint`. The built bundles (ai_bookkeeping/static) are output, not source.
import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** What Node scripts (.mjs) use without importing; TypeScript files get their globals from the type checker. */
const NODE_GLOBALS = Object.fromEntries(
  [
    "AbortController", "Buffer", "URL", "URLSearchParams", "TextDecoder", "TextEncoder", "console", "fetch", "process",
    "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "queueMicrotask", "structuredClone",
  ].map((name) => [name, "readonly"]),
);

export default tseslint.config(
  { ignores: ["ai_bookkeeping/**", "node_modules/**", ".artifacts/**", "**/*.d.ts.map"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    // Callbacks these scripts hand to the browser (Playwright's page.evaluate / waitForFunction) run there.
    files: ["scripts/browser_tests.mjs", "scripts/bench/dashboard.mjs"],
    languageOptions: { globals: { document: "readonly", window: "readonly" } },
  },
  {
    // Promise mistakes need types to see: a promise nobody awaits (a lost rejection in the endpoint), a promise
    // where a boolean or a void callback is expected, an await on something that is not a promise.
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: path.dirname(fileURLToPath(import.meta.url)) } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    rules: {
      // `_`-prefixed names are deliberately unused (ignored arguments, destructuring that drops a key).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
);
