"""Data a user wrote in a file of its own (a generator's config, a data file, Decap's config.yml):
TOML, JSON or YAML by the file's suffix, YAML read with the same bounds as front matter.

Every failure is one ``DataFileError`` with the line and what is wrong, so a reader names the file
and its line instead of meeting an exception the parsers do not document: ``!!int k`` (a
``ValueError`` from PyYAML's constructor), a number of 5,000 digits (Python's digit limit), JSON
nested ten thousand deep (a ``RecursionError``), an alias bomb.
"""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

import yaml

from .frontmatter import load_yaml

# A data file may hold a large table (a list of thousands of people or links); a YAML alias bomb
# expands to a billion values. A million stays well inside memory and a second's walk.
DATA_MAX_VALUES = 1_000_000


class DataFileError(ValueError):
    """A data file that cannot be read as its suffix says; ``line`` is 1-based, or None."""

    def __init__(self, line: int | None, reason: str) -> None:
        super().__init__(f"line {line}: {reason}" if line else reason)
        self.line = line
        self.reason = reason


def load_data(text: str, suffix: str) -> Any:
    """``text`` as data: TOML for ``.toml``, JSON for ``.json``, YAML otherwise."""
    try:
        if suffix == ".toml":
            return tomllib.loads(text)
        if suffix == ".json":
            return json.loads(text)
        return load_yaml(text, DATA_MAX_VALUES)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = "; ".join(str(part) for part in (exc.context, exc.problem) if part) or "invalid YAML"
        raise DataFileError(mark.line + 1 if mark else None, reason) from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(exc.lineno, exc.msg) from exc
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        raise DataFileError(int(found.group(1)) if found else None, re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))) from exc
    except RecursionError as exc:
        raise DataFileError(None, "values are nested too deeply to read") from exc
    except (ValueError, yaml.YAMLError) as exc:  # a number of thousands of digits (json, tomllib), a YAML stream error
        raise DataFileError(None, " ".join(str(exc).split())[:200]) from exc
