// The endpoint's first check of a rephrased narrative, on the cases shared with Odoo's checker.
import { describe, expect, it } from "vitest";
import { FactSchema, type NumberLocale } from "../../../web_src/contracts/reports";
import { unknownNumbers } from "../../../web_src/engine/reports/unknown_numbers";
import vectors from "../../vectors/narrative_checks.json";

const facts = vectors.facts.map((fact) => FactSchema.parse(fact));
const locales: Record<string, NumberLocale> = Object.fromEntries(
  Object.entries(vectors.locales).map(([key, l]) => [key, { decimalPoint: l.decimal_point, thousandsSep: l.thousands_sep }]),
);

describe("unknownNumbers", () => {
  for (const testCase of vectors.cases) {
    it(`${testCase.ok ? "accepts" : "refuses"}: ${testCase.text}`, () => {
      const problems = unknownNumbers(testCase.text, facts, locales[testCase.locale]!);
      // Sign and direction are Odoo's checker's alone: the endpoint lets those through.
      expect(problems.length === 0).toBe(testCase.ok || testCase.python_only === true);
    });
  }

  it("names the invented number", () => {
    expect(unknownNumbers("Revenue rose 37 %.", facts, locales.en!)).toEqual(["37 % is not among the report's figures"]);
  });
});
