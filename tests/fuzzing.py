"""Mutations of the seed post for fuzzing ``masthead check`` (tests/test_fuzz_check.py, scripts/fuzz.py).

A mutation is a function of the seed's text and a ``random.Random``: byte flips, insertions of
hostile fragments (control characters, noncharacters, YAML tags, alias bombs, dates at the ends of
the calendar…), and YAML structure edits (lines deleted, duplicated, re-indented, values replaced).
The fuzz site is a real site: the example's config, the seed post, the images it names, and a
decompression-bomb PNG a mutation may point at.
"""

from __future__ import annotations

import random
import shutil
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "briefing"
SEED = ROOT / "tests" / "fixtures" / "seed" / "russia-north-korea-ties.md"  # the seed byte for byte (the example describes its image)
POST = "content/blog/russia-north-korea-ties.md"

# Fragments people paste, tools emit, or attackers write. Each is inserted somewhere in the file.
HOSTILE = [
    "\f",
    "\x00",
    "\x0b",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "\U0001fffe",
    "\r",
    "\r\n",
    "\t",
    "&#xFFFF;",
    "&#xFFFE;",
    "&#0;",
    "&#x0C;",
    "&#x1F;",
    "&#x10FFFF;",
    "&#xD800;",
    "&#99999999;",
    "&#x110000;",
    "&#65535;",
    "<script>alert(1)</script>",
    "<!--",
    "]]>",
    "{{ site }}",
    "{% raw %}",
    "[[AP](javascript:alert(1))]",
    "[[](https://a.example/)]",
    "[Read More](http://[::1)",
    "![x](/img/missing.jpg)",
    "![x](/img/bomb.png)",
    "![x](/img/big.png)",
    "![x](/../../../etc/passwd)",
    "![x](//cdn.example/x.jpg)",
    "[x](\x00)",
    "<https://a.example/\f>",
    "# \x0c heading",
    "| a | b |\n|---|---|\n| \uffff | \x0b |\n",
    "```\x00\n```\n",
    "~~~ \uffff\n",
    "- [ ] \x1f\n",
    ": ",
    " #",
    "'",
    '"',
    "---",
    "---\n",
    "...",
    "- ",
    "? ",
    "&a",
    "*a",
    "!",
    "%",
    "@",
    "`",
    "|",
    ">",
    "{",
    "[",
]

# Values for a front matter key: wrong types, bad tags, dates at the ends of the calendar, huge numbers.
HOSTILE_VALUES = [
    "",
    "~",
    "null",
    "2023-02-29",
    "2023-13-01",
    "0001-01-01",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31",
    "9999-12-31T23:59:59-12:00",
    "9999-12-31T23:59:59.999999Z",
    "10000-01-01",
    "1970-01-01",
    "2024-12-23T25:61:61Z",
    "!!int abc",
    "!!float x",
    "!!bool maybe",
    "!!timestamp 2023-02-30",
    "!!binary '###'",
    "!!set {a, b}",
    "!!omap [a: 1, a: 2]",
    "!!pairs [a: 1]",
    "!!python/object:os.system 'ls'",
    "!!str",
    "!custom x",
    "!<tag:x> y",
    "!!null x",
    "!!map [1]",
    "!!seq {a: 1}",
    "[a, b]",
    "{a: 1}",
    "[[[[[[[[[[]]]]]]]]]]",
    "{a: {b: {c: {d: [1]}}}}",
    "1e400",
    "-1e400",
    ".nan",
    ".inf",
    "9" * 5000,
    "0x" + "f" * 100,
    "0o777",
    "true",
    "yes",
    "-",
    "?",
    "|",
    ">",
    "'\f'",
    '"\\x00"',
    '"\\uffff"',
    '"\\U0010fffe"',
    '"\\x1b"',
    "\uffff",
    "a" * 300,
    "é" * 200,
    "/img/bomb.png",
    "/img/big.png",
    "/img/missing.jpg",
    "/../x.jpg",
    "[/img/logo.png]",
    "{src: [1], alt: {a: 1}, focus: x}",
    "{src: /img/logo.png, focus: '2,2'}",
    "&anchor value",
    "*missing",
    "'[' ",
    '"unterminated',
    "2024-12-23T20:53:09.844Z\x0c",
]

KEYS = [
    "templateKey",
    "schemaType",
    "pageTitle",
    "metaDescription",
    "published",
    "date",
    "updated",
    "teaser",
    "featuredImage",
    "tags",
    "slug",
    "author",
    "featured",
    "draft",
    "title",
    "description",
    "image",
    "[1, 2]",
    "? [a, b]",
    "1",
    "null",
    "true",
    "3.5",
    "2024-01-01",
    "&k key",
    "!!int k",
    "'\f'",
    "a" * 300,
    "<<",
]

ALIAS_BOMB = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
            f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
            for i in range(8)
        ),
    ]
)
DEEP = "deep: " + "[" * 3000 + "]" * 3000


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _front_range(lines: list[str]) -> range:
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), len(lines))
    return range(1, max(closing, 2))


