"""Every failure class found by fuzzing the seed post is a Problem with its exact message.

Each case edits the seed post (examples/briefing's copy) in a throwaway site under tmp_path and
runs ``masthead check`` as a user would: exit status 1, the numbered problems on stderr, no
traceback, no "internal error". The site is the fuzz site (tests/fuzzing.py): the example's
config, the seed, its images and two oversized PNGs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from fuzzing import ALIAS_BOMB, DEEP, POST, SEED, make_fuzz_site

from masthead.cli import main

SEED_TEXT = SEED.read_text(encoding="utf-8")
FILE = POST  # every problem below is in the seed post
NO_ALT = "featuredImage.alt: no alt text"  # the seed's own warning, in every report with an error
CONTROL = "(a control character, often pasted from a PDF or a terminal)"
NONCHARACTER = "(a Unicode noncharacter, reserved and never text)"
REFUSED = "not allowed in text (no feed, sitemap or page may hold it); expected printable characters — delete it"
DATE_EXPECTED = "expected a real date and time such as 2024-12-23T20:53:09Z (or quote it to keep it as text)"
BOUNDS = "is outside the years 1000 to 9998; expected a date with a four-digit year, such as 2024-12-23"
BOMB = "masthead reads (larger images are refused as possible decompression bombs)"


def front(old: str, new: str) -> Callable[[str], str]:
    return lambda text: text.replace(old, new, 1)


def body(fragment: str) -> Callable[[str], str]:
    """Put ``fragment`` on line 20 (the body's second paragraph), after its first word and a space (column 8)."""
    return lambda text: text.replace("Lavrov also", f"Lavrov {fragment}also", 1)


DATE = "date: 2024-12-23T20:53:09.844Z"
ADD = "published: true"  # new keys go after this line (9); they are on line 10
IMAGE = "src: /img/international-flag-blurring.jpg"

CASES: dict[str, tuple[Callable[[str], str], list[str]]] = {
    # YAML constructor errors: the value parsed but cannot be built
    "impossible date": (
        front(DATE, "date: 2023-02-29"),
        [f"10:7: date: '2023-02-29' cannot be read as a date (day is out of range for month); {DATE_EXPECTED}"],
    ),
    "hour 25": (
        front(DATE, "date: 2024-12-23T25:61:61Z"),
        [f"10:7: date: '2024-12-23T25:61:61Z' cannot be read as a date (hour must be in 0..23); {DATE_EXPECTED}"],
    ),
    "year 0": (front(DATE, "date: 0000-01-01"), [f"10:7: date: '0000-01-01' cannot be read as a date (year 0 is out of range); {DATE_EXPECTED}"]),
    "!!int abc": (
        front(ADD, "published: !!int abc"),
        [
            "9:12: published: 'abc' cannot be read as a whole number (invalid literal for int() with base 10: 'abc'); "
            "expected digits such as 42 (or quote it to keep it as text)"
        ],
    ),
    "!!bool maybe": (front(ADD, "published: !!bool maybe"), ["9:12: published: 'maybe' cannot be read as true or false; expected true or false"]),
    "!!timestamp soon": (front(DATE, "date: !!timestamp soon"), [f"10:7: date: 'soon' cannot be read as a date; {DATE_EXPECTED}"]),
    "python tag": (
        front(ADD, "published: !!python/object:os.system ls"),
        [
            "9:12: published: the tag '!!python/object:os.system' is not allowed; expected plain YAML values "
            "(text, numbers, dates, lists, mappings) — remove the tag"
        ],
    ),
    "local tag": (
        front(ADD, "published: !secret yes"),
        ["9:12: published: the tag '!secret' is not allowed; expected plain YAML values (text, numbers, dates, lists, mappings) — remove the tag"],
    ),
    "huge number": (
        front(ADD, ADD + "\nviews: " + "9" * 5000),
        ["10:8: views: a number with 5,000 digits; expected at most 4,300 digits (or quote it to keep it as text)"],
    ),
    # bounded expansion
    "alias bomb": (
        front(ADD, ADD + "\n" + ALIAS_BOMB),
        [
            "14:4: e: this value expands to more than 10,000 values through aliases (*name); "
            "expected plain values — an alias may repeat a value, not multiply it"
        ],
    ),
    "alias to itself": (
        front(ADD, ADD + "\nloop: &loop [*loop]"),
        ["10:7: loop: an alias (*name) refers to the value that contains it; expected an alias to repeat a value written before it"],
    ),
    "deep nesting": (front(ADD, ADD + "\n" + DEEP), ["10:56: deep: values are nested more than 50 deep; expected flatter front matter"]),
    "nesting deep enough to overflow libyaml": (
        front(ADD, ADD + "\ndeep: " + "[" * 40_000 + "]" * 40_000),
        ["10:56: deep: values are nested more than 50 deep; expected flatter front matter"],
    ),
    # keys
    "null key": (
        front(ADD, ADD + "\nnull: x"),
        ['10: null: is read as a null, not a name; expected a key such as pageTitle (quote it to use it as a name: "null")'],
    ),
    "number key": (
        front(ADD, ADD + "\n1: one"),
        ['10: 1: is read as a number, not a name; expected a key such as pageTitle (quote it to use it as a name: "1")'],
    ),
    "list key": (front(ADD, ADD + "\n? [a, b]\n: c"), ["10:3: front matter: a list or mapping is used as a key; expected a name such as pageTitle"]),
    "undefined alias": (
        front(ADD, ADD + "\n<<: *nothing"),
        [
            "10:5: front matter: invalid YAML: found undefined alias; expected `key: value` lines "
            "(quote values that contain ': ' or start with a special character)"
        ],
    ),
    # dates
    "empty date": (front(DATE, "date:"), ["10: date: empty; expected the publication time, such as 2024-12-23T20:53:09.844Z (or delete the line)"]),
    "empty quoted date": (front(DATE, "date: ''"), ["10: date: empty; expected the publication time, such as 2024-12-23T20:53:09.844Z (or delete the line)"]),
    "year 1, east of UTC": (front(DATE, "date: 0001-01-01T00:00:00+14:00"), [f"10: date: 0001-01-01T00:00:00+14:00 {BOUNDS}"]),
    "year 9999, west of UTC": (front(DATE, "date: 9999-12-31T23:59:59-12:00"), [f"10: date: 9999-12-31T23:59:59-12:00 {BOUNDS}"]),
    "year 10000": (
        front(DATE, "date: '10000-01-01'"),
        ["10: date: '10000-01-01' is not a date; expected ISO 8601 such as 2024-12-23T20:53:09.844Z or 2024-12-23"],
    ),
    "date as list": (front(DATE, "date: [2024]"), ["10: date: is a list, expected a date such as 2024-12-23T20:53:09.844Z"]),
    # wrong types
    "featuredImage as list": (
        front("featuredImage:\n  " + IMAGE, "featuredImage: [a, b]"),
        ["15: featuredImage: expected an image path such as /img/photo.jpg (or src: and alt: under it)"],
    ),
    "tags as mapping": (front(ADD, ADD + "\ntags: {a: 1}"), ["10: tags: expected a list of tags, such as [sanctions, north-korea]"]),
    "title as mapping": (
        front("pageTitle: Russian foreign minister praises ties with North Korea", "pageTitle: {a: 1}"),
        ["4: pageTitle: is a mapping, expected text"],
    ),
    "published as string": (front(ADD, "published: 'yes'"), ["9: published: 'yes' is a string, expected true or false"]),
    "top-level list": (lambda text: "---\n- a\n- b\n---\nbody\n", ["2: front matter: is a list, expected a mapping of `key: value` lines"]),
    # control characters and noncharacters
    "form feed in the body": (body("\f"), [f"20:8: U+000C FORM FEED {CONTROL} is {REFUSED}"]),
    "form feed in front matter": (front("pageTitle: Russian", "pageTitle: Russian\f"), [f"4:19: U+000C FORM FEED {CONTROL} is {REFUSED}"]),
    "NUL in the body": (body("\x00"), [f"20:8: U+0000 NULL {CONTROL} is {REFUSED}"]),
    "escape in a quoted value": (
        front("pageTitle: Russian foreign minister praises ties with North Korea", 'pageTitle: "Russian\\x00 minister"'),
        [f"4: pageTitle: holds U+0000 NULL {CONTROL}, which is {REFUSED}"],
    ),
    "noncharacter": (body("\ufdd0"), [f"20:8: U+FDD0 {NONCHARACTER} is {REFUSED}"]),
    "C1 control": (body("\x85"), [f"20:8: U+0085 NEXT LINE {CONTROL} is {REFUSED}"]),
    "&#xFFFF;": (body("&#xFFFF; "), [f"20:8: &#xFFFF; names U+FFFF {NONCHARACTER}, which is {REFUSED}"]),
    "&#xFFFE;": (body("&#xFFFE; "), [f"20:8: &#xFFFE; names U+FFFE {NONCHARACTER}, which is {REFUSED}"]),
    "&#12;": (body("&#12; "), [f"20:8: &#12; names U+000C FORM FEED {CONTROL}, which is {REFUSED}"]),
    "many control characters": (
        body("\x0b" * 13),
        [
            *(f"20:{column}: U+000B VERTICAL TAB {CONTROL} is {REFUSED}" for column in range(8, 18)),
            "20:18: and 3 more such characters from here on; expected none",
        ],
    ),
    # names and images
    "slug over 200 bytes": (
        front(ADD, ADD + "\nslug: " + "a" * 300),
        [
            f"10: slug: '{'a' * 60}…' is 300 bytes long; expected at most 200 bytes (the page's folder is named after it, "
            "and file names are limited to 255 bytes) — shorten it"
        ],
    ),
    "tag over 200 bytes": (
        front(ADD, ADD + "\ntags: [" + "b" * 300 + "]"),
        [
            f"10: tags: '{'b' * 60}…' is 300 bytes long; expected a tag of at most 200 bytes (its page is named after it, "
            "and file names are limited to 255 bytes)"
        ],
    ),
    "image name over 255 bytes": (
        front(IMAGE, "src: /img/" + "c" * 300 + ".jpg"),
        [f"15: featuredImage.src: '/img/{'c' * 75}…' is not a usable file name (File name too long); expected a path such as /img/photo.jpg"],
    ),
    "NUL in an image path": (front(IMAGE, 'src: "/img/\\0.jpg"'), [f"15: featuredImage: holds U+0000 NULL {CONTROL}, which is {REFUSED}"]),
    "decompression bomb": (
        front(IMAGE, "src: /img/bomb.png"),
        [
            f"15: featuredImage.src: '/img/bomb.png' has 400,000,000 pixels, more than the 89,478,485 {BOMB}; "
            "expected an image of at most 89,478,485 pixels — resize it"
        ],
    ),
    "image over Pillow's warning limit": (
        front(IMAGE, "src: /img/big.png"),
        [
            f"15: featuredImage.src: '/img/big.png' has 100,000,000 pixels, more than the 89,478,485 {BOMB}; "
            "expected an image of at most 89,478,485 pixels — resize it"
        ],
    ),
}


def check(site: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*options, "check", str(site), "--now", "2025-06-05T12:00:00+0000", "-j", "1"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr.replace(f"{site}/", "")


def errors(site: Path) -> list[str]:
    """The numbered errors of ``masthead check``, without numbers and without the seed's own warning."""
    code, stderr = check(site)
    assert code == 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    lines = stderr.splitlines()
    assert lines[-1].endswith("found; nothing was written.")
    return [line.split(". ", 1)[1] for line in lines[:-1] if NO_ALT not in line]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return make_fuzz_site(tmp_path)


@pytest.mark.parametrize("case", CASES)
def test_failure_class_has_its_exact_message(site: Path, case: str) -> None:
    edit, expected = CASES[case]
    (site / POST).write_text(edit(SEED_TEXT), encoding="utf-8")
    assert errors(site) == [f"{FILE}:{line}" for line in expected]


def test_the_seed_itself_checks_clean(site: Path) -> None:
    code, stderr = check(site)
    assert code == 0 and NO_ALT in stderr


def test_alias_bomb_fails_fast_with_a_short_message(site: Path) -> None:
    (site / POST).write_text(SEED_TEXT.replace(ADD, ADD + "\n" + ALIAS_BOMB), encoding="utf-8")
    started = time.perf_counter()
    code, stderr = check(site)
    assert time.perf_counter() - started < 1.0
    assert code == 1 and len(stderr.encode()) < 1024


def test_a_character_reference_inside_code_stays_text(site: Path) -> None:
    (site / POST).write_text(body("`&#xFFFF;` ")(SEED_TEXT), encoding="utf-8")
    assert check(site)[0] == 0


def test_problems_with_and_without_a_line_in_one_file_sort(site: Path) -> None:
    """A body image has no line, the featured image's alt warning has one: both reported, in order."""
    (site / POST).write_text(SEED_TEXT.replace("In addition to arms", "![x](/img/big.png) In addition to arms"), encoding="utf-8")
    code, stderr = check(site)
    assert code == 1
    lines = stderr.splitlines()
    assert lines[0].startswith(f"1. {FILE}: image: '/img/big.png' could not be read (has 100,000,000 pixels")
    assert lines[1].startswith(f"2. {FILE}:15: warning: {NO_ALT}")
    assert lines[2] == "2 problems found; nothing was written."


def test_any_exception_while_reading_a_file_is_that_files_problem(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Derived, not listed: an exception nobody foresaw still names the file; --debug adds the traceback."""
    from masthead.content import bodies

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("unforeseen")

    monkeypatch.setattr(bodies, "render_body", broken)
    code, stderr = check(site)
    assert code == 1 and "Traceback" not in stderr
    assert stderr.splitlines()[0] == (
        f"1. {FILE}: could not be read (RuntimeError: unforeseen); expected a file masthead can read — "
        "please report this file to the masthead project (run with --debug for the details)"
    )
    code, stderr = check(site, "--debug")
    assert code == 1
    assert "Traceback (most recent call last)" in stderr and 'raise RuntimeError("unforeseen")' in stderr


def test_link_loops_and_names_that_are_not_utf8_are_problems(site: Path) -> None:
    blog = site / "content" / "blog"
    (blog / "self").symlink_to(".")
    (blog / "loop-a.md").symlink_to("loop-b")
    (blog / "loop-b").symlink_to("loop-a.md")
    (blog / "noise").symlink_to("noise")  # not Markdown: not content, not a problem
    with open(bytes(blog) + b"/caf\xe9.md", "wb") as latin1:  # a name written by a Latin-1 system
        latin1.write(SEED.read_bytes())
    assert errors(site) == [
        "content/blog/caf\ufffd.md: the name is not UTF-8 text; expected a UTF-8 file name — rename it",
        "content/blog/loop-a.md: cannot be read (Too many levels of symbolic links); expected a file or folder masthead may open",
        "content/blog/self: warning: is a link to a folder it is inside (a loop); expected a plain folder — it was skipped",
    ]


def test_a_path_the_system_refuses_is_a_problem_not_a_crash(site: Path) -> None:
    """An OSError naming a file (here a folder name over 255 bytes) ends in status 1, naming the path."""
    config = site / "masthead.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[folders]\ntemplates = "' + "t" * 300 + '"\n', encoding="utf-8")
    code, stderr = check(site)
    assert code == 1 and "Traceback" not in stderr and "internal error" not in stderr
    assert stderr == (
        f"1. {'t' * (120 - len(str(site)) - 1)}…: cannot be used (File name too long); expected a file or folder masthead may "
        "read and write — check its name and permissions\n1 problem found; masthead stopped there.\n"
    )


def test_any_exception_in_a_site_template_names_the_template(site: Path) -> None:
    """Templates are input too: ``{{ 1 / 0 }}`` is a problem at its line, not an internal error."""
    (site / "templates").mkdir()
    (site / "templates" / "blog-post.html").write_text('{% extends "base.html" %}{% block main %}\n{{ 1 / 0 }}{% endblock %}\n', encoding="utf-8")
    assert errors(site) == [
        "templates/blog-post.html:2: while rendering the site: ZeroDivisionError: division by zero; "
        "expected a template that renders — fix the expression on this line"
    ]


def test_a_file_name_too_long_for_a_page_folder_asks_for_a_slug(site: Path) -> None:
    """A 250-byte file name is fine for the file system, but its page folder would be named after it."""
    name = "n" * 247 + ".md"
    (site / POST).rename(site / "content" / "blog" / name)
    assert errors(site) == [
        f"content/blog/{name}: slug: '{'n' * 60}…' is 247 bytes long; expected at most 200 bytes "
        "(the page's folder is named after it, and file names are limited to 255 bytes) — add a shorter slug: line"
    ]
