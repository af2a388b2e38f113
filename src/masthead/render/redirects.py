"""Old URLs kept alive: redirect pages, and the ``_redirects`` and ``_headers`` files of hosts.

Every post's ``aliases`` become a small HTML page at the old path (a meta refresh and a canonical
link, for hosts without redirects such as GitHub Pages) and, with ``[deploy] host_files``, a
``_redirects`` rule in the syntax Netlify and Cloudflare Pages share, within Cloudflare's limits.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..config import Matcher
from ..errors import Problem
from ..site import Site
from .pages import output_path

# Cloudflare Pages' limits (developers.cloudflare.com/pages/configuration/redirects/); Netlify's are wider.
MAX_STATIC = 2_000
MAX_DYNAMIC = 100
MAX_RULE = 1_000
MAX_HEADER_RULES = 100
STATUSES = (200, 301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Redirect:
    source: str  # the old path, or a pattern with * and :placeholders
    target: str
    status: int
    origin: str  # the file that asked for it, for problems
    line: int | None

    @property
    def dynamic(self) -> bool:
        return "*" in self.source or ":" in self.source

    @property
    def rule(self) -> str:
        return f"{self.source} {self.target} {self.status}"


def _config_redirects(site: Site) -> tuple[list[Redirect], list[Problem]]:
    found: list[Redirect] = []
    problems: list[Problem] = []
    for number, text in enumerate(site.config.deploy.redirects, 1):
        parts = text.split()
        status = parts[2] if len(parts) == 3 else "301"
        if len(parts) not in (2, 3) or not parts[0].startswith("/") or not status.isdigit() or int(status) not in STATUSES:
            problems.append(
                Problem(
                    "masthead.toml",
                    None,
                    f"deploy.redirects[{number}]",
                    f'{text!r}: expected "/from /to [status]", such as "/old/* /blog/:splat 301" (status one of {", ".join(map(str, STATUSES))})',
                )
            )
            continue
        found.append(Redirect(parts[0], parts[1], int(status), "masthead.toml", None))
    return found, problems


def redirects(site: Site) -> tuple[tuple[Redirect, ...], list[Problem]]:
    """Every redirect of the site, and what is wrong with them (conflicts, Cloudflare's limits)."""
    found, problems = _config_redirects(site)
    taken = {document.url: document.entry.source for document in (*site.posts, *site.pages)}
    claimed: dict[str, str] = {}
    for document in sorted((*site.posts, *site.pages), key=lambda d: d.entry.source):
        entry = document.entry
        line = next((entry.key_lines[key] for key in site.config.fields["aliases"] if key in entry.key_lines), None)
        for alias in entry.aliases:
            if alias == document.url:
                continue
            if alias in taken or alias in claimed:
                owner = taken.get(alias) or claimed[alias]
                problems.append(
                    Problem(entry.source, line, "aliases", f"{alias} is already the URL or an alias of {owner}; expected an old URL no other page uses")
                )
                continue
            claimed[alias] = entry.source
            found.append(Redirect(alias, document.url, 301, entry.source, line))
    if site.config.deploy.host_files:
        problems += limit_problems(found)
    return tuple(found), problems


def limit_problems(found: list[Redirect] | tuple[Redirect, ...]) -> list[Problem]:
    problems = [
        Problem(
            r.origin,
            r.line,
            "aliases" if r.line else "deploy.redirects",
            f"the _redirects rule for {r.source[:60]} is {len(r.rule)} characters; expected at most {MAX_RULE} (Cloudflare Pages' limit)",
        )
        for r in found
        if len(r.rule) > MAX_RULE
    ]
    dynamic = sum(r.dynamic for r in found)
    for count, limit, kind in ((len(found) - dynamic, MAX_STATIC, "static"), (dynamic, MAX_DYNAMIC, "dynamic")):
        if count > limit:
            problems.append(
                Problem(
                    "masthead.toml",
                    None,
                    "deploy.host_files",
                    f"{count} {kind} redirects; expected at most {limit} (Cloudflare Pages' limit) — "
                    "drop the oldest aliases, or group them into one rule with a * splat in deploy.redirects",
                )
            )
    return problems


def redirect_page(site: Site, redirect: Redirect) -> tuple[str, bytes]:
    """A page at the old URL that sends readers and crawlers on to the new one."""
    target = escape(site.config.absolute_url(redirect.target))
    language = escape(site.config.language)
    html = (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n<title>Moved to {target}</title>\n'
        f'<link rel="canonical" href="{target}">\n<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n'
        f'<body>\n<p>This page has moved to <a href="{target}">{target}</a>.</p>\n</body>\n</html>\n'
    )
    return _page_path(redirect.source), html.encode("utf-8")


def _page_path(url: str) -> str:
    last = url.rsplit("/", 1)[-1]
    return output_path(url if url.endswith("/") or "." in last else url + "/")


def redirects_file(found: tuple[Redirect, ...]) -> bytes:
    rules = sorted((r for r in found if not r.dynamic), key=lambda r: r.source) + [r for r in found if r.dynamic]
    return "".join(f"{rule.rule}\n" for rule in rules).encode("utf-8")


def headers_file(matchers: tuple[Matcher, ...]) -> bytes:
    """``_headers`` for the folder matchers (``dir/*``): rules Cloudflare and Netlify would merge are left out,
    since both join the values of every rule that matches a path."""
    lines = []
    for matcher in matchers:
        folder = matcher.pattern[:-2]
        if matcher.pattern.endswith("/*") and "*" not in folder and matcher.cache_control:
            lines += [f"/{folder}/*", f"  Cache-Control: {matcher.cache_control}"]
    return ("\n".join(lines[: 2 * MAX_HEADER_RULES]) + "\n").encode("utf-8") if lines else b""


def outputs(site: Site) -> list[tuple[str, bytes]]:
    found, _ = redirects(site)
    files = [redirect_page(site, r) for r in found if not r.dynamic and r.status in (301, 302, 303, 307, 308)]
    if site.config.deploy.host_files:
        files.append(("_redirects", redirects_file(found)))
        files.append(("_headers", headers_file(site.config.deploy.all_matchers)))
    if site.config.deploy.indexnow_key:  # IndexNow: the key, served from the site, proves ownership
        files.append((f"{site.config.deploy.indexnow_key}.txt", site.config.deploy.indexnow_key.encode("ascii")))
    return files
