"""Embeds in Liquid: themes' include files (in their gems, not the site) and the embed tags of Jekyll's
and Pelican's plugins, as privacy-friendly links, figures and players, like Hugo's embeds.

minimal-mistakes' ``{% include figure image_path=… %}`` and ``{% include video id=… provider=… %}``;
Chirpy's ``{% include embed/youtube.html id=… %}`` (also vimeo, bilibili, twitch, spotify: a link) and
``embed/video.html``/``embed/audio.html src=…`` (the file, played in the page); jekyll-gist's
``{% gist user/id %}`` and liquid_tags' ``img``, ``youtube``, ``vimeo``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import escape

from .shortcodes import _embed, _figure, _link

THEME_INCLUDES = frozenset({"figure", "video", "toc"})  # minimal-mistakes' (Chirpy's are under embed/)

# Chirpy's embed includes: the platform's page, as Hugo's embeds link to theirs
_CHIRPY_PLATFORMS = {
    "bilibili": ("Bilibili", "https://www.bilibili.com/video/{id}"),
    "twitch": ("Twitch", "https://www.twitch.tv/videos/{id}"),
    "spotify": ("Spotify", "https://open.spotify.com/track/{id}"),  # its include embeds open.spotify.com/embed/track/{id}
}


def theme_include(name: str, found: Mapping[str, str], block: Callable[[str], str], image_path: Callable[[str], str]) -> str | None:
    """A theme's include ``name`` with its parameters ``found`` (as text), as ``block`` places HTML; None
    when it is none masthead knows."""
    stem = name.removesuffix(".html")
    platform = stem.removeprefix("embed/") if stem.startswith("embed/") else ""
    if platform in ("youtube", "vimeo") and found.get("id"):
        embed = _embed(platform, [found["id"]], {})
        return block(embed) if embed else None
    if platform in _CHIRPY_PLATFORMS and found.get("id"):
        site, pattern = _CHIRPY_PLATFORMS[platform]
        label = f"Watch on {site}" if platform != "spotify" else "Listen on Spotify"
        return block(_link(label, pattern.format(id=found["id"]), platform))
    if platform in ("video", "audio") and found.get("src") and ":" not in found["src"].split("/")[0]:
        poster = f' poster="{escape(found["poster"])}"' if platform == "video" and found.get("poster") else ""
        player = f'<{platform} controls preload="metadata" src="{escape(found["src"])}"{poster}></{platform}>'
        caption = f"<figcaption>{escape(found['title'])}</figcaption>" if found.get("title") else ""
        return "\n\n" + block(f"<figure>{player}{caption}</figure>") + "\n\n"
    if platform or stem not in THEME_INCLUDES:
        return None
    if stem == "figure" and found.get("image_path"):
        src = image_path(found["image_path"])
        return "\n\n" + block(_figure({"src": src, "alt": found.get("alt", ""), "caption": found.get("caption", "")})) + "\n\n"
    if stem == "toc":  # minimal-mistakes' {% include toc %}: the page's table of contents (bodies.py fills it in)
        return "\n\n[TOC]\n\n"
    if stem == "video" and found.get("id") and found.get("provider") in ("youtube", "vimeo"):
        embed = _embed(found["provider"], [found["id"]], {})
        return block(embed) if embed else None
    return None


def embed_tag(name: str, arguments: str, image_path: Callable[[str], str]) -> str | None:
    """Jekyll's jekyll-gist and Pelican's liquid_tags (img, youtube, vimeo) as Hugo's embeds."""
    words = [word.strip("'\",") for word in arguments.split()]
    if name == "gist" and words:
        user, _, gist = words[0].rpartition("/")
        return _embed("gist", [user or "gist", gist, *words[1:2]], {})
    if name in ("img", "image"):
        sources = [word for word in words if "/" in word or re.search(r"\.\w{3,4}$", word)]
        if not sources:
            return None
        quoted = re.findall(r'"([^"]*)"', arguments) or re.findall(r"'([^']*)'", arguments)
        alt = quoted[-1] if quoted and quoted[-1] != sources[0] else ""
        return f'<img src="{escape(image_path(sources[0]))}" alt="{escape(alt)}">'  # inline, as eleventy-img and liquid_tags write it
    return _embed(name, words[:1], {})
