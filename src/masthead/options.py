"""What a build is asked to include. Kept apart from the site model so that the command line and
the no-change check import nothing heavy."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BuildOptions:
    drafts: bool = False  # include posts with published: false (they carry noindex)
    future: bool = False  # include posts dated after the build time
    # Re-run Pagefind when a post page changed. The preview keeps the index of its first build on
    # large sites instead: Pagefind has no incremental mode and takes seconds per thousand posts.
    reindex: bool = True
