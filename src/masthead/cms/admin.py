"""The admin in use: which ``/admin/`` folder ``masthead serve`` shows, and the scope of its config.

An admin written with ``masthead cms init --local-only`` lives in ``admin/`` at the top of the site:
``masthead serve`` shows it and ``masthead build`` never copies it, so it is never deployed. Else
the admin is ``<static>/admin/``, deployed with the site. Its ``config.yml`` decides what the local
backend may change (``scope.py``); without one, the config ``masthead cms init`` would write does.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..config import CONFIG_FILE, Config, Folders, load_config
from ..errors import MastheadError
from ..filestamp import stamp_ns
from .scope import Scope, load_scope

LOCAL_ADMIN = "admin"


def site_config(site: Path) -> Config | None:
    try:
        return load_config(site)
    except MastheadError:
        return None


def admin_folder(site: Path, config: Config | None) -> Path:
    local = site / LOCAL_ADMIN
    if (local / "index.html").is_file() or (local / "config.yml").is_file():
        return local
    static = config.folder("static") if config is not None else site / Folders().static
    return static / "admin"


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = os.stat(path)
    except OSError:
        return (0, -1)
    return (stamp_ns(stat), stat.st_size)


class ConfigCache:
    """The site's config (None while masthead.toml is broken), read again only when the file's
    stamp (``filestamp``) or size changed: the preview asks for it on every request."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self._key: tuple[int, int] | None = None
        self._config: Config | None = None

    def get(self) -> Config | None:
        key = _stamp(self.site / CONFIG_FILE)
        if key != self._key:
            self._config, self._key = site_config(self.site), key
        return self._config


class ScopeCache:
    """The current scope, read again only when config.yml or masthead.toml changed."""

    def __init__(self, site: Path, configs: ConfigCache | None = None) -> None:
        self.site = site
        self.configs = configs or ConfigCache(site)
        self._key: object = None
        self._scope: Scope | None = None

    def get(self) -> Scope:
        config = self.configs.get()
        admin_config = admin_folder(self.site, config) / "config.yml"
        key = (admin_config, _stamp(admin_config), _stamp(self.site / CONFIG_FILE))
        if self._scope is None or key != self._key:
            from .init import admin_config as generated

            fallback = generated(config, "git-gateway") if config is not None and not admin_config.is_file() else {}
            self._scope = load_scope(self.site, config, admin_config, fallback)
            self._key = key
        return self._scope
