"""An article: what a parent reads, its JSON-LD, its reading time, and the
pages that list it."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.blocks import StreamValue

from blog.blocks import ArticleBlock
from blog.models import ArticlePage
from blog.reading_time import count_words, reading_minutes
from tests.blog.factories import ArticleFactory, paragraph, set_published
from tests.portal.factories import ImageFactory, png_bytes

pytestmark = pytest.mark.django_db


def json_ld(html, kind):
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    return next(data for data in blocks if data["@type"] == kind)


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_article_shows_byline_dates_reading_time_and_what_it_is_about(client, blog):
    set_published(blog.school, "2026-10-15T09:00", updated=datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.UTC))
    html = client.get("/blog/big-feelings-at-school/").content.decode()
    visible = text(html)

    assert "<h1>Big feelings at school</h1>" in html
    assert "By Ana Example , MA, LCPC and Ben Sample , MA, LCPC" in visible
    assert "Published Oct. 15, 2026" in visible and "Updated Nov. 20, 2026" in visible
    assert "1 minute read" in visible  # 123 words
    assert '<a class="tag" href="/blog/?topic=big-feelings">Big feelings</a>' in html
    assert '<a class="tag" href="/blog/?for=educators">Educators</a>' in html
    assert '<a class="tag" href="/blog/?age=school-age">School age (6–12)</a>' in html
    assert '<a href="/approaches/emdr/">EMDR</a>' in html
    assert "Call 630-791-0444" in visible  # the next steps


def test_article_by_the_practice_says_so(client, blog):
    visible = text(client.get("/blog/teens-phones-and-sleep/").content.decode())

    assert "By CARE Counseling" in visible
    assert "Updated" not in visible


@pytest.mark.smoke
def test_related_articles_share_topics_or_approaches(client, blog):
    html = client.get("/blog/calm-at-bedtime/").content.decode()
    related = html.split('id="related-heading"')[1]

    assert "Teens, phones and sleep" in related  # shares "Sleep"
    assert "Big feelings at school" not in related and "Unpublished thoughts" not in related


def test_blog_posting_json_ld(client, blog):
    blog.bedtime.hero_image = ImageFactory(title="Bedtime", description="A lamp beside a small bed")
    blog.bedtime.save_revision().publish()
    set_published(blog.bedtime, "2026-10-01T09:00:00-05:00")
    data = json_ld(client.get("/blog/calm-at-bedtime/").content.decode(), "BlogPosting")

    assert data["headline"] == "Calm at bedtime"
    assert data["datePublished"] == "2026-10-01T14:00:00+00:00"
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= datetime.datetime.fromisoformat(data["datePublished"])
    assert data["author"] == [{"@type": "Person", "name": "Ana Example",
                               "url": "http://testserver/clinicians/ana-example/"}]
    assert data["publisher"]["name"] == "CARE Counseling"
    assert data["image"][0].startswith("http://testserver/") and data["image"][0].endswith(".jpg")
    assert data["url"] == "http://testserver/blog/calm-at-bedtime/"


def test_practice_is_the_author_when_no_clinician_is(client, blog):
    data = json_ld(client.get("/blog/teens-phones-and-sleep/").content.decode(), "BlogPosting")

    assert [author["name"] for author in data["author"]] == ["CARE Counseling"]


def known_body(words_per_paragraph=100):
    """456 words that count, in every kind of block, plus markup that does not."""
    return StreamValue(ArticleBlock(), [
        ("heading", {"text": "Three words here", "level": "h2"}),  # 3
        paragraph(words_per_paragraph),  # 100
        ("list", {"items": ["one two", "three four five"], "numbered": True}),  # 5
        ("quote", {"text": " ".join(["quiet"] * 20), "attribution": "A parent"}),  # 22
        ("try_at_home", {"heading": "", "introduction": "Breathe in slowly.", "steps": ["Count to four."] * 10}),  # 3 + 30
        ("question", {"question": "What if it does not work?", "answer": "<p><b>Keep</b> going.</p>"}),  # 6 + 2
        ("ask_for_help", {"heading": "", "signs": ["Sleep has not improved in a month"] * 5}),  # 35
        paragraph(250),  # 250
    ], is_lazy=False)


def test_words_are_counted_in_every_block_and_not_in_markup():
    assert count_words(known_body()) == 456


@pytest.mark.parametrize("language, minutes", [("en", 2), ("es", 3), ("pl", 3)])
def test_reading_time_depends_on_the_language(language, minutes):
    # 456 words: 228 a minute in English, 218 in Spanish, 166 in Polish.
    assert reading_minutes(known_body(), language) == minutes


def test_reading_time_is_shown_for_the_page_language(client, blog_in_three_languages):
    spanish = blog_in_three_languages.translated["es"]["bedtime"]
    spanish.body = known_body()
    spanish.save_revision().publish()
    english = ArticlePage.objects.get(pk=blog_in_three_languages.bedtime.pk)
    english.body = known_body()
    english.save_revision().publish()

    assert english.reading_minutes == 2 and ArticlePage.objects.get(pk=spanish.pk).reading_minutes == 3
    assert "2 minute read" in text(client.get("/blog/calm-at-bedtime/").content.decode())


def test_approach_page_lists_its_articles_in_the_visitors_language(client, blog_in_three_languages):
    english = client.get("/approaches/play-therapy/").content.decode()
    spanish = client.get("/es/approaches/play-therapy/").content.decode()
    polish = client.get("/pl/approaches/play-therapy/").content.decode()

    assert 'href="/blog/calm-at-bedtime/"' in english
    assert 'href="/es/blog/calm-at-bedtime/"' in spanish and "Calma a la hora de dormir" in spanish
    assert "calm-at-bedtime" not in polish  # no Polish translation yet


def test_clinician_page_lists_the_articles_they_wrote(client, blog):
    html = client.get("/clinicians/ben-sample/").content.decode()
    section = html.split('id="articles-by-heading"')[1]

    assert "Looking after yourself" in section and "Big feelings at school" in section
    assert "Calm at bedtime" not in section


def test_spanish_article_links_spanish_pages_and_topics(client, blog_in_three_languages):
    html = client.get("/es/blog/calm-at-bedtime/").content.decode()

    assert "<h1>Calma a la hora de dormir</h1>" in html
    assert '<a href="/es/clinicians/ana-example/">Ana Example</a>' in html
    assert ">Sueño</a>" in html and 'href="/es/blog/?topic=sleep"' in html


def test_hero_image_needs_alt_text_or_to_be_marked_decorative(blog):
    blog.bedtime.hero_image = ImageFactory(description="")
    with pytest.raises(ValidationError) as error:
        blog.bedtime.full_clean()
    assert "no alt text" in str(error.value)

    blog.bedtime.hero_image = ImageFactory(description="", is_decorative=True)
    blog.bedtime.full_clean()


def test_hero_is_eager_and_high_priority_with_sizes(client, blog):
    blog.bedtime.hero_image = ImageFactory(title="Lamp", description="A lamp beside a small bed",
                                           file=ContentFile(png_bytes(1600, 900), name="lamp.png"))
    blog.bedtime.hero_caption = "Quiet light helps."
    blog.bedtime.save_revision().publish()
    html = client.get("/blog/calm-at-bedtime/").content.decode()
    hero = re.search(r'<figure class="article__hero">(.*?)</figure>', html, re.S).group(1)

    assert 'type="image/avif"' in hero and 'type="image/webp"' in hero
    assert " 480w, " in hero and " 1600w" in hero  # every width, once each
    img = re.search(r"<img [^>]+>", hero).group(0)
    assert 'fetchpriority="high"' in img and "loading=" not in img
    assert 'alt="A lamp beside a small bed"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert 'sizes="(max-width: 50rem) 100vw, 48rem"' in img
    assert "Quiet light helps." in hero

    index = client.get("/blog/").content.decode()
    card_img = re.search(r'<img [^>]*class="card__image"[^>]*>', index).group(0)
    assert 'loading="lazy"' in card_img and 'alt=""' in card_img
