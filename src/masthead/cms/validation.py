"""Checking a local-backend request as decap-server's joi schema does, with its messages.

``Invalid`` is a request the schema refuses (422 and the message); ``ActionRequest`` reads a
request's params, and every path in them must resolve, symlinks included, into what the CMS may
change (``scope.py``), or it is ``Invalid`` too.
"""

from __future__ import annotations

import base64
import binascii
import os
from pathlib import Path
from typing import Any

from .scope import OutOfScope, Scope, resolve

OUTSIDE = "must resolve to a path under the configured repository"


class Invalid(Exception):
    """A request decap-server's joi schema would refuse: 422 with this message."""


class Refused(Exception):
    """An answer other than 422 (the editorial workflow's 404 for an entry not under review)."""

    def __init__(self, status: int, reply: Any) -> None:
        super().__init__(str(reply))
        self.status = status
        self.reply = reply


def checked(
    params: dict[str, Any],
    key: str,
    label: str,
    kind: type | tuple[type, ...],
    name: str,
    required: bool = True,
) -> Any:
    value = params.get(key)
    if value is None:
        if required:
            raise Invalid(f'"{label}" is required')
        return None
    if not isinstance(value, kind) or (kind in (int, (int, float)) and isinstance(value, bool)):
        raise Invalid(f'"{label}" must be {name}')
    if isinstance(value, str) and not value:
        raise Invalid(f'"{label}" is not allowed to be empty')
    return value


def text(params: dict[str, Any], key: str, label: str, required: bool = True) -> Any:
    return checked(params, key, label, str, "a string", required)


def mapping(params: dict[str, Any], key: str, label: str, required: bool = True) -> dict[str, Any] | None:
    value: dict[str, Any] | None = checked(params, key, label, dict, "of type object", required)
    return value


def array(params: dict[str, Any], key: str, label: str, required: bool = True) -> list[Any] | None:
    value: list[Any] | None = checked(params, key, label, list, "an array", required)
    return value


def inside(scope: Scope, value: str, label: str, folder: bool = False) -> Path:
    """``value`` as a real path the CMS may use (a folder to list with ``folder``), or ``Invalid``."""
    try:
        real = resolve(scope.root, value)
    except OutOfScope as exc:
        raise Invalid(f'"{label}" {OUTSIDE}') from exc
    lexical = Path(os.path.normpath(os.path.join(scope.root, value)))
    if not real.is_relative_to(scope.root) or not lexical.is_relative_to(scope.root):
        raise Invalid(f'"{label}" {OUTSIDE}')
    if not (scope.allows_folder(real) if folder else scope.allows(real)):
        raise Invalid(
            f'"{label}" is not in a folder the CMS may change ({scope.describe()}, from {scope.source}); '
            "templates, masthead.toml, the cache, .git and hidden files are never read or written"
        )
    return real


class ActionRequest:
    def __init__(self, scope: Scope, params: dict[str, Any]) -> None:
        self.scope = scope
        self.root = scope.root
        self.params = params

    def path(
        self,
        key: str,
        label: str | None = None,
        params: dict[str, Any] | None = None,
        required: bool = True,
        folder: bool = False,
    ) -> Path | None:
        label = label or f"params.{key}"
        value = text(self.params if params is None else params, key, label, required)
        return None if value is None else inside(self.scope, value, label, folder)

    def options(self, *keys: str) -> dict[str, Any]:
        options = mapping(self.params, "options", "params.options")
        assert options is not None
        for key in keys:
            text(options, key, f"params.options.{key}")
        return options

    def asset(self, value: Any, label: str) -> tuple[Path, bytes]:
        if not isinstance(value, dict):
            raise Invalid(f'"{label}" must be of type object')
        path = self.path("path", f"{label}.path", value)
        content = text(value, "content", f"{label}.content")
        if text(value, "encoding", f"{label}.encoding") != "base64":
            raise Invalid(f'"{label}.encoding" must be [base64]')
        try:
            data = base64.b64decode(content, validate=True)
        except binascii.Error as exc:
            raise Invalid(f'"{label}.content" must be a valid base64 string') from exc
        assert path is not None
        return path, data
