AUTHOR = "Mira Solberg"
SITENAME = "Mira's harbour log"
SITESUBTITLE = "Notes from the tide gauge."
SITEURL = "https://harbour-log.example"
TIMEZONE = "Europe/Oslo"

# can be useful in development, but set to False when you're ready to publish
RELATIVE_URLS = True

REVERSE_CATEGORY_ORDER = True
LOCALE = "C"
DEFAULT_PAGINATION = 4
DEFAULT_DATE = (2012, 3, 2, 14, 1, 1)

FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"

LINKS = (
    ("Tide tables", "https://tides.example/"),
    ("Harbour office", "https://harbour-office.example/"),
)

SOCIAL = (("mastodon", "https://social.example/@mira"),)

# global metadata to all the contents
DEFAULT_METADATA = {"mood": "calm"}

# path-specific metadata
EXTRA_PATH_METADATA = {
    "extra/robots.txt": {"path": "robots.txt"},
}

# static paths will be copied without parsing their contents
STATIC_PATHS = [
    "images",
    "extra/robots.txt",
]

# there is no other HTML content
READERS = {"html": None}

# code blocks with line numbers
PYGMENTS_RST_OPTIONS = {"linenos": "table"}

# lowercase names are not settings: Pelican ignores them
harbour = "quay"
