"""Errors the claims package raises; the CLI turns them into one-line messages."""

from __future__ import annotations


class ClaimsError(Exception):
    """Base class: a problem with the input, explained with how to fix it."""


class DocumentError(ClaimsError):
    """A document cannot be read as UTF-8 text (binary, wrong encoding, missing)."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        self.path = path
        self.problem = problem
        self.fix = fix
        super().__init__(f"{path}: {problem}; {fix}")
