"""Compiled templates kept between builds: Jinja2's bytecode cache, in memory and in the build cache folder.

Compiling the theme's templates costs about 0.8 s of CPU in every process that renders (the
main one and each worker), more than the rest of a small site's build. Jinja2 checks each
cached template against its source's checksum and its own and Python's versions; the folder is
named by masthead's code digest, so a masthead whose environment compiles templates differently
never reads another's bytecode. Loading compiled code renders the same bytes.

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

from ..cache import code_digest

PREFIX = "templates-"

_COMPILED: dict[tuple[str, str, str], CodeType] = {}  # (settings, bucket key, source checksum) -> code
_KEPT = 1024  # templates kept in memory at most (a preview edited for a day compiles many versions)


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
    compiler = [callable(environment.autoescape) or environment.autoescape, environment.optimized, environment.finalize is not None, sorted(environment.extensions)]
    return repr((lexer, compiler))


class _Layered(jinja2.BytecodeCache):
    """This process's memory first, then the build cache folder."""

    def __init__(self, folder: jinja2.FileSystemBytecodeCache, settings: str) -> None:
        self._folder = folder
        self._settings = settings

    def load_bytecode(self, bucket: Bucket) -> None:
        code = _COMPILED.get((self._settings, bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code
            return
        self._folder.load_bytecode(bucket)
        if bucket.code is not None:
            _keep(self._settings, bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            _keep(self._settings, bucket)
        self._folder.dump_bytecode(bucket)


def _keep(settings: str, bucket: Bucket) -> None:
    if len(_COMPILED) >= _KEPT:
        _COMPILED.clear()
    assert bucket.code is not None
    _COMPILED[settings, bucket.key, bucket.checksum] = bucket.code


def install(environment: jinja2.Environment, cache_folder: Path) -> None:
    """Give ``environment`` a bytecode cache under ``cache_folder``; drop other versions' folders."""
    folder = cache_folder / f"{PREFIX}{code_digest()[:16]}"
    folder.mkdir(parents=True, exist_ok=True)
    for other in cache_folder.glob(PREFIX + "*"):
        if other != folder and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)
    environment.bytecode_cache = _Layered(jinja2.FileSystemBytecodeCache(str(folder)), _settings(environment))
