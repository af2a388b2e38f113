"""A Hugo site with content for its taxonomy pages (Doks' contributors): content/contributors/_index.md is
the taxonomy list's text, content/contributors/<term>/_index.md a term's, as Hugo reads them; they are not
a section of their own (the list pages collided with them and nothing was written)."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt_folder, output_folder, page_urls


def _write(site: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")


def test_taxonomy_and_term_pages_take_their_content(tmp_path: Path) -> None:
    site = tmp_path / "harbour"
    _write(
        site,
        {
            "hugo.toml": 'baseURL = "https://harbour.example.org/"\ntitle = "Harbour Notes"\n\n[taxonomies]\n  contributor = "contributors"\n  tag = "tags"\n',
            "content/blog/new-pontoon.md": '---\ntitle: "A new pontoon"\ndate: 2024-03-02\ncontributors: ["Ines Okafor"]\nimages: []\n---\n\n'
            "The east pontoon opens in May.\n",
            "content/contributors/_index.md": '---\ntitle: "Our writers"\nimages: []\n---\n\nThe people who write these notes.\n',
            "content/contributors/ines-okafor/_index.md": '---\ntitle: "Ines Okafor"\nimages: []\n---\n\nHarbour master since 2019.\n',
        },
    )
    site, build = adopt_folder(site)
    assert {"/blog/new-pontoon/", "/contributors/", "/contributors/ines-okafor/"} <= page_urls(site)
    public = output_folder(site)
    listing = (public / "contributors/index.html").read_text(encoding="utf-8")
    term = (public / "contributors/ines-okafor/index.html").read_text(encoding="utf-8")
    assert "Our writers" in listing and "The people who write these notes." in listing
    assert "Harbour master since 2019." in term and "A new pontoon" in term
    assert "images" not in build.output  # images: [] is no picture, not an error
