"""Turning the site model into files: pages, SEO head, feeds, sitemaps."""
