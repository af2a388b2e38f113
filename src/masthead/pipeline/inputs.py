"""Inputs every parsed entry depends on besides its own file."""

from __future__ import annotations

from ..config import Config
from ..content.discover import SourceFile


def origin_config(config: Config) -> list[SourceFile]:
    """An adopted site's own config (_config.yml, hugo.toml): bodies read site.* and params from it."""
    if not config.origin.config_file:
        return []
    path = config.root / config.origin.config_file
    if not path.is_file():
        return []
    stat = path.stat()
    return [SourceFile(config.origin.config_file, str(path), stat.st_mtime_ns, stat.st_size)]
