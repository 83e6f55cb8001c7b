import { describe, expect, it } from "vitest";
import { fold } from "../../../web_src/engine/shared/fold";
import { nameTokens } from "../../../web_src/engine/shared/name_tokens";
import { normalizeText } from "../../../web_src/engine/shared/normalize_text";
import { signalTokens } from "../../../web_src/engine/shared/signal_tokens";
import { MAX_TOKENS, tokens } from "../../../web_src/engine/shared/tokens";

describe("normalizeText", () => {
  it("upper-cases, transliterates and turns punctuation into single spaces", () => {
    expect(normalizeText("Müller & Söhne GmbH, Straße 5")).toBe("MUELLER SOEHNE GMBH STRASSE 5");
    expect(normalizeText("Gonçalves Núñez Østergaard")).toBe("GONCALVES NUNEZ OSTERGAARD");
    expect(normalizeText("+++123/4567/89012+++")).toBe("123 4567 89012");
  });

  it("drops control characters, bidi marks and emoji", () => {
    expect(normalizeText("INV\u0007/2026\u202E/00042 🚀\n")).toBe("INV 2026 00042");
  });

  it("cuts text longer than the contract allows", () => {
    expect(normalizeText("A ".repeat(5_000)).length).toBeLessThanOrEqual(2_000);
  });
});

describe("fold and nameTokens", () => {
  it("makes Müller, Mueller and MULLER the same word", () => {
    const forms = ["Müller", "Mueller", "MULLER"].map((n) => fold(normalizeText(n)));
    expect(new Set(forms).size).toBe(1);
    expect(fold(normalizeText("Müller"))).not.toBe(fold(normalizeText("Miller")));
  });

  it("drops legal forms but keeps the name", () => {
    expect(nameTokens("Acme Trading GmbH & Co. KG")).toEqual(["ACME", "TRADING"]);
    expect(nameTokens("Dupont SARL")).toEqual(["DUPONT"]);
  });
});

describe("tokens and signalTokens", () => {
  it("caps the number of tokens", () => {
    expect(tokens(normalizeText("X ".repeat(1_000)))).toHaveLength(MAX_TOKENS);
  });

  it("keeps merchant words, drops boilerplate and numbers, adds acronyms", () => {
    const signal = signalTokens(tokens(normalizeText("CARD 1234 AMAZON WEB SERVICES LUX")));
    expect(signal).toEqual(expect.arrayContaining(["AMAZON", "WEB", "SERVICES", "LUX", "AWS"]));
    expect(signal).not.toContain("CARD");
    expect(signal).not.toContain("1234");
    expect(signalTokens(tokens(normalizeText("AMAZON WEB SERVICES")), false)).not.toContain("AWS");
  });
});
