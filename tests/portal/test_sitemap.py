"""/sitemap.xml lists every live page in every language with its alternates;
/robots.txt points to it and keeps the admin and private pages out."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from tests.blog.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.attrib["hreflang"]: link.attrib["href"] for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_every_live_page_in_every_language_is_listed_once(client, blog_in_three_languages):
    urls = sitemap(client)

    live = {page.get_full_url() for page in Page.objects.live().public().filter(depth__gte=2).specific()}
    assert set(urls) == live
    assert "http://testserver/es/blog/calm-at-bedtime/" in urls
    assert "http://testserver/pl/approaches/emdr/" in urls


def test_alternates_are_reciprocal_with_x_default(client, blog_in_three_languages):
    urls = sitemap(client)

    bedtime = urls["http://testserver/blog/calm-at-bedtime/"]
    assert bedtime == {"en": "http://testserver/blog/calm-at-bedtime/",
                       "es": "http://testserver/es/blog/calm-at-bedtime/",
                       "x-default": "http://testserver/blog/calm-at-bedtime/"}
    assert urls["http://testserver/es/blog/calm-at-bedtime/"] == bedtime
    for location, alternates in urls.items():
        for code, href in alternates.items():
            assert urls[href] == alternates, (location, code)  # every alternate lists the same set
    assert urls["http://testserver/blog/teens-phones-and-sleep/"] == {}  # not translated: no alternates


def test_drafts_and_hidden_pages_are_left_out(client, blog):
    ArticleFactory(parent=blog.index, title="Hidden", slug="hidden", noindex=True)

    urls = sitemap(client)

    assert "http://testserver/blog/hidden/" not in urls
    assert "http://testserver/blog/unpublished-thoughts/" not in urls


def test_robots_txt_points_to_the_sitemap_and_keeps_private_paths_out(client, home):
    response = client.get("/robots.txt")
    text = response.content.decode()

    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in text
    for path in ("/admin/", "/search/", "/es/buscar/", "/pl/szukaj/", "/*/thanks/"):
        assert f"Disallow: {path}\n" in text
