"""The preview's single call into the build, kept apart so it can switch to incremental builds."""

from __future__ import annotations

from pathlib import Path

from ..build import BuildReport, build
from ..options import BuildOptions

# The preview shows everything an editor is working on; drafts and scheduled posts carry badges.
PREVIEW_OPTIONS = BuildOptions(drafts=True, future=True)


def rebuild(site: Path, output: Path) -> BuildReport:
    """Build ``site`` into ``output`` with drafts and future posts; raises ``MastheadError``."""
    return build(site, PREVIEW_OPTIONS, output_to=output)
