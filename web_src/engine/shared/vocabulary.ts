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
  // Payment methods as banks print them in several languages: a direct debit or a card says how, never who.
  "DIRECT", "DD", "DDR", "STANDING", "STO", "TRF", "TFR", "XFER", "BACS", "CHAPS", "FPS", "FASTER", "PAYMENTS", "GIRO",
  "PRLV", "PRELEVEMENT", "DOMICILIATION", "DOMICILIERING", "INCASSO", "ADDEBITO", "DIRETTO", "ADEUDO", "RECIBO",
  "DOMICILIADO", "EINZUG", "ABBUCHUNG", "BETAALAUTOMAAT", "BEA", "GEA", "PASNR", "PIN", "CONTACTLESS", "KONTAKTLOS",
  "NFC", "APPLEPAY", "GPAY", "CARTE", "TARJETA", "CARTA", "COMPRA", "ACHAT", "KAUF", "PURCHASE", "WITHDRAWAL",
  "ENTGELT", "GEBUEHR", "FRAIS", "COMMISSION", "CHARGE", "MANDAT", "MANDATO", "CREDITOR", "GLAEUBIGER", "CI",
  "SEPADD", "COR1", "CORE", "B2B", "RCUR", "FRST", "OOFF", "FNAL", "DAUERAUFTRAGS", "OVERBOEKING", "INCASSANT",
]);

/**
 * Words a card or direct-debit label carries besides the merchant's name: payment processors that front for many
 * merchants, store and branch words, cities and countries, months and weekdays, currencies. They are common to
 * many counterparties, so they never identify one (engine/shared/merchant_words.ts).
 */
export const MERCHANT_NOISE: ReadonlySet<string> = new Set([
  "PAYPAL", "PP", "SQ", "SQUARE", "SUMUP", "SUM", "UP", "ZETTLE", "IZ", "IZETTLE", "STRIPE", "ADYEN", "KLARNA", "SOFORT",
  "GIROPAY", "WORLDLINE", "PAYONE", "MOLLIE", "CCV", "SP", "TST", "WWW", "COM", "NET", "ORG", "DE", "UK", "FR", "NL",
  "BE", "IE", "LU", "IT", "ES", "AT", "CH", "US", "EU", "HTTP", "HTTPS", "STORE", "SHOP", "FILIALE", "MARKT", "BRANCH",
  "STATION", "NR", "TERMINAL", "KASSE", "SAGT", "DANKE", "BERLIN", "MUENCHEN", "MUNCHEN", "MUNICH", "HAMBURG", "KOELN",
  "KOLN", "COLOGNE", "FRANKFURT", "STUTTGART", "DUESSELDORF", "DUSSELDORF", "LEIPZIG", "DRESDEN", "HANNOVER", "BREMEN",
  "NUERNBERG", "NURNBERG", "ESSEN", "DORTMUND", "BONN", "MANNHEIM", "WIEN", "VIENNA", "ZUERICH", "ZURICH", "GENF",
  "GENEVE", "GENEVA", "BASEL", "BERN", "LONDON", "MANCHESTER", "DUBLIN", "CORK", "EDINBURGH", "PARIS", "LYON",
  "MARSEILLE", "LILLE", "TOULOUSE", "NICE", "BORDEAUX", "NANTES", "STRASBOURG", "BRUXELLES", "BRUSSEL", "BRUSSELS",
  "ANTWERPEN", "GENT", "LIEGE", "AMSTERDAM", "ROTTERDAM", "UTRECHT", "DEN", "HAAG", "EINDHOVEN", "LUXEMBOURG",
  "LUXEMBURG", "MILANO", "MILAN", "ROMA", "ROME", "TORINO", "MADRID", "BARCELONA", "VALENCIA", "SEVILLA", "LISBOA",
  "LISBON", "PORTO", "KRAKOW", "WARSZAWA", "WARSAW", "PRAHA", "PRAGUE", "BUDAPEST", "KOBENHAVN", "COPENHAGEN",
  "STOCKHOLM", "GOTEBORG", "OSLO", "HELSINKI", "NEW", "YORK", "SAN", "FRANCISCO", "SEATTLE", "DEUTSCHLAND", "GERMANY",
  "FRANCE", "NEDERLAND", "BELGIQUE", "BELGIE", "IRELAND", "ITALIA", "ESPANA", "OESTERREICH", "SCHWEIZ", "SUISSE",
  "EMEA", "EUROPE", "JAN", "FEB", "MAR", "APR", "MAI", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "OKT", "NOV",
  "DEC", "DEZ", "JANUAR", "FEBRUAR", "MAERZ", "MARZ", "APRIL", "JUNI", "JULI", "AUGUST", "SEPTEMBER", "OKTOBER",
  "OCTOBER", "NOVEMBER", "DEZEMBER", "DECEMBER", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN", "JPY", "SEK", "NOK",
  "DKK", "PLN", "CZK", "HUF", "AUD", "CAD", "KURS", "RATE", "FX", "WECHSELKURS", "UHR", "TIME", "AM", "PM",
]);

/** Words saying a payment is one part of an invoice: an instalment, a down payment, a partial payment. */
export const INSTALMENT_WORDS: ReadonlySet<string> = new Set([
  "TEILZAHLUNG", "RATE", "RATENZAHLUNG", "ANZAHLUNG", "ABSCHLAG", "ABSCHLAGSZAHLUNG", "TEILBETRAG", "ACOMPTE",
  "VERSEMENT", "ECHEANCE", "PARTIEL", "PARTIELLE", "INSTALMENT", "INSTALLMENT", "INSTALMENTS", "INSTALLMENTS",
  "PARTIAL", "PART", "DEPOSIT", "TERMIJN", "DEELBETALING", "AFLOSSING", "RATA", "ACCONTO", "PLAZO", "PARCIAL",
  "PRESTACAO", "PRESTACION", "RATY",
]);

/** Words saying the bank converted the payment between currencies. */
export const EXCHANGE_WORDS: ReadonlySet<string> = new Set([
  "FX", "KURS", "WECHSELKURS", "UMRECHNUNGSKURS", "RATE", "CHANGE", "TAUX", "WISSELKOERS", "KOERS", "CAMBIO",
  "TIPO", "CONVERSION", "CONVERTED", "EXCHANGE", "DEVISEN", "FREMDWAEHRUNG", "USD", "GBP", "CHF", "JPY", "SEK",
  "NOK", "DKK", "PLN", "CZK", "HUF", "AUD", "CAD", "CNY",
]);
