#!/usr/bin/env python
# -*- coding: utf-8 -*- #
from __future__ import unicode_literals

AUTHOR = 'Lin Qiao'
SITENAME = '地图笔记'
SITEURL = ''
TIMEZONE = 'Asia/Shanghai'
DEFAULT_DATE = 'fs'  # 没有日期时用文件时间
DEFAULT_DATE_FORMAT = '%Y-%m-%d'

USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = '其他'

PAGE_PATHS = ['pages']
PAGE_EXCLUDES = []
ARTICLE_PATHS = ['']
ARTICLE_EXCLUDES = ['images', 'draft', 'pdfs']

SLUGIFY_SOURCE = 'basename'
DEFAULT_METADATA = ()
FILENAME_METADATA = '(?P<date>\d{4}-\d{2}-\d{2})_(?P<slug>.*)'
PATH_METADATA = ''
EXTRA_PATH_METADATA = {}

OUTPUT_PATH = 'output/'
STATIC_PATHS = ['images', 'CNAME', 'pdfs']
PATH = 'content'

DIRECT_TEMPLATES = ('index', 'tags', 'categories', 'archives', 'search', '404')
ARTICLE_URL = '{slug}.html'
ARTICLE_SAVE_AS = '{slug}.html'
YEAR_ARCHIVE_SAVE_AS = False
DRAFT_SAVE_AS = 'drafts/{slug}.html'
PAGE_URL = '{slug}.html'
PAGE_SAVE_AS = '{slug}.html'
CATEGORY_URL = '{slug}.html'
CATEGORY_SAVE_AS = ''
TAG_URL = '{slug}.html'
TAG_SAVE_AS = 'tags.html'
AUTHOR_URL = 'author/{slug}.html'
AUTHOR_SAVE_AS = 'authors.html'
ARCHIVES_SAVE_AS = 'archives.html'

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None

DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = [
    (0, '{name}{number}.html', '{name}{number}.html'),
]
DEFAULT_LANG = 'zh'
PLUGINS = ['extract_toc', 'neighbors']
