"""The approval life cycle shared by every AI suggestion.

pending ──approve──▶ approved ──apply──▶ applied ──revert──▶ reverted
   │                    │  └──apply fails──▶ failed ──reset──▶ pending
   └──reject──▶ rejected ◀──────────────────────┘
"""

PENDING = "pending"
APPROVED = "approved"
APPLIED = "applied"
REJECTED = "rejected"
REVERTED = "reverted"
FAILED = "failed"

STATES = [
    (PENDING, "Pending review"),
    (APPROVED, "Approved"),
    (APPLIED, "Applied"),
    (REJECTED, "Rejected"),
    (REVERTED, "Reverted"),
    (FAILED, "Failed"),
]

TRANSITIONS = {
    PENDING: {APPROVED, REJECTED, FAILED},
    APPROVED: {APPLIED, FAILED, REJECTED},
    APPLIED: {REVERTED},
    FAILED: {PENDING, REJECTED},
    REJECTED: {PENDING},
    REVERTED: set(),
}

_LABELS = dict(STATES)

# Why a move is refused, in words an accountant understands; keyed by (from, to).
_REASONS = {
    (APPLIED, APPROVED): "it has already been applied to the books",
    (APPLIED, REJECTED): "it has already been applied to the books; revert it instead",
    (REJECTED, APPROVED): "it was rejected; reopen it first",
    (REVERTED, APPROVED): "it was reverted; ask the AI for a new suggestion instead",
    (PENDING, REVERTED): "nothing was applied yet, so there is nothing to revert",
    (APPROVED, REVERTED): "it was not applied to the books, so there is nothing to revert",
    (REJECTED, REVERTED): "it was rejected and never applied, so there is nothing to revert",
    (FAILED, REVERTED): "applying it failed, so there is nothing to revert",
    (REVERTED, REVERTED): "it has already been reverted",
}


def can_transition(current, target):
    return target in TRANSITIONS.get(current, set())


def transition_error(current, target):
    """The sentence explaining why ``current`` cannot become ``target``, or None when it can."""
    if can_transition(current, target):
        return None
    reason = _REASONS.get((current, target))
    if reason is None:
        if current == target:
            reason = "it is already %s" % _LABELS.get(current, current).lower()
        else:
            reason = "it is %s" % _LABELS.get(current, current).lower()
    return "This suggestion cannot be %s: %s." % (_verb(target), reason)


def _verb(target):
    return {
        APPROVED: "approved",
        APPLIED: "applied",
        REJECTED: "rejected",
        REVERTED: "reverted",
        FAILED: "marked as failed",
        PENDING: "reopened",
    }.get(target, target)
