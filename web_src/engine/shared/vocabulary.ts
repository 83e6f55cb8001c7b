/** Legal-form words dropped before names are compared (GmbH, Ltd, SARL …), in normalized spelling. */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  "GMBH", "MBH", "AG", "KG", "KGAA", "OHG", "UG", "EK", "GBR", "CO", "LTD", "LIMITED", "PLC", "LLP", "LLC", "INC",
  "CORP", "CORPORATION", "COMPANY", "SA", "SAS", "SASU", "SARL", "EURL", "SNC", "SCI", "BV", "NV", "VOF", "BVBA",
  "SRL", "SPA", "SL", "SLU", "OY", "AB", "AS", "ASA", "APS", "SE", "SP", "ZOO", "Z", "O", "OO", "KFT", "SRO", "DOO",
  "PTY", "LDA", "ET", "AND", "UND", "THE", "DE", "DER", "DIE",
]);

/**
 * Words banks print around the useful text (transfer types, field tags, generic payment words). They say nothing
 * about who paid or what for, so they never count as evidence.
 */
export const BANK_BOILERPLATE: ReadonlySet<string> = new Set([
  "SEPA", "GUTSCHRIFT", "UEBERWEISUNG", "UBERWEISUNG", "LASTSCHRIFT", "BASISLASTSCHRIFT", "DAUERAUFTRAG", "EREF",
  "MREF", "CRED", "SVWZ", "ABWA", "ABWE", "KREF", "IBAN", "BIC", "NOTPROVIDED", "REMI", "USTD", "STRD", "NAME",
  "CREDIT", "DEBIT", "TRANSFER", "TRANSFERT", "VIREMENT", "RECU", "EMIS", "PAYMENT", "PAIEMENT", "ZAHLUNG", "BETALING",
  "PAGO", "PAGAMENTO", "INCOMING", "OUTGOING", "RECEIVED", "FROM", "TO", "FOR", "PAR", "POUR", "VON", "AN", "FUER",
  "FUR", "REF", "REFERENCE", "REFERENZ", "VERWENDUNGSZWECK", "NR", "NO", "NUMBER", "INVOICE", "INV", "RECHNUNG",
  "FACTURE", "FACT", "FAKTURA", "FACTUUR", "FATTURA", "BILL", "RE", "RG", "CARD", "KARTE", "KARTENZAHLUNG", "POS",
  "DEBITCARD", "VISA", "MASTERCARD", "MAESTRO", "GIROCARD", "CB", "EC", "ONLINE", "TXN", "TRX", "DATUM", "DATE",
  "INSTANT", "ECHTZEIT", "TEILZAHLUNG", "ACOMPTE", "PARTIAL", "PART", "ANZAHLUNG", "THANK", "THANKS", "YOU",
  "DANKE", "MERCI", "CHARGES", "SHA", "OUR", "BEN", "FEE", "FEES", "INTL", "INTERNATIONAL", "SWIFT", "WIRE", "END",
  "TO", "END2END", "ENDTOENDID", "MANDATE", "ID", "ORDER", "AUFTRAG", "KUNDE", "CUSTOMER", "CLIENT", "ACCOUNT",
  "KONTO", "EUR", "USD", "GBP", "CHF", "ORIG", "ORIGINAL", "AMOUNT", "BETRAG", "OF", "THE", "AND", "UND", "ET",
  "DE", "LA", "LE", "DU", "DES", "PER", "VIA", "ABSCHLUSS", "PAID", "PAY", "PAYE", "SETTLEMENT", "ISSUE",
]);
