"""Tracking-link rules: every sample shape of every service is classified right; ordinary
article URLs never are."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.config import LinkRule
from masthead.links.rules import classify, strip_tracking_parameters, tracking_parameters

lower = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10)


def hexes(n: int) -> st.SearchStrategy[str]:
    return st.text("0123456789abcdef", min_size=n, max_size=n)


HEX = st.text("0123456789ABCDEF", min_size=32, max_size=32)
token = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", min_size=24, max_size=60)
domain = st.builds(lambda a, b: f"{a}.{b}", lower, st.sampled_from(["com", "de", "org", "co.uk", "news"]))
scheme = st.sampled_from(["http", "https"])

campaign_monitor_host = st.one_of(
    st.builds(
        lambda a, b: f"{a}.{b}",
        lower,
        st.sampled_from(["createsend1.com", "createsend.com", "cmail1.com", "cmail19.com", "cmail20.com"]),
    ),
    st.builds(lambda d: f"email.{d}", domain),  # custom tracking domains such as email.cpg-online.de
    st.builds(lambda d: f"cm.{d}", domain),
)


@given(
    scheme,
    campaign_monitor_host,
    st.sampled_from("dtyjr"),
    lower,
    st.lists(lower, min_size=1, max_size=3),
    st.booleans(),
)
def test_campaign_monitor_click_links(scheme: str, host: str, prefix: str, first: str, rest: list[str], slash: bool) -> None:
    url = f"{scheme}://{host}/t/{prefix}-l-{first}-{'-'.join(rest)}{'/' if slash else ''}"
    found = classify(url)
    assert found is not None and (found.service, found.kind) == ("Campaign Monitor", "click")
    assert found.redirect


@given(
    campaign_monitor_host,
    st.sampled_from([("u", "unsubscribe"), ("e", "web version")]),
    lower,
    lower,
)
def test_campaign_monitor_other_kinds(host: str, kind: tuple[str, str], first: str, second: str) -> None:
    found = classify(f"https://{host}/t/d-{kind[0]}-{first}-{second}/")
    assert found is not None and (found.service, found.kind) == ("Campaign Monitor", kind[1])


@given(campaign_monitor_host, HEX)
def test_campaign_monitor_hex_redirects(host: str, digits: str) -> None:
    found = classify(f"https://{host}/t/d-{digits}")
    assert found is not None and (found.service, found.kind) == ("Campaign Monitor", "redirect")


@pytest.mark.parametrize(
    "url, service, kind",
    [
        ("https://email.cpg-online.de/t/d-l-vdhduiy-l-njk/", "Campaign Monitor", "click"),
        ("http://vietnam.createsend1.com/t/d-l-fjhkky-l-d/", "Campaign Monitor", "click"),
        ("https://verge.cmail20.com/t/d-l-mdkydlk-ykilzhrf-o/", "Campaign Monitor", "click"),
        ("https://email.cac.org/t/d-u-wjjudhk-tlkrtkdrx-yk/", "Campaign Monitor", "unsubscribe"),
        (
            "https://isobarstudio.cmail20.com/t/ViewEmail/y/91EDA739FC49F3DB/C67FD2F38AC4859C",
            "Campaign Monitor",
            "web version",
        ),
        ("https://china.createsend1.com/t/j-e-abcdef-l-x/", "Campaign Monitor", "web version"),
        (
            "https://email.cpg-online.de/t/d-269DB52ECB4B84A62540EF23F30FEDED",
            "Campaign Monitor",
            "redirect",
        ),
        (
            "http://golangweekly.us1.list-manage.com/track/click?u=0618f6a79d6bb9675f313ceb2&id=f918a227f6&e=0708a4e66b",
            "Mailchimp",
            "click",
        ),
        (
            "https://briefing.us21.list-manage.com/track/click?u=0a1b2c3d4e5f&amp;id=229382e13c&amp;e=9f8e7d6c5b",
            "Mailchimp",
            "click",
        ),
        (
            "https://click.mailchimp.com/track/click/30010842/mailchimp.com?p=eyJzIjoi",
            "Mailchimp",
            "click",
        ),
        (
            "https://substack.com/redirect/2d0b8b2a-7c1f-4f8b-9e0c-1a2b3c4d5e6f?j=eyJ1IjoiMTIzIn0",
            "Substack",
            "click",
        ),
        (
            "https://email.mg2.substack.com/c/eJxVkMtuwyAQRb8m7BoxgA2zYNFF_8MiMLZRMVjwSPP3JWlVqdLNbM5",
            "Substack",
            "click",
        ),
        (
            "https://d1Xxxx04.na1.hubspotlinks.com/Ctc/5J+113/d1Xxxx04/VWrJ4p6VqzHnW",
            "HubSpot",
            "click",
        ),
        ("https://u1234567.ct.sendgrid.net/ls/click?upn=abc123-2BDEF", "SendGrid", "click"),
        ("https://url9876.example.com/ls/click?upn=abc123-2BDEF", "SendGrid", "click"),
        ("https://email.mg.example.com/c/eJwNy0sOgjAQANDTmJ2mtLQ3", "Mailgun", "click"),
        ("http://r20.rs6.net/tn.jsp?f=001abc&c=xyz&ch=123", "Constant Contact", "click"),
        (
            "https://link.mail.beehiiv.com/ss/c/u001.abcdefghijklmnopqrstuvwxyz0123",
            "beehiiv",
            "click",
        ),
        (
            "https://www.reuters.com/world/x-2024-07-11/?utm_source=newsletter&utm_medium=email",
            "tracking parameters",
            "parameters",
        ),
        ("https://example.com/a?mc_cid=abc&mc_eid=def", "tracking parameters", "parameters"),
        # shapes seen in public samples (issue #14), on the services' own and on branded domains
        ("https://info.example-ai.com/e3t/Ctc/LX+113/cJhC404/VWbMJv2vnLfjW3Rh6L96gqS5YW7MhRLh5j9tjN", "HubSpot", "click"),
        ("https://d598k304.na1.hubspotlinks.com/e3t/Ctc/ABC/x", "HubSpot", "click"),
        ("https://news.example.org/hs/manage-preferences/unsubscribe?d=abc", "HubSpot", "unsubscribe"),
        ("https://u298828.ct.sendgrid.net/ss/c/aJrxWzXarbnB62JtyTgHZh5XEDz4JqqJLmJngDXkiXpa/3od/6Yaiw_flQxqLeGsyW/h0/x", "SendGrid", "click"),
        ("https://elink56e.mail.example.com/ss/c/u001.5r3FSAOML_uDG8gnrJ3iiMMkDNFVXKH-VFIq/4tq/abc/h1/h001.x", "SendGrid", "click"),
        ("https://url1234.example.com/wf/open?upn=abc", "SendGrid", "open"),
        ("https://briefing.example.com/track/click?u=0618f6a79d6bb9675f313ceb2&id=f918a227f6&e=0708a4e66b", "Mailchimp", "click"),
        ("https://mailchi.mp/example/briefing-2024-12-23", "Mailchimp", "web version"),
        ("https://briefing.substack.com/redirect/2d0b8b2a-7c1f-4f8b-9e0c-1a2b3c4d5e6f?j=eyJ1Ijo", "Substack", "click"),
        ("https://www.briefing.example/redirect/2/eyJlIjoiaHR0cHM6Ly93d3cucmV1dGVycy5jb20vIn0", "Substack", "click"),
        ("https://briefing.substack.com/action/disable_email?token=abc", "Substack", "unsubscribe"),
        ("https://link.mail.beehiiv.com/v1/c/egncq2f2jvg3z1srwrf0xp8bpezq9blfjerv54", "beehiiv", "click"),
        ("https://click.convertkit-mail4.com/d0uvkov9k4s0h22640am/p8hehqu9xxnm2zbr/aHR0cHM6Ly9zcGFya2xwLmNvL2pvc2h1YWMwM2U2Mw==", "ConvertKit", "click"),
        ("https://links.example.net/d0uvkov9k4s0h22640am/p8hehqu9xxnm2zbr/aHR0cHM6Ly93d3cuYmJjLmNvbS8=", "ConvertKit", "click"),
        ("https://unsubscribe.kit-mail3.com/abc123", "ConvertKit", "unsubscribe"),
        ("https://ctrk.klclick3.com/l/01KGFXH325R0DHFE6CD1W7QJPY_0", "Klaviyo", "click"),
        ("https://click.shop.example.com/l/01HQ3KN3Y0W255N0NZE5WE2RM6_3", "Klaviyo", "click"),
        ("https://manage.kmail-lists.com/subscriptions/unsubscribe?a=AbC", "Klaviyo", "unsubscribe"),
        ("https://bbhihcie.r.af.d.sendibt2.com/tr/cl/2x9OqN48AbCdEfGhIjKlMnOp", "Brevo", "click"),
        ("https://hgggdgi.r.bh.d.sendibt3.com/tr/op/CYIv2yvoVWHCvjQ__eO-QxCY", "Brevo", "open"),
        ("https://r.news.example.fr/mk/cl/f/AbCdEfGhIjKlMnOpQrStUv", "Brevo", "click"),
        ("https://click.mailerlite.com/link/c/YT0xOTM0MzU4ODYxNzU0NDA1OTgyJmM9bDhuNSZiPTk2MDM1NzI3NSZkPXo4YjBvMHg=.vMbsF-YBfJ", "MailerLite", "click"),
        ("https://email.example.org/link/c/YT0xMjE3NTY2Mjk1MTc2Nzc5Njk1JmM9cTJzNiZi", "MailerLite", "click"),
        ("https://9vn5xrabb.cc.rs6.net/tn.jsp?f=001VFBbpKuIWGWciNdVUgPaxKMUKaV_Vt&c=1&ch=2", "Constant Contact", "click"),
        ("https://go.example.org/tn.jsp?f=001VFBbpKuIWGWciNdVU&c=1", "Constant Contact", "click"),
        ("https://briefing.example.org/r/4c7f3a1e?m=6b0c3f3e-8a2d-4d1b-9d7e-2f1a0b9c8d7e", "Ghost", "click"),
        ("https://briefing.example.org/unsubscribe/?uuid=6b0c3f3e&key=abc&newsletter=x", "Ghost", "unsubscribe"),
        ("https://www.example.com/a?_hsenc=p2ANqtz-abc&_hsmi=123", "tracking parameters", "parameters"),
        ("https://mailgun.substack.com/api/v1/email/open?token=eyJtIjoiPDIwMjUwMTE0MTIwMDAwLjEifQ", "Substack", "open"),
        ("https://preview.mailerlite.io/emails/webview/a1b2c3/123456789012345678", "MailerLite", "web version"),
        ("https://briefing.us21.list-manage.com/vcard?u=0a1b2c3d4e5f&id=229382e13c", "Mailchimp", "share"),
        ("https://open.convertkit-mail2.com/8gu5wxkp3lh2hlk8w9ip", "ConvertKit", "open"),
        ("https://1wwzn.mjt.lu/lnk/AUYAAJz-U8sAAc7fQ14AA/1/abc", "Mailjet", "click"),
        ("https://click.pstmrk.it/3s/www.example.org%2Fa/AbCd/EfGh", "Postmark", "click"),
        ("https://abc123.r.us-east-1.awstrack.me/L0/https:%2F%2Fwww.bbc.com%2Fnews/1/0100/abc=", "Amazon SES", "click"),
        ("https://e.customeriomail.com/e/c/eyJlbWFpbF9pZCI6IjEyMyJ9/abc", "Customer.io", "click"),
        ("https://cl.exct.net/?qs=8f2a1b3c4d5e6f7a", "Salesforce Marketing Cloud", "click"),
        ("https://click.e.example.com/?qs=0123456789abcdef0123456789abcdef0123456789abcdef", "Salesforce Marketing Cloud", "click"),
        ("https://clicks.aweber.com/y/ct/?l=AbCd&m=EfGh&b=IjKl", "AWeber", "click"),
        ("https://go.sparkpostmail.com/f/a/AbCdEfGh/AAA~/BBB", "SparkPost", "click"),
        ("https://acme.lt.acemlnb.com/Prod/link-tracker?redirectUrl=aHR0cHM6&sig=abc", "ActiveCampaign", "click"),
        (
            "https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.bbc.com%2Fnews&data=05%7C01&reserved=0",
            "Microsoft Safe Links",
            "redirect",
        ),
        ("https://url.uk.m.mimecastprotect.com/s/AbCdEfGh?domain=bbc.com", "Mimecast", "redirect"),
        ("https://urldefense.com/v3/__https://www.bbc.com/news__;!!AbCd$", "Proofpoint", "redirect"),
        # today's drag-and-drop templates (make_template_fixtures.py): every link and pixel kind they send
        ("https://email.harbourtrust.example/t/d-o-jkdlrtk-l/o.gif", "Campaign Monitor", "open"),
        ("https://acme.cmail20.com/t/d-o-jkdlrtk-l/o.gif", "Campaign Monitor", "open"),
        ("https://email.harbourtrust.example/t/d-fb-jkdlrtk-t/", "Campaign Monitor", "share"),
        ("https://email.harbourtrust.example/t/d-tw-jkdlrtk-i/", "Campaign Monitor", "share"),
        ("https://email.harbourtrust.example/t/d-pe-jkdlrtk-o/", "Campaign Monitor", "unsubscribe"),
        ("https://harbourtrust.forwardtomyfriend.com/d-l-2AD73FFF-jkdlrtk-l-d", "Campaign Monitor", "share"),
        ("https://manage.kmail-lists.com/subscriptions/web-view?a=Rk7Tq2&c=01JQ8M4V2C7K9T3XH5RWN6PZBD", "Klaviyo", "web version"),
        ("https://manage.kmail-lists.com/subscriptions/manage?a=Rk7Tq2&c=01JQ8M4V2C7K9T3XH5RWN6PZBD", "Klaviyo", "unsubscribe"),
        ("https://trk.klclick.com/wf/open?upn=u001.Kq9Lm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg0Hi2Jk4Lm6No8Pq", "Klaviyo", "open"),
        ("https://trk.klclick3.com/ls/click?upn=u001.Kq9Lm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg0Hi2Jk4", "Klaviyo", "click"),
        ("https://d2v8tf04.na1.hubspotlinks.com/Cto/5D+113/d2v8tf04/R5R8b0G9Vf1YN1m5xF2R9l5VW5m2c3g3JgVvLW2m3kP", "HubSpot", "open"),
        ("https://u6812044.ct.sendgrid.net/asm/unsubscribe/?user_id=6812044&data=Hq1Wq2Ek3Rj4Th5Yg6Uf7Id8Os9", "SendGrid", "unsubscribe"),
        ("https://url6812.coastdesk.example/wf/unsubscribe?upn=u001.Ys7Ut6Ir5Eo4Wp3Qa2Sd1Fg0Hj9Kl8Zx7Cv6Bn5", "SendGrid", "unsubscribe"),
        ("https://flight.beehiiv.net/v2/clicks/eyJhbGciOiJIUzI1NiJ9.eyJ1cmwiOiJodHRwczovL3d3dy5iYmMuY29tIn0.Ab", "beehiiv", "click"),
        ("https://eotrx.substackcdn.com/open?token=eyJtIjoiPDIwMjUwNjAzIn0.Lk9mN2bV4cX8zA1sD3fG6hJ", "Substack", "open"),
        ("https://clicks.mlsend.com/tj/o/eyJ2IjoiMSIsImxpbmtfaWQiOjE0MzIxfQ", "MailerLite", "open"),
        ("https://clicks.mlsend.com/tj/c/eyJ2IjoiMSIsImxpbmtfaWQiOjE0MzIxfQ", "MailerLite", "click"),
        ("http://eepurl.com/iXyZ12", "Mailchimp", "share"),
        # MailerLite's 2023+ builder: <account>.clicks.mlsend.com/tf/c/<base64 JSON>, its pixel /tf/o/, and branded domains
        ("https://ajwxyy.clicks.mlsend.com/tf/c/eyJ2Ijoie1wiYVwiOjcyMzc2NCxcImxcIjoxNTM3Njc4NDcwOTY0ODUwNDU", "MailerLite", "click"),
        ("https://xwwdjrm.clicks.mlsend.com/ty/cl/eyJ2Ijoie1wiYVwiOjcyMzc2NH0", "MailerLite", "click"),
        ("https://kqzbwd.clicks.mlsend.com/tf/o/eyJ2Ijoie1wiYVwiOjExODQ1MjcsXCJtXCI6MTYwfSJ9", "MailerLite", "open"),
        ("https://news.plotholders.example/tf/c/eyJ2Ijoie1wiYVwiOjExODQ1MjcsXCJsXCI6MTYwMzgyNzM0MDExNzAyfSJ9", "MailerLite", "click"),
        ("https://news.plotholders.example/tf/o/eyJ2Ijoie1wiYVwiOjExODQ1MjcsXCJtXCI6MTYwfSJ9", "MailerLite", "open"),
        # Kit's newer sending domain: …/<id>/<id>/<base64 of the URL>, the pixel and the footer on their own hosts
        ("https://click.kit-mail3.com/e5u8l0vd7oh6hw2qkm3c1/wnh2h6u0knxp7vsp/aHR0cHM6Ly9wbG90bm90ZXMuZXhhbXBsZS9zd2VldGNvcm4", "ConvertKit", "click"),
        ("https://open.kit-mail3.com/e5u8l0vd7oh6hw2qkm3c", "ConvertKit", "open"),
        ("https://preferences.kit-mail3.com/e5u8l0vd7oh6hw2qkm3c", "ConvertKit", "unsubscribe"),
        # Buttondown: /c/<base64 of "id|id|URL"> on buttondown.com and the older buttondown.email, the archive and referral pages
        ("https://buttondown.com/c/MTIzfGFiY3xodHRwczovL2V4YW1wbGUuY29tL3JlYWwtYXJ0aWNsZQ==", "Buttondown", "click"),
        ("https://buttondown.email/c/MTIzfGFiY3xodHRwczovL2V4YW1wbGUuY29tL3JlYWwtYXJ0aWNsZQ", "Buttondown", "click"),
        ("https://buttondown.com/mill-notes/archive/a-new-sail-for-the-last-windmill/", "Buttondown", "web version"),
        ("https://buttondown.com/refer/mill-notes/f0a1b2c3", "Buttondown", "share"),
        ("https://www.example.com/story?elqTrackId=ab12&elqTrack=true", "tracking parameters", "parameters"),
        ("https://www.example.com/story?ttclid=E.C.P.abc&twclid=2-abc", "tracking parameters", "parameters"),
        ("https://northwind.example/?_bhiiv=opp_8f9a12&bhcl_id=3f2a", "tracking parameters", "parameters"),
    ],
)
def test_sample_shapes(url: str, service: str, kind: str) -> None:
    found = classify(url)
    assert found is not None and (found.service, found.kind) == (service, kind)


NEWS_HOSTS = [
    "www.reuters.com",
    "apnews.com",
    "www.bbc.com",
    "www.nbcnews.com",
    "www.theguardian.com",
    "www3.nhk.or.jp",
    "en.yna.co.kr",
    "www.koreaherald.com",
    "www.dw.com",
    "www.politico.eu",
    "asia.nikkei.com",
    "focustaiwan.tw",
    "www.aljazeera.com",
    "email.example.com",
    "link.example.org",
]
slug = st.lists(lower, min_size=1, max_size=8).map("-".join)
article_path = st.one_of(
    st.builds(
        lambda s, y, m, d, t: f"/{s}/{y}/{m:02d}/{d:02d}/{t}/",
        st.sampled_from(["world", "news", "politics", "asia-pacific"]),
        st.integers(2000, 2030),
        st.integers(1, 12),
        st.integers(1, 28),
        slug,
    ),
    st.builds("/article/{}-{}".format, slug, hexes(32)),
    st.builds(
        lambda i: f"/news/articles/{i}",
        st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=8, max_size=12),
    ),
    st.builds(lambda d: f"/view.php?ud={d}", st.integers(10**10, 10**14)),
    st.builds(lambda t, i: f"/{t}/{i}.html?page=2&id={i}", slug, st.integers(1, 10**8)),
)


@given(scheme, st.sampled_from(NEWS_HOSTS), article_path)
def test_ordinary_article_urls_are_never_flagged(scheme: str, host: str, path: str) -> None:
    url = f"{scheme}://{host}{path}"
    assert classify(url) is None
    assert strip_tracking_parameters(url) == url


@given(
    st.sampled_from(NEWS_HOSTS),
    article_path,
    st.lists(
        st.tuples(
            st.sampled_from(["utm_source", "utm_medium", "utm_campaign", "mc_cid", "mc_eid", "fbclid"]),
            lower,
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_stripping_removes_only_tracking_parameters(host: str, path: str, parameters: list[tuple[str, str]]) -> None:
    clean = f"https://{host}{path}"
    joiner = "&" if "?" in clean else "?"
    url = clean + joiner + "&".join(f"{k}={v}" for k, v in parameters)
    assert tracking_parameters(url) == tuple(k for k, _ in parameters)
    assert classify(url) is not None and not classify(url).redirect  # type: ignore[union-attr]
    assert strip_tracking_parameters(url) == clean
    assert strip_tracking_parameters(strip_tracking_parameters(url)) == clean


def test_stripping_keeps_other_parameters_in_order_and_the_fragment() -> None:
    url = "https://www.nbcnews.com/news/a?utm_source=newsletter&b=2&a=1&utm_medium=email#top"
    assert strip_tracking_parameters(url) == "https://www.nbcnews.com/news/a?b=2&a=1#top"


def test_site_rules_add_services() -> None:
    rules = (LinkRule(host=r"go\.example\.com", path=r"^/r/", name="Example mailer"),)
    found = classify("https://go.example.com/r/abc?x=1", rules)
    assert found is not None and found.service == "Example mailer" and found.redirect
    assert classify("https://go.example.com/about/", rules) is None
    assert classify("https://go.example.com/r/abc") is None  # without the rule


def test_a_template_s_static_icons_on_a_tracking_host_are_pictures_not_redirects() -> None:
    icon = "https://hs-24817396.f.hubspotemail.net/hs/hsstatic/TemplateAssets/static-1.262/img/hs_default_template_images/modules/Follow+Me+-+Email/facebook_circle_color.png"
    assert classify(icon) is None
    assert classify("https://hs-24817396.f.hubspotemail.net/e1t/c/5/f18dQhb0S7lC8dDMPbW2n0x6l2B9nMJW7t5XX44J5ZVW") == classify(
        "https://d2v8tf04.na1.hubspotlinks.com/Ctc/x"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://buttondown.com/features",  # the service's own pages
        "https://buttondown.com/c",
        "https://tamsin-grows.ck.page/4f2a9c7e1b",  # a Kit sign-up page is a page, not a redirect
        "https://storage.mlcdn.com/account_image/1184527/2023/10/9f8e7d6c-compost-bays.jpg",  # MailerLite's pictures
        "https://www.example.org/tf/c/annual-report",  # the shape needs MailerLite's JSON payload on other hosts
    ],
)
def test_the_newer_builders_pages_and_pictures_are_not_redirects(url: str) -> None:
    assert classify(url) is None


def test_non_web_and_malformed_urls_are_not_tracking() -> None:
    assert classify("mailto:x@example.com") is None
    assert classify("https://[::1") is None


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        ("https://museum.example/archive?ref=thefoundry.example", "https://museum.example/archive"),  # Ghost's outbound link tagging
        ("https://museum.example/archive?page=2&ref=www.404media.co#top", "https://museum.example/archive?page=2#top"),
    ],
)
def test_a_ref_naming_a_site_is_ghosts_outbound_tagging(url: str, clean: str) -> None:
    assert classify(url) is not None and strip_tracking_parameters(url) == clean


@pytest.mark.parametrize(
    "url", ["https://github.com/owner/repo/blob/README.md?ref=main", "https://docs.example/guide?ref=v1.2.3", "https://shop.example/?ref=42"]
)
def test_a_ref_naming_a_branch_tag_or_number_is_the_pages_own(url: str) -> None:
    assert classify(url) is None and strip_tracking_parameters(url) == url
