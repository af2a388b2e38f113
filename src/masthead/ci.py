"""``masthead ci github``: a GitHub Actions workflow that builds and deploys on push and on a schedule.

The schedule is what publishes a scheduled post on time: each run restores the build cache, so a
run with nothing due is a no-change build (milliseconds) and a deploy that uploads nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import MastheadError, Problem

WORKFLOW = Path(".github/workflows/masthead.yml")
HOSTS = ("s3", "pages")
_CRON = re.compile(r"^\S+ \S+ \S+ \S+ \S+$")

_HEAD = """\
# Written by `masthead ci github`; see docs/deploy.md. Builds and deploys on every push to {branch}
# and every {every} minutes, so scheduled posts appear on time (`masthead next-change` says when).
name: masthead
on:
  push:
    branches: [{branch}]
  schedule:
    - cron: "{cron}"
  workflow_dispatch:
concurrency:
  group: masthead-deploy
  cancel-in-progress: false
"""

_BUILD = """\
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install {package}
      - name: Restore the build cache (incremental builds, URL history for redirects)
        uses: actions/cache@v4
        with:
          path: {site}/.masthead-cache
          key: masthead-${{{{ github.run_id }}}}
          restore-keys: masthead-
      - run: masthead build {site}
"""

_S3 = """\
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      contents: read
{build}\
      - run: masthead deploy {site}{target}
        env:
          AWS_ACCESS_KEY_ID: ${{{{ secrets.AWS_ACCESS_KEY_ID }}}}
          AWS_SECRET_ACCESS_KEY: ${{{{ secrets.AWS_SECRET_ACCESS_KEY }}}}
"""

_PAGES = """\
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
{build}\
      - uses: actions/upload-pages-artifact@v3
        with:
          path: {site}/public
  deploy:
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""


def workflow(site: str = ".", host: str = "s3", every: int = 15, branch: str = "main", target: str = "", package: str = "'masthead[deploy]'") -> str:
    if host not in HOSTS:
        raise MastheadError([Problem("--host", None, None, f"{host!r}; expected one of {', '.join(HOSTS)}")])
    if not 5 <= every <= 1440:
        raise MastheadError([Problem("--every", None, None, f"{every}; expected minutes from 5 (GitHub's shortest schedule) to 1440")])
    cron = f"*/{every} * * * *" if every < 60 else f"0 */{every // 60} * * *" if every < 1440 else "0 0 * * *"
    assert _CRON.match(cron)
    build = _BUILD.format(package=package, site=site)
    body = (_S3 if host == "s3" else _PAGES).format(build=build, site=site, target=f" --target {target}" if target else "")
    return _HEAD.format(branch=branch, every=every, cron=cron) + body


def repository_root(site: Path) -> tuple[Path, str]:
    """The repository the site is in (the nearest folder up with .git, else the site) and the site's path in it."""
    site = site.resolve()
    root = next((folder for folder in (site, *site.parents) if (folder / ".git").exists()), site)
    return root, site.relative_to(root).as_posix() or "."


def write(root: Path, text: str, force: bool) -> Path:
    path = root / WORKFLOW
    if path.exists() and not force:
        raise MastheadError([Problem(str(WORKFLOW), None, None, "exists; expected no workflow there (use --force to replace it)")])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
