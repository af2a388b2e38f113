"""The assemble stage: the complete site model, with every fact the pages share derived once.

``site.assemble`` places the entries at URLs and checks cross-page facts; then the links stage
(``links.rewrite = "resolved"``) swaps in stored destinations, and this stage derives the image
plans, social crops and outlet summaries into fields of the model. Nothing is cached on the side
of the model, so a new model (the preview's next save) can never read an old one's facts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import jinja2

from ..config import Config
from ..errors import Problem, errors_only
from ..links import citations
from ..links import publish as links_publish
from ..newsroom import model as newsroom
from ..options import BuildOptions
from ..origins import jekyll_nav, references
from ..render import pages, pictures, redirects
from ..site import Site
from ..site import assemble as place
from .parse import Parsed


@dataclass(frozen=True)
class Assembled:
    site: Site
    environment: jinja2.Environment
    problems: tuple[Problem, ...]


def assemble(config: Config, options: BuildOptions, now: datetime, parsed: Parsed, environment: jinja2.Environment | None = None) -> Assembled:
    """``environment``: the templates of an earlier model of the same site, to reuse (the preview)."""
    folders = pages.template_folders(config.root, config.folders.templates)
    environment = environment or pages.make_environment(folders, config.local)
    site, problems = place(parsed.entries, config, options, now, pages.content_templates(folders))
    site, found = links_publish.apply(site)  # links.rewrite = "resolved": destinations from the link store
    problems += found
    if config.origin.kind == "jekyll":  # Just the Docs' parent pages list their children
        site = jekyll_nav.with_child_lists(site)
    site, found = references.apply(site)  # post_url, ref, bundle images: resolved now that every URL is known
    problems += found
    if not errors_only(problems):  # unreadable images, featured images without alt text
        plans, social, found = pictures.derive(site)
        problems += found
        site = replace(site, pictures=plans, social=social, outlets=citations.summaries(citations.records(site)))
        site = replace(site, outlet_names=pages.outlet_names(site))  # every page's view and the feeds read these
        site = replace(site, newsroom=newsroom.derive(site))  # authors, corrections, related, follow feeds
        problems += redirects.redirects(site)[1]  # aliases: conflicts, and Cloudflare's limits on _redirects
    pictures.install(environment, site)
    return Assembled(site, environment, tuple(problems))
