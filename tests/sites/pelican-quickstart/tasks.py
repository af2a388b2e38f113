import os
import shlex

from invoke import task

SETTINGS_FILE_BASE = "pelicanconf.py"


@task
def build(c):
    """Build local version of site"""
    c.run("pelican -s {settings_base}".format(settings_base=shlex.quote(SETTINGS_FILE_BASE)))
