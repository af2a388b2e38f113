#!/usr/bin/env python
# -*- coding: utf-8 -*- #
from __future__ import unicode_literals

AUTHOR = u'harbourlog'
SITENAME = u'harbourlog'
SITEURL = ''

PATH = 'content'

TIMEZONE = 'Europe/London'

DEFAULT_LANG = u'en'

# Feed generation is usually not desired when developing
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = 10

DEFAULT_METADATA = {
    'status': 'draft',
}

PLUGIN_PATHS = ["plugins", "."]
PLUGINS = ["pelican_plugin-render_math"]

THEME = 'nest'
MENUITEMS = [('Blog Home', '/'), ('Categories', '/categories.html')]
NEST_HEADER_LOGO = '/images/harbourlog_60x60.png'

# Static files
STATIC_PATHS = ['images', 'extra/robots.txt', 'extra/favicon.ico']
EXTRA_PATH_METADATA = {
        'extra/robots.txt': {'path': 'robots.txt'},
            'extra/favicon.ico': {'path': 'favicon.ico'},
}
