"""Old URLs kept alive: redirect pages, and the ``_redirects`` and ``_headers`` files of hosts.

Every post's ``aliases`` become a small HTML page at the old path (a script, a meta refresh and a
canonical link, for hosts without redirects such as GitHub Pages) and, with ``[deploy] host_files``, a
``_redirects`` rule in the syntax Netlify and Cloudflare Pages share, within Cloudflare's limits.

``_headers`` carries the ``[[deploy.matchers]]`` the hosts can honour as written. Both join the
headers of *every* rule that matches a URL, where masthead's first matching matcher wins; so a
matcher becomes a rule only if no earlier matcher could match one of its files (the overlap of
two globs is decided from their literal prefix and suffix, for any path, not only today's
files), and only if the hosts' syntax can say it: one ``*`` at most (Cloudflare's limit), and no
HTML pattern but a literal ``…/index.html``, since pages are served at their folder URL.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from html import escape, unescape

from ..config import Config, Matcher
from ..content.entries import alias_urls
from ..errors import Problem
from ..site import Site
from .pages import output_path
from .relative_links import base_path, link_from

# Cloudflare Pages' limits (developers.cloudflare.com/pages/configuration/redirects/); Netlify's are wider.
MAX_STATIC = 2_000
MAX_DYNAMIC = 100
MAX_RULE = 1_000
MAX_HEADER_RULES = 100
MAX_HEADER_LINE = 2_000
_WILDCARDS = "*?["
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
    homes = (site.home,) if site.home is not None else ()  # a Jekyll page with permalink: / keeps its redirect_from
    for document in sorted((*site.posts, *site.pages, *homes), key=lambda d: d.entry.source):
        entry = document.entry
        line = next((entry.key_lines[key] for key in site.config.fields["aliases"] if key in entry.key_lines), None)
        for alias in alias_urls(entry.aliases, document.url):
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
    if site.config.origin.kind == "hugo":  # Hugo's paginator: each list's /page/1/ sends on to the list
        from ..origins.hugo_lists import default_language_redirects, first_page_redirects, folder_list_redirects

        generated = (*first_page_redirects(site), *default_language_redirects(site), *folder_list_redirects(site))
        found += [redirect for redirect in generated if redirect.source not in taken and redirect.source not in claimed]
    if site.config.origin.kind == "jekyll":  # jekyll-polyglot's copies of untranslated pages in each language
        from ..origins.languages import polyglot_fallbacks

        found += [redirect for redirect in polyglot_fallbacks(site) if redirect.source not in claimed]
    if site.config.deploy.host_files:
        problems += limit_problems(found)
        problems += header_problems(site.config.deploy.all_matchers, len(site.config.deploy.matchers))
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
    path = _page_path(redirect.source)
    return path, moved_page(site.config, path, redirect.target)


def moved_page(config: Config, path: str, target: str) -> bytes:
    """``redirect_html`` for the output file ``path``, sending readers to the site path (or URL) ``target``."""
    url = config.absolute_url(target)
    local = target.startswith("/") and url.startswith(config.base_url + "/")
    return redirect_html(url, config.language, link_from(url[len(config.base_url) :], path, base_path(config.base_url)) if local else url)


def redirect_html(target: str, language: str, via: str | None = None) -> bytes:
    """The page that sends readers on to the absolute ``target``. A script in the head goes to ``via`` (the
    target as the site's pages link it, relative under a path) while the page is still loading, before
    the meta refresh (kept for crawlers and readers without scripts) would: a refresh of 0 s fires only
    after the load event, when a checker (axe, Lighthouse) has already started on the page, and the
    navigation then pulls the page from under it. Relative, the script also lands on the preview, or
    the folder served locally, that the page came from, rather than on the published site."""
    url, lang = escape(target), escape(language)
    script = json.dumps(target if via is None else via).replace("<", "\\u003c")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>Moved to {url}</title>\n'
        f'<link rel="canonical" href="{url}">\n<meta name="robots" content="noindex">\n'
        f"<script>location.replace({script})</script>\n"
        f'<meta http-equiv="refresh" content="0; url={url}">\n</head>\n'
        f'<body>\n<p>This page has moved to <a href="{url}">{url}</a>.</p>\n</body>\n</html>\n'
    ).encode()


_REDIRECT_HTML = re.compile(
    rb'<!DOCTYPE html>\n<html lang="([^"]*)">\n<head>\n<meta charset="utf-8">\n<title>Moved to ([^<]*)</title>\n'
    rb'<link rel="canonical" href="[^"]*">\n<meta name="robots" content="noindex">\n<script>location.replace\(("[^<]*")\)</script>\n'
)


def redirect_target(data: bytes) -> str | None:
    """Where a page ``redirect_html`` wrote sends its readers; None for any other file (compared byte for byte),
    so a deploy can make the bucket answer with a real 301 (S3's website redirect) as well."""
    match = _REDIRECT_HTML.match(data)
    if match is None:
        return None
    language, target = unescape(match[1].decode("utf-8")), unescape(match[2].decode("utf-8"))
    try:
        via = json.loads(match[3])
    except ValueError:
        return None
    return target if isinstance(via, str) and redirect_html(target, language, via) == data else None


def _page_path(url: str) -> str:
    last = url.rsplit("/", 1)[-1]
    return output_path(url if url.endswith("/") or "." in last else url + "/")


def redirects_file(found: tuple[Redirect, ...]) -> bytes:
    rules = sorted((r for r in found if not r.dynamic), key=lambda r: r.source) + [r for r in found if r.dynamic]
    return "".join(f"{rule.rule}\n" for rule in rules).encode("utf-8")


@dataclass(frozen=True)
class HeaderRule:
    url: str  # the URL pattern, such as "/_images/*" or "/feed.xml"
    headers: tuple[tuple[str, str], ...]


def _host_pattern(pattern: str) -> str | None:
    """The URL pattern Netlify and Cloudflare Pages match for an output-path glob, if they can."""
    if any(character in pattern for character in "?[") or pattern.count("*") > 1 or any(character.isspace() for character in pattern):
        return None
    if pattern.endswith(".html"):  # pages are served at /folder/: only a literal index.html names its URL
        if "*" in pattern or not (pattern == "index.html" or pattern.endswith("/index.html")):
            return None
        return "/" + pattern.removesuffix("index.html")
    return "/" + pattern


def _ends(pattern: str) -> tuple[str, str]:
    first = min((pattern.index(c) for c in _WILDCARDS if c in pattern), default=len(pattern))
    last = max((pattern.rindex(c) for c in _WILDCARDS if c in pattern), default=len(pattern) - 1)
    return pattern[:first], pattern[last + 1 :]


def may_overlap(one: str, other: str) -> bool:
    """Whether some path matches both globs (exact for at most one ``*`` each, cautious beyond)."""
    literal_one, literal_other = not any(c in one for c in _WILDCARDS), not any(c in other for c in _WILDCARDS)
    if literal_one or literal_other:
        return fnmatchcase(one, other) if literal_one else fnmatchcase(other, one)
    (start_one, end_one), (start_other, end_other) = _ends(one), _ends(other)
    return (start_one.startswith(start_other) or start_other.startswith(start_one)) and (end_one.endswith(end_other) or end_other.endswith(end_one))


def _header_values(matcher: Matcher) -> tuple[tuple[str, str], ...]:
    # Not content_encoding: the hosts get the files as built and compress them themselves.
    pairs = (("Cache-Control", matcher.cache_control), ("Content-Type", matcher.content_type))
    return tuple((name, value) for name, value in pairs if value)


def header_rules(matchers: tuple[Matcher, ...], own: int) -> tuple[list[HeaderRule], list[Problem]]:
    """The ``_headers`` rules of ``matchers`` (the first ``own`` are the site's), and a warning
    for each of the site's matchers (or a default one they shadow) that cannot be a rule."""
    rules: list[HeaderRule] = []
    problems: list[Problem] = []
    for number, matcher in enumerate(matchers):
        values, url = _header_values(matcher), _host_pattern(matcher.pattern)
        if not values:
            continue
        shadows = [index for index, earlier in enumerate(matchers[:number]) if may_overlap(earlier.pattern, matcher.pattern)]
        if url is not None and not shadows:
            rules.append(HeaderRule(url, values))
            continue
        where = f"deploy.matchers[{number + 1}]" if number < own else None
        shadow = matchers[shadows[0]] if shadows else None
        if url is None and where:
            problems.append(
                Problem(
                    "masthead.toml",
                    None,
                    where,
                    f"{matcher.pattern!r} has no _headers rule: Netlify and Cloudflare Pages take one * a rule and serve pages "
                    "at their folder URL; expected a pattern such as 'blog/*' or 'about/index.html' (the S3 deploy still honours it)",
                    warning=True,
                )
            )
        elif url is not None and shadow is not None and (where or shadows[-1] < own):  # a default only the site's matchers shadow
            problems.append(
                Problem(
                    "masthead.toml",
                    None,
                    where or f"deploy.matchers[{shadows[0] + 1}]",
                    f"{shadow.pattern!r} and {matcher.pattern!r} can match the same file, and Netlify and Cloudflare Pages would join "
                    f"both headers, so _headers leaves out {matcher.pattern!r}; expected patterns that cannot overlap, such as 'data/*.json'",
                    warning=True,
                )
            )
    return rules, problems


def header_problems(matchers: tuple[Matcher, ...], own: int) -> list[Problem]:
    """Warnings from ``header_rules``, and Cloudflare Pages' limits: 100 rules, 2,000 characters a line."""
    rules, problems = header_rules(matchers, own)
    if len(rules) > MAX_HEADER_RULES:
        problems.append(
            Problem("masthead.toml", None, "deploy.matchers", f"{len(rules)} _headers rules; expected at most {MAX_HEADER_RULES} (Cloudflare Pages' limit)")
        )
    for line in _header_lines(rules):
        if len(line) > MAX_HEADER_LINE:
            problems.append(
                Problem(
                    "masthead.toml",
                    None,
                    "deploy.matchers",
                    f"the _headers line {line.strip()[:60]}… is {len(line)} characters; expected at most {MAX_HEADER_LINE} (Cloudflare Pages' limit)",
                )
            )
    return problems


def _header_lines(rules: list[HeaderRule]) -> list[str]:
    return [line for rule in rules for line in (rule.url, *(f"  {name}: {value}" for name, value in rule.headers))]


def headers_file(matchers: tuple[Matcher, ...], own: int) -> bytes:
    lines = _header_lines(header_rules(matchers, own)[0])
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def outputs(site: Site) -> list[tuple[str, bytes]]:
    found, _ = redirects(site)
    files = [redirect_page(site, r) for r in found if not r.dynamic and r.status in (301, 302, 303, 307, 308)]
    if site.config.deploy.host_files:
        files.append(("_redirects", redirects_file(found)))
        files.append(("_headers", headers_file(site.config.deploy.all_matchers, len(site.config.deploy.matchers))))
    if site.config.deploy.indexnow_key:  # IndexNow: the key, served from the site, proves ownership
        files.append((f"{site.config.deploy.indexnow_key}.txt", site.config.deploy.indexnow_key.encode("ascii")))
    return files
