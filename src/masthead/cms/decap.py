"""Decap CMS itself: the pinned release, its Subresource Integrity hash, and the self-hosted copy.

The admin page loads exactly ``DECAP_VERSION`` from unpkg (which serves npm's files unchanged),
with ``integrity`` set to ``DECAP_SRI``, the sha384 of ``dist/decap-cms.js`` in that npm release:
a changed file on the CDN is refused by the browser instead of run. To move to another release,
install it (``npm install decap-cms@X``) and compute the hash from its bundle::

    openssl dgst -sha384 -binary node_modules/decap-cms/dist/decap-cms.js | openssl base64 -A

(``sri_of`` does the same), then update both constants; ``tests/test_cms_init.py`` checks them
against the npm package the test suite installs. The bundle loads chunks (``<n>.decap-cms.js``)
from the same folder at run time; they are not covered by the hash, but the exact-version URL
never changes on unpkg, and ``--self-host`` serves them from the site itself.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from pathlib import Path

DECAP_VERSION = "3.16.3"
DECAP_SRI = "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p"
CDN_SCRIPT = f"https://unpkg.com/decap-cms@{DECAP_VERSION}/dist/decap-cms.js"
BUNDLE = "decap-cms.js"


def sri_of(data: bytes) -> str:
    """The Subresource Integrity value (sha384) of ``data``."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def find_dist(site: Path) -> Path | None:
    """``node_modules/decap-cms/dist`` in the site or working folder, or a parent of either."""
    for start in (site.resolve(), Path.cwd()):
        for folder in (start, *start.parents):
            dist = folder / "node_modules" / "decap-cms" / "dist"
            if (dist / BUNDLE).is_file():
                return dist
    return None


def dist_version(dist: Path) -> str | None:
    """The version in the npm package around ``dist`` (``dist/../package.json``), if any."""
    try:
        version = json.loads((dist.parent / "package.json").read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None
    return version if isinstance(version, str) else None


def bundle_files(dist: Path) -> list[Path]:
    """The minified browser bundle: ``decap-cms.js``, the chunks it loads, WebAssembly and the
    licence notice; never source maps (``.map``), nor the unminified ``cms.js`` build."""
    return [path for path in sorted(dist.iterdir()) if path.name == BUNDLE or path.name.endswith((".decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt"))]


def copy_bundle(dist: Path, target: Path) -> int:
    """Copy the bundle into ``target``; the bytes copied."""
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for path in bundle_files(dist):
        shutil.copyfile(path, target / path.name)
        copied += path.stat().st_size
    return copied
