// The labels bills print before their header values, in English, German, French and Dutch, and the common ones of
// Spanish, Italian, Portuguese, Swedish, Danish, Polish and Finnish bills. Each is matched
// case-insensitively at the start of a cell (a run of words on one line, see layout.ts) or after the cell's first word
// (as in "Facture n° 562044387"); the value follows in the same cell, the next cell on the right, or the cell below.
// `exact` labels only count when they are the whole cell (a bare "Factuur" column header), because the same words
// appear in sentences.

export type LabelKind =
  | "invoiceNumber"
  | "invoiceDate"
  | "dueDate"
  | "total"
  | "untaxed"
  | "totalTax"
  | "purchaseOrderRef"
  | "paymentTerms"
  | "deposit";

export interface LabelPattern {
  re: RegExp;
  /** How much a value found after this label is trusted (0..1), before the checks. */
  weight: number;
  exact?: boolean;
  /** A document title ("Invoice", "FACTURE", "Lasku") rather than a caption: a number after it is the invoice's when it
   * is the whole rest of the title, or when a "No." word starts the value beside or below it ("FACTURE" … "N° 183"). */
  title?: boolean;
  /** A bare "Number" caption: the invoice's only beside a date's caption, in a header box that is no table of lines. */
  bare?: boolean;
  /** A deposit label naming an amount owed from before and added to the balance ("Offene Zahlungen", "Previous
   * balance"), not one paid. */
  arrears?: boolean;
}

const NO = String.raw`(?:№|n\.?\s?[°ºo]\.?|n\.|nro\.?|nr\.?|nbr\.?|no\.?|num(?:ber|éro|mer|ero|er|ro)?\.?|número|number|#|nummer|-?nr\.?|č\.|n:o|br\.|št\.)`;

/** Words printed as document titles, in the languages of LABELS and Polish, Czech and Finnish. */
const TITLES = String.raw`(?:(?:tax\s+|commercial\s+)?invoice|rechnung|facture|factuur|factur[aă]|fattura|fatura|faktura|lasku|arve|ra[čc]un|sz[áa]mla)`;

