"""The preview's quick path is a cache: after any sequence of saves, the preview's folder equals a
clean preview build of the same site, byte for byte.

A hypothesis state machine drives the preview's build process (``serve.builder.Builder``) as the
server does: each save names the files saved; the builder takes the quick path when the edit
allows it (body, title, teaser, date edits of existing posts) and the incremental build otherwise
(a tag that makes a new topic page, a draft flip, a new or deleted post). After every save the
preview's files are compared with a clean build of a copy of the site.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from masthead.build import build
from masthead.serve.builder import Builder
from masthead.serve.rebuild import PREVIEW_OPTIONS

CONFIG = (
    'title = "Q"\nbase_url = "https://q.example.org"\nfeed_size = 2\nsearch = false\n[follow]\nsize = 2\n[related]\ncount = 1\n[authors.kim]\nname = "Kim"\n'
)
POSTS = 4
WORDS = st.lists(st.sampled_from(["Seoul", "Kyiv", "sanctions", "summit", "“quoted”", "tariffs", "ceasefire"]), min_size=1, max_size=5)
MORE = st.sampled_from(["A second paragraph.", "## Background\n\nA second paragraph.", "[Read More](https://example.org/more)", "Another paragraph."])
CITATIONS = st.sampled_from(["", " [[AP](https://apnews.com/article/x)]", " [[Reuters](https://www.reuters.com/world/y)]"])
DATES = st.sampled_from(["2024-03-01T08:00:00Z", "2024-03-02T08:00:00Z", "2024-03-05T08:00:00Z", "2024-04-01T08:00:00Z", "2023-12-31T23:00:00Z"])
# Other front matter an editor sets ("" leaves the key out).
FRONT: dict[str, list[str]] = {
    "featured": ["", "true"],
    "updated": ["", "2024-05-01T10:00:00Z"],
    "author": ["", "kim"],
    "featuredImage": ["", "/img/a.png", "/img/b.png"],
    "corrections": ["", "\n  - date: 2024-04-02T10:00:00Z\n    text: A name was misspelt."],
    "schemaType": ["", "NewsArticle"],
}
TAGS = st.lists(st.sampled_from(["asia", "europe", "trade"]), max_size=2, unique=True)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def text(fields: dict[str, Any]) -> str:
    """A post as an editor writes it; without a description or teaser, masthead derives them from the body."""
    body = " ".join(fields["words"]) + fields["citation"] + "\n\n" + fields["more"] + "\n"
    optional = "".join(f"{key}: {fields[name]}\n" for key, name in (("metaDescription", "description"), ("teaser", "teaser")) if fields[name])
    optional += "".join(f"{key}: {value}\n" for key, value in sorted(fields.get("front", {}).items()) if value)
    return (
        f"---\ntemplateKey: blog-post\npageTitle: {fields['title']}\n{optional}"
        f"published: {'false' if fields['draft'] else 'true'}\ndate: {fields['date']}\ntags: [{', '.join(fields['tags'])}]\n"
        f"---\n{body}"
    )


class QuickSaves(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="masthead-quick-"))
        self.site = self.root / "site"
        (self.site / "content/blog").mkdir(parents=True)
        (self.site / "masthead.toml").write_text(CONFIG, encoding="utf-8")
        (self.site / "static/img").mkdir(parents=True)
        from PIL import Image

        for name, colour in (("a", (200, 30, 30)), ("b", (30, 30, 200))):
            Image.new("RGB", (64, 48), colour).save(self.site / f"static/img/{name}.png")
        self.posts: dict[str, dict[str, Any]] = {}
        for number in range(POSTS):
            self.posts[f"p{number}"] = {
                "title": f"Post {number}",
                "description": "A description.",
                "draft": False,
                "date": f"2024-03-{number + 1:02d}T08:00:00Z",
                "tags": ["asia"] if number % 2 else [],
                "teaser": "A teaser.",
                "words": ["Body", "of", f"post{number}."],
                "citation": " [[AP](https://apnews.com/article/x)]",
                "more": "A second paragraph.",
            }
            self._save(f"p{number}", build=False)
        self.counter = POSTS
        (self.site / "content/pages").mkdir()
        self._write_page("About us.")
        self.output = self.root / "preview"
        self.builder = Builder(self.site, self.output, 0, lambda message: None)
        first = self.builder.update(None, None)
        assert not first.error, first.error

    def teardown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def _save(self, *names: str, build: bool = True) -> None:
        """Write the posts (or delete the ones gone) and tell the builder, as the watcher does."""
        paths = [self.site / "content/blog" / f"{name}.md" for name in names]
        for name, path in zip(names, paths, strict=True):
            if name in self.posts:
                path.write_text(text(self.posts[name]), encoding="utf-8")
            else:
                path.unlink()
        if build:
            outcome = self.builder.update([str(path) for path in paths], None)
            assert not outcome.error, outcome.error
            event("quick path" if outcome.folder is None else "incremental build")  # both are exercised (--hypothesis-show-statistics)

    def _write_page(self, body: str) -> Path:
        page = self.site / "content/pages/about.md"
        page.write_text(f"---\ntemplateKey: about-page\npageTitle: About\nlinkTitle: About\n---\n{body}\n", encoding="utf-8")
        return page

    @rule(body=st.sampled_from(["About us.", "We are two. [[AP](https://apnews.com/article/x)]", "## Team\n\nWe are two.", "Write to [us](/blog/p1/)."]))
    def edit_page_body(self, body: str) -> None:
        outcome = self.builder.update([str(self._write_page(body))], None)
        assert not outcome.error, outcome.error
        event("quick path" if outcome.folder is None else "incremental build")

    def _edit(self, data: st.DataObject, field: str, value: object) -> None:
        name = data.draw(st.sampled_from(sorted(self.posts)), label="post")
        self.posts[name][field] = value
        self._save(name)

    @rule(data=st.data(), words=WORDS)
    def edit_body(self, data: st.DataObject, words: list[str]) -> None:
        self._edit(data, "words", words)

    @rule(data=st.data(), words=WORDS, title=st.sampled_from(["Post 1", "A title"]))
    def edit_two_posts_at_once(self, data: st.DataObject, words: list[str], title: str) -> None:
        """One save event naming two files (a checkout, a search and replace across posts)."""
        first, second = (
            data.draw(st.lists(st.sampled_from(sorted(self.posts)), min_size=2, max_size=2, unique=True), label="posts")
            if len(self.posts) > 1
            else (min(self.posts),) * 2
        )
        self.posts[first]["words"] = words
        self.posts[second]["title"] = title
        self._save(*dict.fromkeys((first, second)))

    @rule(data=st.data())
    def save_unchanged(self, data: st.DataObject) -> None:
        self._save(data.draw(st.sampled_from(sorted(self.posts)), label="post"))

    @rule(data=st.data(), citation=CITATIONS)
    def edit_citation(self, data: st.DataObject, citation: str) -> None:
        self._edit(data, "citation", citation)

    @rule(data=st.data(), more=MORE)
    def edit_rest_of_body(self, data: st.DataObject, more: str) -> None:
        self._edit(data, "more", more)

    @rule(data=st.data(), title=st.sampled_from(["Post 1", "A title", "Another title"]))
    def edit_title(self, data: st.DataObject, title: str) -> None:
        self._edit(data, "title", title)

    @rule(data=st.data(), teaser=st.sampled_from(["A teaser.", "Another teaser.", ""]))
    def edit_teaser(self, data: st.DataObject, teaser: str) -> None:
        self._edit(data, "teaser", teaser)

    @rule(data=st.data(), description=st.sampled_from(["A description.", "Other words.", ""]))
    def edit_description(self, data: st.DataObject, description: str) -> None:
        self._edit(data, "description", description)

    @rule(data=st.data(), date=DATES)
    def edit_date(self, data: st.DataObject, date: str) -> None:
        self._edit(data, "date", date)

    @rule(data=st.data(), tags=TAGS)
    def edit_tags(self, data: st.DataObject, tags: list[str]) -> None:
        self._edit(data, "tags", tags)

    @rule(data=st.data(), key=st.sampled_from(sorted(FRONT)))
    def set_front_matter(self, data: st.DataObject, key: str) -> None:
        name = data.draw(st.sampled_from(sorted(self.posts)), label="post")
        self.posts[name].setdefault("front", {})[key] = data.draw(st.sampled_from(FRONT[key]), label="value")
        self._save(name)

    @rule(data=st.data())
    def flip_draft(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(self.posts)), label="post")
        self.posts[name]["draft"] = not self.posts[name]["draft"]
        self._save(name)

    @rule(date=DATES)
    def add_post(self, date: str) -> None:
        self.counter += 1
        name = f"p{self.counter}"
        self.posts[name] = {**self.posts[min(self.posts)], "front": {}, "title": f"Post {self.counter}", "date": date}
        self._save(name)

    @rule(data=st.data())
    def delete_post(self, data: st.DataObject) -> None:
        if len(self.posts) > 1:
            name = data.draw(st.sampled_from(sorted(self.posts)), label="post")
            del self.posts[name]
            self._save(name)

    @invariant()
    def preview_equals_a_clean_build(self) -> None:
        clean = self.root / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        shutil.copytree(self.site, clean / "site", ignore=shutil.ignore_patterns(".masthead-cache"))
        build(clean / "site", PREVIEW_OPTIONS, mode="preview", output_to=clean / "preview")
        assert snapshot(self.output) == snapshot(clean / "preview")


QuickSaves.TestCase.settings = settings(max_examples=10, stateful_step_count=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
test_quick_saves_equal_clean_builds = pytest.mark.slow(QuickSaves.TestCase)
