"""Resizing, cropping, encoding and the content-hash cache."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from masthead import cache, imageproc
from masthead.imageproc import Job, encode, file_digest, focus_box, run


def make_image(path: Path, size: tuple[int, int] = (1600, 900), fmt: str = "JPEG", exif_orientation: int | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, (20, 120, 200))
    exif = Image.Exif()
    if exif_orientation:
        exif[0x0112] = exif_orientation
    image.save(path, fmt, exif=exif.tobytes()) if fmt == "JPEG" else image.save(path, fmt)
    return path


def job(path: Path, fmt: str, size: tuple[int, int], box: imageproc.Box | None = None) -> Job:
    return Job(str(path), file_digest(path), f"_images/{path.stem}-{size[0]}.{imageproc.EXTENSIONS[fmt]}", fmt, size[0], size[1], 80, box)


@pytest.mark.parametrize(("fmt", "pillow_format"), [("jpeg", "JPEG"), ("png", "PNG"), ("webp", "WEBP"), ("avif", "AVIF")])
def test_encode_writes_the_declared_size_and_format(tmp_path: Path, fmt: str, pillow_format: str) -> None:
    source = make_image(tmp_path / "a.jpg")
    data = encode(job(source, fmt, (480, 270)))
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == pillow_format
        assert image.size == (480, 270)


def test_focus_box_keeps_the_social_aspect_and_the_focus() -> None:
    assert focus_box(1600, 900, None) == (0, 30, 1600, 870)  # centred
    assert focus_box(1600, 900, (0.5, 0.0)) == (0, 0, 1600, 840)  # top edge
    assert focus_box(1600, 900, (0.5, 1.0)) == (0, 60, 1600, 900)  # clamped at the bottom
    left, top, right, bottom = focus_box(1000, 1000, (0.9, 0.5))  # square: crop the width
    assert (right - left, bottom - top) == (1000, 525) and top == 238


def test_exif_rotation_swaps_the_displayed_size(tmp_path: Path) -> None:
    source = make_image(tmp_path / "portrait.jpg", (400, 300), exif_orientation=6)
    assert imageproc.display_size(source) == (300, 400)
    with Image.open(io.BytesIO(encode(job(source, "jpeg", (150, 200))))) as image:
        assert image.size == (150, 200)


def test_run_caches_by_content_and_reuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.SHARED_CACHE, raising=False)  # the site's own cache folder
    source = make_image(tmp_path / "a.png", (800, 400), "PNG")
    jobs = [job(source, "webp", (480, 240)), job(source, "avif", (480, 240)), job(source, "png", (800, 400))]
    files, errors = run(jobs, tmp_path / "cache", workers=2)
    assert errors == [] and [name for name, _ in files] == sorted(j.target for j in jobs)
    assert len(list((tmp_path / "cache" / "images").iterdir())) == 3

    def fail(*_: object) -> bytes:
        raise AssertionError("re-encoded a cached image")

    monkeypatch.setattr(imageproc, "encode", fail)
    again, _ = run(jobs, tmp_path / "cache")
    assert again == files
    Image.new("RGB", (800, 400), (0, 0, 0)).save(source)
    changed = [job(source, "webp", (480, 240))]
    with pytest.raises(AssertionError, match="re-encoded"):
        run(changed, tmp_path / "cache")  # new bytes, new key: must be encoded again


def test_corrupt_image_is_reported_not_raised(tmp_path: Path) -> None:
    good = make_image(tmp_path / "good.jpg")
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(good.read_bytes()[:600])  # a truncated JPEG
    files, errors = run([job(broken, "webp", (480, 270)), job(good, "webp", (480, 270))], tmp_path / "cache")
    assert [error.source for error in errors] == [str(broken)]
    assert "truncated" in str(errors[0]) or "OSError" in str(errors[0])
    assert [name for name, _ in files] == ["_images/good-480.webp"]


def test_a_truncated_image_fails_as_text_and_its_file_is_closed(tmp_path: Path) -> None:
    """Pillow fails half-way through decoding: the error travels back as text, and no file is left open."""
    import gc
    import warnings

    source = tmp_path / "half.jpg"
    Image.new("RGB", (400, 300), (10, 120, 200)).save(source, quality=90)
    source.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    job = imageproc.Job(str(source), "digest", "out.jpg", "jpeg", 200, 150, 80)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        outcome = imageproc._encode_group([job])
        gc.collect()
    assert isinstance(outcome[0], str) and outcome[0].startswith("OSError: image file is truncated")
    assert [warning for warning in caught if issubclass(warning.category, ResourceWarning)] == []


def test_a_shared_image_cache_serves_every_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    monkeypatch.setenv(cache.SHARED_CACHE, str(shared))
    source = make_image(tmp_path / "a.png", (800, 400), "PNG")
    jobs = [job(source, "webp", (480, 240))]
    files, _ = run(jobs, tmp_path / "site-one" / "cache")
    assert len(list((shared / "images").iterdir())) == 1 and not (tmp_path / "site-one" / "cache").exists()

    def fail(*_: object) -> bytes:
        raise AssertionError("re-encoded an image another site had made")

    monkeypatch.setattr(imageproc, "encode", fail)
    assert run(jobs, tmp_path / "site-two" / "cache")[0] == files
