"""What the local backend may touch: the folders of the CMS collections and the media folders.

The Decap config in use (the ``config.yml`` the admin page loads, see ``admin.py``) names every
place an editor can change: each folder collection's ``folder``, each files collection's ``file``,
the global ``media_folder`` and any collection-level one. Everything else in the site folder —
templates, ``masthead.toml``, ``.git``, the build cache, the output, the admin itself, hidden files —
is refused, whatever the config says, so a write through ``/api/v1`` can change content and images
and never code. Paths are resolved, symlinks included, before they are compared.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..config import CONFIG_FILE, Config
from ..content.datafile import load_data


class OutOfScope(Exception):
    """A path the CMS may not read or write; the message says why."""


@dataclass(frozen=True)
class Scope:
    """The real (resolved) folders and files an editor may read and write, and what is never allowed."""

    root: Path  # the site folder, resolved
    folders: tuple[Path, ...]  # collection and media folders: anything below them
    files: tuple[Path, ...]  # files collections' single files
    denied: tuple[Path, ...]  # never, even below an allowed folder
    source: str  # where the rules came from, for error messages
    editorial: bool = False  # the config says publish_mode: editorial_workflow

    def allows(self, path: Path) -> bool:
        """``path`` (absolute, resolved) may be read or written."""
        if not path.is_relative_to(self.root):
            return False
        if any(part.startswith(".") for part in path.relative_to(self.root).parts):
            return False
        if any(path == denied or path.is_relative_to(denied) for denied in self.denied):
            return False
        return path in self.files or any(path.is_relative_to(folder) and path != folder for folder in self.folders)

    def allows_folder(self, folder: Path) -> bool:
        """``folder`` may be listed: it is, or is inside, an allowed folder."""
        if any(part.startswith(".") for part in folder.relative_to(self.root).parts) if folder.is_relative_to(self.root) else True:
            return False
        if any(folder == denied or folder.is_relative_to(denied) for denied in self.denied):
            return False
        return any(folder.is_relative_to(allowed) for allowed in self.folders)

    def describe(self) -> str:
        shown = [f"{p.relative_to(self.root).as_posix()}/" for p in self.folders] + [p.relative_to(self.root).as_posix() for p in self.files]
        return ", ".join(shown) or "nothing"


def resolve(root: Path, value: str) -> Path:
    """``value`` (relative to ``root``) as an absolute path with every existing link resolved."""
    if "\0" in value or os.path.isabs(value) or value.startswith("\\"):
        raise OutOfScope("must be a path relative to the site folder")
    joined = os.path.normpath(os.path.join(root, value))
    missing: list[str] = []
    existing = joined
    while not os.path.lexists(existing):  # resolve the part that exists, keep the rest as written
        existing, name = os.path.split(existing)
        missing.insert(0, name)
    return Path(os.path.realpath(existing), *missing)


def _relative_folder(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().lstrip("/")


def _collection_media(collection: dict[str, Any], folder: str | None) -> str | None:
    """A collection's own ``media_folder``: relative to its entries' folder, or to the site with "/"."""
    media = collection.get("media_folder")
    if not isinstance(media, str) or "{{" in media:
        return None  # templated folders ({{media_folder}}/{{slug}}) live below ones already allowed
    if media.startswith("/"):
        return media.lstrip("/")
    if folder is None:
        return None
    return str(PurePosixPath(folder) / media) if media else folder


def scope_from_config(root: Path, site_config: Config | None, data: Any, source: str) -> Scope:
    """The scope described by a parsed Decap config (``data``), with masthead's own folders denied."""
    real_root = Path(os.path.realpath(root))
    folders: list[str] = []
    files: list[str] = []
    if isinstance(data, dict):
        media = _relative_folder(data.get("media_folder"))
        if media:
            folders.append(media)
        for collection in data.get("collections") or []:
            if not isinstance(collection, dict):
                continue
            folder = _relative_folder(collection.get("folder"))
            if folder:
                folders.append(folder)
            for item in collection.get("files") or []:
                if isinstance(item, dict) and isinstance(item.get("file"), str):
                    files.append(item["file"].lstrip("/"))
            collection_media = _collection_media(collection, folder)
            if collection_media:
                folders.append(collection_media)
    denied = [CONFIG_FILE, "admin"]
    if site_config is not None:
        folders_config = site_config.folders
        denied += [folders_config.templates, folders_config.cache, folders_config.output, f"{folders_config.static}/admin"]
    else:
        denied += ["templates", ".masthead-cache", "public", "static/admin"]
    return Scope(
        real_root,
        tuple(dict.fromkeys(resolve(real_root, folder) for folder in folders if folder not in ("", "."))),
        tuple(dict.fromkeys(resolve(real_root, file) for file in files)),
        tuple(dict.fromkeys(resolve(real_root, name) for name in denied)),
        source,
        isinstance(data, dict) and data.get("publish_mode") == "editorial_workflow",
    )


def load_scope(root: Path, site_config: Config | None, admin_config: Path | None, fallback: dict[str, Any]) -> Scope:
    """The scope of ``admin_config`` (the config.yml in use), or of ``fallback`` when there is none."""
    if admin_config is not None and admin_config.is_file():
        try:
            data = load_data(admin_config.read_text(encoding="utf-8"), ".yml")
        except (ValueError, OSError):  # (a DataFileError or a UnicodeDecodeError)
            data = None  # a broken config allows nothing: Decap could not load it either
        return scope_from_config(root, site_config, data, str(admin_config.relative_to(root)) if admin_config.is_relative_to(root) else str(admin_config))
    return scope_from_config(root, site_config, fallback, "the config `masthead cms init` would write")
