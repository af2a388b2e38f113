"""The preview's single call into the build, kept apart so it can switch to incremental builds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..build import BuildReport, StageHook, build
from ..options import BuildOptions

# The preview shows everything an editor is working on; drafts and scheduled posts carry badges.
PREVIEW_OPTIONS = BuildOptions(drafts=True, future=True)
# Past this many posts a save does not re-run Pagefind (seconds per thousand posts, no incremental
# mode): the preview's search keeps the index of its first build, a restart refreshes it.
REINDEX_UP_TO = 1000


def rebuild(site: Path, output: Path, posts_before: int = 0, hook: StageHook | None = None) -> BuildReport:
    """Build ``site`` into ``output`` with drafts and future posts; raises ``MastheadError``.

    ``posts_before`` is the post count of the previous build (0 for the first one); ``hook`` is
    called after each build stage.
    """
    reindex = posts_before == 0 or posts_before <= REINDEX_UP_TO
    return build(site, replace(PREVIEW_OPTIONS, reindex=reindex), hook=hook, mode="preview", output_to=output)  # takes the site's lock
