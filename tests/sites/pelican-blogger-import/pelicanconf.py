#!/usr/bin/env python
# -*- coding: utf-8 -*- #
from __future__ import unicode_literals

LOCALE = ('en',)

AUTHOR = u'Noor "Quill" Haddad'
SITENAME = u'Ink On The Margin'
SITEURL = '//ink.example.net'

TIMEZONE = 'Europe/Brussels'
DEFAULT_LANG = u'en'
TYPOGRIFY = True

STATIC_PATHS = ['images']

DIRECT_TEMPLATES = ('index', 'archives')
ARTICLE_URL = 'post/{date:%Y}/{slug}.html'
ARTICLE_SAVE_AS = 'post/{date:%Y}/{slug}.html'
MONTH_ARCHIVE_SAVE_AS = 'archives/{date:%Y}/{date:%m}/index.html'
YEAR_ARCHIVE_SAVE_AS = 'archives/{date:%Y}/index.html'

# Feed generation
FEED_ATOM = 'feeds/atom.xml'
FEED_RSS = 'feeds/rss.xml'
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None

LINKS = ()
DEFAULT_PAGINATION = 10
THEME = "themes/margin_theme"
