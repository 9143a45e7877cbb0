"""Project configuration: ``[tool.reconcile]`` in ``pyproject.toml``, or ``reconcile.toml``.

Every key is optional; a file with none gives the defaults.  Example::

    [tool.reconcile]
    include = ["*.txt", "*.md"]
    exclude = ["drafts/*"]
    min_confidence = 0.5
    decisions = "reconcile-decisions.json"

    [tool.reconcile.aliases]
    "Orland Community Trust" = ["OCT", "community projects"]
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@dataclass(frozen=True)
class Config:
    """Options of a check.

    Attributes:
        include: File name globs of the documents to read in a folder.
        exclude: Globs (on the document id) of documents to skip.
        aliases: Canonical name -> other names of the same subject.
        min_confidence: Flags below this confidence are not reported (0..1).
        decisions: Path of the decisions file.
        fail_on: Which review states fail the gate: ``unreviewed``, ``confirmed``, ``none``.
        cache: Path of the claims cache (SQLite).
        model: A trained spaCy pipeline to use instead of the blank English one.
        source: Where the configuration came from (for messages).
    """

    include: tuple[str, ...] = ("*.txt", "*.md")
    exclude: tuple[str, ...] = ()
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    min_confidence: float = 0.5
    decisions: str = "reconcile-decisions.json"
    fail_on: str = "unreviewed"
    cache: str = ".reconcile/cache.sqlite"
    model: str | None = None
    source: str = "defaults"


_FAIL_ON = ("unreviewed", "confirmed", "none")


def _string_list(source: str, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(source, key, "must be a list of strings, e.g. [\"*.txt\"]")
    return tuple(value)


def parse_config(table: dict, *, source: str) -> Config:
    """Check and convert a ``[tool.reconcile]`` table.

    Raises:
        ConfigError: a key is unknown or has the wrong type (the message names the key).
    """
    known = {f.name for f in fields(Config)} - {"source"}
    values: dict = {"source": source}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(source, key, f"unknown key; known keys: {', '.join(sorted(known))}")
        if name in ("include", "exclude"):
            values[name] = _string_list(source, key, value)
        elif name == "aliases":
            if not isinstance(value, dict):
                raise ConfigError(source, key, "must be a table of name = [\"alias\", ...]")
            aliases = {}
            for canonical, others in value.items():
                aliases[str(canonical)] = _string_list(source, f"{key}.{canonical}", others)
            values[name] = aliases
        elif name == "min_confidence":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ConfigError(source, key, "must be a number from 0 to 1")
            values[name] = float(value)
        elif name == "fail_on":
            if value not in _FAIL_ON:
                raise ConfigError(source, key, f"must be one of {', '.join(_FAIL_ON)}")
            values[name] = value
        elif name == "model":
            if value is not None and not isinstance(value, str):
                raise ConfigError(source, key, "must be the name of an installed spaCy pipeline")
            values[name] = value
        else:
            if not isinstance(value, str) or not value:
                raise ConfigError(source, key, "must be a non-empty string (a path)")
            values[name] = value
    return Config(**values)


def load_config(directory: str | os.PathLike = ".", *, path: str | os.PathLike | None = None) -> Config:
    """Load the configuration for a run started in ``directory``.

    ``path`` names a file explicitly (a ``reconcile.toml`` or a ``pyproject.toml``);
    otherwise ``reconcile.toml`` then ``pyproject.toml`` in ``directory`` are tried.  A
    ``pyproject.toml`` without ``[tool.reconcile]`` gives the defaults.

    Raises:
        ConfigError: the file is not valid TOML or a key is wrong.
    """
    candidates = [Path(path)] if path else [Path(directory) / "reconcile.toml", Path(directory) / "pyproject.toml"]
    for candidate in candidates:
        if not candidate.is_file():
            if path:
                raise ConfigError(str(candidate), "-", "no such file; check --config")
            continue
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(str(candidate), "-", f"not valid TOML ({exc}); fix the syntax") from None
        if candidate.name == "pyproject.toml":
            table = data.get("tool", {}).get("reconcile")
            if table is None:
                if path:
                    return Config(source=str(candidate))
                continue
        else:
            table = data.get("tool", {}).get("reconcile", data)
        if not isinstance(table, dict):
            raise ConfigError(str(candidate), "tool.reconcile", "must be a table")
        return parse_config(table, source=str(candidate))
    return Config()
