"""``masthead digest --send`` to a real SMTP server (aiosmtpd) on 127.0.0.1, read back."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from click.testing import CliRunner
from conftest import MakeSite, post
from newsletter_helpers import body_text

from masthead.cli import main

NOW = "2025-06-05T12:00:00"


@dataclass
class Mailbox:
    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)  # from, to, content
    logins: list[tuple[bytes, bytes]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's naming
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 Message accepted for delivery"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        if isinstance(data, LoginPassword):
            self.logins.append((data.login, data.password))
            return AuthResult(success=data.login == b"editor" and data.password == b"s3cret", handled=False)
        return AuthResult(success=False, handled=False)  # handled=False: aiosmtpd answers 535 itself


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    mailbox = Mailbox()
    port = _free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, authenticator=mailbox.authenticate, auth_require_tls=False)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


@pytest.fixture
def site(make_site: MakeSite, smtp: tuple[Mailbox, int]) -> Path:
    config = f"""\
title = "Test Briefing"
base_url = "https://test.example.org"
timezone = "UTC"

[newsletter]
sender = "Test Briefing <news@test.example.org>"
recipients = ["list@test.example.org"]
smtp_host = "127.0.0.1"
smtp_port = {smtp[1]}
smtp_security = "none"
"""
    return make_site(
        {
            "content/blog/one.md": post("Sanctions & tariffs <explained>", "2025-06-01T10:00:00Z"),
            "content/blog/two.md": post("Summit notes", "2025-06-03T10:00:00Z"),
            "content/blog/old.md": post("Old news", "2025-05-01T10:00:00Z"),
        },
        config=config,
    )


def _digest(site: Path, *args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(
        main, ["digest", str(site), "--now", NOW, *args], env={"MASTHEAD_SMTP_USER": "editor", "MASTHEAD_SMTP_PASSWORD": "s3cret", **(env or {})}
    )


def test_send_delivers_the_digest_once_with_the_login_from_the_environment(site: Path, smtp: tuple[Mailbox, int]) -> None:
    mailbox, _ = smtp
    result = _digest(site, "--send")
    assert result.exit_code == 0, result.output
    assert "sent 2025-05-29--2025-06-05 to 1 recipient" in result.output  # since: digest_days (7) back
    assert mailbox.logins == [(b"editor", b"s3cret")]
    [(sender, recipients, content)] = mailbox.messages
    assert sender == "news@test.example.org" and recipients == ["list@test.example.org"]
    message = email.message_from_bytes(content, policy=policy.default)
    assert message["Subject"] == "Test Briefing: 2 briefings, 29 May 2025 to 5 June 2025"
    assert message["To"] == "list@test.example.org"
    html = body_text(message, "html")
    assert "Sanctions &amp; tariffs &lt;explained&gt;" in html and "Old news" not in html
    assert "https://test.example.org/blog/two/" in body_text(message, "plain")

    again = _digest(site, "--send")  # since the last digest: nothing new
    assert again.exit_code == 1 and "nothing newer to send" in again.output
    same = ("--since", "2025-05-29T12:00:00", "--until", NOW)
    twice = _digest(site, "--send", *same)
    assert twice.exit_code == 1 and "already sent to the list" in twice.output and "--resend" in twice.output
    assert len(mailbox.messages) == 1
    test_send = _digest(site, "--send", "--to", "me@example.org", *same)  # a test address is never blocked
    assert test_send.exit_code == 0 and mailbox.messages[-1][1] == ["me@example.org"]
    resent = _digest(site, "--send", "--resend", *same)
    assert resent.exit_code == 0 and len(mailbox.messages) == 3


def test_next_digest_starts_where_the_last_one_sent_ended(site: Path, smtp: tuple[Mailbox, int]) -> None:
    assert _digest(site, "--send", "--until", "2025-06-02").exit_code == 0
    later = _digest(site)
    assert later.exit_code == 0, later.output
    assert "2025-06-02--2025-06-05" in later.output
    text = (site / "digests" / "2025-06-02--2025-06-05.txt").read_text("utf-8")
    assert "Summit notes" in text and "Sanctions" not in text


def test_a_wrong_login_is_an_error_that_names_the_variables(site: Path, smtp: tuple[Mailbox, int]) -> None:
    result = _digest(site, "--send", env={"MASTHEAD_SMTP_PASSWORD": "wrong"})
    assert result.exit_code == 1 and "refused the login" in result.output and "MASTHEAD_SMTP_PASSWORD" in result.output
    assert smtp[0].messages == []


def test_half_a_login_and_a_password_in_clear_text_are_refused_before_connecting(site: Path, smtp: tuple[Mailbox, int]) -> None:
    half = CliRunner().invoke(main, ["digest", str(site), "--now", NOW, "--send"], env={"MASTHEAD_SMTP_USER": "editor", "MASTHEAD_SMTP_PASSWORD": ""})
    assert half.exit_code == 1 and "MASTHEAD_SMTP_PASSWORD: not set" in half.output
    config = site / "masthead.toml"
    config.write_text(config.read_text("utf-8").replace('smtp_host = "127.0.0.1"', 'smtp_host = "mail.example.org"'), "utf-8")
    clear = _digest(site, "--send")
    assert clear.exit_code == 1 and "unencrypted" in clear.output
    assert smtp[0].messages == [] and not (site / "digests").exists()


def test_credentials_in_the_config_file_are_rejected(site: Path) -> None:
    config = site / "masthead.toml"
    config.write_text(config.read_text("utf-8") + 'password = "s3cret"\n', "utf-8")
    result = _digest(site)
    assert result.exit_code == 1 and "newsletter.password: unknown key" in result.output
