"""One bucket's Pagefind index: the binary run over links to the bucket's pages, in a kept folder.

The pages are not copied: a folder of symbolic links points at the files being committed (the
staging folder for pages this build wrote, the output folder for the others), and Pagefind's
binary (PyPI ``pagefind[bin]``) reads them through the links. Its output folder is kept between
builds, because Pagefind skips writing a file that is already there under the same content hash
(fragments are gzip-compressed at best compression, about half its time). Pagefind never removes
what it wrote before, so after each run everything the new index does not reference (read from
its ``pf_meta`` file) is deleted, and only the referenced files are published.

Pagefind writes each filter's values in hash-map order, so the same pages give other filter
files, another ``pf_meta`` and another ``pagefind-entry.json`` on each run (upstream issue 638;
fragments and word indexes are stable since 1.3). ``settle`` sorts the values and names the files
by their content again, so the same pages give the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
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


def _encode(value: object) -> bytes:
    return gzip.compress(HEADER + cbor2.dumps(value), mtime=0)


def _named(prefix: str, data: bytes, length: int) -> str:
    """A name in Pagefind's style (``en_`` and hex digits), from the file's bytes."""
    return prefix + hashlib.sha256(data).hexdigest()[:length]


def settle(bundle: Path) -> None:
    """Rewrite the index so the same pages give the same bytes: the filters, each filter's values
    and the sort orders in name order, and the filter and meta files named by their content
    (lengths as Pagefind's, 7 and 10 digits)."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_bytes())
    for language in entry["languages"].values():
        prefix = str(language["hash"]).rsplit("_", 1)[0] + "_"
        meta = _decode((bundle / f"pagefind.{language['hash']}.pf_meta").read_bytes())
        if not isinstance(meta, list) or len(meta) < 4:
            raise PagefindError("unexpected pf_meta layout")
        for item in meta[3]:  # [filter name, file hash]
            found = _decode((bundle / "filter" / f"{item[1]}.pf_filter").read_bytes())
            if not isinstance(found, list) or len(found) != 2 or not isinstance(found[1], list):
                raise PagefindError("unexpected pf_filter layout")
            data = _encode([found[0], sorted(found[1], key=lambda value: str(value[0]))])
            item[1] = _named(prefix, data, 7)
            (bundle / "filter" / f"{item[1]}.pf_filter").write_bytes(data)
        meta[3].sort(key=lambda item: str(item[0]))  # the filters, and the sort orders, by name
        if len(meta) > 4 and isinstance(meta[4], list):
            meta[4].sort(key=lambda item: str(item[0]))
        data = _encode(meta)
        language["hash"] = _named(prefix, data, 10)
        (bundle / f"pagefind.{language['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


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
    is, without running Pagefind: the time of a run is saved when the build's manifest is lost or
    another build (drafts, a preview) came between.
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
    settle(bundle)
    keep = referenced(bundle)
    prune(bundle, keep)
    files = [(relative, read(bundle / relative)) for relative in keep]
    if key:
        made_for.write_text(key)
    return files
