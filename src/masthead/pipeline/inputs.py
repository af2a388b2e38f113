"""Inputs every parsed entry depends on besides its own file."""

from __future__ import annotations

from ..config import Config
from ..content.discover import SourceFile
from ..filestamp import stamp_ns


def origin_config(config: Config) -> list[SourceFile]:
    """An adopted site's own files that bodies read: its config (_config.yml, hugo.toml: site.* and
    params), its data files, includes and directory data (``origins.data.template_inputs``)."""
    from ..origins.data import template_inputs

    paths = set(template_inputs(config))
    if config.origin.config_file and (config.root / config.origin.config_file).is_file():
        paths.add(config.root / config.origin.config_file)
        if config.origin.kind == "hugo":  # config/_default/params.toml, menus.toml…
            from ..origins.hugo import config_parts, environment_files

            paths.update(config_parts(config.root / config.origin.config_file))
            paths.update(environment_files(config.root / config.origin.config_file))  # config/production/
    found = []
    for path in sorted(paths):
        stat = path.stat()
        found.append(SourceFile(path.relative_to(config.root).as_posix(), str(path), stamp_ns(stat), stat.st_size))
    return found
