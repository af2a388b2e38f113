"""Every service's issue, as the service sends it (tests/fixtures/newsletter/services/, written by
make_service_fixtures.py): the service is recognised, the titles are the issue's own headlines,
no chrome reaches a story, each image goes with its story, every tracking link is detected, and the
drafts build."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import BUILD_TIME, MakeSite
from link_server import Played, serve, tracking_routes
from newsletter_helpers import CONFIG, FIXTURES, import_served, png, tracking_in
from PIL import Image

from masthead.build import build
from masthead.cli import main
from masthead.config import load_config
from masthead.errors import MastheadError
from masthead.links.audit import settings_for
from masthead.links.rules import classify
from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.importer import ImportOptions, import_issues
from masthead.newsletter.layout import plan
from masthead.newsletter.markup import parse
from masthead.options import BuildOptions

SERVICES = FIXTURES / "services"


@dataclass(frozen=True)
class Case:
    name: str
    profile: str
    kind: str
    titles: tuple[str, ...]
    images: dict[str, str]  # story title -> alt text of its featured image (stories not named have none)
    tracking: dict[tuple[str, str], int]  # (service, kind) -> links of that shape anywhere in the issue
    dropped: frozenset[str]  # reasons that must appear in the plan's "left out" list
    absent: tuple[str, ...] = ()  # chrome that must not reach any story
    captions: dict[str, str] = field(default_factory=dict)  # story title -> its image's caption


CASES = (
    Case(
        "mailchimp-letter",
        "mailchimp",
        "single",
        ("Why we are changing how The Brief covers elections",),
        {},
        {("Mailchimp", "click"): 3, ("Mailchimp", "web version"): 1, ("Mailchimp", "unsubscribe"): 2, ("Mailchimp", "open"): 1, ("Mailchimp", "share"): 1},
        frozenset({"header", "footer", "chrome", "tracking pixel"}),
        ("View this email", "Copyright", "Tweet", "Forward", "mailing address", "unsubscribe"),
    ),
    Case(
        "mailchimp-new-stories",
        "mailchimp-new",
        "stories",
        ("Rotterdam opens a terminal run by machines", "What the pension reform changes for you"),
        {
            "Rotterdam opens a terminal run by machines": "Automated cranes over stacked containers",
            "What the pension reform changes for you": "A pensioner reads a letter at a kitchen table",
        },
        {("Mailchimp", "click"): 2, ("Mailchimp", "web version"): 1, ("Mailchimp", "unsubscribe"): 1, ("tracking parameters", "parameters"): 1},
        frozenset({"header", "footer"}),
        ("View in browser", "Copyright", "Instagram"),
    ),
    Case(
        "campaign-monitor-roundup",
        "campaign-monitor",
        "roundup",
        ("The Week in Links, 2 June",),
        {},
        {("Campaign Monitor", "click"): 4, ("Campaign Monitor", "web version"): 1, ("Campaign Monitor", "unsubscribe"): 1, ("Campaign Monitor", "open"): 1},
        frozenset({"header", "footer", "tracking pixel"}),
        ("View online", "Unsubscribe", "Harbour Road"),
    ),
    Case(
        "substack-essay",
        "substack",
        "single",
        ("Three hundred employers",),
        {"Three hundred employers": "Stalls under a steel roof that once covered coal wagons"},
        {
            ("Substack", "click"): 2,
            ("Substack", "web version"): 4,
            ("Substack", "unsubscribe"): 1,
            ("Substack", "open"): 1,
            ("tracking parameters", "parameters"): 5,
        },
        frozenset({"chrome", "byline", "footer", "tracking pixel"}),
        ("Like", "Restack", "Listen", "Share", "Leave a comment", "Open in app", "Subscribe", "Market Street", "Rhiannon"),
        {"Three hundred employers": "The Saturday market under the old loading shed."},
    ),
    Case(
        "substack-forwarded",
        "substack",
        "single",
        ("Three hundred employers",),
        {"Three hundred employers": "Stalls under a steel roof that once covered coal wagons"},
        {
            ("Substack", "click"): 1,
            ("Substack", "web version"): 1,
            ("Substack", "unsubscribe"): 1,
            ("Substack", "open"): 1,
            ("tracking parameters", "parameters"): 5,
        },
        frozenset({"chrome", "footer"}),
        ("Forwarded message", "Thought you would like", "Fwd", "Open in app", "Share"),
        {"Three hundred employers": "The Saturday market under the old loading shed."},
    ),
    Case(
        "beehiiv-sponsors",
        "beehiiv",
        "stories",
        ("Texas leans on batteries through the heatwave", "The Brenner base tunnel breaks through"),
        {"The Brenner base tunnel breaks through": "A tunnel boring machine breaks through a rock face"},
        {("beehiiv", "click"): 7, ("beehiiv", "open"): 1, ("beehiiv", "unsubscribe"): 1, ("tracking parameters", "parameters"): 1},
        frozenset({"sponsor", "referral", "feedback", "footer", "header"}),
        ("Northwind", "Acme", "referrals", "Share Morning Signal", "Loved it", "Read Online", "Powered by"),
        {"The Brenner base tunnel breaks through": "The breakthrough on the Austrian side (BBT SE)"},
    ),
    Case(
        "hubspot-images-before",
        "hubspot",
        "stories",
        ("Half the harbour's quay walls need repair by 2030", "Ferry fares rise for the third year running", "The fish market moves to the east quay"),
        {
            "Half the harbour's quay walls need repair by 2030": "Engineers on a cracked quay wall at low tide",
            "Ferry fares rise for the third year running": "A ferry leaving the harbour at dawn",
            "The fish market moves to the east quay": "Crates of fish on ice at the market",
        },
        {("HubSpot", "click"): 4, ("HubSpot", "unsubscribe"): 2, ("HubSpot", "open"): 1},
        frozenset({"footer", "header"}),
        ("Customs House", "Manage preferences", "logo"),
    ),
    Case(
        "kit-letter",
        "convertkit",
        "single",
        ("町の本屋が残る理由",),
        {"町の本屋が残る理由": "木造の本屋の店先"},
        {("ConvertKit", "click"): 1, ("ConvertKit", "open"): 1, ("ConvertKit", "unsubscribe"): 2},
        frozenset({"footer", "tracking pixel"}),
        ("〒380", "Unsubscribe", "Update your profile"),
    ),
    Case(
        "buttondown-roundup",
        "buttondown",
        "roundup",
        ("Five links",),  # the newsletter's name and the issue's number before the headline come off
        {},
        {("tracking parameters", "parameters"): 5, ("Buttondown", "unsubscribe"): 1},
        frozenset({"footer"}),
        ("Unsubscribe", "Powered by"),
    ),
    Case(
        "ghost-post",
        "ghost",
        "single",
        ("The price of a school lunch",),
        {"The price of a school lunch": "Pupils queue with trays in a school dining hall"},
        {("Ghost", "click"): 5, ("Ghost", "unsubscribe"): 1},
        frozenset({"header", "byline", "chrome", "footer"}),
        ("View in browser", "Ana Ruiz", "More like this", "Powered by Ghost", "The Ledger ©"),
        {"The price of a school lunch": "Lunch at a primary school in Setúbal."},
    ),
    Case(
        "mailerlite-stories",
        "mailerlite",
        "stories",
        ("Seed swaps come back to the libraries", "Slugs, without pellets"),
        {
            "Seed swaps come back to the libraries": "A wooden card-catalogue drawer full of seed packets",
            "Slugs, without pellets": "Copper tape around a raised bed",
        },
        {("MailerLite", "click"): 3, ("MailerLite", "open"): 1, ("MailerLite", "unsubscribe"): 1},
        frozenset({"footer", "tracking pixel"}),
        ("Forward to a friend", "Allotment Lane"),
    ),
    Case(
        "brevo-stories",
        "brevo",
        "stories",
        ("Le quai Saint-Jean rouvre après deux ans de travaux", "Les tarifs du parking changent le 1er juillet"),
        {
            "Le quai Saint-Jean rouvre après deux ans de travaux": "Le quai Saint-Jean et ses pavés neufs",
            "Les tarifs du parking changent le 1er juillet": "L’entrée du parking souterrain",
        },
        # "Voir la version en ligne" (/mk/mr/) is the web version
        {("Brevo", "click"): 2, ("Brevo", "web version"): 1, ("Brevo", "unsubscribe"): 1, ("Brevo", "open"): 1},
        frozenset({"header", "footer", "tracking pixel"}),
        ("Voir la version en ligne", "désinscrire"),
    ),
    Case(
        "klaviyo-letter",
        "klaviyo",
        "single",
        ("Why coffee costs more this year",),
        {"Why coffee costs more this year": "Coffee cherries drying on raised beds"},
        {("Klaviyo", "click"): 3, ("Klaviyo", "unsubscribe"): 1, ("Klaviyo", "open"): 1},
        frozenset({"header", "chrome", "footer", "tracking pixel"}),
        ("Shop now", "Unsubscribe", "Hill Street, Leeds", "logo"),
    ),
    Case(
        "publisher-digest",
        "generic",
        "stories",
        ("Ceasefire talks resume in Doha", "Floods close the Danube to shipping", "A chipmaker picks Dresden"),
        {},
        {("SendGrid", "click"): 7, ("SendGrid", "open"): 1},
        frozenset({"header", "footer", "tracking pixel"}),
        ("Read it online", "World", "Business", "Unsubscribe"),
    ),
)
BY_NAME = {case.name: case for case in CASES}


def _issue(name: str):  # type: ignore[no-untyped-def]
    (issue,) = read_issues(SERVICES / f"{name}.eml")
    return issue


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_service_is_read_as_its_readers_see_it(case: Case) -> None:
    issue = _issue(case.name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no library warning (XMLParsedAsHTMLWarning…) on any issue
        layout = plan(issue.html, issue.subject, issue.headers)
    assert layout.profile.name == case.profile
    assert layout.kind == case.kind
    assert tuple(story.title for story in layout.stories) == case.titles
    assert {story.title: story.image.alt for story in layout.stories if story.image} == case.images
    assert {story.title: story.image.caption for story in layout.stories if story.image and story.image.caption} == case.captions
    assert case.dropped <= {dropped.why for dropped in layout.dropped}, layout.dropped
    for story in layout.stories:
        text = parse(story.html).get_text(" ")
        for chrome in case.absent:
            assert chrome not in text and chrome not in story.title, (story.title, chrome)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_tracking_link_is_detected_by_its_shape(case: Case) -> None:
    assert tracking_in(_issue(case.name).html) == case.tracking


def test_a_forward_is_read_as_the_issue_it_carries() -> None:
    forwarded, original = _issue("substack-forwarded"), _issue("substack-essay")
    assert forwarded.forwarded and not original.forwarded
    assert forwarded.subject == "Three hundred employers"  # from the quoted header block, not "Fwd: …"
    body = plan(forwarded.html, forwarded.subject, forwarded.headers).stories[0].html
    assert body == plan(original.html, original.subject, original.headers).stories[0].html  # the same essay, sections and all
    assert [h.get_text() for h in parse(body).find_all(["h2", "h3"])] == ["The shed", "What did not work", "The numbers"]


def test_the_bodies_were_decoded_from_their_transfer_encodings_and_charsets() -> None:
    raw = {case.name: (SERVICES / f"{case.name}.eml").read_bytes() for case in CASES}
    assert b"Content-Transfer-Encoding: base64" in raw["substack-essay"] and b'charset="windows-1252"' in raw["mailchimp-new-stories"]
    assert b'charset="iso-2022-jp"' in raw["kit-letter"] and b"=?iso-2022-jp?" in raw["kit-letter"].lower()
    assert b'charset="iso-8859-1"' in raw["brevo-stories"] and b"quoted-printable" in raw["brevo-stories"]
    assert "Café owners" in plan(_issue("mailchimp-new-stories").html, "").stories[1].html
    assert _issue("kit-letter").subject == "町の本屋が残る理由"
    assert b"pav=E9s" in raw["brevo-stories"] and "pavés" in _issue("brevo-stories").html


def _front_matter(text: str) -> dict[str, object]:
    loaded = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture
def site(make_site: MakeSite) -> Path:
    return make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))


def test_every_issue_imports_into_drafts_that_build_with_their_images(site: Path) -> None:
    images = {"/images/": png((200, 30, 30))}
    report, asked = import_served(site, [SERVICES / f"{case.name}.eml" for case in CASES], images["/images/"], BUILD_TIME)
    expected = [title for case in CASES for title in case.titles]
    assert [post.title for post in report.posts] == expected and {post.action for post in report.posts} == {"created"}
    owners = {case_title: alt for case in CASES for case_title, alt in case.images.items()}
    for post in report.posts:
        meta = _front_matter((site / post.path).read_text("utf-8"))
        image = meta.get("featuredImage")
        if post.title in owners:  # downloaded (or attached) and saved under static/, with the email's alt text
            assert isinstance(image, dict) and image["alt"] == owners[post.title], post.title
            assert (site / "static" / str(image["src"]).lstrip("/")).read_bytes()[:4] == b"\x89PNG"
        else:
            assert image is None or image == {"src": "/img/default.jpg"}, (post.title, image)
    fetched = set(asked)
    assert "51234.fs1.hubspotusercontent-na1.net/hubfs/51234/ferry-fares.jpg" in fetched
    assert not any("logo" in key or "o.gif" in key or "/o/" in key for key in fetched)  # logos and pixels are never asked for
    result = build(site, BuildOptions(drafts=True), now=BUILD_TIME)
    assert result.site is not None and len(result.site.posts) == len(expected)
    assert not [warning for warning in result.warnings if not warning.warning]
    roundup = (site / "public/blog/the-week-in-links-2-june/index.html").read_text("utf-8")
    assert roundup.count('class="citation"') == 4
    command = CliRunner().invoke(main, ["build", str(site), "--drafts", "--now", "2025-06-05T12:00:00+00:00", "-q"])
    assert command.exit_code == 0, command.output  # as a user runs it
    for post in report.posts:
        slug = Path(post.path).stem
        assert (site / "public/blog" / slug / "index.html").is_file(), slug


def test_branded_tracking_links_are_resolved_to_their_destinations(site: Path) -> None:
    issue = _issue("hubspot-images-before")
    urls = [str(a["href"]) for a in parse(issue.html).find_all("a", href=True) if (found := classify(str(a["href"]))) and found.kind == "click"]
    assert len(urls) == 4 and all(url.startswith("https://info.harbourpolicy.example/e3t/Ctc/") for url in urls)
    with serve(Played(tracking_routes(urls))) as played:
        config = load_config(site)
        report = import_issues(
            config,
            [SERVICES / "hubspot-images-before.eml"],
            ImportOptions(settings=settings_for(config, False, {"*": played.address}, host_delay=0), dry_run=True),
        )
    assert [post.cleaned for post in report.posts] == [1, 1, 1] and all(not post.left for post in report.posts)
    assert [len(post.tracking) for post in report.posts] == [1, 1, 1]


def test_a_roundup_splits_into_one_draft_per_item(site: Path) -> None:
    report = import_issues(load_config(site), [SERVICES / "buttondown-roundup.eml"], ImportOptions(keep_tracking=True, split="items"))
    assert [post.title for post in report.posts] == [
        "Paris bans SUVs from the centre",
        "Bogotá’s cable car turns five",
        "Osaka’s loop line gets platform doors",
        "Vienna’s waiting list, explained",
        "Tokyo’s vacant homes",
    ]
    assert [post.citations for post in report.posts] == [1, 1, 1, 1, 1]
    body = (site / report.posts[2].path).read_text("utf-8").split("---\n", 2)[2]
    assert body == "every station by 2027. [[NHK](https://www3.nhk.or.jp/nhkworld/en/news/20250531_12/?utm_source=buttondown)]\n"
    assert all(post.newsletter_id.endswith(f"-i{n}") for n, post in enumerate(report.posts, 1))


def test_a_roundup_post_cites_the_outlet_its_tracking_links_lead_to(site: Path) -> None:
    issue = _issue("campaign-monitor-roundup")
    urls = [str(a["href"]) for a in parse(issue.html).select("li a")]
    with serve(Played(tracking_routes(urls))) as played:
        config = load_config(site)
        settings = settings_for(config, False, {"*": played.address}, host_delay=0)
        (post,) = import_issues(config, [SERVICES / "campaign-monitor-roundup.eml"], ImportOptions(settings=settings)).posts
    body = (site / post.path).read_text("utf-8").split("---\n", 2)[2]
    items = [line for line in body.splitlines() if line.startswith("- ")]
    assert items[0] == (
        "- Finland’s new nuclear waste vault starts taking fuel – The first permanent repository anywhere, "
        "built 430 metres down in bedrock. [[Yle](https://news.example/story/0?id=0)]"
    )
    assert [re.search(r"\[\[([^\]]+)\]", item).group(1) for item in items] == [  # type: ignore[union-attr]
        "Yle",
        "BBC News",
        "South China Morning Post",
        "Reuters",
    ]
    assert post.cleaned == 4 and post.citations == 4


def test_dry_run_prints_the_plan_and_nothing_else_reaches_the_user(site: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["import", "--site", str(site), "--dry-run", "--keep-tracking", str(SERVICES / "beehiiv-sponsors.eml"), str(SERVICES / "publisher-digest.eml")],
        env={"COLUMNS": "250"},
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # no warnings, no tracebacks
    out = result.stdout
    assert "beehiiv-sponsors.eml: beehiiv, stories: Batteries carry Texas" in out
    assert "publisher-digest.eml: any service, stories: The Daily Ledger, 2 June" in out
    for row in ("Texas leans on batteries through the heatwave", "The Brenner base tunnel breaks through", "Ceasefire talks resume in Doha"):
        assert row in out
    assert re.search(r"│ beehiiv-sponsors\.eml\s+│ sponsor\s+│ Your cloud bill, halved", out)
    assert re.search(r"│ beehiiv-sponsors\.eml\s+│ referral\s+│ Share Morning Signal", out)
    assert re.search(r"│ publisher-digest\.eml\s+│ footer\s+│ You are receiving this", out)
    assert "would create" in out and list(site.rglob("*.md")) == []


def test_the_profile_can_be_named_in_the_config(make_site: MakeSite) -> None:
    site = make_site({}, config=CONFIG + 'profile = "generic"\n')
    report = import_issues(load_config(site), [SERVICES / "beehiiv-sponsors.eml"], ImportOptions(dry_run=True, keep_tracking=True))
    assert report.issues[0].profile == "any service"
    assert [post.title for post in report.posts] == list(BY_NAME["beehiiv-sponsors"].titles)  # the words still find the chrome
    wrong = make_site({}, config=CONFIG + 'profile = "mailchump"\n')
    with pytest.raises(MastheadError) as caught:
        load_config(wrong)
    assert "newsletter.profile" in str(caught.value) and '"mailchimp"' in str(caught.value)


def test_an_image_too_large_to_decode_safely_is_refused_without_a_warning(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import base64

    from masthead.newsletter.issue_images import IssueImages

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # the 60×40 test image counts as a decompression bomb
    images = IssueImages(load_config(site), dry_run=False, fetched={})
    source = "data:image/png;base64," + base64.b64encode(png((1, 2, 3))).decode("ascii")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert images.save(source, _issue("kit-letter"), "Big") is None
    assert images.notes == ["Big: image data:image/png;base64,iVBORw0KGgoAAAANSU has too many pixels to decode safely; left out"]
