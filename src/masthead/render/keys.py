"""Output keys, derived rather than listed: what a job's output can depend on, as one digest.

A page's key is the digest of
- the fingerprint of exactly the objects its template receives (``site``, ``head``, ``document``,
  ``listing``…), walked field by field through the frozen view dataclasses,
- the source of every template it uses: its own, and everything it extends, includes or imports,
  found with ``jinja2.meta`` through the environment's loader (so site overrides count), and
- the bytes of every image it shows: an ``ImageInfo`` is fingerprinted with the image's responsive
  plan, whose variant names carry the file's content hash.

Two rules keep the walk cheap and exact: an ``Entry`` is a pure function of its source file and
the config, so a parsed entry is fingerprinted by its content hash (plus the plans of the images
its body shows), and each object is fingerprinted once per plan (memoised by identity). A value of
a type the walk does not know is an error, never silently left out.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from functools import partial
from types import FunctionType, MappingProxyType
from typing import Any

import jinja2
from jinja2 import meta

from ..cache import digest
from ..config import Config
from ..content.entries import Entry
from ..content.markdown import RenderedMarkdown
from ..errors import MastheadError, Problem
from ..images import ImageInfo
from ..site import Site

_FIELDS: dict[type, tuple[str, ...]] = {}  # dataclass -> the fields that make up its value


class Fingerprints:
    """Fingerprints of the view objects of one site model."""

    def __init__(self, site: Site, source_hashes: Mapping[str, str], parsed: Iterable[Entry], parse_key: str, track_reads: bool = False) -> None:
        """``parse_key``: what every parsed entry depends on besides its file (``pipeline.parse.parse_key``);
        ``track_reads``: also note which entries each fingerprint reaches (``reads``)."""
        self._site = site
        self._hashes = source_hashes
        self._parse_key = parse_key
        self._parsed = {id(entry) for entry in parsed}
        self._memo: dict[int, str] = {}
        self._keep: list[object] = []  # memoised objects stay alive, so their ids stay theirs
        self._track = track_reads
        self._read_memo: dict[int, frozenset[str]] = {}  # memoised object -> sources of the entries under it
        self._reading: set[str] | None = None  # while tracking: the entries the current walk reached

    def carried(self, site: Site, source_hashes: Mapping[str, str], parsed: Iterable[Entry]) -> Fingerprints:
        """Fingerprints of a new model of the same site, keeping what this one memoised: every
        memoised value stays true as long as the new model has the same image plans (an entry's
        fingerprint is its content hash and its images' plans), which is asserted."""
        if site.pictures is not self._site.pictures or site.config is not self._site.config:
            raise ValueError("a carried fingerprint memo needs the same config and image plans")
        carried = Fingerprints(site, source_hashes, parsed, self._parse_key, self._track)
        carried._memo, carried._keep, carried._read_memo = self._memo, self._keep, self._read_memo
        return carried

    @property
    def tracking(self) -> bool:
        return self._track

    def of(self, *values: object) -> str:
        if self._track and self._reading is None:
            return self.reads(*values)[0]
        return digest("\x1f".join(self._part(value) for value in values).encode("utf-8", "surrogateescape"))

    def reads(self, *values: object) -> tuple[str, frozenset[str]]:
        """The fingerprint, and the sources of the entries it reached (with ``track_reads``): a
        value that reaches none of an edit's entries is the same after the edit, given the rest
        of the model is (``serve/quick.py``)."""
        if not self._track:
            raise ValueError("reads needs track_reads=True")
        self._reading = reached = set[str]()
        try:
            found = digest("\x1f".join(self._part(value) for value in values).encode("utf-8", "surrogateescape"))
        finally:
            self._reading = None
        return found, frozenset(reached)

    def _part(self, value: object) -> str:
        kind = type(value)
        if kind is str:
            return f"s{len(value)}:{value}"  # type: ignore[arg-type]  # length first: no separator can be forged
        simple = _SIMPLE.get(kind)
        if simple is not None:
            return simple(self, value)
        found = self._memo.get(id(value))  # memoised objects are kept alive: their ids are theirs
        if found is not None:
            if self._reading is not None:
                self._reading.update(self._read_memo.get(id(value), ()))
            return found
        if isinstance(value, str):  # Markup and other str subclasses
            return f"s{len(value)}:{value}"
        if isinstance(value, datetime | date | timedelta | bytes | int | float):
            return repr(value)
        if isinstance(value, Mapping):
            return _mapping(self, value)
        if isinstance(value, set | frozenset):
            return "<" + "\x1e".join(sorted(self._part(item) for item in value)) + ">"
        sequence = isinstance(value, tuple | list) and not dataclasses.is_dataclass(value)  # NamedTuples too
        outer = self._reading
        if outer is None:
            found = _sequence(self, value) if sequence else self._object(value)
        else:  # what this object reaches is noted with its memo, for the walks that meet it again
            self._reading = inner = set[str]()
            try:
                found = _sequence(self, value) if sequence else self._object(value)
            finally:
                self._reading = outer
            if inner:
                self._read_memo[id(value)] = frozenset(inner)
                outer |= inner
        self._memo[id(value)] = found
        self._keep.append(value)
        return found

    def _object(self, value: object) -> str:
        if isinstance(value, Entry):
            if self._reading is not None:
                self._reading.add(value.source)
            return self._entry(value)
        if isinstance(value, ImageInfo):
            return self._fields(value) + self._part(self._site.pictures.get(value.src))
        if isinstance(value, Config):
            return "config:" + digest(value.source_text.encode())
        if isinstance(value, partial):  # a pure function not yet called: its function and arguments
            return self._part((value.func, value.args, value.keywords))
        if isinstance(value, FunctionType):  # masthead's own code: the cache is tied to its digest
            return f"function:{value.__module__}.{value.__qualname__}"
        if isinstance(value, RenderedMarkdown):
            return self._part((value.html, value.summary, tuple(value.citations), value.headings, value.read_more, value.images, tuple(value.links)))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self._fields(value)
        raise TypeError(f"no fingerprint for {type(value).__qualname__}; every value a template receives needs one")

    def _fields(self, value: Any) -> str:
        kind = type(value)
        names = _FIELDS.get(kind)
        if names is None:
            names = _FIELDS[kind] = tuple(field.name for field in dataclasses.fields(value) if field.compare)
        text = "\x1d".join([kind.__qualname__, *(self._part(getattr(value, name)) for name in names)])
        return digest(text.encode("utf-8", "surrogateescape"))

    def _entry(self, entry: Entry) -> str:
        pictures = self._part([self._site.pictures.get(src) for src in entry.body.images])
        if id(entry) in self._parsed and entry.source in self._hashes:
            return f"entry:{self._parse_key}:{self._hashes[entry.source]}:{pictures}"
        return self._fields(entry) + pictures  # changed after parsing (links.rewrite): every field counts


def _sequence(fingerprints: Fingerprints, value: Any) -> str:
    return "[" + "\x1e".join(fingerprints._part(item) for item in value) + "]"


def _mapping(fingerprints: Fingerprints, value: Any) -> str:
    return "{" + "\x1e".join(f"{fingerprints._part(key)}:{fingerprints._part(item)}" for key, item in value.items()) + "}"


def _repr(fingerprints: Fingerprints, value: object) -> str:
    return repr(value)


# The commonest exact types, dispatched without isinstance checks (the walk runs per page).
_SIMPLE: dict[type, Callable[[Fingerprints, Any], str]] = {
    int: _repr,
    float: _repr,
    bool: _repr,
    type(None): _repr,
    bytes: _repr,
    datetime: lambda _, value: value.isoformat(),
    date: lambda _, value: value.isoformat(),
    timedelta: _repr,
    tuple: _sequence,
    list: _sequence,
    dict: _mapping,
    MappingProxyType: _mapping,
}


# digest of a template's source -> the names it references, for every site this process builds
# (a pure function of the source: the lexer's settings are masthead's own, the same for every site)
_REFERENCES: dict[str, list[str | None]] = {}


class TemplateClosures:
    """The digest of a template and of every template it extends, includes or imports."""

    def __init__(self, environment: jinja2.Environment, references: dict[str, list[str | None]] | None = None) -> None:
        self._environment = environment
        # digest of a template's source -> the names it references: parsing costs more than the
        # rest of the plan, and the build cache remembers these between builds
        self.references = references if references is not None else {}
        self.used: dict[str, list[str | None]] = {}  # the part of ``references`` this site uses
        self._sources: dict[str, tuple[str, frozenset[str | None]]] = {}
        self._closures: dict[str, str] = {}

    def _read(self, name: str) -> tuple[str, frozenset[str | None]]:
        found = self._sources.get(name)
        if found is None:
            loader = self._environment.loader
            assert loader is not None
            source, filename, _ = loader.get_source(self._environment, name)
            source_key = digest(source.encode("utf-8", "surrogateescape"))
            if source_key not in self.references:
                known = _REFERENCES.get(source_key)
                if known is None:
                    parsed = self._environment.parse(source, name, filename)
                    known = _REFERENCES[source_key] = sorted(meta.find_referenced_templates(parsed), key=str)
                self.references[source_key] = known
            self.used[source_key] = self.references[source_key]
            found = self._sources[name] = (f"{name}\0{filename}\0{source}", frozenset(self.references[source_key]))
        return found

    def _checked_read(self, name: str, referrer: str | None) -> tuple[str, frozenset[str | None]]:
        """``_read``, with a template that is missing, broken or not text as a problem naming its file and line
        (the site's templates are user input: the first place they are read is where their problems are told)."""
        try:
            return self._read(name)
        except jinja2.TemplateNotFound as exc:
            where, line = self._file(referrer), None
            if referrer is not None:
                source = self._read(referrer)[0].split("\0", 2)[2]
                found = next((at for at in (source.find(f'"{name}"'), source.find(f"'{name}'")) if at >= 0), -1)
                line = source.count("\n", 0, found) + 1 if found >= 0 else None
            raise MastheadError(
                [
                    Problem(
                        where,
                        line,
                        None,
                        f'uses the template "{name}", which is in neither the site\'s templates folder nor the theme; expected the name of a template file',
                    )
                ]
            ) from exc
        except jinja2.TemplateSyntaxError as exc:
            raise MastheadError(
                [Problem(exc.filename or self._file(name), exc.lineno, None, f"template syntax: {exc.message}; expected a Jinja template")]
            ) from exc
        except UnicodeDecodeError as exc:
            raise MastheadError(
                [Problem(self._file(name), None, None, f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); expected a UTF-8 template")]
            ) from exc

    def _file(self, name: str | None) -> str:
        """The file a template name stands for, for a message (the site's copy first, as the loader reads them)."""
        loader = self._environment.loader
        for choice in getattr(loader, "loaders", [loader]):
            for folder in getattr(choice, "searchpath", []):
                if name is not None and os.path.isfile(os.path.join(folder, name)):
                    return os.path.join(folder, name)
        return name or "template"

    def of(self, name: str) -> str:
        found = self._closures.get(name)
        if found is None:
            seen: dict[str, str] = {}
            pending: list[tuple[str, str | None]] = [(name, None)]  # (template, the template naming it)
            while pending:
                current, referrer = pending.pop()
                if current in seen:
                    continue
                text, references = self._checked_read(current, referrer)
                seen[current] = text
                if None in references:  # a name computed at render time: any template may be used
                    loader = self._environment.loader
                    assert loader is not None
                    pending += ((listed, None) for listed in loader.list_templates())
                pending += ((reference, current) for reference in references if reference is not None)
            found = self._closures[name] = digest("\0".join(seen[key] for key in sorted(seen)).encode())
        return found
