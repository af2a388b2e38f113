"""Compiled templates kept between builds: Jinja2's bytecode cache, in memory and in the build cache folder.

Compiling the theme's templates costs about 0.8 s of CPU in every process that renders (the
main one and each worker), more than the rest of a small site's build. Jinja2 checks each
cached template against its source's checksum and its own and Python's versions; the folder is
named by masthead's code digest and the environment's compile-time settings, so a masthead whose
environment compiles templates differently never reads another's bytecode. Loading compiled code
renders the same bytes. With ``$MASTHEAD_CACHEDIR`` set, every site shares one such folder
(``cache.shared_folder``).

A process that builds more than once (the preview's builder, a test run, a script building
many sites) also keeps what it compiled in memory, for every site: the key is the template's
name, file and source (Jinja2's bucket key and checksum) and the environment's compile-time
settings, so the same template compiled for another site, or for an environment with other
delimiters, is never mistaken for this one.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import CodeType

import jinja2
from jinja2.bccache import Bucket

from ..cache import code_digest, digest, shared_folder

PREFIX = "templates-"

_COMPILED: dict[tuple[str, str, str], CodeType] = {}  # (settings, bucket key, source checksum) -> code
_KEPT = 1024  # templates kept in memory at most (a preview edited for a day compiles many versions)
_ON_DISK: set[tuple[str, str, str]] = set()  # (folder, bucket key, checksum) this process knows are written


def _settings(environment: jinja2.Environment) -> str:
    """What the compiled code depends on besides the source: the lexer's and compiler's options."""
    lexer = [
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
    ]
    autoescape = callable(environment.autoescape) or environment.autoescape
    compiler = [autoescape, environment.optimized, environment.finalize is not None, sorted(environment.extensions)]
    return repr((lexer, compiler))


class _Layered(jinja2.BytecodeCache):
    """This process's memory first, then the folder (which gets what memory had and it lacked)."""

    def __init__(self, folder: Path, settings: str) -> None:
        self._folder = str(folder)
        self._files = jinja2.FileSystemBytecodeCache(self._folder)
        self._settings = settings

    def load_bytecode(self, bucket: Bucket) -> None:
        code = _COMPILED.get((self._settings, bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code
            if (self._folder, bucket.key, bucket.checksum) not in _ON_DISK:
                self.dump_bytecode(bucket)  # the next process building this site reads it
            return
        self._files.load_bytecode(bucket)
        if bucket.code is not None:
            self._remember(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._files.dump_bytecode(bucket)
        self._remember(bucket)

    def _remember(self, bucket: Bucket) -> None:
        if len(_COMPILED) >= _KEPT:
            _COMPILED.clear()
            _ON_DISK.clear()
        assert bucket.code is not None
        _COMPILED[self._settings, bucket.key, bucket.checksum] = bucket.code
        _ON_DISK.add((self._folder, bucket.key, bucket.checksum))


def install(environment: jinja2.Environment, cache_folder: Path) -> None:
    """Give ``environment`` a bytecode cache: under ``$MASTHEAD_CACHEDIR`` when set, else under
    ``cache_folder``, where other versions' folders are dropped."""
    settings = _settings(environment)
    # Jinja2's files are named by template and source only: the folder's name carries the rest.
    folder, shared = shared_folder(f"{PREFIX}{digest((code_digest() + settings).encode())[:16]}", cache_folder)
    folder.mkdir(parents=True, exist_ok=True)
    if not shared:
        for other in cache_folder.glob(PREFIX + "*"):
            if other != folder and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
    environment.bytecode_cache = _Layered(folder, settings)
