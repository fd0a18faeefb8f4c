"""The blog built with factories on top of the approaches and clinicians."""

import pytest

from tests.blog.factories import ArticleFactory, BlogIndexFactory, TopicFactory
from tests.portal.factories import translate, translate_snippet


class Blog:
    """Articles and topics; see ``build_blog``."""


def build_blog(practice):
    """Four live articles and a draft, newest first:
    ``adults`` (Ben, IFS, adults, 10 Nov), ``phones`` (by the practice,
    teens and teenagers, sleep and feelings, 1 Nov), ``school`` (Ana and Ben,
    EMDR, parents and educators, school age, feelings, 15 Oct), ``bedtime``
    (Ana, play therapy, parents, young children, sleep, 1 Oct); ``draft`` is
    not live."""
    b = Blog()
    b.practice = practice
    b.index = BlogIndexFactory(parent=practice.home)
    b.sleep = TopicFactory(name="Sleep", slug="sleep")
    b.feelings = TopicFactory(name="Big feelings", slug="big-feelings")
    b.unused = TopicFactory(name="Screens", slug="screens")
    b.bedtime = ArticleFactory(
        parent=b.index, title="Calm at bedtime", slug="calm-at-bedtime", authors=[practice.ana],
        approaches=[practice.play], topics=[b.sleep], age_early_years=True, published="2026-10-01T09:00",
    )
    b.school = ArticleFactory(
        parent=b.index, title="Big feelings at school", slug="big-feelings-at-school",
        authors=[practice.ana, practice.ben], approaches=[practice.emdr], topics=[b.feelings],
        for_educators=True, age_school_age=True, published="2026-10-15T09:00",
    )
    b.phones = ArticleFactory(
        parent=b.index, title="Teens, phones and sleep", slug="teens-phones-and-sleep",
        topics=[b.sleep, b.feelings], for_parents=False, for_teens=True, age_teenagers=True,
        published="2026-11-01T09:00",
    )
    b.adults = ArticleFactory(
        parent=b.index, title="Looking after yourself", slug="looking-after-yourself", authors=[practice.ben],
        approaches=[practice.ifs], for_parents=False, for_adults=True, published="2026-11-10T09:00",
    )
    b.draft = ArticleFactory(parent=b.index, title="Unpublished thoughts", slug="unpublished-thoughts",
                             topics=[b.sleep], live=False)
    return b


def translate_blog(b):
    """The index in Spanish and Polish; "Calm at bedtime" and the topics in
    Spanish: ``b.translated["es"]["bedtime"]``."""
    b.translated = {
        "es": {"index": translate(b.index, "es", title="Artículos para padres")},
        "pl": {"index": translate(b.index, "pl", title="Artykuły dla rodziców")},
    }
    b.translated["es"]["sleep"] = translate_snippet(b.sleep, "es", name="Sueño")
    b.translated["es"]["feelings"] = translate_snippet(b.feelings, "es", name="Emociones intensas")
    b.translated["es"]["bedtime"] = translate(
        b.bedtime, "es", title="Calma a la hora de dormir", summary="Rutinas tranquilas para la noche.",
    )
    return b


@pytest.fixture
def blog(practice):
    return build_blog(practice)


@pytest.fixture
def blog_in_three_languages(practice_in_three_languages):
    return translate_blog(build_blog(practice_in_three_languages))


@pytest.fixture
def live_blog(live_practice):
    """``blog_in_three_languages``, for tests that browse a live server."""
    return translate_blog(build_blog(live_practice))
