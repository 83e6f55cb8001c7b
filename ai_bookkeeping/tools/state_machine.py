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


def _lt(source):
    """Marks a sentence for Odoo's translation export, which collects ``_lt("...")`` from every Python file of the
    add-on. This module has no Odoo: it returns the English text, and the models translate it with ``translate``."""
    return source


# Why a move is refused, in words an accountant understands; keyed by (from, to).
_REASONS = {
    (APPLIED, APPROVED): _lt("This suggestion cannot be approved: it has already been applied to the books."),
    (APPLIED, REJECTED): _lt("This suggestion cannot be rejected: it has already been applied to the books; revert it "
                             "instead."),
    (REJECTED, APPROVED): _lt("This suggestion cannot be approved: it was rejected; reopen it first."),
    (REVERTED, APPROVED): _lt("This suggestion cannot be approved: it was reverted; ask the AI for a new suggestion "
                              "instead."),
    (PENDING, REVERTED): _lt("This suggestion cannot be reverted: nothing was applied yet, so there is nothing to "
                             "revert."),
    (APPROVED, REVERTED): _lt("This suggestion cannot be reverted: it was not applied to the books, so there is "
                              "nothing to revert."),
    (REJECTED, REVERTED): _lt("This suggestion cannot be reverted: it was rejected and never applied, so there is "
                              "nothing to revert."),
    (FAILED, REVERTED): _lt("This suggestion cannot be reverted: applying it failed, so there is nothing to revert."),
    (REVERTED, REVERTED): _lt("This suggestion cannot be reverted: it has already been reverted."),
    (APPROVED, APPROVED): _lt("This suggestion cannot be approved: it is already approved."),
    (REJECTED, REJECTED): _lt("This suggestion cannot be rejected: it is already rejected."),
    (PENDING, PENDING): _lt("This suggestion cannot be reopened: it is already pending review."),
    (APPLIED, APPLIED): _lt("This suggestion cannot be applied: it is already applied."),
    (FAILED, APPROVED): _lt("This suggestion cannot be approved: applying it failed; reopen it first."),
    (FAILED, FAILED): _lt("This suggestion cannot be marked as failed: it has already failed."),
}

# Any other refused move, by target; %(state)s is the current state's label.
_REFUSED = {
    APPROVED: _lt("This suggestion cannot be approved: it is %(state)s."),
    APPLIED: _lt("This suggestion cannot be applied: it is %(state)s."),
    REJECTED: _lt("This suggestion cannot be rejected: it is %(state)s."),
    REVERTED: _lt("This suggestion cannot be reverted: it is %(state)s."),
    FAILED: _lt("This suggestion cannot be marked as failed: it is %(state)s."),
    PENDING: _lt("This suggestion cannot be reopened: it is %(state)s."),
}


def _english(source, **params):
    return source % params if params else source


def can_transition(current, target):
    return target in TRANSITIONS.get(current, set())


def transition_error(current, target, translate=_english, state_label=None):
    """The sentence explaining why ``current`` cannot become ``target``, or None when it can.

    ``translate(source, **params)`` translates and fills in a sentence (the models pass Odoo's translation);
    ``state_label`` is the current state's label as the user reads it (default: the English label, lower case).
    """
    if can_transition(current, target):
        return None
    reason = _REASONS.get((current, target))
    if reason is not None:
        return translate(reason)
    label = state_label if state_label is not None else dict(STATES).get(current, current).lower()
    return translate(_REFUSED.get(target, _REFUSED[APPROVED]), state=label)
