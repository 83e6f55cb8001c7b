import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AUTO_CONFIDENCE } from "../../web_src/contracts/reconcile";

// The same vectors run against ai_bookkeeping/tools/confidence.py (test/python/test_confidence.py): the engine's
// "auto" grade and the add-on's high band are one threshold.
const vectors = JSON.parse(readFileSync(new URL("../vectors/confidence_bands.json", import.meta.url), "utf8")) as {
  bands: [number, string][];
};

describe("AUTO_CONFIDENCE", () => {
  it("is the add-on's high band", () => {
    expect(AUTO_CONFIDENCE).toBe(0.95);
  });

  it.each(vectors.bands)("grades %j as auto exactly when the add-on's band is high (%s)", (confidence, band) => {
    expect(confidence >= AUTO_CONFIDENCE).toBe(band === "high");
  });
});
