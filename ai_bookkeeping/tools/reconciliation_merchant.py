"""The merchant of a bank statement line that has no partner, as a short normalised key.

The rollout phase guard counts a counterparty's past reviewed outcomes: by partner when the line has one, else by
this key. It must be stable across the ways one bank prints one merchant (``KARTENZAHLUNG girocard 16.06 16:14
MAILCHIMP 1379``, ``VISA MAILCHIMP KARTE 4680``, ``SUMUP *MAILCHIMP``, ``MAILCHIMP*AB1234``) and must never merge
two merchants because of the bank's own words: payment-method and bank vocabulary, card and processor names,
legal forms, dates, times and numbers are dropped, and the first two remaining words are the key. When it errs, it
errs towards two keys for one merchant — fewer reviewed outcomes, more held for review — never one for two.
"""

import re
import unicodedata

KEY_WORDS = 2

# Payment-method, bank and processor words the statements of ../shared/data/statements print (de, nl, fr, en).
BANK_WORDS = frozenset("""
    KARTENZAHLUNG GIROCARD KARTE MAESTRO VISA MASTERCARD DEBIT DEBITCARD CARD PAYMENT POS CONTACTLESS
    LASTSCHRIFT BASISLASTSCHRIFT FOLGELASTSCHRIFT ERSTLASTSCHRIFT SEPA UEBERWEISUNG UBERWEISUNG GUTSCHRIFT
    DAUERAUFTRAG UMBUCHUNG EREF KREF MREF CRED SVWZ ABWA ABWE IBAN BIC NOTPROVIDED NONREF MANDAT MANDATE
    BEA BETAALAUTOMAAT GEA PAS PASNR NR APPLE GOOGLE PAY INCASSO ALGEMEEN DOORLOPEND INCASSANT NAAM MACHTIGING
    OMSCHRIJVING TRTP OVERBOEKING REMI CSID MARF NAME EENMALIG
    CB PAIEMENT PAR CARTE FACTURE DU PRLV PRELEVEMENT EUROPEEN VIR VIREMENT RECU EMIS ICS RUM MOTIF DE POUR REF
    DIRECT DD FASTER TRANSFER CREDIT BGC BP STO STANDING ORDER TO FROM ON FEE FEES CHARGE CHARGES
    PAYPAL SUMUP SQ ZETTLE IZETTLE IZ STRIPE ADYEN KLARNA WWW COM
    JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC
    FIL FILIALE STORE SHOP
""".split())
LEGAL_FORMS = frozenset("""
    GMBH AG KG OHG UG EK E V EV MBH CO SE SA SAS SARL EURL SCS SPRL BVBA BV B NV N VOF LTD LIMITED PLC INC LLC
    APS AB AS OY SPA SRL LDA KFT SP ZOO
""".split())
_WORD = re.compile(r"[A-Z0-9]+")


def _fold(text):
    """Upper case, accents removed (é → E, ü → U, ß → SS)."""
    text = unicodedata.normalize("NFKD", (text or "").replace("ß", "ss"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).upper()


def merchant_key(partner_name, label):
    """A short key for the merchant of a line: from the counterparty name the bank printed, else from the label.
    Empty when nothing distinctive is left (the line then has no merchant to count outcomes for)."""
    for text in (partner_name, label):
        # MT940 subfield numbers glue to the next word (?20HEMA): leading digits go; a word still holding digits is
        # a store number, a card mask or a reference (FIL2500, PAS999, RT9796) and goes whole.
        words = [
            word for word in (token.lstrip("0123456789") for token in _WORD.findall(_fold(text)))
            if len(word) >= 2 and not any(ch.isdigit() for ch in word)
            and word not in BANK_WORDS and word not in LEGAL_FORMS
        ]
        if words:
            return " ".join(words[:KEY_WORDS])
    return ""