/** A "No." word starting a value ("N° F-2024-0183", "No. INV-0042", "Nr. 2024-117", "#INV-7"). */
export const NUMBER_WORD = /^(?:№|n\.?\s?[°º]\.?|n:o|no\.|nro\.?|nr\.?|n\.|#|no(?=\s+\S*\d)|num(?:ber|éro|ero|mer|er)\.?|número|nummer)\s*[:.]?\s*/i;

/** A self-billed invoice's aside ("Gutschrift (Selbst ausgestellte Rechnung)", UNTDID 389): an invoice the customer
 * wrote, never a credit note. */
export const SELF_BILLED = /selbst\s*ausgestellte?\s+rechnung|gutschriftsverfahren|self[\s-]?bill(?:ed|ing)\s+invoice|auto-?facturation|autofattura|autofactura/i;

/** A credit note's title words (the document kind, engine/bills/document_kind.ts), in the languages of the labels
 * below and a few more: English, German, French, Dutch, Italian, Spanish, Portuguese, the Scandinavian languages,
 * Finnish, Polish, Czech/Slovak, Hungarian, Romanian and Greek. Sure ones: the vendor owes the company. */
export const CREDIT_NOTE_WORDS = String.raw`(?:(?:tax\s+|vat\s+)?credit[\s-]?(?:note|memo(?:randum)?|invoice|nota|factuur|faktuur)|creditnote|\p{L}+gutschrift(?:sanzeige)?|storno(?:rechnung|beleg)?|rechnungsstorno|(?:facture\s+d['’]\s?)?avoir|note\s+de\s+cr[ée]dit|nota\s+(?:di\s+|de\s+)?(?:ac)?cr[ée]dito|(?:factura\s+(?:de\s+)?)?abono|kredit(?:nota|faktura)|hyvityslasku|nota\s+kredytowa|dobropis|jóváíró\s+számla|factur[aă]\s+storno|πιστωτικό(?:\s+τιμολόγιο)?)`;
/** Title words of a credit note that is not sure when its amounts are printed positive: a correction (it may add as
 * well as take off) and the bare German "Gutschrift" (§ 14 (2) UStG names a self-billed invoice so; vendors name their
 * credit notes so). Printed negative, they are sure credit notes. */
export const UNSURE_CREDIT_WORDS = String.raw`(?:gutschrift(?:sanzeige)?|rechnungskorrektur|korrekturrechnung|faktura\s+korygując[ay]|korekta(?:\s+faktury)?|factura\s+rectificativa|fatura\s+retificativa|nota\s+di\s+variazione|corrective\s+invoice|correction\s+invoice|invoice\s+correction|opravný\s+daňový\s+doklad|helyesbítő\s+számla)`;

/** Not followed by what the amount leaves out ("excl.", "netto", "HT", "ohne"): an amount before tax is no total. "Net
 * payable", "net à payer" are totals. */
const NOT_NET = String.raw`(?!\s*\(?\s*(?:excl|exkl|ekskl|before|net(?:to)?(?!\s+(?:payable|à\s+payer|to\s+pay))|ht|hors|ohne|zonder|sin|senza|sem|utan|uden|sans)(?![\p{L}]))`;

/** What a statement (a utility bill) bills for this period, not the amount to pay with last bill's balance and the
 * payments since: "Total current charges", "Your new charges", "Total charges for this period", "Montant de cette
 * facture", "Betrag dieser Rechnung", "Totaal van deze factuur". */
const CURRENT_CHARGES_WORDS = String.raw`(?:total\s+)?(?:your\s+)?(?:new|current)\s+charges(?:\s+(?:for\s+)?this\s+(?:period|month|bill))?|total\s+(?:charges|amount)\s+(?:for\s+)?this\s+(?:period|month|bill|invoice)|(?:total\s+)?charges\s+(?:for\s+)?this\s+(?:period|month)|(?:total|amount)\s+of\s+this\s+(?:bill|invoice)|this\s+(?:bill|invoice)\s+total|montant\s+de\s+(?:cette|la\s+présente)\s+facture|total\s+de\s+cette\s+facture|(?:betrag|summe)\s+dieser\s+rechnung|totaal\s+(?:van\s+)?deze\s+factuur|importe\s+de\s+esta\s+factura|totale\s+(?:di\s+)?questa\s+(?:fattura|bolletta)`;
export const CURRENT_CHARGES = new RegExp(String.raw`^(?:${CURRENT_CHARGES_WORDS})(?![\p{L}])`, "iu");
/** A document's title alone in its cell ("Rechnung", "FACTURE", "Rechnung / Facture / Invoice"), a German compound
 * ("Ausgangsrechnung", "Schlussrechnung") or a credit note's ("Credit Note", "Factura rectificativa", "Gutschrift"). */
const TITLE_WORDS = String.raw`(?:${TITLES}|faktura\s+vat|\p{L}{2,20}rechnung|${CREDIT_NOTE_WORDS}|${UNSURE_CREDIT_WORDS})`;
export const TITLE_ALONE = new RegExp(String.raw`^${TITLE_WORDS}(?:\s*\/\s*${TITLE_WORDS})*$`, "iu");
/** A title word, alone or ending a compound ("Handelsrechnung", "Eindfactuur", "Slutfaktura"), or a credit note's. */
const TITLE_STEM = String.raw`(?:(?:tax\s+|commercial\s+)?invoice|\p{L}{0,20}(?:rechnung|factuur|faktura)(?:\s+vat)?|facture|factur[aă]|fattura|fatura|lasku|arve|ra[čc]un|sz[áa]mla|(?:fact|fatt|fra|fakt|rechn?|re|rg)\.|${CREDIT_NOTE_WORDS}|${UNSURE_CREDIT_WORDS})`;
/** Word starts naming another document or party than the invoice ("Rechnung zu Auftrag Nr.", "Invoice for order No.",
 * "Facture de commande n°", "Original invoice"): a number after them is not the invoice's. */
export const OTHER_THING = String.raw`(?:order|ordine|ordre|orden|bestell|beställ|bestilling|auftrag|commande|pedido|zam[oó]wieni|delivery|liefer|livraison|bon\s+de|consegna|entrega|albar[aá]n|dostaw|leverans|levering|customer|kunde|kund|client|klant|klient|contract|vertrag|contrat|contratt|contrato|umow|avtal|proje[ck]t|progett|proyect|account|konto|compte|cuenta|referen|réf[ée]ren|riferiment|room|zimmer|chambre|camera|habitaci|guest|gast|confirmation|best[äa]tig|reserv|booking|buchung|page|seite|steuer|mwst|ust|tva|iva|btw|moms|tax(?:e|\s+no|\s+id|\s+number)|vat\s+(?:no|reg|id|number))`;
/** Short words that tie a number to another document ("zu", "for", "de la", "all'"): whole words only. */
const OTHER_WORD = String.raw`(?:zu|zur|zum|für|gemäß|laut|lt|your|ihre?r?|votre|vos|uw|vostr[ao]|su|sus|tu|wasz[ae]?|er|din|for|to|per|against|on|au|aux|à|la|le|du|al|all|alla|del|della|dla|do|för|till|til|bij|van|voor|of)`;
/** An aside between a title and its "No." word: the document type's code or a copy mark in brackets ("(380)",
 * "(Kopie)", "(Selbst ausgestellte Rechnung)"), one or two words ("des Versicherers", "Bau", "d'acompte",
 * "simplificada") or the title again in another language ("/ Facture / Invoice"), none naming another thing. */
const ASIDE = String.raw`(?:\s*\((?![^)]*(?<!\p{L})${OTHER_THING})[^()]{1,40}\)|\s+(?:\p{L}{1,3}['’]\s?)?(?!${OTHER_THING}|orig|ursprüng|${OTHER_WORD}(?![\p{L}]))\p{L}[\p{L}.-]*|\s*\/\s*${TITLE_STEM})`;
/** A qualifier before a title ("Sales Invoice", "Our invoice", "Unsere Rechnung", "Final invoice"). */
const QUALIFIER = String.raw`(?:sales|commercial|vat|final|interim|partial|advance|pro[\s-]?forma|service|our|unsere?|e-?)\s+`;

export const LABELS: Readonly<Record<LabelKind, readonly LabelPattern[]>> = {
  invoiceNumber: [
    { re: new RegExp(String.raw`^(?:tax\s+)?invoice[\s-]*${NO}\s*[:.]?`, "i"), weight: 0.95 },
    { re: /^invoice\s+id\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:bill|receipt)\s*(?:no\.?|number|#)\s*[:.]?/i, weight: 0.85 },
    { re: /^rechnungs?[\s-]*(?:nummer|nr\.?|no\.?)\s*[:.]?/i, weight: 0.95 },
    { re: /^rechnung\s+(?:nr\.?|no\.?|nummer)\s*[:.]?/i, weight: 0.95 },
    { re: /^r[eg]\.?-?\s?nr\.?\s*[:.]?/i, weight: 0.8 },
    // Italian "Numero documento", "Documento n." (a fattura's own number).
    { re: /^(?:n(?:umero|\.|r\.?)\s+documento|documento\s+(?:n\.?|nr\.?|numero))\s*[:.]?/i, weight: 0.8 },
    { re: /^beleg[\s-]*(?:nummer|nr\.?|no\.?)\s*[:.]?/i, weight: 0.7 },
    // A receipt's or a hotel's own number: "Quittung Nr.", "Ricevuta n.", "Reçu n°", "Conto n.", "Note n°".
    { re: new RegExp(String.raw`^(?:quittung|kassenbon|ricevuta(?:\s+fiscale)?|re[çc]u|recibo|kvitto|paragon(?:\s+fiskalny)?|conto|note)[\s-]*${NO}\s*[:.]?`, "i"), weight: 0.8 },
    { re: /^(?:gutschrift|rechnungskorrektur)s?[\s-]*(?:nummer|nr\.?)\s*[:.]?/i, weight: 0.9 },
    // A credit note's number after its title: "Credit Note No.", "Avoir n°", "Nota di credito n.", "Kreditfaktura 5521".
    { re: new RegExp(String.raw`^(?:${CREDIT_NOTE_WORDS}|${UNSURE_CREDIT_WORDS})[\s-]*${NO}\s*[:.]?`, "iu"), weight: 0.9 },
    { re: new RegExp(String.raw`^(?:${CREDIT_NOTE_WORDS}|${UNSURE_CREDIT_WORDS})\s+(?=#?[A-Z0-9/_-]*\d)`, "iu"), weight: 0.8 },
    // A German compound title ("Handelsrechnung Nr.", "Mietrechnung Nr."), one of whom ("Rechnung des Versicherers
    // Nr.", "Beitragsrechnung zur Kraftfahrtversicherung Nr.") or a credit note's aside ("Gutschrift (Selbst
    // ausgestellte Rechnung) Nr."); not "Rechnung gemäß Bestellung Nr." (the order's number).
    { re: /^(?:\p{L}{3,}rechnung|rechnung(?=\s+(?:des|der|zur|zum)\s))(?:\s+(?:des|der|zur|zum)\s+\p{L}+)?\s+(?:nr\.?|nummer)\s*[:.]?/iu, weight: 0.9 },
    { re: /^gutschrift\s*\([^)]{1,40}\)\s*(?:nr\.?|nummer)\s*[:.]?/iu, weight: 0.9 },
    { re: /^(?:n[°ºo]|num[ée]ro)\s*(?:de\s+)?facture\s*[:.]?/i, weight: 0.95 },
    { re: new RegExp(String.raw`^facture[\s-]*${NO}\s*[:.]?`, "i"), weight: 0.95 },
    { re: /^factuur[\s-]*(?:nummer|nr\.?|no\.?)\s*[:.]?/i, weight: 0.95 },
    { re: /^factuurnr\.?\s*[:.]?/i, weight: 0.95 },
    { re: new RegExp(String.raw`^(?:factura|fattura|fatura)[\s-]*${NO}\s*[:.]?`, "i"), weight: 0.95 },
    // Polish "Faktura VAT nr", Czech "Faktura č.", Finnish "Laskun numero", "Lasku nro".
    { re: new RegExp(String.raw`^(?:faktura(?:\s+vat)?|laskun?)[\s-]*${NO}\s*[:.]?`, "i"), weight: 0.95 },
    { re: /^laskunumero\s*[:.]?/i, weight: 0.95 },
    { re: /^(?:n\.?\s?[°º]\.?|n\.|num(?:ero|éro)|número|numer|nr)\s*(?:de\s+|da\s+|del(?:la)?\s+)?(?:factura|fattura|fatura|faktury)\s*[:.]?/i, weight: 0.95 },
    // "Num. fattura", "Núm. factura", "Nr. factuur", "Número de la factura", "Nummer der Rechnung", "Számla sorszáma".
    { re: /^(?:(?:num|n[úu]m|nr)\.?\s*|n[úu]mero\s+|nummer\s+)(?:de\s+la\s+|della\s+|der\s+|van\s+de\s+)?(?:factura|fattura|fatura|factuur|rechnung|facture)\s*[:.]?|^sz[áa]mla\s*(?:sorsz[áa]ma|sz[áa]m)\s*[:.]?/iu, weight: 0.9 },
    // The document's own number: "Dokument-Nr.", "Dokumentnummer", "Doc. No.", "N° de pièce".
    { re: /^(?:dokument(?:en)?[\s-]*(?:nummer|nr\.?)|doc\.?\s*(?:no\.?|#|nr\.?)|n[°º]\s*(?:de\s+)?pi[èe]ce)\s*[:.]?/i, weight: 0.7 },
    { re: /^(?:fakturanummer|fakturanr\.?|faktura\s*(?:nr\.?|nummer))\s*[:.]?/i, weight: 0.95 },
    { re: /^inv\.?\s*(?:no\.?|#|number)\s*[:.]?/i, weight: 0.9 },
    { re: /^invoice\s+ref(?:erence)?\.?\s*(?:no\.?)?\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:our\s+ref(?:erence)?\.?|document\s+(?:no\.?|number|#))\s*[:.]?/i, weight: 0.7 },
    // A hotel's or a travel agent's bill numbered by its booking: the number the clerk files it under.
    { re: /^(?:booking|reservation)\s*(?:id|no\.?|number|#|ref(?:erence)?\.?)\s*[:.]?/i, weight: 0.65 },
    // A qualified title, or a title with an aside before its "No." word: "Handelsrechnung (380) Nr.", "Schlussrechnung
    // Bau (877) Nr.", "Facture (duplicata) n°", "Facture d'acompte n°", "Sales Invoice No.", "Rechnung / Invoice Nr.".
    { re: new RegExp(String.raw`^(?:${QUALIFIER})?${TITLE_STEM}${ASIDE}{0,3}[\s-]*${NO}\s*[:.]?`, "iu"), weight: 0.9 },
    { re: new RegExp(String.raw`^${QUALIFIER}${TITLE_STEM}\s*[:]`, "iu"), weight: 0.75 },
    // A hotel's folio: "Folio No.", "Folio-Nr.", "Guest Folio No.", "FOLIO 120456" (not "Folio fiscal", a Mexican UUID).
    { re: new RegExp(String.raw`^(?:guest\s+|hotel\s+)?folio[\s-]*${NO}\s*[:.]?`, "i"), weight: 0.85 },
    { re: /^(?:guest\s+)?folio\s*:/i, weight: 0.8 },
    { re: /^folio\s+(?=#?[A-Z0-9/_-]*\d)/i, weight: 0.6, title: true },
    // French "Réf. facture", Czech / Slovak "Číslo faktury", "Faktúra č.".
    { re: /^(?:r[ée]f(?:[ée]rence)?\.?\s*(?:de\s+(?:la\s+)?)?facture|[čc][íi]slo\s+fakt[uú]ry|fakt[uú]ra\s+[čc]\.)\s*[:.]?/iu, weight: 0.9 },
    { re: new RegExp(String.raw`^${TITLES}\s*[:]`, "i"), weight: 0.75 },
    { re: TITLE_ALONE, weight: 0.7, exact: true, title: true },
    { re: new RegExp(String.raw`^(?:${TITLES}|faktura\s+vat|\p{L}{2,20}(?:rechnung|factuur|faktura))\s+(?=(?:[A-Z]{1,4}\s+)?[A-Z0-9/_-]*\d)`, "iu"), weight: 0.6, title: true },
    { re: /^(?:n[°º]|no\.?|nr\.?|nro\.?|num[ée]ro|número|number|nummer|numer)\s*:?$/i, weight: 0.6, exact: true, bare: true },
  ],
  invoiceDate: [
    { re: /^(?:invoice|billing|bill)\s*date\s*[:.]?/i, weight: 0.95 },
    { re: /^date\s+of\s+(?:invoice|issue)\s*[:.]?/i, weight: 0.95 },
    { re: /^(?:issue|issued|invoiced)\s*(?:date|on)?\s*[:.]?/i, weight: 0.8 },
    { re: /^rechnungs-?\s?datum\s*[:.]?/i, weight: 0.95 },
    { re: /^(?:date\s+de\s+l['’]\s?avoir|credit\s+(?:note|memo)\s+date|date\s+of\s+(?:the\s+)?credit\s+note|gutschrifts-?\s?datum|datum\s+der\s+gutschrift|creditnota\s*datum|data\s+(?:della\s+)?nota\s+di\s+credito|fecha\s+(?:de\s+la\s+)?nota\s+de\s+crédito)\s*[:.]?/i, weight: 0.95 },
    { re: /^beleg-?\s?datum\s*[:.]?/i, weight: 0.85 },
    { re: /^(?:ausstellungs-?\s?datum|ausgestellt\s+am|rechnungs-?\s+und\s+liefer-?\s?datum|(?:facture\s+)?(?:émise|emise|établie|etablie)\s+le)\s*[:.]?/i, weight: 0.9 },
    { re: /^r[eg]\.?-?\s?datum\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:date\s+(?:de\s+(?:la\s+)?)?(?:facture|facturation|d'émission|émission))\s*[:.]?/i, weight: 0.95 },
    { re: /^factuur\s*datum\s*[:.]?/i, weight: 0.95 },
    { re: /^date\s+issued\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:tax\s+point|date\s+of\s+supply)(?:\s+date)?\s*[:.]?/i, weight: 0.85 },
    { re: /^fecha\s+(?:de\s+)?(?:la\s+)?(?:factura|emisión|expedición)\s*[:.]?/i, weight: 0.95 },
    { re: /^data\s+(?:(?:da|de|della)\s+)?(?:fattura|fatura|documento|emissione|emissão)\s*[:.]?/i, weight: 0.95 },
    { re: /^(?:fakturadatum|fakturadato)\s*[:.]?/i, weight: 0.95 },
    { re: /^(?:data\s+(?:wystawienia|faktury)|laskun\s+päiv(?:ämäärä|äys)|laskupäivä(?:määrä)?|d[aá]tum\s+vystaven[ií][ae]?)\s*[:.]?/iu, weight: 0.95 },
    { re: /^(?:päivämäärä|päiväys)\s*[:.]?/i, weight: 0.6 },
    { re: /^(?:fecha|data|dato)\s*[:.]?/i, weight: 0.6 },
    { re: /^(?:datum|date|dated)\s*[:.]?/i, weight: 0.6 },
  ],
  dueDate: [
    { re: /^(?:payment\s+)?due\s*(?:date|on|by)?\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:pay(?:able|ment)?\s+(?:by|until|before)|to\s+be\s+paid\s+(?:by|until|before)|payment\s+deadline|date\s+due)\s*[:.]?/i, weight: 0.85 },
    // The day a direct debit is collected (SEPA pre-notification): the day the bill is paid.
    { re: /^(?:(?:direct\s+)?debit(?:ing)?\s+date|collection\s+date|date\s+of\s+(?:debit|collection)|abbuchungs-?\s?datum|einzugs-?\s?datum|lastschrift-?\s?datum|abbuchung\s+am|einzug\s+am|date\s+de\s+prélèvement|prélèvement\s+le|incasso-?\s?datum|afschrijf-?\s?datum)\s*[:.]?/i, weight: 0.85 },
    { re: /^(?:netto\s*fällig(?:keit)?(?:\s+(?:am|bis))?|fällig\s+netto(?:\s+(?:am|bis))?|fälligkeit(?:sdatum|stag)?|fällig\s+(?:am|bis)|zahlbar\s+bis(?:\s+zum)?|zahlungsziel|zahlungsfrist|zahlungstermin)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:date\s+d['’]\s?(?:échéance|exigibilité)|exigible\s+le|échéance|date\s+limite(?:\s+de\s+(?:paiement|règlement))?(?:\s+le)?|à\s+payer\s+avant\s+le)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:vervaldatum|vervaldag|uiterste\s+betaaldatum|te\s+betalen\s+voor)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:fecha\s+(?:de\s+)?vencimiento|vencimiento|uiterste\s+betaal(?:datum|dag)|(?:data\s+(?:di\s+)?)?scadenza(?:\s+(?:del(?:la)?\s+)?(?:pagamento|fattura))?|data\s+de\s+vencimento|vencimento)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:förfallodatum|förfallodag|att\s+betala\s+senast|sista\s+betalningsdag|forfaldsdato|betalingsfrist|sidste\s+rettidige\s+betalingsdag)\s*[:.]?/i, weight: 0.9 },
    // Finnish, Polish, Czech / Slovak, Norwegian: "Eräpäivä", "Termin płatności", "Datum splatnosti", "Forfallsdato".
    { re: /^(?:eräpäivä|erääntymispäivä|termin\s+(?:płatności|zapłaty)|data\s+płatności|d[aá]tum\s+splatnosti|splatnost|forfallsdato|forfall)\s*[:.]?/iu, weight: 0.9 },
    // Spellings without accents or with a polite word ("Echeance", "A payer avant le", "Please pay by"), and Hungarian,
    // Croatian, Estonian, Romanian ones.
    { re: /^(?:please\s+pay\s+(?:by|before)|zu\s+zahlen\s+bis|fällig|a\s+payer\s+avant\s+le|(?:date\s+d['’]\s?)?[ée]ch[ée]ance|fecha\s+l[ií]mite\s+de\s+pago|vence(?:\s+el)?|(?:te\s+)?betalen\s+v[oó]{2}r|betalas\s+senast|betales\s+senest|sidste\s+betalingsdag|fizetési\s+határidő|rok\s+plaćanja|datum\s+dospijeća|maksetähtaeg|data\s+scaden[tţț]ei)\s*[:.]?/iu, weight: 0.85 },
    { re: /^(?:payment\s+date|date\s+de\s+(?:paiement|règlement)|fecha\s+de\s+pago|betaaldatum|data\s+(?:di|de)\s+pagamento|zahlungsdatum)\s*[:.]?/i, weight: 0.75 },
  ],
  total: [
    { re: /^(?:total\s+)?amount\s+(?:due|payable|to\s+pay)\s*[:.]?/i, weight: 0.95 },
    { re: /^(?:total\s+payable|total\s*\((?:incl\.?\s*)?(?:vat|tax)\)|grand\s+total|invoice\s+total|total\s+due|balance\s+due|total\s+(?:incl\.?|including)\s+(?:tax|vat)|total\s+amount)\s*[:.]?/i, weight: 0.95 },
    { re: /^(?:rechnungsbeitrag|zu\s+zahlender\s+beitrag)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:total\s+credit(?:\s+amount)?|credit\s+(?:note\s+)?total|amount\s+credited|gutschriftsbetrag|gesamtgutschrift|montant\s+(?:total\s+)?(?:de\s+l['’]\s?)?avoir|total\s+(?:de\s+l['’]\s?)?avoir|totaal\s+credit)\s*[:.]?/i, weight: 0.95 },
    // "Total (EUR)", "Grand Total (INR)", "Amount payable in GBP", "Net payable", "Amount to be paid".
    { re: /^(?:grand\s+total|total(?:\s+amount)?|amount\s+(?:due|payable))\s*(?:\(\s*(?:[A-Z]{3}|[€$£₹]|rs\.?)\s*\)|in\s+[A-Z]{3}\b)\s*[:.]?/i, weight: 0.9 },
    // "Total CHF", "Totale EUR", "Totalt SEK", "Summe EUR": the code bare, not followed by what the amount leaves out.
    { re: new RegExp(String.raw`^(?:grand\s+total|total(?:\s+amount)?|totale|totalt|totaal|summe|gesamt)\s+(?:EUR|CHF|USD|GBP|SEK|DKK|NOK|PLN|CZK|INR|CAD|AUD)(?![\p{L}])${NOT_NET}\s*[:.]?`, "iu"), weight: 0.9 },
    { re: /^(?:net\s+payable|payable\s+amount|amount\s+to\s+be\s+paid|total\s+amount\s+(?:due|payable)|invoice\s+amount|(?:total\s+)?invoice\s+value)\s*[:.]?/i, weight: 0.9 },
    // "Gesamtbetrag der Abschläge", "Gesamtsumme der Zuschläge": a total of some lines, not the invoice's.
    { re: /^(?:(?:rechnungs|gesamt|end)?summe\s+\(?brutto\)?|(?:gesamt(?:preis|betrag)?|betrag)\s+\(?brutto\)?|gross\s+(?:amount|total)|rechnungsendbetrag|endsumme|summe\s+inkl\.?|(?:gesamtbetrag|rechnungsbetrag|gesamtsumme)(?!\s+netto|\s+de[rs]\s+(?!rechnung))|endbetrag|bruttobetrag|bruttosumme|brutto|zu\s+zahlen(?:der\s+betrag)?|zahlbetrag)\s*[:.]?/i, weight: 0.95 },
    // Belgium: "Total TVAC", "Montant T.V.A.C.", "Total TVA comprise".
    { re: /^(?:(?:total|montant|prix)\s+(?:tvac|t\.v\.a\.c\.?)|total\s+tva\s+comprise)\s*[:.]?/i, weight: 0.95 },
    { re: /^(?:total\s+ttc|montant\s+(?:total\s+)?ttc|montant\s+total(?!\s+(?:h\.?t|hors))|total\s+g[ée]n[ée]ral(?!\s+(?:h\.?t|hors))|net\s+à\s+payer|somme\s+à\s+payer|total\s+à\s+payer|montant\s+à\s+payer|total\s+facture|solde\s+à\s+payer)\s*[:.]?/i, weight: 0.95 },
    { re: /^(?:reste\s+dû|montant\s+dû|solde\s+dû|reste\s+à\s+payer|restbetrag|noch\s+zu\s+zahlen|offener\s+betrag|(?:totale\s+)?da\s+pagare|importe\s+a\s+pagar)\s*[:.]?/iu, weight: 0.9 },
    { re: /^(?:factuur\s*totaal|totaal\s*bedrag|totaal\s+incl\.?(?:\s+btw)?|te\s+betalen|totaal\s+te\s+betalen)\s*[:.]?/i, weight: 0.95 },
    { re: /^(?:total\s+inkl\.?\s+(?:mwst|moms)|total\s+(?:factura|a\s+pagar|com\s+iva)|importe\s+total|totale\s+(?:fattura|documento|da\s+pagare)|(?:totalt\s+|summa\s+)?att\s+betala|at\s+betale|i\s+alt(?!\s+eks))\s*[:.]?/i, weight: 0.95 },
    { re: /^(?:razem\s+brutto|wartość\s+brutto|(?:razem\s+|kwota\s+|suma\s+)?do\s+zapłaty)\s*[:.]?/iu, weight: 0.95 },
    // Czech, Slovak, Hungarian: "Celkem k úhradě", "Celkom k úhrade", "Fizetendő összeg", "Végösszeg".
    { re: /^(?:(?:celkem\s+|celkom\s+|suma\s+|spolu\s+)?k\s+úhrad[ěe]|celková\s+částka|fizetendő(?:\s+(?:összeg|végösszeg))?|(?:bruttó\s+)?végösszeg|bruttó(?:\s+(?:összeg|érték|ár))?|(?:totalt\s+|beløp\s+|sum\s+)?å\s+betale|(?:sum|totalt|beløp)\s+inkl\.?\s+mva)\s*[:.]?/iu, weight: 0.95 },
    // A statement's charges of this period, before last bill's balance and the payments since (a utility bill).
    { re: new RegExp(String.raw`^(?:${CURRENT_CHARGES_WORDS})\s*[:.]?`, "iu"), weight: 0.95 },
    { re: /^(?:total|totaal|summe|gesamt|totale|totalt)\s*[:.]?$/i, weight: 0.8 },
    // "Summe netto", "Total net", "Total excl.": the amount before tax, not a total (an untaxed label reads it).
    { re: new RegExp(String.raw`^(?:total|totaal|summe|totale|totalt)${NOT_NET}\s*[:.]?`, "iu"), weight: 0.6 },
  ],
  untaxed: [
    { re: /^(?:goods\s+total|total\s*\((?:excl\.?|excluding)\s*(?:vat|tax)\)|taxable\s+(?:value|amount)|sub[\s-]?total|total\s+(?:excl\.?|excluding|before)\s*(?:tax|vat)?|net\s+(?:amount|total)|total\s+net|amount\s+(?:excl\.?|before)\s+tax)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:gesamtbeitrag|nettobeitrag|beitrag\s+netto)\s*[:.]?/i, weight: 0.8 },
    { re: /^(?:rechnungssumme\s+netto|(?:gesamtbetrag|gesamtsumme|betrag)\s+netto|nettobetrag|summe\s+netto|netto(?:summe|betrag)?|zwischensumme|gesamt\s+netto|rechnungsbetrag\s+netto)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:total\s+ht|montant\s+(?:total\s+)?(?:eur\s+)?ht|sous[\s-]total|total\s+hors\s+taxes?)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:exclusief\s+btw|totaal\s+excl\.?(?:\s+btw)?|subtotaal|netto\s*bedrag)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:razem\s+netto|wartość\s+netto)\s*[:.]?/iu, weight: 0.9 },
    // Hungarian and Norwegian: "Nettó összeg", "Összesen nettó", "Sum eks. mva".
    { re: /^(?:nettó(?:\s+(?:összeg|érték|ár))?|összesen\s+nettó|(?:sum|beløp|netto(?:beløp)?|totalt)\s+eks\.?\s+mva)\s*[:.]?/iu, weight: 0.9 },
    { re: /^(?:(?:celkem|celkom|spolu)\s+bez\s+dph|nettó\s+(?:összesen|végösszeg))\s*[:.]?/iu, weight: 0.9 },
    // The base after a discount: "Base imposable", "Maatstaf van heffing" (Belgium, France, the Netherlands).
    { re: /^(?:base\s+(?:imposable|hors\s+taxes?)|maatstaf\s+van\s+heffing)\s*[:.]?/iu, weight: 0.85 },
    { re: /^(?:total\s+exkl\.?\s+mwst|zwischentotal|base\s+imponible|importe\s+neto|(?:totale\s+)?imponibile|total\s+sem\s+iva|valor\s+líquido|(?:belopp|summa|beløb|i\s+alt)\s+(?:exkl|ekskl)\.?\s+moms)\s*[:.]?/i, weight: 0.9 },
  ],
  totalTax: [
    { re: /^(?:total\s+)?(?:tax|vat|gst|[csiu]gst|hst|pst|sales\s+tax)(?![a-zà-ÿ])(?:\s+amount|\s+total)?\s*(?:@|at)?\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s*%)?\s*[:.]?/i, weight: 0.85 },
    { re: /^versicherung(?:s)?steuer\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s*%)?\s*[:.]?/i, weight: 0.85 },
    { re: /^(?:(?:mwst|ust)[.-]?\s?betrag|steuerbetrag|mehrwertsteuerbetrag)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:mwst\.?|ust\.?|umsatzsteuer|mehrwertsteuer|zzgl\.?\s+(?:mwst|ust)\.?)\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s*%)?\s*[:.]?/i, weight: 0.85 },
    { re: /^(?:(?:montant\s+(?:de\s+la\s+)?|total\s+)?tva(?!c(?![a-z])|\s+compris)|taxes?(?!\s+(?:de|du|des|d['’]|sur|on|for)\s|\s+(?:séjour|foncière|locale)\b))\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s*%)?\s*[:.]?/i, weight: 0.85 },
    { re: /^(?:btw(?:\s+bedrag)?|totaal\s+btw)\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s*%)?\s*[:.]?/i, weight: 0.85 },
    { re: /^(?:áfa(?:\s+összeg)?|(?:mva|merverdiavgift)(?:\s+beløp)?)\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s*%)?\s*[:.]?/iu, weight: 0.85 },
    { re: /^(?:(?:cuota\s+|total\s+|totale\s+)?iva|imposta(?!\s+di\s+(?:soggiorno|bollo))|moms(?:belopp)?)\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s*%)?\s*[:.]?/i, weight: 0.85 },
    // The rate before the tax's name: "zzgl. 19 % MwSt.", "plus 20% VAT", "20 % TVA", "+ 21 % BTW".
    { re: /^(?:(?:zzgl\.?|zuzüglich|plus|\+)\s*)?\d{1,2}(?:[.,]\d{1,2})?\s*%\s*(?:mwst|ust|umsatzsteuer|mehrwertsteuer|vat|gst|tax|tva|btw|iva|moms)\.?(?![\p{L}])\s*[:.]?/iu, weight: 0.85 },
  ],
  purchaseOrderRef: [
    { re: /^(?:p\.?o\.?|purchase\s+order)(?=[\s:#]|$)\s*(?:no\.?|number|#|ref\.?|reference)?\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:your\s+(?:order|reference|ref\.?)|order\s*(?:no\.?|number|#|id)|customer\s+order)\s*[:.]?/i, weight: 0.8 },
    { re: /^(?:bestell(?:nummer|-?nr\.?|ung)|ihre\s+(?:bestellung|bestellnummer|referenz|zeichen)|auftrags?(?:nummer|-?nr\.?))\s*[:.]?/i, weight: 0.8 },
    { re: /^(?:votre\s+(?:référence|commande|réf\.?)|bon\s+de\s+commande|n[°º]\s*(?:de\s+)?commande|commande)\s*[:.]?/i, weight: 0.8 },
    { re: /^(?:uw\s+(?:referentie|ordernummer|bestelling)|ordernummer|bestelnummer|inkoopordernummer)\s*[:.]?/i, weight: 0.8 },
  ],
  paymentTerms: [
    { re: /^(?:payment\s+terms?|terms(?:\s+of\s+payment)?)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:zahlungs(?:bedingungen|ziel|konditionen))\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:conditions\s+de\s+(?:paiement|règlement)|modalités\s+de\s+paiement)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:betalings(?:voorwaarden|termijn|condities?)|betaal(?:termijn|voorwaarden|conditie))\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:zahlungs(?:frist|bedingung|termin)|délai\s+de\s+(?:paiement|règlement)|modalités\s+de\s+règlement|condiciones\s+de\s+pago|forma\s+de\s+pago|plazo\s+de\s+pago|(?:termini|condizioni|modalità)\s+di\s+pagamento|condições\s+de\s+pagamento|prazo\s+de\s+pagamento|betalningsvillkor|betalingsbetingelser|betalingsvilkår|maksuehdot?|termin\s+płatności|(?:sposób|forma)\s+płatności|platební\s+podmínky)\s*[:.]?/iu, weight: 0.85 },
    // A caption alone ("Payment", "Règlement", "Pagamento"): only as the whole cell.
    { re: /^(?:payment|zahlung|règlement|paiement|pago|pagamento|betaling|betalning|maksu)\s*:?$/iu, weight: 0.8, exact: true },
  ],
  // Paid before the balance: a deposit, an amount already paid, an early-payment discount deducted. The invoice's
  // total is the balance plus these: a payment is no reduction of the invoice.
  deposit: [
    { re: /^(?:offene\s+(?:zahlungen|posten|beträge)|rückstand|saldovortrag|vorheriger\s+saldo|previous\s+balance|arrears|outstanding\s+(?:balance|amount)\s+(?:from\s+)?previous(?:\s+invoices?)?|solde\s+antérieur|impayés?\s+antérieurs?|achterstallig(?:\s+bedrag)?|vorig\s+saldo)\s*[:.]?/iu, weight: 0.8, arrears: true },
    // Last bill's amount on a statement: "Amount of your last bill", "Balance from previous bill", "Solde de votre
    // précédente facture", "Betrag der letzten Rechnung".
    { re: /^(?:(?:amount|total|balance)\s+(?:of|from|on)\s+(?:your\s+)?(?:last|previous)\s+(?:bill|invoice|statement)|(?:your\s+)?(?:last|previous)\s+(?:bill|invoice|statement)(?:\s+(?:amount|total))?|balance\s+forward|past\s+due\s+(?:balance|amount)|(?:solde|montant)\s+de\s+(?:votre|la)\s+(?:précédente|dernière)\s+facture|(?:betrag|summe)\s+(?:der|ihrer)\s+(?:letzten|vorigen)\s+rechnung|saldo\s+(?:vorige|laatste)\s+factuur)\s*[:.]?/iu, weight: 0.8, arrears: true },
    { re: /^(?:(?:less|minus)\s+)?(?:(?:deposit|down\s+payment|advance\s+payment|prepayment)(?:\s+(?:paid|received|made))?|payments?\s+(?:received|made))(?:\s+on\s+\S+)?\s*[:.]?/i, weight: 0.85 },
    { re: /^(?:(?:less\s+)?(?:already|previously)\s+paid|amount\s+(?:already\s+)?paid|paid\s+to\s+date|less\s+paid)\s*[:.]?/i, weight: 0.85 },
    // A statement's payments since the last bill: "Payments", "Payments/Credits", "Paiement reçu", "Zahlung erhalten".
    { re: /^(?:payments?(?:\s*\/\s*credits?)?(?!\s*[\p{L}(])|paiements?\s+reçus?|règlements?\s+reçus?|zahlung(?:en)?\s+(?:erhalten|eingegangen)|betaling(?:en)?\s+ontvangen)(?![\p{L}])\s*[:.]?/iu, weight: 0.8 },
    { re: /^(?:(?:abzüglich|abzgl\.?|minus|\.\/\.)\s+)?(?:geleistete\s+|erhaltene\s+)?(?:anzahlung(?:en)?|abschlagszahlung(?:en)?|vorauszahlung(?:en)?|akonto(?:zahlung)?)(?:\s+vom\s+\S+)?\s*[:.]?/iu, weight: 0.85 },
    { re: /^(?:(?:abzüglich|abzgl\.?)\s+)?(?:bereits\s+(?:bezahlt|gezahlt|geleistet|erhalten)|schon\s+bezahlt)\s*[:.]?/iu, weight: 0.85 },
    { re: /^(?:acomptes?(?:\s+(?:versée?s?|reçue?s?|payée?s?|déjà\s+versée?s?))?|déjà\s+(?:payé|réglé|versé)|(?:montant\s+)?(?:déjà\s+)?réglé|avance\s+versée)(?:\s+le\s+\S+)?\s*[:.]?/iu, weight: 0.85 },
    { re: /^(?:importe\s+pagado|(?:ya\s+)?pagado|anticipo(?:\s+(?:pagado|recibido))?|entrega\s+a\s+cuenta|acconto(?:\s+versato)?|anticipo\s+versato|già\s+(?:pagato|versato)|aanbetaling|reeds\s+betaald|al\s+betaald|vooruitbetaling|voorschot)\s*[:.]?/iu, weight: 0.85 },
    { re: /^(?:(?:abzüglich|abzgl\.?|minus|less|moins)\s+)?(?:\d{1,2}(?:[.,]\d{1,2})?\s*%\s+)?(?:skonto|escompte|sconto|early\s+payment\s+discount|prompt\s+payment\s+discount|descuento\s+(?:por\s+)?pronto\s+pago|betalingskorting)(?:\s+\d{1,2}(?:[.,]\d{1,2})?\s*%)?\s*[:.]?/iu, weight: 0.8 },
  ],
};

/** Captions of a totals row that are no labels elsewhere (a bare "Net", "HT", "Gross", "TTC" in a sentence or a
 * line's column says nothing): whole cells of a row of captions over (or under) a row of figures only. */
export const TOTALS_ROW_CAPTIONS: Readonly<Record<"untaxed" | "totalTax" | "total", RegExp>> = {
  untaxed: /^(?:net(?:t|to)?|neto|ht|h\.t\.|net\s+value|goods(?:\s+value)?|nettowert|warenwert|base|grondslag|excl\.?\s+(?:vat|tax|btw|mwst|tva|iva))$/i,
  totalTax: /^(?:steuer|impuesto|imposta|imposto|skat)$/i,
  total: /^(?:gross|brutto|bruto|lordo|ttc|t\.t\.c\.|bruttowert|incl\.?\s+(?:vat|tax|btw|mwst|tva|iva))$/i,
};

/** Total labels naming what is left to pay ("Balance due", "Net à payer", "Zahlbetrag", "Te betalen"): the invoice's
 * total only when nothing was paid before it. */
export const BALANCE_LABEL = /^(?:(?:reste|montant|solde)\s+dû|(?:total\s+)?amount\s+(?:due|payable|to\s+pay)|balance(?:\s+due)?|total\s+due|net\s+payable|amount\s+to\s+be\s+paid|(?:net|reste|solde|montant|total|somme)\s+à\s+payer|zahlbetrag|zu\s+zahlen(?:der\s+betrag)?|(?:noch\s+zu\s+zahlen|restbetrag|offener\s+betrag)|(?:totaal\s+)?te\s+betalen|(?:total|importe)\s+a\s+pagar|(?:totale\s+)?da\s+pagare|saldo)/iu;

/** A subtotal carried over to the next page or brought from the last ("Übertrag", "Total carried forward", "Suma y
 * sigue", "A reporter", "Riporto"): no untaxed amount, no total and no line of the bill. A bare "Report" counts as a
 * whole cell only. */
export const CARRIED = /(?<![\p{L}])(?:übertrag|uebertrag|vortrag|carried\s+(?:forward|over)|brought\s+forward|carry\s+forward|c\/f|b\/f|(?:total\s+)?à\s+reporter|a\s+reporter|reporté|suma\s+y\s+sigue|suma\s+anterior|sigue\s+en\s+la\s+página|(?:totale\s+)?da\s+riportare|a\s+riportare|riporto|van\s+vorige\s+pagina|naar\s+volgende\s+pagina|transport\s+(?:van|naar))(?![\p{L}])|^\s*report\s*:?\s*$/iu;

/** Leaders joining a label to its value: a run of dots, middle dots, ellipses, underscores or dashes, spaced or not
 * ("Due date ........ 05/03/2025", "Rechnungsdatum · · · 03.02.2025", "Échéance……15/04/2025", "Nr. ---- 118"),
 * with a colon on either side. Two marks at least: one dot or dash may belong to the label or the value. */
export const LEADERS = /^[\s:]*(?:(?:[.·•…_\-–—]\s?){2,}|…\s?)[\s:]*/u;

/** Receipt totals (expense receipts, read with `receipt: true`): what tills and card terminals print before the
 * amount paid, after the bills' own labels. The payment lines (card, cash) weigh less than a total label. */
export const RECEIPT_LABELS: Readonly<Pick<Record<LabelKind, readonly LabelPattern[]>, "total">> = {
  total: [
    { re: /^(?:total|summe|gesamt|betrag|montant|totaal)\s*(?:eur|usd|gbp|chf|pln|inr|€|\$|£)\s*[:.]?/i, weight: 0.9 },
    { re: /^(?:zu\s+zahlen|à\s+payer|amount\s+paid|paid|total\s+paid|payment\s+received(?:\s+by\s+\S+)?)\s*[:.]?/i, weight: 0.8 },
    { re: /^(?:card|credit\s+card|debit\s+card|visa|mastercard|maestro|amex|girocard|ec[\s-]?karte|karte|kartenzahlung|carte(?:\s+bancaire)?|cb|pin|bar|cash|espèces|contant)\s*[:.]?(?=\s|$|\d|[€$£])/i, weight: 0.7 },
  ],
};

/** Words on a line that say the value belongs to the customer, not the vendor ("Uw BTW nummer", "N° TVA client"). */
export const CUSTOMER_MARKERS = /(?:^|[^\p{L}])(?:your|uw|votre|ihre?|client|customer|kunde|kunden|klant|cliente|destinatario|spett\.?le|kund|billed\s+to|billing\s+address|shipping\s+address|delivery\s+address|invoice\s+address|(?<!payment\s)recipient|receiver|guest(?:\s+name)?|consignee|addressee|attn\.?|factur[ée]\s+à|facturar\s+a|faturar\s+a|faktureras\s+till|faktureres\s+til|rechnungsadresse|exmo\(?s?\)?\.?|acheteur|buyer|bill\s+to|ship\s+to|sold\s+to|invoice\s+to|deliver\s+to|factuuradres|afleveradres|livraison|facturation|destinataire|nabywca|käufer|rechnungsempfänger|warenempfänger|empfänger|lieferanschrift|lieferadresse|rechnungsanschrift|auftraggeber|leistungsempfänger|cessionario|committente|acquirente|köpare|mottagare|ostaja|vastaanottaja|asiakas|køber|modtager|mottaker|odběratel|kupující|odbiorca|comprador|adquirente|destinatário|receptor|vevő|klient)(?:$|[^\p{L}])/iu;

/** Headings of the recipient's address block: the customer markers, and a bare "To:" / "An:" / "Aan:" heading (only
 * as a whole cell: "Payment to:" names the vendor). */
export const RECIPIENT_HEADINGS = new RegExp(`${CUSTOMER_MARKERS.source}|^(?:to|an|aan|à|a|para|till|til|pour|do)\\s*:?$`, "iu");

/** A statement tying a brand to the legal entity that issues the bill: "Pixelpost is a trading name of Harrow Digital
 * Ltd", "X ist eine Marke der Y GmbH", "X est une marque de Y", "X is een handelsnaam van Y", "X, operated by Y"
 * (brand before), or "Y trading as X", "Y t/a X" (brand after). */
export const BRAND_BEFORE = /\s*,?\s+(?:is\s+(?:a\s+)?(?:(?:registered\s+)?(?:brand|trading\s+name|trade\s+name|trademark|division)\s+of|operated\s+by)|(?:is\s+)?(?:a\s+)?brand\s+of|(?:is\s+)?operated\s+by|ist\s+eine\s+(?:eingetragene\s+)?marke\s+(?:der|des|von)|est\s+une\s+marque\s+(?:de\s+la|de|du)|is\s+een\s+(?:merk|handelsnaam)\s+van)\s+/i;
/** After a legal entity's name: it invoices as an agent, in its own name, for a brand or principal ("Velden B.V. i.o.v.
 * Orbita.com", "im Auftrag von", "on behalf of"): the agent, whose VAT number the bill bears, is the seller of record. */
export const AGENT_FOR = /^\s*,?\s*(?:i\.?\s?o\.?\s?v\.?|namens|on\s+behalf\s+of|acting\s+for|as\s+agent\s+(?:of|for)|im\s+(?:auftrag|namen)\s+(?:von|der|des)|für\s+rechnung\s+(?:von|der|des)|pour\s+le\s+compte\s+(?:de|du|d')|au\s+nom\s+(?:de|du)|per\s+conto\s+(?:di|del)|en\s+nombre\s+de|por\s+cuenta\s+de)(?=[\s:]|$)/i;
export const BRAND_AFTER = /\s+(?:trading\s+as|t\/a|handelnd\s+als|h\.o\.d\.n\.)\s+/i;

/** Lines naming a payment provider, a software vendor or a social network rather than the seller. */
export const THIRD_PARTY_LINE = /\b(?:pa(?:y|id)\p{L}*|zahl\p{L}*|bezahl\p{L}*|paiement|payé|betaal\p{L}*|betaling|card|karte|carte|powered|generated|created|erstellt|software|follow|folgen|suivez|volg)\b/iu;
export const THIRD_PARTY_HOSTS = /^(?:paypal|stripe|klarna|sofort|adyen|mollie|squareup|square|sumup|facebook|instagram|twitter|linkedin|youtube|tiktok|xing|google|apple|microsoft|zoho|quickbooks|xero|sevdesk|lexoffice|billomat|invoiceninja|freshbooks|wave)$/;

/** Headings of the vendor's own address block ("Lieferant", "Rechnungsersteller", "Supplier"). */
export const VENDOR_MARKERS = /^(?:lieferant|rechnungsersteller|rechnungssteller|rechnungsaussteller|leistungserbringer|auftragnehmer|issuer|issued\s+by|invoice\s+from|bill(?:ed)?\s+from|sender|prestataire|émis\s+par|verkäufer|absender|supplier|vendor|seller|from|fournisseur|vendeur|émetteur|leverancier|verkoper|sprzedawca|emisor|proveedor|mittente|fornitore|fornecedor|leverantör|leverandør|von|de|da|från|fra|od|cedente(?:\s*\/\s*prestatore)?|prestatore|venditore|säljare|avsändare|myyjä|lähettäjä|toimittaja|sælger|afsender|selger|dodavatel|prodávající|dostawca|wystawca|vendedor|prestador|emitente|eladó|szállító)\s*:?$/iu;

/** A due date inside a payment-terms sentence: "netto bis 04.04.2013", "payable before 3 May 2024", "to be paid
 * until 14/05/2025", "bitte zahlbar bis zum 19.06.2025", "à régler avant le 9 avril". The date follows (after an
 * article: "zum", "the", "le"). */
export const DUE_IN_SENTENCE = /\b(?:netto\s+bis|zahlbar\s+bis|fällig\s+(?:am|bis)|(?:zu\s+der\s+)?fälligkeit(?:\s+am)?|spätestens(?:\s+(?:am|bis))?|due\s+(?:on|by|before)|payable\s+(?:by|before|until|on\s+or\s+before|no\s+later\s+than)|(?:to\s+be\s+)?paid\s+(?:by|until|before|no\s+later\s+than)|(?:please\s+)?pay\s+(?:by|before|until)|remit(?:\s+payment)?\s+by|avant\s+le|au\s+plus\s+tard\s+le|uiterlijk(?:\s+op)?|vóór|voor)\s+(?:(?:zum|dem|den|the|le|op)\s+)?/i;

/** A direct debit announced in a sentence (SEPA pre-notification): "Der Betrag wird am 03.03.2025 abgebucht", "sera
 * prélevé le 25/03/2025", "wordt op 16-05-2025 afgeschreven", "will be debited from your account on 2 May". The
 * date after "am / zum / le / op / on" in such a sentence is the day the bill is paid. */
export const DEBIT_SENTENCE = /(?<!\p{L})(?:eingezogen|abgebucht|abbuchen|einziehen|belastet|lastschrift|prélevée?s?|prélèvement|débitée?s?|afgeschreven|geïncasseerd|geincasseerd|incasso|debited|collected|direct\s+debit|carg(?:ará|aremos|ado|ada|o\s+en\s+(?:su\s+)?cuenta)|domiciliad[oa]|addebit\p{L}*|debitad[oa]|débito(?:\s+direto|\s+em\s+conta)?|dras|autogiro|trækkes|hæves|betalingsservice)(?!\p{L})/iu;
/** The word before the debit date: "am", "zum", "le", "op", "rond", "on", "el", "il", "em", "den". */
export const DEBIT_DATE_BEFORE = /(?<!\p{L})(?:am|zum|ab|per|le|op|rond|omstreeks|on|around|el|il|em|a|den)\s+/giu;

/** On a line about paying (PAYMENT_WORDS), the words before the date to pay by: "bis zum", "antes del", "hasta el",
 * "entro il", "até", "senast", "senest", "on or before". */
export const DUE_IN_PAYMENT_SENTENCE = /(?<!\p{L})(?:bis(?:\s+(?:zum|spätestens))?|antes\s+del?|hasta\s+el|entro\s+(?:il|el)|até(?:\s+(?:ao|a|dia))?|senast|senest|on\s+or\s+before|no\s+later\s+than|by|before|prior\s+to)\s+(?:the\s+)?/iu;

/** The words for "days" of the bills' languages: "days", "Tage", "jours" ("j", "jrs"), "dagen", "gg" (giorni), "dni", "pv"
 * (päivää). */
const DAYS = String.raw`(?:days?|tage?n?|jours|j(?:rs)?\.?|dagen|dage|dagar|días|dias|giorni|gg\.?|dni|dní|dnů|pv\.?|päivää|dana|napja?)`;
/** Payment terms in days that make the due date (invoice date + days): "Net 30", "14 Tage netto", "zahlbar innert 30
 * Tagen", "payment due within 21 days", "à 45 jours", "binnen 14 dagen", "a 30 gg d.f.", "14 pv netto". A term counted
 * from the end of a month is END_OF_MONTH_TERM's. "netto" days win over a discount period ("2 % Skonto 7 Tage"). */
export const NET_TERM_DAYS: readonly RegExp[] = [
  new RegExp(String.raw`\bnet(?:to)?\s+(\d{1,3})(?:\s+${DAYS}(?!\p{L})|(?=\s+e\.?o\.?m\b)|(?![\d,%]|\.\d|\s*[\p{L}\d]))`, "iu"),
  new RegExp(String.raw`\b(\d{1,3})\s*${DAYS}\s+(?:(?:rein\s+)?net(?:to|os?|ti)?|nets?|líquidos?|ohne\s+(?:jeden\s+)?abzug|sans\s+escompte|senza\s+sconto|sin\s+descuento|zonder\s+korting)(?!\p{L})`, "iu"),
];
export const TERM_DAYS: readonly RegExp[] = [
  /\b(?:with)?in\s+(\d{1,3})\s+days?\b/i,
  /\b(\d{1,3})\s+days?\s+(?:from|after|of)\s+(?:the\s+)?(?:invoice|date|receipt|end)/i,
  /\b(?:innerhalb|binnen|innert)\s+(?:von\s+)?(\d{1,3})\s+tag(?:en)?\b/i,
  /\b(\d{1,3})\s+tage?n?\s+nach\s+(?:rechnungs|monats|erhalt|zugang|lieferung|ende)/i,
  /\bzahlungsziel\s*:?\s*(\d{1,3})\s+tage?n?\b/i,
  new RegExp(String.raw`(?:^|\s)(?:à|a)\s+(\d{1,3})\s*(?:jours|j(?:rs)?\.?|días|dias|giorni|gg\.?)(?!\p{L})`, "iu"),
  /(?<!\p{L})(?:sous|dans\s+les|sous\s+un\s+délai\s+de|dans\s+un\s+délai\s+de)\s+(\d{1,3})\s+jours(?!\p{L})/iu,
  /\bbinnen\s+(\d{1,3})\s+dagen\b/i,
  /\b(?:inom|indenfor|inden)\s+(\d{1,3})\s+(?:dagar|dage)\b/i,
  /\b(?:entro|dentro\s+de)\s+(\d{1,3})\s+(?:giorni|días|dias|gg\.?)(?!\p{L})/iu,
  // "Bonifico 30 gg d.f.", "60 gg data fattura", "30 dias da data da fatura", "30 días fecha factura".
  /\b(\d{1,3})\s*(?:gg\.?|giorni|días|dias|jours)\s+(?:d\.?\s?f|data|fecha|date|da\s+data|de\s+la\s+fecha|f\.?\s?m|fine|fin)(?!\p{L})/iu,
  // "Betalingstermijn: 30 dagen", "Prazo de pagamento: 30 dias": a terms label and a number of days.
  // Polish: "w ciągu 14 dni", "przelew 14 dni", "Termin zapłaty: 14 dni".
  /(?<!\p{L})w\s+(?:ciągu|terminie)\s+(\d{1,3})\s+dni(?!\p{L})/iu,
  // "Payment: bank transfer, 30 days", "Zahlung: Überweisung, 14 Tage".
  new RegExp(String.raw`^\s*(?:payment|zahlung|paiement|règlement|pago|pagamento|betaling|betalning)\s*:\s*[^\d:]{0,30}?(\d{1,3})\s*${DAYS}(?!\p{L})`, "iu"),
  new RegExp(String.raw`(?:terms?|termijn|plazo|prazo|termini|villkor|betingelser|konditionen|bedingungen|condiciones|condições|conditions|délai|frist|maksuehto|płatności|płatność|zapłaty|przelew)(?:\s+\p{L}+){0,3}\s*:?\s+(\d{1,3})\s*${DAYS}(?!\p{L})`, "iu"),
];
/** A number of days alone, in the value of a payment-terms caption ("30 days", "14 Tage", "Transferencia 60 días"). */
export const BARE_TERM_DAYS = new RegExp(String.raw`(?:^|[^\p{L}\d.,/])(\d{1,3})\s*${DAYS}(?!\p{L})`, "iu");
/** Words that make a line about paying (so that "within 30 days" is a payment term, not a returns policy). */
export const PAYMENT_WORDS = /(?<!\p{L})(?:pay|payable|payment|paid|remit|due|(?:be|ein|über)?zahl(?:bar|ung\p{L}*|en)|zahlungs\p{L}*|fällig|begleich\p{L}*|überweis\p{L}*|paiement|règlement|régler|\p{L}*betal\p{L}*|pag[oa]|pagamento|pagar|abon\p{L}+|scadenza|vencimento|vencimiento|transferencia|bonifico|transferência|maksu\p{L}*|płatno\p{L}*|zapłat\p{L}*|splatnost\p{L}*|voldoen|voldaan|over\s+te\s+maken|overmaken|overschrijven|transfer|settle(?:d|ment)?)(?!\p{L})/iu;
/** Lines about returns or warranties, whose days are no payment term ("Rückgabe innerhalb von 30 Tagen"). */
export const NOT_A_PAYMENT_TERM = /(?<!\p{L})(?:return\p{L}*|refund\p{L}*|warrant\p{L}*|guarantee|rückgabe\p{L}*|umtausch\p{L}*|widerruf\p{L}*|garantie\p{L}*|retour\p{L}*|remboursement|rétractation|herroeping|garanti\p{L}*|devoluci\p{L}*|reso|recesso|devolução)(?!\p{L})/iu;
/** Due on receipt: the due date is the invoice date. */
export const DUE_ON_RECEIPT = /\b(?:up)?on\s+receipt\b|\bpayable\s+immediately|\bsofort\s+(?:zahlbar|fällig)|\bzahlbar\s+sofort|(?:^|\s)à\s+réception|\bdès\s+réception|\bdirect\s+opeisbaar/i;
/** A term counted to the end of the month: the days from the invoice date, then the month's last day ("30 jours fin
 * de mois", "30 gg d.f.f.m.", "60 gg f.m.", "30 giorni fine mese") — `then`; or the days from the end of the invoice's
 * month ("Net 30 EOM", "30 days after end of month", "30 Tage nach Monatsende") — `after`. Both readings are in use;
 * where they give different days the date is not sure. */
export const END_OF_MONTH_TERM = /(?<then>\bfin\s+de\s+mois|\bfine\s+mese|\bfin\s+de\s+mes|\b(?:gg|giorni)\.?\s*(?:d\.?\s?f\.?\s?)?f\.?\s?m\.?(?!\p{L})|\bdffm\b)|(?<after>\bend\s+of\s+(?:the\s+)?month|\beom\b|\bmonatsende|\bende\s+des\s+monats|\beinde\s+(?:van\s+de\s+)?maand)/iu;

/** Sentences giving payment terms without a label ("Zahlbar innerhalb von 14 Tagen", "payable within 30 days"). */
export const PAYMENT_TERM_SENTENCES: readonly RegExp[] = [
  /\b(?:payable|due|payment)\s+(?:with)?in\s+\d{1,3}\s+days?\b[^.]*/i,
  /\bnet\s+\d{1,3}(?:\s+days)?\b/i,
  /\bzahlbar\s+(?:innerhalb|binnen)\s+(?:von\s+)?\d{1,3}\s+tag(?:en)?\b[^.]*/i,
  /\b(?:payable|à\s+régler|paiement)\s+à\s+\d{1,3}\s+jours\b[^.]*/i,
  /\bbinnen\s+\d{1,3}\s+dagen\b[^.]*/i,
];

/** Legal forms that mark a company name, in the spellings and cases they are printed in ("plc", "Srl", "SpA",
 * "S.à r.l.", "Ltda."); a form of two parts ("Co., Ltd.", "& Co. KG") is matched whole, before its first part. */
export const LEGAL_FORMS = /(?:^|[\s,])(?:(?:[Gg][Mm][Bb][Hh]|AG|SE|UG)\s*&\s*Co\.?(?:\s*(?:KG(?:aA)?|OHG))?|[Gg][Mm][Bb][Hh]|gGmbH|AG|KGaA|KG|OHG|GbR|eG|e\.\s?K\.|UG\s*\(haftungsbeschränkt\)|UG|B\.\s?V\.|BV|N\.\s?V\.|NV|V\.O\.F\.|VOF|C\.V\.|BVBA|SAS|SASU|SARL|S\.A\.R\.L\.|Sàrl|SàRL|S\.à\s?r\.l\.|Sarl|SELARL|SCI|EURL|S\.A\.U\.|SAU|S\.A\.S?\.?|SA|SE|SNC|S\.N\.C\.|a\.G\.|e\.V\.|Inc\.?|INC\.?|Ltd\.?|LTD\.?|Limited|LIMITED|L\.L\.C\.|LLC|L\.L\.P\.|LLP|PLC|[Pp]lc|Corp\.?|Co\.?,?\s*(?:Ltd\.?|LTD\.?|Limited|KG|LLC|Inc\.?)|Co\.|S\.p\.A\.|S\.P\.A\.|SpA|S\.r\.l\.s\.|S\.r\.l\.|S\.R\.L\.|SRL|Srls|Srl|S\.n\.c\.|Snc|S\.a\.s\.|S\.L\.(?:U\.)?|S\.L|SLU|SL|Ltda\.?|Lda\.?|Unipessoal(?:,?\s+Lda\.?)?|Handelsbolag|Aktiebolag|HB|Sp\.\s?z\s?o\.o\.|spółka\s+akcyjna|Pvt\.?\s+Ltd\.?|Private\s+Limited|AB|A\/S|ApS|I\/S|K\/S|P\/S|IVS|Oyj|Oy)(?=$|[\s,.)])/;

/** Lines that are headings of the table of lines. */
export const LINE_TABLE_HEADER = /\b(?:description|omschrijving|bezeichnung|beschreibung|désignation|designation|libellé|article|artikel|item|product|produit|leistung|qty|quantity|menge|anzahl|quantité|aantal|hoeveelheid|unit\s+price|einzelpreis|prix\s+unitaire|prijs|descripción|descrizione|descrição|beskrivning|beskrivelse|cantidad|quantità|qtd|antal|precio|prezzo|preço)(?=$|[^\p{L}])/iu;

/** A tax included in an amount, said in a sentence: "darin enthaltene MwSt 19 % 3,19", "dont TVA 20 % 5,00", "of
 * which VAT 1.67" (the line's amount is the tax), or "Beitrag inklusive 19 % Versicherungsteuer 220,00", "total incl.
 * VAT 12.00" (the line's amount is the total, tax included). */
export const TAX_INCLUDED = /\b(?:(?<tax>(?:darin\s+|davon\s+)?enthaltene?|davon|dont|of\s+which|includes?|di\s+cui|waarvan|varav|heraf)|(?<gross>inklusive|inkl\.?|incl\.?|including|included|ttc))\s+(?:\d{1,2}(?:[.,]\d{1,2})?\s?%\s+)?(?:der\s+|die\s+)?(?:gesetzliche\s+)?(?:mwst\.?|ust\.?|umsatzsteuer|mehrwertsteuer|versicherung(?:s)?steuer|vat|tax|tva|btw|iva|moms)\b/i;

/** A purchase order named inside a sentence: "Rechnung gemäß Bestellung Nr. 4711", "as per your order no. PO-12",
 * "suivant votre commande n° 88". */
export const PO_IN_SENTENCE = /\b(?:gemäß|laut|lt\.|zu|auf)\s+(?:ihrer\s+)?bestellung\s*(?:nr\.?|nummer)?\s*:?\s*|\b(?:as\s+per|according\s+to|against)\s+(?:your\s+)?(?:purchase\s+)?order\s*(?:no\.?|number|#)?\s*:?\s*|\b(?:suivant|selon)\s+(?:votre\s+)?(?:bon\s+de\s+)?commande\s*(?:n[°º]|no\.?)?\s*:?\s*/i;
