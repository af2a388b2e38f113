"""Generate a deterministic masthead benchmark corpus shaped like the seed post.

Usage: python bench/corpus.py --posts 1000 DEST
"""

from __future__ import annotations

import argparse
import random
import re
import string
from datetime import UTC, datetime, timedelta
from pathlib import Path

IMAGE_COUNT = 10
IMAGE_SIZE = (1200, 675)
DRAFT_RATE = 0.03
TAGGED_RATE = 0.5
FIRST_DATE = datetime(2019, 1, 1, tzinfo=UTC)
LAST_DATE = datetime(2025, 12, 31, 23, 59, 59, tzinfo=UTC)

MASTHEAD_TOML = """\
title = "Bench Briefing"
base_url = "https://bench.example.org"
language = "en"
timezone = "UTC"
description = "Benchmark corpus"
page_size = 10
feed_size = 20
search = false  # Hugo and Pelican build no search index; see docs/benchmarks.md for Pagefind's cost
[publisher]
name = "Bench Briefing"
url = "https://bench.example.org"
"""

TAGS = (
    "diplomacy",
    "defense",
    "economy",
    "energy",
    "trade",
    "elections",
    "sanctions",
    "technology",
    "climate",
    "health",
    "security",
    "europe",
)
ACTORS = (
    "Russian Foreign Minister Sergey Lavrov",
    "The German chancellor",
    "Chinese officials",
    "The European Commission",
    "Japan’s defense ministry",
    "The Pentagon",
    "South Korean lawmakers",
    "The United Nations envoy",
    "Brazil’s finance minister",
    "The Indian government",
    "NATO’s secretary general",
    "The French president",
    "Turkish negotiators",
    "Australian regulators",
    "The International Monetary Fund",
    "Ukraine’s military intelligence",
)
VERBS = (
    "praised",
    "criticized",
    "announced",
    "rejected",
    "welcomed",
    "questioned",
    "warned about",
    "signed",
    "postponed",
    "defended",
    "expanded",
    "suspended",
)
OBJECTS = (
    "a new security pact",
    "the proposed tariff package",
    "talks on grain exports",
    "a long-delayed arms deal",
    "sanctions on shipping firms",
    "the energy corridor",
    "a joint naval exercise",
    "the debt restructuring plan",
    "new export controls",
    "a border monitoring mission",
    "the semiconductor agreement",
    "emergency aid",
)
PLACES = (
    "Pyongyang",
    "Brussels",
    "Beijing",
    "Washington",
    "Kyiv",
    "Tokyo",
    "Seoul",
    "New Delhi",
    "Ankara",
    "Canberra",
    "Brasília",
    "Geneva",
    "Warsaw",
    "Jakarta",
)
CONTEXTS = (
    "during a week-long diplomatic mission to {place}",
    "at a press conference in {place}",
    "after two days of closed-door meetings in {place}",
    "in a statement released late on Tuesday",
    "amid growing pressure from opposition parties",
    "as analysts warned of a prolonged slowdown",
    "following months of stalled negotiations",
    "despite objections from several allies",
)
FACTS = (
    "Officials said about {n:,} containers had been shipped since {month}.",
    "The ministry estimated the cost at roughly ${n:,} million over five years.",
    "More than {n:,} people attended demonstrations in {place} over the weekend.",
    "The agreement covers {pct} percent of the country’s annual imports.",
    "Trade between the two countries rose {pct} percent last year, according to customs data.",
    "Analysts expect a final vote before the end of {month}.",
    "The program was first proposed in {year} but stalled for lack of funding.",
    "Satellite images showed at least {small} new structures near the site.",
)
QUOTES = (
    "“We are fully aware that many countries share similar viewpoints, but only a few declare it openly,” {speaker} said.",
    "“This is a qualitatively new level of cooperation,” {speaker} told reporters in {place}.",
    "“Nobody should mistake patience for weakness,” {speaker} said in a televised address.",
    "“The numbers simply do not add up,” {speaker} said, calling for an independent review.",
    "“We will not accept an agreement that leaves our farmers behind,” {speaker} said.",
    "“It’s a step forward, not a solution,” {speaker} said after the meeting.",
)
SPEAKERS = (
    "a senior diplomat",
    "the spokesperson",
    "one official familiar with the talks",
    "the deputy minister",
    "an independent economist",
    "the committee chair",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
OUTLETS = (
    "NBC",
    "AP",
    "Reuters",
    "Washington Times",
    "BBC",
    "Bloomberg",
    "Al Jazeera",
    "Financial Times",
    "Politico",
    "The Guardian",
    "Nikkei Asia",
    "DW",
)
OUTLET_ARTICLE_ROOTS = {
    "Reuters": "www.reuters.com/world",
    "AP": "apnews.com/article",
    "BBC": "www.bbc.com/news",
    "Politico": "www.politico.eu/article",
    "DW": "www.dw.com/en",
    "Nikkei Asia": "asia.nikkei.com/politics",
}


def _fill(template: str, rng: random.Random) -> str:
    """Substitute the placeholders a sentence template may use."""
    return template.format(
        place=rng.choice(PLACES),
        speaker=rng.choice(SPEAKERS),
        month=rng.choice(MONTHS),
        year=rng.randint(2005, 2018),
        n=rng.randint(200, 30_000),
        pct=rng.randint(3, 64),
        small=rng.randint(2, 40),
    )


def _lead_sentence(rng: random.Random) -> str:
    """A long news-style sentence: actor, verb, object, context."""
    context = _fill(rng.choice(CONTEXTS), rng)
    return f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {context}."


def _paragraph(rng: random.Random, lead: bool = False) -> str:
    """Two to five sentences mixing leads, facts and quotes; a lead paragraph opens with a lead."""
    kinds = (_lead_sentence, lambda r: _fill(r.choice(FACTS), r), lambda r: _fill(r.choice(QUOTES), r))
    sentences = [rng.choice(kinds)(rng) for _ in range(rng.randint(2, 5))]
    if lead:
        sentences[0] = _lead_sentence(rng)
    return " ".join(sentences)


def _citation(rng: random.Random, tracking_id: str) -> str:
    """One citation: mostly newsletter tracking links, some plain article URLs."""
    if rng.random() < 0.7:
        outlet = rng.choice(OUTLETS)
        suffix = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 3)))
        url = f"https://email.cpg-online.de/t/d-l-{tracking_id}-l-{suffix}/"
    else:
        outlet, root = rng.choice(sorted(OUTLET_ARTICLE_ROOTS.items()))
        words = "-".join(rng.choice(OBJECTS).split()[1:4])
        url = f"https://{root}/{words}-{rng.randint(10_000, 99_999)}"
    return f" [[{outlet}]({url})]"


