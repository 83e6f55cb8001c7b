"""The fingerprint of a period's posted journal entries, kept on the close record at lock time.

Pure: no Odoo. Where a journal hashes its entries (Odoo's inalterability hash, ``restrict_mode_hash_table``), the
digest reuses Odoo's own chain: the ``inalterable_hash`` of the last hashed entry of each sequence covers every entry
before it. Every other entry is fingerprinted here: SHA-256 over (id, name, date, amount, state) of each posted
entry, in id order, one line each.
"""

import hashlib
import json

METHOD = "sha256 over (id, name, date, amount_total_signed, state) of each posted entry, in id order"


def moves_digest(rows):
    """SHA-256 hex of the posted entries ``rows``: dicts {id, name, date ('YYYY-MM-DD'), amount, state}."""
    digest = hashlib.sha256()
    for row in sorted(rows, key=lambda r: r["id"]):
        line = "%d|%s|%s|%.2f|%s\n" % (row["id"], row["name"] or "", row["date"], row["amount"] or 0.0, row["state"])
        digest.update(line.encode())
    return digest.hexdigest()


def period_digest(unhashed_rows, chains):
    """{method, sha256, entries, odoo_chains, digest}: ``unhashed_rows`` are the posted entries of journals that do
    not hash theirs (fingerprinted with moves_digest); ``chains`` one dict per hashed sequence {journal, prefix,
    entries, last_name, inalterable_hash} (Odoo's own hash of its last entry). ``digest`` is the SHA-256 of the
    whole, canonical JSON: one value to compare."""
    chains = sorted(chains, key=lambda c: (c["journal"], c["prefix"]))
    result = {
        "method": METHOD,
        "sha256": moves_digest(unhashed_rows),
        "entries": len(unhashed_rows),
        "odoo_chains": chains,
    }
    result["digest"] = hashlib.sha256(json.dumps(result, sort_keys=True).encode()).hexdigest()
    return result
