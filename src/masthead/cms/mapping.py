"""How an existing Decap config fits masthead: per collection, which fields masthead reads as what.

Every Gatsby or Hugo starter with Decap ships a ``static/admin/config.yml``. ``masthead cms init``
keeps it and reports, per collection, the fields that map onto masthead's fields (through the
``[fields]`` table of masthead.toml) and those that do not (they stay in the entry's ``extra``,
for templates), so the editor sees at once whether existing posts will open with their titles.
"""

from __future__ import annotations

from typing import Any

from ..config import Config

NEEDED = ("title", "date")  # without these a post cannot be built


def canonical_of(config: Config, key: str) -> str | None:
    for name, keys in config.fields.items():
        if key in keys:
            return name
    return None


def _fields(collection: dict[str, Any]) -> list[dict[str, Any]]:
    found = [field for field in collection.get("fields") or [] if isinstance(field, dict)]
    for item in collection.get("files") or []:
        if isinstance(item, dict):
            found += [field for field in item.get("fields") or [] if isinstance(field, dict)]
    return found


def collection_report(config: Config, collection: dict[str, Any]) -> str:
    name = collection.get("name", "?")
    where = collection.get("folder") or ("files" if collection.get("files") else "?")
    mapped: list[str] = []
    unmapped: list[str] = []
    canonical: set[str] = set()
    for field in _fields(collection):
        key = str(field.get("name", ""))
        if key == "body":
            entry = "body → the text"
        elif (found := canonical_of(config, key)) is not None:
            canonical.add(found)
            entry = key if found == key else f"{key} → {found}"
        else:
            unmapped.append(key)
            continue
        if entry not in mapped:
            mapped.append(entry)
    line = f"collection {name} ({where}): masthead reads {', '.join(mapped) or 'none of its fields'}"
    if unmapped:
        line += f"; not masthead fields (kept as extra for templates): {', '.join(dict.fromkeys(unmapped))}"
    missing = [need for need in NEEDED if need not in canonical]
    if missing and collection.get("folder"):
        hints = "; ".join(f"{need}: expected one of {', '.join(config.fields[need])} (or name yours in [fields] {need} = …)" for need in missing)
        line += f"; missing {hints}"
    return line


def report(config: Config, data: Any) -> list[str]:
    """One line per collection of the parsed config.yml ``data``."""
    if not isinstance(data, dict) or not isinstance(data.get("collections"), list):
        return ["no collections found: expected a `collections:` list in config.yml"]
    return [collection_report(config, collection) for collection in data["collections"] if isinstance(collection, dict)]
