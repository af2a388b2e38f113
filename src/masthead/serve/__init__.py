"""``masthead serve``: the live preview server.

``preview`` rebuilds the site and keeps the last good output; ``watch`` notices edits; ``reload``
tells open pages to reload over server-sent events; ``overlay`` shows build errors in the page;
``server`` answers HTTP, including Decap CMS's local backend (``masthead.cms.localbackend``).
"""
