"""Shared bits of the newsletter tests: the fixture folder and a site config with [newsletter]."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "newsletter"
CAMPAIGN_MONITOR = FIXTURES / "campaign-monitor.eml"
MAILCHIMP = FIXTURES / "mailchimp.eml"
MBOX = FIXTURES / "issues.mbox"
SAVED_HTML = FIXTURES / "saved-issue.html"
ALL_ISSUES = (CAMPAIGN_MONITOR, MAILCHIMP, MBOX, SAVED_HTML)

CONFIG = """\
title = "Test Briefing"
base_url = "https://test.example.org"
timezone = "UTC"
default_image = "/img/default.jpg"

[newsletter]
topic_images = [{ topic = "tariffs", image = "/img/port.jpg" }]
"""


def body_text(message: EmailMessage, subtype: str) -> str:
    """The decoded text of a message's ``subtype`` ("html" or "plain") body part."""
    part = message.get_body((subtype,))
    assert part is not None, f"no text/{subtype} part"
    return str(part.get_content())
