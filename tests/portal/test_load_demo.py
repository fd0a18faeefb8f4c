"""`load_demo` builds the demo clinic once; running it again changes nothing."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Revision

from blog.models import ArticlePage

REPO = Path(__file__).resolve().parents[2]


def snapshot():
    """Row counts of every model, plus each page's live revision and timestamps."""
    counts = {model._meta.label: model.objects.count() for model in apps.get_models()}
    pages = list(
        Page.objects.order_by("pk").values_list(
            "pk", "live_revision_id", "latest_revision_id", "last_published_at", "numchild"
        )
    )
    return counts, pages, Revision.objects.count()


@pytest.mark.smoke
@pytest.mark.django_db
def test_second_run_changes_nothing(demo_site):
    before = snapshot()
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert snapshot() == before
    assert "nothing to add" in out.getvalue()


@pytest.mark.django_db
def test_demo_has_every_page_in_three_languages(demo_site):
    """Every page but the articles: two of them are in Spanish, as a practice
    translates the articles that matter most to its families first."""
    english = Page.objects.live().filter(locale__language_code="en", depth__gte=2).not_type(ArticlePage)
    assert english.count() >= 5
    for page in english:
        for language in ("es", "pl"):
            translation = page.get_translations().filter(locale__language_code=language).first()
            assert translation is not None and translation.live, (page.url_path, language)


def test_demo_has_four_articles_two_of_them_in_spanish(demo_site):
    english = ArticlePage.objects.live().filter(locale__language_code="en")
    spanish = ArticlePage.objects.live().filter(locale__language_code="es")

    assert english.count() >= 4 and spanish.count() == 2
    assert {page.translation_key for page in spanish} <= {page.translation_key for page in english}
    assert all(page.hero_image and page.hero_image.description for page in english)
    assert english.filter(last_reviewed__isnull=False).count() >= 2  # reviewed through the workflow


@pytest.mark.django_db
def test_progress_and_logins_are_printed(demo_site):
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    text = out.getvalue()
    assert "[1/" in text
    for username in ("admin", "marketing", "clinician", "reviewer", "translator-es", "intake", "intake-aurora"):
        assert username in text


def test_refuses_to_run_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": "redis://127.0.0.1:1/1",  # never contacted: the command refuses first
        "WAGTAILADMIN_BASE_URL": "https://care.example.org",
        "EMAIL_HOST": "smtp.example.org",
        "INQUIRY_ENCRYPTION_KEYS": "ZGV2LW9ubHkta2V5LW5ldmVyLWluLXByb2R1Y3Rpb24=",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"], cwd=REPO, env=env, capture_output=True, text=True
    )

    assert result.returncode == 1
    assert "only runs with the dev or test settings" in result.stderr
    assert not (tmp_path / "db.sqlite3").exists() or (tmp_path / "db.sqlite3").stat().st_size == 0
