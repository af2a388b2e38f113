AUTHOR = 'Tove Lund'
SITENAME = 'Boatshed notes'
SITEURL = ''

PATH = 'content'
TIMEZONE = 'Europe/Stockholm'
DEFAULT_LANG = 'en'

ARTICLE_PATHS = ['posts', 'notes']
ARTICLE_EXCLUDES = ['posts/unfinished']
PAGE_PATHS = ['pages', 'legal']

# the folder is not the category; PATH_METADATA names it for posts/<category>/…
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = 'shed'
PATH_METADATA = r'posts/(?P<category>[^/]+)/.*'
FILENAME_METADATA = r'(?P<date>\d{4}-\d{2}-\d{2})_(?P<slug>.*)'
DEFAULT_DATE = 'fs'

SLUGIFY_SOURCE = 'basename'
SLUG_REGEX_SUBSTITUTIONS = [
    (r'_', '-'),
    (r'[^\w\s-]', ''),
    (r'(?u)\A\s*', ''),
    (r'(?u)\s*\Z', ''),
    (r'[-\s]+', '-'),
]

STATIC_PATHS = ['images', 'extra']
EXTRA_PATH_METADATA = {
    'extra/robots.txt': {'path': 'robots.txt'},
    'extra/favicon.ico': {'path': 'favicon.ico'},
}

INDEX_SAVE_AS = 'blog/index.html'
DIRECT_TEMPLATES = ['index', 'archives', 'tags']
PAGINATED_TEMPLATES = {'index': None, 'tag': None, 'category': None, 'author': None}
DEFAULT_PAGINATION = 2
PAGINATION_PATTERNS = (
    (1, '{url}', '{save_as}'),
    (2, '{base_name}/page/{number}/', '{base_name}/page/{number}/index.html'),
)
ARCHIVES_SAVE_AS = 'blog/archives.html'
YEAR_ARCHIVE_SAVE_AS = 'blog/{date:%Y}/index.html'
AUTHOR_SAVE_AS = ''
AUTHORS_SAVE_AS = ''

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DELETE_OUTPUT_DIRECTORY = False
RELATIVE_URLS = True
