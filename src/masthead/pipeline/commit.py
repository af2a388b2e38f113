"""The commit stage: record the new manifest with a journal of moves, then apply it.

Before the journal is written, the output folder is checked for anything of the user's standing
where one of masthead's files or folders must go; such a build fails with nothing changed. With
``clean`` (``masthead build --clean``) every file masthead did not write is deleted as part of the
same journalled commit.
(An interrupted commit is finished, or given up, by ``output.recover`` at the start of the next build.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import output
from ..cache import BuildCache
from ..errors import MastheadError, Problem
from ..ownership import foreign_files, in_the_way, remove_empty_folders
from .parse import Parsed
from .plan import Plan
from .render import Rendered


@dataclass(frozen=True)
class Committed:
    written: int
    unchanged: int
    deleted: int  # masthead's stale files, plus with --clean the files it did not write


def commit(
    store: BuildCache, output_folder: Path, staging: Path, plan: Plan, rendered: Rendered, parsed: Parsed, meta: Mapping[str, str], clean: bool
) -> Committed:
    removed = [path for path in plan.manifest if path not in rendered.outputs]
    foreign = foreign_files(output_folder, {*plan.manifest, *rendered.outputs}) if clean else []
    blockers = in_the_way(output_folder, rendered.written, {*removed, *foreign})
    if blockers:
        name = output_folder.name
        raise MastheadError(
            Problem(
                f"{name}/{blocker}",
                None,
                None,
                f"a file masthead did not write is where {name}/{target} must go; expected it "
                "moved away (or `masthead build --clean`, which deletes every file masthead did not write)",
            )
            for blocker, target in blockers
        )
    operations = [*((output.DELETE, path) for path in (*removed, *foreign)), *((output.MOVE, path) for path in rendered.written)]
    store.commit(
        parse_key=parsed.parse_key,
        removed_sources=parsed.removed,
        outputs=((path, row.job, row.hash, row.size, row.mtime_ns) for path, row in rendered.outputs.items()),
        removed_outputs=removed,
        journal=(str(staging), operations),
        meta=dict(meta),
    )
    output.apply(output_folder, staging, operations)
    store.clear_journal()
    if clean:
        remove_empty_folders(output_folder)
    if parsed.removed or parsed.stored:
        store.prune_bodies()
    written = len(rendered.written)
    return Committed(written, len(rendered.outputs) - written, len(removed) + len(foreign))
