AUTHOR = 'Maeve Byrne'
SITENAME = 'Tidewater Log'
SITEURL = 'https://tidewater-log.example'

PATH = 'content'

TIMEZONE = 'Europe/Dublin'

DEFAULT_LANG = 'en'

DEFAULT_PAGINATION = 2

# Mixed content in the same directory: static files beside the articles
STATIC_PATHS = ['blog', 'downloads', 'extra/CNAME']
ARTICLE_PATHS = ['blog']
ARTICLE_SAVE_AS = '{date:%Y}/{slug}.html'
ARTICLE_URL = '{date:%Y}/{slug}.html'
EXTRA_PATH_METADATA = {
    'extra/CNAME': {'path': 'CNAME'},
}

# Uncomment following line if you want document-relative URLs when developing
# RELATIVE_URLS = True
