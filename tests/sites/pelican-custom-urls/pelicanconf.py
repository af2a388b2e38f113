AUTHOR = 'Mara Lindqvist'
SITENAME = 'Estuary Log'
SITEURL = 'https://estuary-log.example'

PATH = 'content'
ARTICLE_PATHS = ['', 'field-notes']
PAGE_PATHS = ['pages', 'about']
TIMEZONE = 'Europe/Stockholm'
DEFAULT_LANG = 'en'

USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = 'Log Book'
SLUGIFY_SOURCE = 'basename'

ARTICLE_URL = '{category}/{slug}.html'
ARTICLE_SAVE_AS = ARTICLE_URL
PAGE_URL = '{slug}'  # served without its extension (GitHub Pages does)
PAGE_SAVE_AS = '{slug}.html'

TAG_URL = 'topics/{slug}/'
TAG_SAVE_AS = 'topics/{slug}/index.html'
CATEGORY_URL = 'section/{slug}.html'
CATEGORY_SAVE_AS = CATEGORY_URL
AUTHOR_URL = ''
AUTHOR_SAVE_AS = ''

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = False
