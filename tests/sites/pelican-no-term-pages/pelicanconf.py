AUTHOR = 'Jonas Aalto'
SITENAME = 'Lock Keeper'
SITEURL = 'https://lock-keeper.example'

PATH = 'content'
STATIC_PATHS = ['images']

TIMEZONE = 'Europe/Helsinki'

DEFAULT_LANG = 'en'

# One author, a handful of posts: no pages per author, category or tag.
AUTHOR_SAVE_AS = ''
AUTHORS_SAVE_AS = ''
CATEGORY_SAVE_AS = ''
CATEGORIES_SAVE_AS = ''
TAG_SAVE_AS = ''
DIRECT_TEMPLATES = ['index', 'tags', 'archives']

FEED_ALL_ATOM = 'feeds/all.atom.xml'
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = 10
