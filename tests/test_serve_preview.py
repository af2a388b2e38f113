"""The preview's state: which output files changed, and what a failed build leaves in place."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import MakeSite
from preview_helpers import seed_post

from masthead.serve.fingerprints import changed_files, digest_tree
from masthead.serve.preview import MOST_FILES_LISTED, Preview, preview_folder


def test_digest_tree_reuses_fingerprints_of_untouched_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_bytes(b"one")
    (tmp_path / "b.css").write_bytes(b"two")
    first = digest_tree(tmp_path, {})
    assert set(first) == {"a/index.html", "b.css"}
    (tmp_path / "a/index.html").write_bytes(b"ONE")
    os.utime(tmp_path / "a/index.html", ns=(1, 1))
    second = digest_tree(tmp_path, first)
    assert second["b.css"] is first["b.css"]
    assert changed_files(first, second) == ["a/index.html"]
    (tmp_path / "b.css").unlink()
    assert changed_files(second, digest_tree(tmp_path, second)) == ["b.css"]


def test_update_names_changed_pages_and_keeps_the_last_good_output(make_site: MakeSite) -> None:
    site = make_site(
        {
            "content/blog/one.md": seed_post("One").replace("featuredImage:\n  src: /img/photo.jpg\n", ""),
            "content/blog/two.md": seed_post("Two").replace("featuredImage:\n  src: /img/photo.jpg\n", ""),
        }
    )
    preview = Preview(site)
    try:
        check_updates(site, preview)
    finally:
        preview.close()


def check_updates(site: Path, preview: Preview) -> None:
    assert preview.output == preview_folder(site) == site / ".masthead-cache" / "serve"
    first = preview.update()
    assert first.build == 1 and not first.error and first.everything  # the CSS is new, so everything
    (site / "content/blog/two.md").write_text(seed_post("Two", "New words.").replace("featuredImage:\n  src: /img/photo.jpg\n", ""))
    second = preview.update()
    assert "blog/two/index.html" in second.files and "blog/one/index.html" not in second.files
    assert not second.everything and second.build == 2
    (site / "content/blog/two.md").write_text("---\npageTitle: [\n---\n")
    failed = preview.update()
    assert failed.build == 2 and failed.files == () and "content/blog/two.md:3:1: front matter: invalid YAML" in failed.error
    assert failed.error_id and failed.error_id != second.error_id
    assert "New words." in (preview.output / "blog/two/index.html").read_text()
    assert preview.wait(second.number, 0) == [failed]


def test_many_changes_become_everything() -> None:
    assert MOST_FILES_LISTED >= 100