def flip_byte(text: str, rng: random.Random) -> bytes:
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 4)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def insert_bytes(text: str, rng: random.Random) -> bytes:
    data = text.encode("utf-8")
    at = rng.randrange(len(data) + 1)
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))) + data[at:]


def truncate(text: str, rng: random.Random) -> bytes:
    data = text.encode("utf-8")
    return data[: rng.randrange(len(data) + 1)]


def insert_fragment(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(HOSTILE) + text[at:]


def insert_fragment_in_front_matter(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    index = rng.choice(list(_front_range(lines)))
    line = lines[index]
    at = rng.randrange(len(line) + 1)
    lines[index] = line[:at] + rng.choice(HOSTILE) + line[at:]
    return "\n".join(lines)


def replace_value(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    candidates = [i for i in _front_range(lines) if ":" in lines[i] and not lines[i].startswith(" ")]
    index = rng.choice(candidates)
    key = lines[index].split(":", 1)[0]
    lines[index] = f"{key}: {rng.choice(HOSTILE_VALUES)}"
    return "\n".join(lines)


def add_key(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    at = rng.choice(list(_front_range(lines)))
    lines.insert(at, f"{rng.choice(KEYS)}: {rng.choice(HOSTILE_VALUES)}")
    return "\n".join(lines)


def restructure(text: str, rng: random.Random) -> str:
    """Delete, duplicate, swap or re-indent front matter lines (and sometimes the fences)."""
    lines = _lines(text)
    span = list(_front_range(lines)) + [0, len(_front_range(lines)) + 1]
    index, other = rng.choice(span), rng.choice(span)
    action = rng.randrange(4)
    if action == 0:
        del lines[index]
    elif action == 1:
        lines.insert(other, lines[index])
    elif action == 2:
        lines[index], lines[other] = lines[other], lines[index]
    else:
        lines[index] = rng.choice([" ", "  ", "\t", "- ", "? ", "    "]) + lines[index]
    return "\n".join(lines)


def big_structure(text: str, rng: random.Random) -> str:
    """An alias bomb, deep nesting or a non-string key, in the front matter."""
    lines = _lines(text)
    piece = rng.choice(
        [
            ALIAS_BOMB,
            DEEP,
            "? [a, b]\n: c",
            "? {a: 1}\n: c",
            "1: one",
            "null: x",
            "2024-01-01: day",
            "<<: {pageTitle: merged}",
            "<<: *nothing",
            "x: &x [*x]",
            "pageTitle: &t T\nteaser: *t",
        ]
    )
    lines.insert(rng.choice(list(_front_range(lines))), piece)
    return "\n".join(lines)


Mutation = Callable[[str, random.Random], "str | bytes"]
MUTATIONS: list[Mutation] = [
    flip_byte,
    insert_bytes,
    truncate,
    insert_fragment,
    insert_fragment_in_front_matter,
    replace_value,
    add_key,
    restructure,
    big_structure,
]


def apply(mutation: Mutation, text: str, rng: random.Random) -> str | bytes:
    """``mutation(text, rng)``; one that does not fit the text (no key line left to edit, nothing to
    flip) leaves it as it is."""
    try:
        return mutation(text, rng)
    except (IndexError, ValueError):
        return text


def mutate(text: str, rng: random.Random, rounds: int = 0) -> bytes:
    """One to three mutations of ``text``, chosen by ``rng``."""
    for _ in range(rounds or rng.randint(1, 3)):
        result = apply(rng.choice(MUTATIONS), text, rng)
        if isinstance(result, bytes):
            return result  # a byte mutation may break UTF-8: it is the last one
        text = result
    return text.encode("utf-8")


def bomb_png(width: int = 20_000, height: int = 20_000) -> bytes:
    """A valid PNG header claiming ``width`` x ``height`` pixels, with a tiny compressed body."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = zlib.compress(b"\x00" * (width + 1) * 16)  # a few rows; Pillow refuses before decoding
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def make_fuzz_site(folder: Path) -> Path:
    """The example's config and images, and only the seed post, under ``folder``."""
    site = folder / "site"
    (site / "content" / "blog").mkdir(parents=True)
    shutil.copy(EXAMPLE / "masthead.toml", site / "masthead.toml")
    (site / "static" / "img").mkdir(parents=True)
    for name in ("international-flag-blurring.jpg", "default-social.jpg", "logo.png"):  # the seed's and the config's
        shutil.copy(EXAMPLE / "static" / "img" / name, site / "static" / "img" / name)
    (site / "static" / "img" / "bomb.png").write_bytes(bomb_png())  # over twice Pillow's limit: refused
    (site / "static" / "img" / "big.png").write_bytes(bomb_png(10_000, 10_000))  # over the limit: a warning
    shutil.copy(SEED, site / POST)
    return site
