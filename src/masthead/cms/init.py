"""``masthead cms init``: Decap CMS's admin page and config, generated from the site's config.

The ``blog`` collection's fields are the seed post's front matter, named through the config's
field mapping (``pageTitle`` unless ``[fields] title`` says otherwise); standalone pages become a
files collection. ``local_backend`` is on, and the admin page points it at the server that
serves it, so ``masthead serve`` is Decap's backend during editing, with no Node process.

An existing ``config.yml`` is kept (``--force`` replaces it): only the missing admin page is
written, and the config's collections are reported against masthead's fields (``mapping.py``).
``--local-only`` writes the admin into ``admin/`` at the top of the site, which ``masthead serve``
shows and ``masthead build`` never deploys.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..config import SCHEMA_TYPES, Config, load_config
from ..content.datafile import DataFileError, load_data
from ..content.discover import discover
from ..content.entries import Entry, parse_entry
from ..errors import MastheadError, Problem
from . import decap, mapping
from .admin import LOCAL_ADMIN

SELF_HOSTED = "decap"  # folder beside index.html for the npm copy
# The seed's date shape, 2024-12-23T20:53:09.844Z, in Day.js tokens, written in UTC.
DATE_FORMAT = "YYYY-MM-DD[T]HH:mm:ss.SSS[Z]"
BACKENDS = (
    "git-gateway",
    "github",
    "gitlab",
    "bitbucket",
    "gitea",
    "azure",
    "aws-cognito-github-proxy",
    "test-repo",
)
NEEDS_REPO = frozenset({"github", "gitlab", "bitbucket", "gitea", "azure", "aws-cognito-github-proxy"})

_INDEX = """<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="description" content="The content manager (Decap CMS) where the editors of {title} write and publish.">
<title>Content manager · {title}</title>
<link rel="icon" href="../favicon.svg" type="image/svg+xml">
<style>
  main {{ font: 1rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }}
  body:has(#nc-root) > main {{ display: none; }}
</style>
</head>
<body>
<main>
<h1>Content manager</h1>
<p id="masthead-cms-status">Loading Decap CMS…</p>
<noscript><p>The content manager needs JavaScript.</p></noscript>
</main>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="{script}" integrity="{integrity}" crossorigin="anonymous"></script>
{preview}
<script>
  // Written by `masthead cms init`. On localhost, Decap looks for its local backend at this page's
  // own server (`masthead serve`); elsewhere it uses the backend named in config.yml.
  if (window.CMS) {{
    CMS.init({{ config: {{ local_backend: {{ url: location.origin + "/api/v1" }} }} }});
  }} else {{
    document.getElementById("masthead-cms-status").textContent = {failed};
  }}
</script>
</body>
</html>
"""


def _key(config: Config, name: str) -> str:
    """The front matter key the CMS writes for a canonical field: the mapping's first."""
    return config.fields[name][0]


def _field(config: Config, name: str) -> dict[str, Any]:
    """The widget of one canonical field, named by the field mapping."""
    widgets: dict[str, dict[str, Any]] = {
        "schema_type": {"label": "Schema type", "widget": "select", "options": list(SCHEMA_TYPES), "default": config.default_schema_type},
        "title": {"label": "Title", "widget": "string"},
        "description": {"label": "Meta description", "widget": "text"},
        "published": {"label": "Published", "widget": "boolean", "default": True},
        "date": {"label": "Date", "widget": "datetime", "format": DATE_FORMAT, "picker_utc": True, "default": "{{now}}"},
        "teaser": {"label": "Teaser", "widget": "text"},
        "image": {
            "label": "Featured image",
            "widget": "object",
            "required": False,
            "fields": [
                {"label": "Image", "name": "src", "widget": "image", "required": False},
                {"label": "Alt text", "name": "alt", "widget": "string", "required": False, "hint": "What the image shows, for readers who cannot see it"},
            ],
        },
        "tags": {"label": "Tags", "widget": "list", "required": False},
        "author": {
            "label": "Author",
            "widget": "string",
            "required": False,
            "hint": f"Leave empty for {config.author.name}" if config.author.name else "Who wrote it",
        },
    }
    widget = widgets[name]
    return {"label": widget["label"], "name": _key(config, name), **{k: v for k, v in widget.items() if k != "label"}}


def _template(config: Config, template: str) -> dict[str, Any]:
    return {"label": "Template key", "name": _key(config, "template"), "widget": "hidden", "default": template}


def _body() -> dict[str, Any]:
    return {"label": "Body", "name": "body", "widget": "markdown"}  # a new dict each: no YAML anchors


def post_fields(config: Config) -> list[dict[str, Any]]:
    """Exactly the seed post's fields, in its order."""
    seed_order = ("schema_type", "title", "description", "published", "date", "teaser", "image", "tags", "author")
    return [_template(config, config.post_templates[0]), *(_field(config, name) for name in seed_order), _body()]


def page_fields(config: Config, entry: Entry) -> list[dict[str, Any]]:
    return [_template(config, entry.template), *(_field(config, name) for name in ("title", "description", "published")), _body()]


def standalone_pages(config: Config) -> list[Entry]:
    """The site's pages (non-post entries) that parse; broken files are left to `masthead check`."""
    sources, _ = discover(config)
    found = [parse_entry(source.relative, source.path.read_bytes(), config).entry for source in sources]
    return [entry for entry in found if entry is not None and not entry.is_post]


def admin_config(config: Config, backend: str, repo: str = "", branch: str = "main") -> dict[str, Any]:
    """Decap's config.yml as data."""
    backend_table: dict[str, Any] = {"name": backend}
    if repo:
        backend_table["repo"] = repo
    backend_table["branch"] = branch
    content, static = config.folders.content, config.folders.static
    collections: list[dict[str, Any]] = [
        {
            "name": "blog",
            "label": "Blog",
            "label_singular": "Post",
            "folder": f"{content}/{config.cms.posts_folder}",
            "create": True,
            "identifier_field": _key(config, "title"),  # Decap's {{slug}} is made from this field
            "slug": "{{slug}}",
            "extension": "md",
            "format": "frontmatter",
            "summary": "{{" + _key(config, "title") + "}}",
            "sortable_fields": [_key(config, "date"), _key(config, "title")],
            "fields": post_fields(config),
        }
    ]
    pages = standalone_pages(config)
    if pages:
        collections.append(
            {
                "name": "pages",
                "label": "Pages",
                "files": [
                    {
                        "label": page.title,
                        "name": page.slug,
                        "file": page.source,
                        "fields": page_fields(config, page),
                    }
                    for page in pages
                ],
            }
        )
    return {
        "backend": backend_table,
        "local_backend": True,
        "site_url": config.base_url,
        "display_url": config.base_url,
        "media_folder": f"{static}/{config.cms.media_folder}",
        "public_folder": f"/{config.cms.media_folder}",
        "collections": collections,
    }


def config_yaml(data: dict[str, Any]) -> str:
    header = (
        "# Decap CMS configuration, written by `masthead cms init` from masthead.toml.\n# Edit freely; run `masthead cms init --force` to write it again.\n"
    )
    return header + str(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100))


