"""Live reload: a server-sent events stream and the tiny script pages use to follow it.

Each page is served with its own output file, build number and error fingerprint. The script
reloads when an event lists that file, says everything changed (CSS, images), or carries a
different error state; on (re)connecting it reloads if a build happened since the page was served.
"""

from __future__ import annotations

import json

from ..render.seo import script_json
from .preview import Event

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


def message(kind: str, data: dict[str, object]) -> bytes:
    """One server-sent event."""
    return f"event: {kind}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


def messages(events: list[Event], seen: int) -> bytes:
    """The events after number ``seen`` as the stream sends them."""
    if events[0].number > seen + 1:
        # Fell behind the kept history: we cannot tell which files changed, so reload all.
        return message("build", {**events[-1].as_data(), "all": True})
    return b"".join(message("build", event.as_data()) for event in events)
