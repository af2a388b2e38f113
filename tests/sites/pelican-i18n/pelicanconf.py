AUTHOR = 'Ines Okafor'
SITENAME = 'Tide Tables'
SITEURL = "https://tide-tables.example"

PATH = "content"
STATIC_PATHS = ["images"]

TIMEZONE = 'Europe/Berlin'

DEFAULT_LANG = 'en'

ARTICLE_URL = 'posts/{date:%Y}/{slug}/'
ARTICLE_SAVE_AS = 'posts/{date:%Y}/{slug}/index.html'

PLUGIN_PATHS = ['pelican-plugins']
PLUGINS = ['i18n_subsites', 'liquid_tags.img', 'liquid_tags.youtube', 'liquid_tags.include_code']

# i18n_subsites: German is a sub-site of its own under /de/; French stays a translation in the main site.
I18N_SUBSITES = {
    'de': {
        'SITENAME': 'Gezeitentafeln',
    },
}
JINJA_ENVIRONMENT = {'extensions': ['jinja2.ext.i18n']}

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None

DEFAULT_PAGINATION = 10
