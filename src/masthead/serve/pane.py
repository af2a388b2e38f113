"""Decap's preview pane showing the real page: an entry being edited, rendered by masthead.

The admin page registers a preview template (``PREVIEW_SCRIPT``) that posts the entry's fields to
``POST /_masthead/preview`` (debounced) and shows the HTML it gets back in the pane: the page as
``masthead build`` would render it, with the site's own templates and CSS. The entry is written
out as the file Decap would save (YAML front matter, then the body), parsed exactly like a saved
file, and rendered from the last good build's site model; a broken entry gets the same
``file:line: field: message`` overlay as a broken save.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from ..content.entries import parse_entry
from ..content.permalinks import entry_url
from ..errors import MastheadError, errors_only
from ..render import pages
from ..site import Document, _image_for  # the build's own placing rules, not a copy
from . import overlay
from .quick import Warm

PREVIEW_PATH = "/_masthead/preview"
BODY_FIELD = "body"


def as_file(data: dict[str, Any]) -> bytes:
    """The entry's fields as the Markdown file Decap saves: front matter, then the body."""
    fields = {key: value for key, value in data.items() if key != BODY_FIELD and value not in (None, "", [], {})}
    body = data.get(BODY_FIELD) or ""
    front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, default_flow_style=False, width=80)
    return f"---\n{front}---\n{body}\n".encode()


def _base(html: bytes) -> bytes:
    """Relative URLs (CSS, images) resolve against the server, not the pane's ``about:srcdoc``."""
    marker = html.find(b"<head>")
    tag = b'<base href="/" target="_blank">'
    return html[: marker + 6] + tag + html[marker + 6 :] if marker != -1 else tag + html


def render(warm: Warm | None, source: str, data: Any) -> tuple[int, str]:
    """(status, HTML) for the pane. ``source``: the entry's path in the site ("" for a new one)."""
    if warm is None:
        return 409, overlay.error_page(
            "masthead serve has no good build of the site to render this entry with yet: fix the problem its pages show, and the preview follows."
        )
    if not isinstance(data, dict):
        return 400, overlay.error_page('expected {"path": …, "data": {…the entry\'s fields…}}')
    config = warm.site.config
    shown = source if source and not os.path.isabs(source) and ".." not in Path(source).parts else f"{config.folders.content}/preview.md"
    try:
        raw = as_file(data)
    except yaml.YAMLError as exc:
        return 400, overlay.error_page(f"{shown}: cannot write the entry's fields as YAML: {exc}")
    return render_file(warm, shown, raw)


def render_file(warm: Warm | None, shown: str, raw: bytes) -> tuple[int, str]:
    """(status, HTML) for the entry file ``raw``, shown as ``shown`` (its path in the site)."""
    if warm is None:
        return 409, overlay.error_page("masthead serve has no good build of the site to render this entry with yet.")
    site, config = warm.site, warm.site.config
    parsed = parse_entry(shown, raw, config)
    errors = errors_only(parsed.problems)
    if parsed.entry is None or errors:
        return 422, overlay.error_page(MastheadError(errors or list(parsed.problems)).report(), "")
    entry = parsed.entry
    # An image not on disk yet (being uploaded, or on an entry's cms/ branch) is shown without its size.
    image, _ = _image_for(entry, config.folder("static"), {}, site.resources)
    document = Document(entry, entry_url(entry, config), image, entry.scheduled(site.now))
    others = tuple(d for d in site.posts if d.entry.source != entry.source)
    if entry.is_post:
        placed = replace(site, posts=tuple(sorted((*others, document), key=lambda d: (d.entry.date, d.entry.source), reverse=True)))
    else:
        placed = replace(site, pages=(*(d for d in site.pages if d.entry.source != entry.source), document))
    try:
        _, html = pages.render(warm.environment, pages.document_page(placed, pages.site_view(placed), document))
    except Exception as exc:  # noqa: BLE001 - a template error is shown in the pane, not a traceback
        return 422, overlay.error_page(f"{shown}: the template {entry.template}.html failed: {exc.__class__.__name__}: {exc}")
    return 200, _base(html).decode("utf-8")


# The preview template the admin page registers (see init.index_html): Decap's createClass and h.
PREVIEW_SCRIPT = """<script>
(function () {
  if (!window.CMS || !window.createClass) { return; }
  var MastheadPreview = createClass({
    getInitialState: function () { return { html: "" }; },
    componentDidMount: function () { this.schedule(); },
    componentDidUpdate: function () { this.schedule(); },
    componentWillUnmount: function () { clearTimeout(this.timer); },
    schedule: function () {
      var self = this;
      clearTimeout(this.timer);
      this.timer = setTimeout(function () { self.send(); }, 300);
    },
    send: function () {
      var self = this, entry = this.props.entry;
      var body = JSON.stringify({ path: entry.get("path") || "", data: entry.get("data").toJS() });
      if (body === this.sent) { return; }
      this.sent = body;
      fetch("/_masthead/preview", { method: "POST", headers: { "Content-Type": "application/json" }, body: body })
        .then(function (reply) { return reply.text(); })
        .then(function (html) { if (self.sent === body) { self.setState({ html: html }); } })
        .catch(function () { self.setState({ html: "<p>The live preview needs <code>masthead serve</code>.</p>" }); });
    },
    render: function () {
      return h("iframe", { srcDoc: this.state.html, title: "Page preview", "data-masthead-preview": "",
                           style: { width: "100%", height: "100vh", border: "0" } });
    }
  });
  /*REGISTER*/
})();
</script>"""


def preview_script(collections: list[str]) -> str:
    """The script registering masthead's preview for each collection name."""
    import json

    calls = " ".join(f"CMS.registerPreviewTemplate({json.dumps(name)}, MastheadPreview);" for name in collections)
    return PREVIEW_SCRIPT.replace("/*REGISTER*/", calls.replace("</", "<\\/"))
