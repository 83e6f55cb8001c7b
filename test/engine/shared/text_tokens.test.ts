import { describe, expect, it } from "vitest";
import { normalizeText } from "../../../web_src/engine/shared/normalize_text";
import { textTokens } from "../../../web_src/engine/shared/text_tokens";
import { MAX_TOKENS, tokens } from "../../../web_src/engine/shared/tokens";

const slow = (text: string): string[] => tokens(normalizeText(text));

describe("textTokens", () => {
  it.each([
    "", "   ", "SEPA-GUTSCHRIFT EREF+P4v8cNG2Z2 SVWZ+INV/2025/06995", "/REMI/USTD//INV202506613/", "a", "ab cd",
    "  leading and trailing  ", "tab\tnew\nline\rreturn", "~~~", "Müller & Söhne GmbH", "INV\u0007/2026\u202E/00042 🚀\n",
    "Straße 5", "x ".repeat(1_000), `${"y ".repeat(95)}tail${"é".repeat(3)}`, `${"z ".repeat(96)}é`, "Z".repeat(2_500),
    `${"w ".repeat(999)}ü`,
  ])("reads %j like tokens(normalizeText())", (text) => {
    expect(textTokens(text)).toEqual(slow(text));
  });

  it("reads every character it normalizes alone exactly as the whole-text path does", () => {
    const blocks: Array<[number, number]> = [[0, 0x24f], [0x600, 0x6ff], [0x2000, 0x206f]];
    for (const [from, to] of blocks) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        for (const text of [`ab${ch}cd`, `${ch}x ${ch}${ch}Y`, `MULLER${ch}`, `${ch}`]) expect(textTokens(text), `U+${c.toString(16)}`).toEqual(slow(text));
      }
    }
  });

  it("matches the slow path on random printable and non-ASCII text", () => {
    let seed = 12_345;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const alphabet = "aZ09 /-+.\t\n\r~ßüéΩ€\u0301ÜÖÁÈØÇČŘıﬁ½²µ¨\u202E\u00A0م\u064E🚀\u0007ǰŉ";
    for (let n = 0; n < 3_000; n++) {
      let text = "";
      const length = Math.floor(next() * 300);
      for (let k = 0; k < length; k++) text += alphabet.charAt(Math.floor(next() * (next() < 0.9 ? 14 : alphabet.length)));
      expect(textTokens(text)).toEqual(slow(text));
    }
    expect(textTokens("t ".repeat(200))).toHaveLength(MAX_TOKENS);
  });
});
