"""The sources pages: ``/sources/`` (every outlet cited) and ``/sources/<outlet>/``.

Templates ``sources.html`` (receives ``outlets``: ``links.citations.OutletSummary`` items) and
``source.html`` (receives ``outlet``, one summary, whose ``posts`` cite it, newest first).
No pages are written for a site without citations.
"""

from __future__ import annotations

import jinja2

from ..links.citations import records, summaries
from ..site import Site
from . import pages, seo


def outputs(site: Site, environment: jinja2.Environment, view: pages.SiteView) -> list[tuple[str, bytes]]:
    outlets = summaries(records(site))
    if not outlets:
        return []
    config = site.config
    index = environment.get_template("sources.html")
    head = seo.head_for_list(
        site, "Sources", f"Every outlet cited in {config.title}, most cited first.", "/sources/"
    )
    result = [
        ("sources/index.html", index.render(site=view, head=head, outlets=outlets).encode("utf-8"))
    ]
    one = environment.get_template("source.html")
    for summary in outlets:
        name = summary.outlet.name
        head = seo.head_for_list(
            site,
            f"Source: {name}",
            f"Briefings of {config.title} that cite {name}.",
            summary.outlet.url,
        )
        result.append(
            (
                pages.output_path(summary.outlet.url),
                one.render(site=view, head=head, outlet=summary).encode("utf-8"),
            )
        )
    return result
