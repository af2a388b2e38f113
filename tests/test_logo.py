"""An SVG logo is accepted: the header shows the SVG, JSON-LD a PNG rendering of it (Google wants a raster logo)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from click.testing import CliRunner
from origin_sites import json_ld
from PIL import Image

from masthead.cli import main

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
    '<rect width="120" height="40" fill="#3a2a1a"/><circle cx="20" cy="20" r="12" fill="#ffffff"/></svg>'
)


def test_svg_logo(tmp_path: Path) -> None:
    site = tmp_path / "site"
    runner = CliRunner()
    assert runner.invoke(main, ["new", str(site)]).exit_code == 0
    (site / "static/img/logo.svg").write_text(SVG)
    config = site / "masthead.toml"
    config.write_text(re.sub(r"^logo = .*$", 'logo = "/img/logo.svg"', config.read_text(), count=1, flags=re.MULTILINE))
    result = runner.invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert result.exit_code == 0, result.output
    public = site / "public"
    post = next(public.glob("blog/*/index.html")).read_text(encoding="utf-8")
    assert '<img src="/img/logo.svg"' in post
    data = json_ld(post)
    logo = data["publisher"]["logo"]
    assert logo["url"].endswith("/_images/logo-logo-336x112.png") and (logo["width"], logo["height"]) == (336, 112)
    with Image.open(io.BytesIO((public / "_images/logo-logo-336x112.png").read_bytes())) as png:
        assert png.format == "PNG" and png.size == (336, 112)
        assert png.convert("RGB").getpixel((300, 10)) == (0x3A, 0x2A, 0x1A)  # the SVG's own colours, rendered
        assert png.convert("RGB").getpixel((60, 56)) == (255, 255, 255)


def test_svg_without_a_size_is_a_problem(tmp_path: Path) -> None:
    from masthead.images import read_image

    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>')
    message = read_image(tmp_path, "/logo.svg")
    assert isinstance(message, str) and "has no width and height in px and no viewBox" in message
