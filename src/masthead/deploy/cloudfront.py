"""CloudFront invalidation of exactly the paths a deploy changed, grouped into wildcards past a limit.

A page is cached under its folder URL (``/blog/x/``) as well as its file (``/blog/x/index.html``),
so both are invalidated. Past ``limit`` paths, the deepest folder level that brings the count under
the limit is invalidated with ``/folder/*`` wildcards (CloudFront bills wildcards as one path).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from ..config import DeployTarget
from .s3 import failures


def paths_for(changed: Iterable[str]) -> list[str]:
    paths: set[str] = set()
    for path in changed:
        url = "/" + quote(path, safe="/~")  # CloudFront wants unsafe characters percent-encoded
        paths.add(url)
        if url.endswith("/index.html"):
            paths.add(url[: -len("index.html")])
    return sorted(paths)


def grouped(paths: list[str], limit: int) -> list[str]:
    """``paths``, or as few folder wildcards as needed to stay within ``limit``."""
    if len(paths) <= limit:
        return paths
    depth = max(path.count("/") for path in paths)
    while depth > 1:
        depth -= 1
        collapsed = sorted({_collapse(path, depth) for path in paths})
        if len(collapsed) <= limit:
            return collapsed
    return ["/*"]


def _collapse(path: str, depth: int) -> str:
    parts = path.split("/")  # "/a/b/c.html" -> ["", "a", "b", "c.html"]
    return path if len(parts) <= depth + 1 else "/".join(parts[: depth + 1]) + "/*"


def invalidate(session: Any, target: DeployTarget, paths: list[str]) -> str:
    """Start an invalidation; returns its id."""
    with failures(target):
        client = session.client("cloudfront")
        answer = client.create_invalidation(
            DistributionId=target.cloudfront_distribution,
            InvalidationBatch={"Paths": {"Quantity": len(paths), "Items": paths}, "CallerReference": f"masthead-{time.time_ns()}"},
        )
    return str(answer["Invalidation"]["Id"])
