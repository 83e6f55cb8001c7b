import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");

function manifestVersion(addon: string): string {
  const text = readFileSync(join(root, addon, "__manifest__.py"), "utf8");
  const found = /"version":\s*"([^"]+)"/.exec(text);
  if (!found) throw new Error(`${addon}/__manifest__.py has no version`);
  return found[1] ?? "";
}

describe("versions", () => {
  it("package.json carries the core add-on's version, the one a server reports", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(pkg.version).toBe(manifestVersion("ai_bookkeeping"));
  });

  it("every add-on is an 18.0 module", () => {
    const addons = readdirSync(root).filter((name) => existsSync(join(root, name, "__manifest__.py")));
    expect(addons.length).toBeGreaterThan(0);
    for (const addon of addons) expect(manifestVersion(addon)).toMatch(/^18\.0\.\d+\.\d+\.\d+$/);
  });
});
