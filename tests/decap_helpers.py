"""What the tests of Decap's local backend share: the request Decap's proxy client sends, a site
committed to a Git repository (the editorial workflow's git mode), and a small image."""

from __future__ import annotations

import base64
import http.client
import json
import subprocess
from pathlib import Path
from typing import Any

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").decode()  # the bytes' start: what Decap uploads is opaque to both servers
WORKFLOW_LINE = "publish_mode: editorial_workflow\n"
IGNORED = "public/\n.masthead-cache/\n"  # the build's output and cache stay out of the repository


def decap_body(action: str, params: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """The JSON decap-cms-backend-proxy posts: the branch at the top and again in the params."""
    body: dict[str, Any] = {"branch": "main", "action": action, **extra}
    if params is not None:
        body["params"] = {"branch": "main", **params}
    return body


def post_action(host: str, port: int, action: str, params: dict[str, Any] | None = None, origin: str | None = None, **extra: Any) -> tuple[int, Any]:
    """POST one action to ``/api/v1`` with the headers a browser sends from the admin page."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        headers = {"Content-Type": "application/json; charset=utf-8", "Origin": origin or f"http://{host}:{port}"}
        connection.request("POST", "/api/v1", json.dumps(decap_body(action, params, **extra)).encode(), headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"null")
    finally:
        connection.close()


def git(site: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=site, check=True, capture_output=True, text=True).stdout


def commit_site(site: Path) -> Path:
    """Make ``site`` the top of a new repository on ``main`` with everything committed."""
    (site / ".gitignore").write_text(IGNORED)
    git(site, "init", "-q", "-b", "main")
    git(site, "config", "user.email", "editor@example.org")
    git(site, "config", "user.name", "Editor")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "the site")
    return site


def history(site: Path) -> tuple[list[str], str]:
    """The commit subjects, newest first, and what is left uncommitted."""
    return git(site, "log", "--format=%s").splitlines(), git(site, "status", "--porcelain", "--untracked-files=all")
