// The bench's vendor comparison (scripts/bench/lib/real_invoices.ts sameVendor), used by every group: the same name
// up to case, accents, punctuation, spacing and the spellings of one legal form; a missing, shortened or different
// legal form, or a missing word, is another name.
import { describe, expect, it } from "vitest";
import { right, sameVendor } from "../../scripts/bench/lib/real_invoices";

describe("sameVendor (bench scoring)", () => {
  it.each([
    ["ACME GMBH", "Acme GmbH"],
    ["Acme G.m.b.H.", "Acme GmbH"],
    ["Acme Gesellschaft mit beschränkter Haftung", "Acme GmbH"],
    ["Kestrel Signs Limited", "Kestrel Signs Ltd"],
    ["Kestrel Signs Ltd.", "Kestrel Signs Ltd"],
    ["Oravel Stays Private Limited", "Oravel Stays Pvt. Ltd."],
    ["Brightline Supply Co. Inc", "Brightline Supply Co., Inc."],
    ["Brightline Supply Company, Incorporated", "Brightline Supply Co., Inc."],
    ["Rossi Impianti SRL", "Rossi Impianti S.r.l."],
    ["Installatiebedrijf Jansen VOF", "Installatiebedrijf Jansen V.O.F."],
    ["Nowak Sp. z o. o.", "Nowak Sp. z o.o."],
    ["Nowak Spółka z ograniczoną odpowiedzialnością", "Nowak Sp. z o.o."],
    ["Müller Straße GmbH", "MULLER STRASSE GMBH"],
    ["Hotel du Lac Sàrl", "Hôtel du Lac S.à r.l."],
    ["Fjällbacka Fisk AB", "Fjällbacka Fisk Aktiebolag"],
    ["Musterstadt a. G.", "Musterstadt auf Gegenseitigkeit"],
    ["O'Brien  Wholesale Limited", "O’Brien Wholesale Ltd"],
    ["Sanitär Hoffmann GmbH & Co. KG", "Sanitär Hoffmann GmbH & Co KG"],
  ])("%s is %s", (found, truth) => {
    expect(sameVendor(found, truth)).toBe(true);
  });

  it.each([
    ["Acme", "Acme GmbH"],
    ["Acme GmbH", "Acme AG"],
    ["Musterstadt a.G.", "Musterstadt AG"],
    ["X Co.", "X Co., Ltd."],
    ["Sanitär Hoffmann GmbH", "Sanitär Hoffmann GmbH & Co. KG"],
    ["Jansen V.O.F.", "Installatiebedrijf Jansen V.O.F."],
    ["JANSEN INSTALLATIE", "Installatiebedrijf Jansen V.O.F."],
    ["Rossi Impianti S.p.A.", "Rossi Impianti S.r.l."],
    ["Kestrel Signs Ltd", "Kestrel Signs plc"],
    ["Oravel Stays Ltd", "Oravel Stays Pvt. Ltd."],
    ["", "Acme GmbH"],
  ])("%s is not %s", (found, truth) => {
    expect(sameVendor(found, truth)).toBe(false);
  });

  it("does not hold against the reading what the truth does not state", () => {
    // A truth without a legal form takes the name with one; a truth with one needs it.
    expect(sameVendor("Au bon moulin SARL", "Au bon moulin")).toBe(true);
    expect(sameVendor("Au bon moulin", "Au bon moulin")).toBe(true);
    expect(sameVendor("Au bon moulin SARL", "Au bon moulin SAS")).toBe(false);
    expect(sameVendor("Moulin SARL", "Au bon moulin")).toBe(false);
    // A truth over several lines: the whole, or its line with a legal form.
    const xmlName = "GLN 4333741000005 \nLief-Nr: 549910\nMUSTERLIEFERANT GMBH";
    expect(sameVendor("Musterlieferant GmbH", xmlName)).toBe(true);
    expect(sameVendor("Musterlieferant", xmlName)).toBe(false);
    expect(sameVendor("Lief-Nr: 549910", xmlName)).toBe(false);
    expect(sameVendor("Versicherungsverein Musterstadt a.G.", "MVM Musterhafter\nVersicherungsverein Musterstadt a.G.")).toBe(true);
    expect(sameVendor("MVM Musterhafter", "MVM Musterhafter\nVersicherungsverein Musterstadt a.G.")).toBe(false);
  });

  it("accepts a truth's alias (invoice2data's partner name)", () => {
    expect(right("vendorName", "Amazon EU S.à r.l.", { vendorName: "Amazon EU SARL", vendorAliases: ["Amazon"] })).toBe(true);
    expect(right("vendorName", "Amazon", { vendorName: "Amazon EU SARL", vendorAliases: ["Amazon"] })).toBe(true);
    expect(right("vendorName", "Amazon EU", { vendorName: "Amazon EU SARL", vendorAliases: ["Amazon"] })).toBe(false);
  });
});