def _title(rng: random.Random) -> str:
    """A headline without colons (kept plain-YAML safe)."""
    actor = rng.choice(ACTORS).removeprefix("The ")
    return f"{actor[0].upper()}{actor[1:]} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"


def slugify(text: str) -> str:
    """Lowercase ASCII slug."""
    ascii_text = text.replace("’", "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _unique_slug(title: str, taken: set[str]) -> str:
    """Slug of the title, suffixed -2, -3... on collision."""
    base = slugify(title)
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def _random_date(rng: random.Random) -> datetime:
    """A date with millisecond precision spread across FIRST_DATE..LAST_DATE."""
    span_ms = int((LAST_DATE - FIRST_DATE).total_seconds() * 1000)
    return FIRST_DATE + timedelta(milliseconds=rng.randint(0, span_ms))


def iso_ms(moment: datetime) -> str:
    """ISO 8601 with milliseconds and Z, as Decap CMS writes it."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def yaml_scalar(key: str, value: str, width: int = 80) -> str:
    """key: value as a wrapped plain scalar like the seed, or double-quoted if unsafe."""
    unsafe = ": " in value or " #" in value or value[:1] in "!&*-?[]{}|>@`\"'%,#" or value != value.strip()
    if unsafe:
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'{key}: "{escaped}"'
    lines: list[str] = []
    current = f"{key}:"
    for word in value.split():
        if len(current) + 1 + len(word) > width and current.strip() != f"{key}:":
            lines.append(current)
            current = f"  {word}"
        else:
            current = f"{current} {word}"
    lines.append(current)
    return "\n".join(lines)


def render_post(rng: random.Random, slug_pool: set[str]) -> tuple[str, str]:
    """Return (slug, file text) for one post."""
    title = _title(rng)
    slug = _unique_slug(title, slug_pool)
    paragraphs = [_paragraph(rng, lead=index == 0) for index in range(rng.randint(2, 8))]
    teaser = paragraphs[0]
    tracking_id = "".join(rng.choices(string.ascii_lowercase, k=7))
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(1, len(paragraphs)) if len(paragraphs) > 1 else 0
        paragraphs[index] += _citation(rng, tracking_id)
    read_more = "".join(rng.choices("0123456789ABCDEF", k=32))
    paragraphs.append(f"[Read More](https://email.cpg-online.de/t/d-{read_more})")
    front = [
        "---",
        "templateKey: blog-post",
        "schemaType: BlogPosting",
        yaml_scalar("pageTitle", title),
        yaml_scalar("metaDescription", teaser),
        f"published: {'false' if rng.random() < DRAFT_RATE else 'true'}",
        f"date: {iso_ms(_random_date(rng))}",
        yaml_scalar("teaser", teaser),
        "featuredImage:",
        f"  src: /img/img{rng.randrange(IMAGE_COUNT)}.jpg",
        "  alt: Illustration for the briefing",
    ]
    if rng.random() < TAGGED_RATE:
        front.append("tags:")
        front.extend(f"  - {tag}" for tag in rng.sample(TAGS, rng.randint(1, 3)))
    front.append("---")
    return slug, "\n".join(front) + "\n" + "\n\n".join(paragraphs)


def write_images(img_dir: Path, rng: random.Random) -> None:
    """Write IMAGE_COUNT small gradient-and-shapes JPEGs (Pillow)."""
    from PIL import Image, ImageDraw  # imported lazily: only images need it

    img_dir.mkdir(parents=True, exist_ok=True)
    gradient = Image.linear_gradient("L").resize(IMAGE_SIZE)
    for index in range(IMAGE_COUNT):
        tint = tuple(rng.randint(40, 220) for _ in range(3))
        image = Image.merge("RGB", [gradient.point(lambda v, t=t: (v * t) // 255) for t in tint])
        draw = ImageDraw.Draw(image)
        for _ in range(6):
            x, y = rng.randrange(IMAGE_SIZE[0]), rng.randrange(IMAGE_SIZE[1])
            r = rng.randint(30, 180)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randint(0, 255) for _ in range(3)))
        image.save(img_dir / f"img{index}.jpg", "JPEG", quality=70)


def generate(dest: Path, posts: int, seed: int = 1) -> None:
    """Write a masthead site with `posts` posts, config and images to dest."""
    rng = random.Random(seed)
    blog_dir = dest / "content" / "blog"
    blog_dir.mkdir(parents=True, exist_ok=True)
    (dest / "masthead.toml").write_text(MASTHEAD_TOML, encoding="utf-8")
    slugs: set[str] = set()
    for _ in range(posts):
        slug, text = render_post(rng, slugs)
        (blog_dir / f"{slug}.md").write_text(text, encoding="utf-8")
    write_images(dest / "static" / "img", rng)


def main() -> None:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.dest, args.posts, args.seed)


if __name__ == "__main__":
    main()