def index_html(config: Config, script: str, collections: list[str]) -> str:
    """The admin page; ``collections`` get masthead's preview pane (``serve/pane.py``)."""
    from ..serve.pane import preview_script

    return _INDEX.format(
        language=html.escape(config.language),
        title=html.escape(config.title),
        script=html.escape(script),
        failed=json.dumps(
            f"Decap CMS could not be loaded from {script}; check the connection, or serve it from the site (masthead cms init --self-host)."
        ).replace("<", "\\u003c"),  # a JavaScript string that cannot close the script
        integrity=html.escape(decap.DECAP_SRI),
        preview=preview_script(collections),
    )


@dataclass(frozen=True)
class Written:
    """What ``init`` did: the files written, those kept, and the report on a kept config."""

    written: tuple[Path, ...]
    kept: tuple[Path, ...]
    report: tuple[str, ...]


def collection_names(data: Any) -> list[str]:
    collections = data.get("collections") if isinstance(data, dict) else None
    return [str(c["name"]) for c in collections or [] if isinstance(c, dict) and isinstance(c.get("name"), str)]


def _problem(field: str, message: str) -> Problem:
    return Problem("masthead cms init", None, field, message)


def _check_dist(dist: Path | None) -> list[Problem]:
    if dist is None or not (dist / decap.BUNDLE).is_file():
        return [
            _problem(
                "--self-host",
                "no copy of Decap CMS found; expected `npm install decap-cms@"
                f"{decap.DECAP_VERSION}` in the site folder, or --decap-dist pointing at node_modules/decap-cms/dist",
            )
        ]
    if decap.sri_of((dist / decap.BUNDLE).read_bytes()) != decap.DECAP_SRI:
        found = decap.dist_version(dist) or "another version"
        return [
            _problem(
                "--self-host",
                f"{dist} holds decap-cms {found}, whose bundle does not match the pinned "
                f"{decap.DECAP_VERSION}; expected `npm install decap-cms@{decap.DECAP_VERSION}`",
            )
        ]
    return []


def init(
    site: Path,
    backend: str,
    repo: str = "",
    branch: str = "main",
    self_host: bool = False,
    dist: Path | None = None,
    force: bool = False,
    local_only: bool = False,
) -> Written:
    """Write the admin page and config.yml (and Decap itself with ``self_host``); an existing
    config.yml is kept and reported on unless ``force``."""
    config = load_config(site)
    problems: list[Problem] = []
    if backend in NEEDS_REPO and not repo:
        problems.append(_problem("--repo", f"the {backend} backend needs the repository; expected --repo owner/name"))
    admin = site / LOCAL_ADMIN if local_only else config.folder("static") / "admin"
    if self_host:
        dist = dist or decap.find_dist(site)
        problems += _check_dist(dist)
    if problems:
        raise MastheadError(problems)
    index, config_file = admin / "index.html", admin / "config.yml"
    written: list[Path] = []
    kept: list[Path] = []
    report: list[str] = []
    script = decap.CDN_SCRIPT
    if self_host and dist is not None:
        decap.copy_bundle(dist, admin / SELF_HOSTED)
        script = f"{SELF_HOSTED}/{decap.BUNDLE}"
        written.append(admin / SELF_HOSTED)
    admin.mkdir(parents=True, exist_ok=True)
    if force or not config_file.exists():
        data: Any = admin_config(config, backend, repo, branch)
        config_file.write_text(config_yaml(data), encoding="utf-8")
        written.append(config_file)
    else:
        kept.append(config_file)
        try:
            data = load_data(config_file.read_text(encoding="utf-8"), ".yml")
        except (DataFileError, UnicodeDecodeError) as exc:
            line = exc.line if isinstance(exc, DataFileError) else None
            problem = Problem(str(config_file), line, None, f"invalid YAML: {exc}; expected Decap's config.yml, or --force to replace it")
            raise MastheadError([problem]) from exc
        report = mapping.report(config, data)
    if force or not index.exists() or self_host:
        index.write_text(index_html(config, script, collection_names(data)), encoding="utf-8")
        written.insert(0 if not self_host else 1, index)
    else:
        kept.insert(0, index)
    return Written(tuple(written), tuple(kept), tuple(report))
