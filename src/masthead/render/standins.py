"""Images made for a site that names no logo or no default image (most adopted sites, in masthead's
terms): Google's article rich results want a publisher logo and an image for every article, and a
link shared on social media shows a picture.

- The **wordmark**, a 600×120 PNG of the publisher's name, stands in for ``logo`` in JSON-LD only;
  the header keeps showing the site's title as text.
- The **card**, a 1200×630 PNG of the site's title (Open Graph's size), stands in for
  ``default_image``: the social image, and JSON-LD's ``image``, of every page without a picture.

Both are drawn with the font Pillow ships (no system font is read), so the same config gives the same
bytes on every machine with the same Pillow. A name in a script that font lacks (Japanese, Arabic…)
is drawn as the site's host name. Naming ``logo`` or ``default_image`` replaces them.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..images import ImageInfo
from ..site import Site
from .logo import FOLDER

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

WORDMARK_SIZE = (600, 120)
CARD_SIZE = (1200, 630)
_INK, _PAPER = (255, 255, 255), (29, 53, 87)  # white on the theme's deep blue


def _name(text: str, kind: str, size: tuple[int, int]) -> ImageInfo:
    width, height = size
    return ImageInfo(f"/{FOLDER}/{kind}-{width}x{height}.png", width, height, "image/png", text)


def wordmark(site: Site) -> ImageInfo | None:
    """The PNG standing in for a logo the site does not name (None: it names one)."""
    if site.logo is not None:
        return None
    return _name(site.config.publisher.name, "wordmark", WORDMARK_SIZE)


def card(site: Site) -> ImageInfo | None:
    """The social image standing in for a default image the site does not name (None: it names one)."""
    if site.default_image is not None or site.config.default_image:
        return None
    return _name(site.config.title, "card", CARD_SIZE)


def _drawable(text: str, font: FreeTypeFont) -> bool:
    """Whether the font has a glyph for every letter of ``text`` (its Latin font has no CJK, no Arabic…)."""
    from PIL import Image, ImageDraw

    def glyph(letter: str) -> bytes:
        canvas = Image.new("L", (int(font.size) * 2, int(font.size) * 2))
        ImageDraw.Draw(canvas).text((0, 0), letter, font=font, fill=255)
        return canvas.tobytes()

    missing = glyph("\U0010fffd")  # a private-use letter no font draws: the font's "missing glyph" box
    return all(letter.isspace() or glyph(letter) != missing for letter in set(text))


def _drawn(text: str, fallback: str, size: tuple[int, int], largest: int) -> bytes:
    """``text`` centred, or ``fallback`` (the site's host name) when the font cannot draw it."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = size
    margin = width // 12
    image = Image.new("RGB", size, _PAPER)
    draw = ImageDraw.Draw(image)
    points = largest
    font = ImageFont.load_default(size=points)
    shown = text.strip() if isinstance(font, ImageFont.FreeTypeFont) and _drawable(text, font) else fallback
    while points > 24 and draw.textlength(shown, font=font) > width - 2 * margin:
        points -= 4
        font = ImageFont.load_default(size=points)
    while len(shown) > 1 and draw.textlength(shown, font=font) > width - 2 * margin:
        shown = shown[:-2].rstrip() + "…"
    draw.text((width / 2, height / 2), shown, font=font, fill=_INK, anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def drawing_version() -> str:
    """What else the bytes depend on: the font and encoder Pillow ships."""
    import PIL

    return PIL.__version__


def render_standins(site: Site) -> list[tuple[str, bytes]]:
    """The files of the wordmark and the card the site needs (none when it names a logo and a default image)."""
    made = []
    host = urlsplit(site.config.base_url).hostname or ""
    mark = wordmark(site)
    if mark is not None:
        made.append((mark.src.lstrip("/"), _drawn(mark.alt, host, WORDMARK_SIZE, 64)))
    shown = card(site)
    if shown is not None:
        made.append((shown.src.lstrip("/"), _drawn(shown.alt, host, CARD_SIZE, 88)))
    return made
