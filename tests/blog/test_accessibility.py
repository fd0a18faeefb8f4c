"""The blog index (plain, filtered, empty, paged) and articles, in every
language, pass the Nu HTML Checker and axe-core in Chromium."""

import pytest
from django.core.files.base import ContentFile

from tests.blog.factories import ArticleFactory
from tests.harness.browser import axe_report
from tests.harness.html_checker import html_problems
from tests.portal.factories import ImageFactory, png_bytes

PAGES = {
    "/blog/": 200, "/blog/?for=parents&topic=sleep": 200, "/blog/?age=teenagers&approach=emdr": 200,
    "/blog/?page=2": 200,
    "/blog/calm-at-bedtime/": 200, "/blog/teens-phones-and-sleep/": 200,
    "/approaches/play-therapy/": 200, "/clinicians/ben-sample/": 200,  # with their articles
    "/es/blog/": 200, "/es/blog/?topic=sleep": 200, "/es/blog/calm-at-bedtime/": 200,
    "/pl/blog/": 200, "/pl/blog/?for=educators": 200,
}
# Every block an article can hold, with pictures, so every template is checked.
RICH_BODY = [
    ("heading", {"text": "What helps", "level": "h2"}),
    ("paragraph", "<p>Short <b>steady</b> routines help most children settle.</p>"),
    ("list", {"items": ["A bath", "A story"], "numbered": False}),
    ("quote", {"text": "We started reading together again.", "attribution": "A parent"}),
    ("try_at_home", {"heading": "", "introduction": "Five minutes is enough.", "steps": ["Dim the lights.",
                                                                                      "Breathe slowly."]}),
    ("ask_for_help", {"heading": "", "signs": ["Bedtime fights every night for a month"]}),
    ("question", {"question": "Is this normal?", "answer": "<p>Very often, yes.</p>"}),
    ("heading", {"text": "A closer look", "level": "h3"}),
]


def dress_up(blog):
    """Pictures and every kind of block on the articles the checks visit."""
    for article in (blog.bedtime, blog.phones, *blog.translated["es"].values()):
        if not hasattr(article, "body"):
            continue
        picture = ImageFactory(title=f"Picture for {article.slug}", description="Soft hills under a pale sky",
                               file=ContentFile(png_bytes(1600, 900), name=f"{article.slug}.png"))
        article.hero_image = picture
        article.hero_caption = "An illustration."
        article.body = RICH_BODY + [("image", {"image": {"image": picture, "decorative": True, "alt_text": ""},
                                               "caption": "A quiet corner."})]
        article.save_revision().publish()
    for number in range(12):  # a second page of articles
        ArticleFactory(parent=blog.index, title=f"More reading {number}", slug=f"more-reading-{number}",
                       published="2026-08-01T09:00")


@pytest.mark.django_db
def test_blog_pages_are_valid_html(client, blog_in_three_languages, tmp_path):
    dress_up(blog_in_three_languages)
    pages = {}
    for path, status in PAGES.items():
        response = client.get(path)
        assert response.status_code == status, path
        pages[path] = response.content

    problems = html_problems(pages, tmp_path)

    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.slow
def test_no_axe_violations_on_blog_pages(live_server, live_blog, crisis_notices, browser_page):
    dress_up(live_blog)
    problems = axe_report(browser_page, live_server.url, PAGES)

    assert not problems, problems
