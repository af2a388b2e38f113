#!/usr/bin/env python
# -*- coding: utf-8 -*- #
from __future__ import unicode_literals

AUTHOR = u'Priya'
SITENAME = u'Notes from the telescope'
SITEURL = ''

PATH = 'content'
TIMEZONE = 'America/Chicago'
DEFAULT_LANG = 'en'

DISPLAY_PAGES_ON_MENU = True
STATIC_PATHS = ['Images', 'Figures', 'Downloads', 'Javascript']
PAGE_EXCLUDES = ['Javascript']
ARTICLE_EXCLUDES = STATIC_PATHS

THEME = 'pelican-octopress-theme/'
PLUGIN_PATH = 'pelican-plugins'
PLUGINS = ['summary', 'liquid_tags.img', 'liquid_tags.video',
           'liquid_tags.include_code', 'liquid_tags.notebook',
           'liquid_tags.literal', 'render_math']
MD_EXTENSIONS = ['codehilite(css_class=highlight)', 'extra', 'toc']

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None

DEFAULT_PAGINATION = 10
CODE_DIR = 'Downloads/code'
NOTEBOOK_DIR = 'Downloads/notebooks'
