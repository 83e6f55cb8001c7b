import type { Rng } from "./prng";

const UMLAUTS: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", Ä: "AE", Ö: "OE", Ü: "UE", ß: "ss" };
const LEGAL = /\s*(,?\s*(GmbH & Co\. KG|GmbH|AG|Ltd|SA|SARL|BV|Inc|LLC|SAS|NV|S\.r\.l\.|Sp\. z o\.o\.|Oy))$/;

/** Cut a text into fixed-width pieces the way MT940 subfields and bank statements do (mid-word included). */
export function wrap(text: string, width: number, separator: string): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += width) parts.push(text.slice(i, i + width));
  return parts.join(separator);
}

/** A partner name as a bank prints it: upper case, transliterated or stripped, legal form dropped, cut at 35. */
export function bankName(name: string, rng: Rng): string {
  let out = name;
  if (rng.chance(0.35)) out = out.replace(LEGAL, "");
  const style = rng.next();
  if (style < 0.4) out = out.replace(/[äöüÄÖÜß]/g, (c) => UMLAUTS[c] ?? c);
  else if (style < 0.7) out = out.normalize("NFKD").replace(/\p{M}/gu, "");
  if (rng.chance(0.8)) out = out.toUpperCase();
  if (out.length > 35 || rng.chance(0.1)) out = out.slice(0, Math.min(35, Math.max(12, out.length - rng.int(0, 6))));
  return out.trim();
}

/** How a customer types our invoice number INV/2026/00042 in the remittance text. */
export function customerRef(moveName: string, rng: Rng, allowWeak: boolean): string {
  const m = /^([A-Z]+)\/(\d{4})\/(\d+)$/.exec(moveName);
  if (!m) return moveName;
  const [, prefix = "", year = "", seq = ""] = m;
  const n = String(Number(seq));
  const forms = [
    moveName, moveName, `${prefix} ${year} ${n}`, `${prefix}${year}${seq}`, `${year}/${seq}`, `${prefix}-${year}-${seq}`,
    `Rechnung ${moveName}`, moveName.toLowerCase(), `Facture ${prefix} ${year}/${seq}`, `${prefix} ${year}/${n}`,
  ];
  if (allowWeak && rng.chance(0.08)) return rng.pick([`invoice ${n}`, `Rechnung Nr. ${n}`, `inv ${n}`]);
  return rng.pick(forms);
}

/** A vendor's own bill number as we type it when paying. */
export function vendorRef(ref: string, rng: Rng): string {
  const forms = [ref, ref, ref.replace(/[-/]/g, " "), ref.replace(/[-/ ]/g, ""), `Rechnung ${ref}`, `Inv ${ref}`];
  return rng.pick(forms);
}

/** A random end-to-end id as banks print it (kept free of year-and-number shapes on purpose and by chance). */
export function endToEndId(rng: Rng): string {
  if (rng.chance(0.5)) return "NOTPROVIDED";
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  let out = "";
  for (let i = 0; i < 10; i++) out += rng.chance(0.5) ? alphabet[rng.int(0, alphabet.length - 1)] : String(rng.int(0, 9));
  return out;
}

export interface PrintedLine {
  label: string;
  ref: string;
  partnerName: string;
}

/** Print remittance text and payer the way one of several real bank formats does. */
export function printTransfer(rng: Rng, payer: string, remittance: string, incoming: boolean): PrintedLine {
  const style = rng.int(0, 4);
  const upper = remittance.toUpperCase();
  switch (style) {
    case 0: {
      const kind = incoming ? "SEPA-GUTSCHRIFT" : "SEPA-UEBERWEISUNG";
      const body = `EREF+${endToEndId(rng)} SVWZ+${upper}`;
      // MT940 :86: subfields ?20…?29 hold 27 characters each; importers glue them back without a space.
      return { label: `${kind} ${wrap(body, 27, "")}`, ref: "", partnerName: payer };
    }
    case 1:
      return { label: `/REMI/USTD//${remittance}/`, ref: "", partnerName: payer };
    case 2:
      return { label: wrap(`${payer.toUpperCase()} ${upper}`, 35, "\n"), ref: "", partnerName: "" };
    case 3: {
      const kind = incoming ? "VIR SEPA RECU" : "VIR SEPA EMIS";
      return { label: `${kind} /DE ${payer.toUpperCase()} /MOTIF ${upper} /REF ${endToEndId(rng)}`, ref: "", partnerName: "" };
    }
    default:
      return { label: incoming ? "SEPA CREDIT TRANSFER" : "SEPA TRANSFER", ref: remittance, partnerName: payer };
  }
}
