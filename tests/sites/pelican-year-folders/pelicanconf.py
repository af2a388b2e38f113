from __future__ import unicode_literals
import locale


def until_hr(string):
    return string[: string.find('<hr>')]


AUTHOR = 'mika'
SITENAME = "mika's notes"
SITESUBTITLE = "Puzzle write-ups."
SITEURL = "http://notes.example"
FAVICON = "images/favicon.ico"
META_IMAGE = SITEURL + "/images/portrait.jpg"

PATH = 'content'
THEME = "theme/pelican-mg"
LOCALE = ('en_US.UTF-8')
TIMEZONE = 'Asia/Taipei'
DEFAULT_LANG = 'zh-tw'
DEFAULT_DATE_FORMAT = ("%A %d %B %Y")
DEFAULT_DATE = 'fs'

DEFAULT_PAGINATION = 5

AUTHOR_SAVE_AS = ''
DIRECT_TEMPLATES = ('index', 'categories', 'archives')
STATIC_PATHS = ["images", "exp"]

RELATIVE_URLS = True
JINJA_FILTERS = {"until_hr": until_hr}
