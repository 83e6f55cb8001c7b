"""Server-side scopes of the suggestions' actions, never a context key: RPC lets a client send any context, but it
cannot reach these. They live for the duration of one call in one thread (a contextvar per thread), and are entered
only by the add-on's code.

governed: the action methods are running; a suggestion's state and decision data may change.
automatic: the company's rollout phase and approval rules, not a person, are approving (``_ai_auto_apply``).
"""

import contextlib
import contextvars
import functools

_GOVERNED = contextvars.ContextVar("ai_bookkeeping_governed", default=False)
_AUTOMATIC = contextvars.ContextVar("ai_bookkeeping_automatic", default=False)


@contextlib.contextmanager
def _scope(var):
    token = var.set(True)
    try:
        yield
    finally:
        var.reset(token)


def governed_scope():
    return _scope(_GOVERNED)


def automatic_scope():
    return _scope(_AUTOMATIC)


def in_governed_scope():
    return _GOVERNED.get()


def in_automatic_scope():
    """Whether the company's rollout phase and approval rules, not a person, are approving."""
    return _AUTOMATIC.get()


def governed(method):
    """Run a suggestion method inside the governed scope: the one way its state and decision data change."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with governed_scope():
            return method(self, *args, **kwargs)

    return wrapper
