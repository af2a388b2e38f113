"""Live reload: a server-sent events stream and the tiny script pages use to follow it.

Each page is served with its own output file, build number and error fingerprint. The script
reloads when an event lists that file, says everything changed (CSS, images), or carries a
different error state; on (re)connecting it reloads if a build happened since the page was served.
"""

from __future__ import annotations

import json
from typing import Protocol

from ..render.seo import script_json
from .preview import Event, Preview

EVENTS_PATH = "/_masthead/events"
KEEP_ALIVE_SECONDS = 15.0

_SCRIPT = """<script data-masthead-reload>
(function () {
  var page = %s;
  var source = new EventSource("%s");
  function follow(kind) {
    return function (message) {
      var state = JSON.parse(message.data);
      var stale = state.error !== page.error ||
        (kind === "state" ? state.build !== page.build
                          : state.all || state.files.indexOf(page.file) !== -1);
      if (stale) { source.close(); location.reload(); } else { page.build = state.build; }
    };
  }
  source.addEventListener("state", follow("state"));
  source.addEventListener("build", follow("build"));
})();
</script>"""


def script(file: str, event: Event) -> str:
    """The inline reload script for the page whose output file is ``file``."""
    page = {"file": file, "build": event.build, "error": event.error_id}
    return _SCRIPT % (script_json(page), EVENTS_PATH)


class Writable(Protocol):
    def write(self, data: bytes, /) -> object: ...
    def flush(self) -> None: ...


def _message(kind: str, data: dict[str, object]) -> bytes:
    return f"event: {kind}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


def stream(out: Writable, preview: Preview) -> None:
    """Write events to a connected page until it goes away or the server stops."""
    seen = preview.current.number
    current = preview.current.as_data()
    out.write(
        b"retry: 500\n\n"
        + _message("state", {"build": current["build"], "error": current["error"]})
    )
    out.flush()
    while not preview.closed:
        events = preview.wait(seen, KEEP_ALIVE_SECONDS)
        if not events:
            out.write(b": keep-alive\n\n")
        elif events[0].number > seen + 1:
            # Fell behind the kept history: we cannot tell which files changed, so reload all.
            out.write(_message("build", {**events[-1].as_data(), "all": True}))
        else:
            for event in events:
                out.write(_message("build", event.as_data()))
        if events:
            seen = events[-1].number
        out.flush()
