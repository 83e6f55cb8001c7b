import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../../web_src/llm/mask_personal_data";

// The same vectors run against ai_bookkeeping/tools/minimise.py (test/python/test_governance.py): one rule set.
const vectors = JSON.parse(readFileSync(new URL("../vectors/personal_data_masks.json", import.meta.url), "utf8")) as {
  masked: [string, string][];
  kept: string[];
};

describe("maskPersonalData", () => {
  it.each(vectors.masked)("masks %j", (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it.each(vectors.kept)("leaves references, amounts and dates alone: %j", (input) => {
    expect(maskPersonalData(input)).toBe(input);
  });

  it("is the same on a second call (no state left in a global pattern)", () => {
    const text = "DE89370400440532013000 jane@example.com";
    expect(maskPersonalData(text)).toBe(maskPersonalData(text));
  });
});
