"""Errors the reconcile package raises; the CLI turns them into ``Error: ...`` and exit 2."""

from __future__ import annotations

from claims import ClaimsError


class ReconcileError(ClaimsError):
    """Base class of reconcile's input problems (each message says how to fix it)."""


class ConfigError(ReconcileError):
    """The project configuration is malformed."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source = source
        self.key = key
        super().__init__(f"{source}: [tool.reconcile] {key}: {problem}")


class DecisionsError(ReconcileError):
    """The decisions file is malformed or cannot be written."""
