"""Hugo's front matter ``cascade`` in both forms: a table (content/_index.md, in TOML: ``[cascade.params]
author``), and a list of tables each with a target (content/notes/_index.md in YAML, with the old
``_target`` and the new ``target``; content/guides/_index.md as TOML ``[[cascade]]`` with ``_build``), and
the site config's own ``[[cascade]]`` (hugo.toml).

Hugo's rules (its docs, "Configure cascade"; gohugoio/hugo#6940): a value reaches the page that
cascades it and the pages below, unless the page sets it
or a nearer section cascades it; each of a target's globs (``path``, ``kind``, ``lang``,
``environment``) must match, ``*`` within a path segment, ``**`` across them; ``hugo`` builds the
production environment; ``params`` tables merge key by key."""

from __future__ import annotations

import re
from pathlib import Path

from origin_sites import adopt, broken_references, json_ld, literal_syntax, output_folder, page_urls

# notes/drafts/ is draft by its cascade, guides/internal/ never rendered (_build), a development-only
# cascade (draft: true) not applied to a build
EXPECTED_URLS = {
    "/",
    "/notes/",
    "/notes/first-thaw/",
    "/notes/low-water/",
    "/notes/archive/",
    "/notes/archive/old-bridge/",
    "/guides/",
    "/guides/tides/",
    "/categories/",
    "/categories/seasons/",
    "/categories/summer/",
    "/categories/guides/",  # hugo.toml's [[cascade]] for the pages under /guides/
}


def _listed(site: Path, url: str) -> set[str]:
    page = (output_folder(site) / url.strip("/") / "index.html").read_text(encoding="utf-8")
    main = page[page.index("<main") : page.index("</main>")]
    return set(re.findall(r'href="(/notes/[^"]+/)"', main))


def test_cascade_forms_and_targets(tmp_path: Path) -> None:
    site, build = adopt("hugo-cascade", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == [] and broken_references(site) == []
    public = output_folder(site)
    assert (public / "notes/low-water/gauge.jpg").is_file()
    # target {kind: page, path: /notes/**} tags the pages, not the archive section; the archive's own cascade is nearer
    assert _listed(site, "/tags/river/") == {"/notes/first-thaw/", "/notes/low-water/"}
    assert _listed(site, "/tags/archive/") == {"/notes/archive/", "/notes/archive/old-bridge/"}  # a section's cascade is its own too
    # params merge: low-water's own params.categories wins; old-bridge gets the notes' categories beside the archive's tags
    assert _listed(site, "/categories/seasons/") == {"/notes/first-thaw/", "/notes/archive/old-bridge/"}
    assert _listed(site, "/categories/summer/") == {"/notes/low-water/"}
    guides = (public / "categories/guides/index.html").read_text(encoding="utf-8")
    assert 'href="/guides/tides/"' in guides[guides.index("<main") :] and "/guides/internal/" not in guides
    post = (public / "notes/first-thaw/index.html").read_text(encoding="utf-8")
    assert json_ld(post)["author"] == {"@type": "Person", "name": "Tomas Ferreira"}  # the home's [cascade.params] author
    assert "Preview build" not in post and "warning" not in build.output
