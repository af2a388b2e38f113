"""From front matter to Entry: field mapping and aliases, fallbacks, types, warnings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from masthead.config import Config, load_config
from masthead.content.entries import Entry, ParseResult, parse_entry


def config(tmp_path: Path, extra: str = "") -> Config:
    (tmp_path / "masthead.toml").write_text(f'base_url = "https://x.org"\ntimezone = "Europe/Berlin"\n{extra}')
    return load_config(tmp_path)


def parse(tmp_path: Path, text: str, extra: str = "", name: str = "content/blog/my-post.md") -> ParseResult:
    return parse_entry(name, text.encode("utf-8"), config(tmp_path, extra))


def entry_of(tmp_path: Path, text: str, extra: str = "", name: str = "content/blog/my-post.md") -> Entry:
    entry = parse(tmp_path, text, extra, name).entry
    assert entry is not None
    return entry


def test_seed_fields(tmp_path: Path) -> None:
    from conftest import SEED

    entry = parse_entry("content/blog/russia-north-korea-ties.md", SEED.read_bytes(), config(tmp_path)).entry
    assert entry is not None and entry.image is not None
    assert entry.template == "blog-post" and entry.is_post and entry.schema_type == "BlogPosting"
    assert entry.title == "Russian foreign minister praises ties with North Korea"
    assert entry.date == datetime(2024, 12, 23, 20, 53, 9, 844000, tzinfo=UTC)
    assert entry.image.src == "/img/international-flag-blurring.jpg" and entry.image.alt == ""
    assert entry.slug == "russia-north-korea-ties" and not entry.draft
    assert entry.description.endswith("diplomatic mission to Pyongyang.")  # YAML folded lines joined


def test_gatsby_starter_keys(tmp_path: Path) -> None:
    result = parse(
        tmp_path,
        "---\ntemplateKey: blog-post\ntitle: T\ndescription: D\ndate: 2024-01-02\n"
        "featuredpost: true\nfeaturedimage: /img/a.jpg\ntags:\n  - a\n  - b\n---\nBody.\n",
    )
    entry = result.entry
    assert entry is not None and entry.image is not None
    assert (entry.title, entry.description, entry.teaser, entry.featured) == ("T", "D", "D", True)
    assert entry.image.src == "/img/a.jpg" and entry.tags == ("a", "b")
    assert result.problems == ()


def test_hugo_keys_and_naive_dates(tmp_path: Path) -> None:
    entry = entry_of(tmp_path, '---\ntitle: "T"\ndescription: "D"\nsummary: "S"\ndraft: true\ndate: 2024-07-01T09:15:00\nimage: "/img/a.jpg"\n---\nBody.\n')
    assert (entry.template, entry.teaser, entry.draft) == ("blog-post", "S", True)
    assert entry.date.utcoffset() == timedelta(hours=2)  # Europe/Berlin in summer


def test_date_forms(tmp_path: Path) -> None:
    def date_of(value: str) -> datetime:
        entry = entry_of(tmp_path, f"---\npageTitle: T\ndate: {value}\n---\nx\n")
        assert entry is not None
        return entry.date

    assert date_of("2024-12-23T20:53:09.844Z") == datetime(2024, 12, 23, 20, 53, 9, 844000, tzinfo=UTC)
    assert date_of("2024-12-23T20:53:09+01:00").utcoffset() == timedelta(hours=1)
    assert date_of('"2024-12-23T20:53:09Z"') == datetime(2024, 12, 23, 20, 53, 9, tzinfo=UTC)
    assert date_of("2024-12-23").tzinfo is not None
    assert date_of("2024-03-01T10:00:00-05:00").astimezone(UTC).hour == 15


def test_fallbacks(tmp_path: Path) -> None:
    long_paragraph = " ".join(["word"] * 80)
    entry = entry_of(tmp_path, f"---\npageTitle: T\ndate: 2024-01-01\n---\n{long_paragraph}\n\nSecond.\n")
    assert entry.description.endswith("…") and len(entry.description) <= 160
    assert entry.teaser == entry.description
    only_teaser = entry_of(tmp_path, "---\npageTitle: T\ndate: 2024-01-01\nteaser: The teaser.\n---\nBody.\n")
    assert only_teaser.description == "The teaser."
    only_description = entry_of(tmp_path, "---\npageTitle: T\ndate: 2024-01-01\nmetaDescription: Desc.\n---\nBody.\n")
    assert only_description.teaser == "Desc."


def test_unknown_keys_kept_as_extra_with_warning(tmp_path: Path) -> None:
    result = parse(tmp_path, "---\npageTitle: T\ndate: 2024-01-01\nmetaDescripton: typo\nvideo: abc\n---\nx\n")
    assert result.entry is not None
    assert result.entry.extra == {"metaDescripton": "typo", "video": "abc"}
    messages = [str(p) for p in result.problems]
    assert messages[0] == (
        'content/blog/my-post.md:4: warning: metaDescripton: unknown key (did you mean "metaDescription"?); '
        "it is kept and passed to templates as extra.metaDescripton"
    )
    assert all(p.warning for p in result.problems)


def test_custom_field_mapping(tmp_path: Path) -> None:
    entry = entry_of(tmp_path, "---\nheadline: H\ndate: 2024-01-01\n---\nx\n", extra='[fields]\ntitle = ["headline"]\n')
    assert entry.title == "H"


def test_standalone_pages_and_slugs(tmp_path: Path) -> None:
    page = entry_of(tmp_path, "---\ntemplateKey: about-page\npageTitle: About\n---\nx\n", name="content/pages/About Us.md")
    assert not page.is_post and page.slug == "about-us" and page.schema_type == "WebPage"
    explicit = entry_of(tmp_path, "---\npageTitle: T\ndate: 2024-01-01\nslug: my-slug\n---\nx\n")
    assert explicit.slug == "my-slug"
