"""``masthead digest --send``: deliver a digest over SMTP, once.

Host, port and security (STARTTLS, TLS or none) come from ``[newsletter]``; the login only from
the environment variables MASTHEAD_SMTP_USER and MASTHEAD_SMTP_PASSWORD, never from the config
file (which is usually committed). Every send is recorded in ``<cache>/newsletter.sqlite``: a
digest already sent to the list is refused unless ``resend``; sends to a test address (``--to``)
are recorded but never block. The record also answers "since the last digest".
"""

from __future__ import annotations

import ipaddress
import os
import smtplib
import sqlite3
import ssl
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage

from ..config import Config
from ..errors import MastheadError, Problem
from .digest import Digest

RECORD_FILE = "newsletter.sqlite"
USER_VARIABLE = "MASTHEAD_SMTP_USER"
PASSWORD_VARIABLE = "MASTHEAD_SMTP_PASSWORD"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sent (
    digest TEXT NOT NULL,
    audience TEXT NOT NULL,  -- "list" or "test"
    recipients TEXT NOT NULL,
    message_id TEXT NOT NULL,
    since TEXT NOT NULL,
    until TEXT NOT NULL,
    sent_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # starttls, tls, none
    user: str = ""
    password: str = ""


@dataclass(frozen=True)
class Sent:
    digest: str
    audience: str
    recipients: tuple[str, ...]
    sent_at: datetime


def _problem(field: str, message: str) -> MastheadError:
    return MastheadError([Problem("masthead.toml", None, field, message)])


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def smtp_settings(config: Config, environ: Mapping[str, str] = os.environ) -> SmtpSettings:
    """The SMTP server from the config and the login from the environment, checked."""
    settings = config.newsletter
    user, password = environ.get(USER_VARIABLE, ""), environ.get(PASSWORD_VARIABLE, "")
    if bool(user) != bool(password):
        missing = PASSWORD_VARIABLE if user else USER_VARIABLE
        raise MastheadError([Problem("environment", None, missing, f"not set; expected both {USER_VARIABLE} and {PASSWORD_VARIABLE}, or neither")])
    if user and settings.smtp_security == "none" and not _loopback(settings.smtp_host):
        raise _problem("newsletter.smtp_security", f'"none" would send the password to {settings.smtp_host} unencrypted; expected "starttls" or "tls"')
    return SmtpSettings(settings.smtp_host, settings.smtp_port, settings.smtp_security, user, password)


@contextmanager
def _record(config: Config) -> Iterator[sqlite3.Connection]:
    path = config.folder("cache") / RECORD_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as database:
        database.execute(_SCHEMA)
        yield database


def sent_before(config: Config, digest: str, audience: str = "list") -> Sent | None:
    with _record(config) as database:
        row = database.execute(
            "SELECT digest, audience, recipients, sent_at FROM sent WHERE digest = ? AND audience = ? ORDER BY sent_at DESC LIMIT 1", (digest, audience)
        ).fetchone()
    return Sent(row[0], row[1], tuple(row[2].split("\n")), datetime.fromisoformat(row[3])) if row else None


def last_sent_until(config: Config) -> datetime | None:
    """The end of the newest digest sent to the list: where the next one starts."""
    path = config.folder("cache") / RECORD_FILE
    if not path.is_file():
        return None
    with _record(config) as database:
        row = database.execute("SELECT MAX(until) FROM sent WHERE audience = 'list'").fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if settings.security == "tls":
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=30, context=context)
    client = smtplib.SMTP(settings.host, settings.port, timeout=30)
    if settings.security == "starttls":
        client.starttls(context=context)
    return client


def send(
    config: Config, digest: Digest, message: EmailMessage, recipients: tuple[str, ...], test: bool, resend: bool, now: datetime, settings: SmtpSettings
) -> Sent:
    """Deliver ``message`` to ``recipients`` and record it; refuses a second send to the list."""
    if not recipients:
        raise _problem("newsletter.recipients", "empty; expected the addresses to send to, or --to ADDRESS for a test")
    audience = "test" if test else "list"
    earlier = None if test or resend else sent_before(config, digest.name)
    if earlier is not None:
        raise MastheadError(
            [
                Problem(
                    "masthead digest",
                    None,
                    "--send",
                    f"digest {digest.name} was already sent to the list on "
                    f"{earlier.sent_at.isoformat(timespec='minutes')}; expected a new one (pass --resend to send it again)",
                )
            ]
        )
    try:
        with _connect(settings) as client:
            if settings.user:
                client.login(settings.user, settings.password)
            refused = client.send_message(message, to_addrs=list(recipients))
    except smtplib.SMTPAuthenticationError as exc:
        raise MastheadError(
            [
                Problem(
                    "environment",
                    None,
                    USER_VARIABLE,
                    f"the SMTP server refused the login ({exc.smtp_code}); expected the right {USER_VARIABLE} and {PASSWORD_VARIABLE}",
                )
            ]
        ) from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise _problem(
            "newsletter.smtp_host",
            f"could not send through {settings.host}:{settings.port} ({exc.__class__.__name__}: {exc}); "
            "expected a reachable SMTP server with these smtp_port and smtp_security",
        ) from exc
    delivered = tuple(address for address in recipients if address not in refused)
    with _record(config) as database, database:
        database.execute(
            "INSERT INTO sent VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                digest.name,
                audience,
                "\n".join(delivered),
                str(message["Message-ID"]),
                digest.since.astimezone(UTC).isoformat(),
                digest.until.astimezone(UTC).isoformat(),
                now.isoformat(),
            ),
        )
    return Sent(digest.name, audience, delivered, now)
