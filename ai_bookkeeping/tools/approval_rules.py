"""Who must look at an AI suggestion before it touches the books: approval rules, rollout phase, second approver.

Plain values in, plain values out. The model layer turns ``ai.approval.rule`` records and a suggestion into dicts
and asks :func:`decide`; nothing here reads the database.

A rule is a dict::

    {"id": 7, "sequence": 10,
     "kind": "full" | "expense" | "vendor_bill" | ... | None,   # suggestion kind; None: any
     "journal_ids": [3, 4],            # empty: any journal
     "amount_above": 1000.0 | None,    # matches when the amount is strictly above
     "partner_new": True | False,      # True: matches only partners with no posted history
     "confidence_below": 0.9 | None,   # matches when the confidence is strictly below
     "account_type": "expense" | None, # matches when one of the suggestion's accounts has this type
     "outcome": "review" | "auto",
     "group_id": 12 | None}            # for "review": the group whose members may approve

A suggestion's facts are a dict with ``kind``, ``journal_id``, ``amount`` (absolute, company currency),
``partner_new``, ``confidence`` and ``account_types`` (a collection).
"""

REVIEW = "review"
AUTO = "auto"
OUTCOMES = [(REVIEW, "Needs review"), (AUTO, "May be applied automatically")]

PHASE_ASSISTED = "1"
PHASE_SUPERVISED = "2"
PHASE_FULL = "3"
PHASES = [
    (PHASE_ASSISTED, "1. Assisted review"),
    (PHASE_SUPERVISED, "2. Supervised automation"),
    (PHASE_FULL, "3. Full automation"),
]


def rule_matches(rule, facts):
    """True when every condition the rule sets holds for the suggestion (unset conditions always hold)."""
    if rule.get("kind") and rule["kind"] != facts.get("kind"):
        return False
    if rule.get("journal_ids") and facts.get("journal_id") not in rule["journal_ids"]:
        return False
    if rule.get("amount_above") is not None and not abs(facts.get("amount") or 0.0) > rule["amount_above"]:
        return False
    if rule.get("partner_new") and not facts.get("partner_new"):
        return False
    if rule.get("confidence_below") is not None and not (facts.get("confidence") or 0.0) < rule["confidence_below"]:
        return False
    if rule.get("account_type") and rule["account_type"] not in set(facts.get("account_types") or ()):
        return False
    return True


def matching_rule(rules, facts):
    """The first rule, by sequence then id, whose conditions all hold; None when none does."""
    for rule in sorted(rules, key=lambda r: (r.get("sequence") or 0, r.get("id") or 0)):
        if rule_matches(rule, facts):
            return rule
    return None


def decide(rules, facts, phase, min_confidence=1.0, max_amount=0.0, second_approval_amount=0.0):
    """Whether the suggestion may be applied without a person, and why.

    Returns ``{"auto": bool, "rule_id": id or None, "group_id": id or None, "two_approvers": bool,
    "reason": sentence}``.

    - Phase 1 (assisted): never automatic.
    - Phase 2 (supervised): automatic when the confidence is at least ``min_confidence`` and the amount at most
      ``max_amount``, unless a matching rule says it needs review.
    - Phase 3 (full): the first matching rule decides; no matching rule means review.
    - In every phase, an amount above ``second_approval_amount`` (when set) needs two different people.
    """
    rule = matching_rule(rules, facts)
    amount = abs(facts.get("amount") or 0.0)
    confidence = facts.get("confidence") or 0.0
    two_approvers = bool(second_approval_amount) and amount > second_approval_amount
    result = {
        "auto": False,
        "rule_id": rule.get("id") if rule else None,
        "group_id": rule.get("group_id") if rule and rule.get("outcome") == REVIEW else None,
        "two_approvers": two_approvers,
    }
    if two_approvers:
        reason = "the amount is above the two-approver threshold"
    elif phase == PHASE_SUPERVISED:
        if rule and rule.get("outcome") == REVIEW:
            reason = "an approval rule asks for a review"
        elif confidence < min_confidence:
            reason = "the confidence is below the automation threshold"
        elif amount > max_amount:
            reason = "the amount is above the automation limit"
        else:
            result["auto"] = True
            reason = "confident enough and small enough for supervised automation"
    elif phase == PHASE_FULL:
        if rule is None:
            reason = "no approval rule allows it"
        elif rule.get("outcome") == AUTO:
            result["auto"] = True
            reason = "an approval rule allows it"
        else:
            reason = "an approval rule asks for a review"
    else:
        reason = "assisted review: a person decides every suggestion"
    result["reason"] = reason
    return result


def automation_anomalies(applied_today, applied_per_day_before, reverted_today):
    """Sentences for the controller when automation behaves unusually (full automation is watched, not trusted).

    ``applied_today``: suggestions applied automatically in the last day; ``applied_per_day_before``: the same count
    for each earlier day of the window (oldest first); ``reverted_today``: automatically applied suggestions that a
    person reverted in the last day.
    """
    sentences = []
    history = sorted(applied_per_day_before)
    if len(history) >= 7:
        usual = history[len(history) // 2]
        if applied_today > max(10, 3 * usual):
            sentences.append(
                "%d suggestions were applied automatically, more than three times the usual %d a day: check "
                "what changed (rules, bank feed, engine)." % (applied_today, usual)
            )
    if reverted_today:
        sentences.append(
            "%d automatically applied suggestions were reverted by a person: the rules that allowed them may be "
            "too wide." % reverted_today
        )
    return sentences
