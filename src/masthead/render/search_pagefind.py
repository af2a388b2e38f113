"""One bucket's Pagefind index: the binary run over links to the bucket's pages, in a kept folder.

The pages are not copied: a folder of symbolic links points at the files being committed (the
staging folder for pages this build wrote, the output folder for the others), and Pagefind's
binary (PyPI ``pagefind[bin]``) reads them through the links. Its output folder is kept between
builds, because Pagefind skips writing a file that is already there under the same content hash
(fragments are gzip-compressed at best compression, about half its time). Pagefind never removes
what it wrote before, so after each run everything the new index does not reference (read from
its ``pf_meta`` file) is deleted, and only the referenced files are published.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

import cbor2

# What the search page needs of a bundle besides the index itself (no Pagefind UI).
RUNTIME = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
HEADER = b"pagefind_dcd"


class PagefindError(Exception):
    pass


def link_pages(farm: Path, pages: Sequence[tuple[str, Path]]) -> None:
    """A fresh folder holding one symbolic link per page, at the page's output path."""
    if farm.exists():
        shutil.rmtree(farm)
    farm.mkdir(parents=True)
    made: set[Path] = set()
    for relative, target in pages:
        link = farm / relative
        if link.parent not in made:
            link.parent.mkdir(parents=True, exist_ok=True)
            made.add(link.parent)
        os.symlink(target.resolve(), link)


def run(executable: str, farm: Path, bundle: Path, language: str) -> None:
    command = [executable, "--site", str(farm), "--output-path", str(bundle), "--force-language", language, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise PagefindError(" ".join(detail) or f"exit {result.returncode}")


def _decode(data: bytes) -> object:
    raw = gzip.decompress(data)
    if not raw.startswith(HEADER):
        raise PagefindError("unexpected index file format")
    return cbor2.loads(raw[len(HEADER) :])


def referenced(bundle: Path) -> list[str]:
    """Every file of the bundle its current index uses, relative to the bundle folder."""
    entry = json.loads((bundle / "pagefind-entry.json").read_bytes())
    files = list(RUNTIME)
    for language in entry["languages"].values():
        meta_name = f"pagefind.{language['hash']}.pf_meta"
        meta = _decode((bundle / meta_name).read_bytes())
        if not isinstance(meta, list) or len(meta) < 4:
            raise PagefindError(f"unexpected {meta_name} layout")
        files += [meta_name, f"wasm.{language.get('wasm') or 'unknown'}.pagefind"]
        files += [f"fragment/{page[0]}.pf_fragment" for page in meta[1]]
        files += [f"index/{chunk[2]}.pf_index" for chunk in meta[2]]
        files += [f"filter/{item[1]}.pf_filter" for item in meta[3]]
    return sorted(set(files))


def prune(bundle: Path, keep: Sequence[str]) -> None:
    """Delete index files of earlier runs that the current index no longer references."""
    wanted = set(keep)
    for path in bundle.rglob("*"):
        relative = path.relative_to(bundle).as_posix()
        if path.is_file() and relative not in wanted and (relative.endswith(".pf_meta") or "/" in relative):
            path.unlink()


def index_bucket(
    executable: str, folder: Path, pages: Sequence[tuple[str, Path]], language: str, read: Callable[[Path], bytes] = Path.read_bytes, key: str = ""
) -> list[tuple[str, bytes]]:
    """Index ``pages`` (output path, file) into ``folder``/bundle; the files to publish.

    With a ``key`` (a hash of the pages), a bundle last made for the same key is published as it
    is, without running Pagefind: its output is not byte-stable, so this keeps same input, same
    bytes when the build's manifest is lost or another build (drafts, a preview) came between.
    """
    farm, bundle, made_for = folder / "site", folder / "bundle", folder / "key"
    if key and made_for.is_file() and made_for.read_text() == key:
        try:
            return [(relative, read(bundle / relative)) for relative in referenced(bundle)]
        except (OSError, ValueError, PagefindError):
            pass  # damaged: index again
    made_for.unlink(missing_ok=True)
    link_pages(farm, pages)
    try:
        run(executable, farm, bundle, language)
    finally:
        shutil.rmtree(farm, ignore_errors=True)
    keep = referenced(bundle)
    prune(bundle, keep)
    files = [(relative, read(bundle / relative)) for relative in keep]
    if key:
        made_for.write_text(key)
    return files
