"""Renditions are made when a page is published, by the Celery task, so the
first visitor finds them ready; the image form asks for alt text."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse

from portal.celery import app
from portal.models import CustomImage, CustomRendition
from portal.renditions import IMAGE_SIZES, SOCIAL_IMAGE_SPEC, images_on_page
from portal.roles import MARKETING
from tests.blog.factories import ArticleFactory, BlogIndexFactory
from tests.harness.celery_worker import CeleryWorker, celery_publishing_to
from tests.portal.factories import ImageFactory, UserFactory, png_bytes
from tests.portal.staff import sign_in

# Hero and card share a width (800x450): one rendition serves both.
HERO_AND_CARD = len(set(IMAGE_SIZES["hero"].filter_specs() + IMAGE_SIZES["card"].filter_specs()))


def wide_image(title, **fields):
    return ImageFactory(title=title, file=ContentFile(png_bytes(1600, 900), name=f"{title.lower()}.png"), **fields)


def body_with_image(image):
    return [("paragraph", "<p>Before the picture.</p>"),
            ("image", {"image": {"image": image, "decorative": False, "alt_text": ""}, "caption": "Play"})]


@pytest.fixture
def eager_celery():
    """Tasks run in this process as they are sent (the real task code)."""
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.mark.django_db
def test_every_image_a_page_shows_is_found(blog):
    hero, inline = wide_image("Hero"), wide_image("Inline")
    article = ArticleFactory(parent=blog.index, hero_image=hero, body=body_with_image(inline))

    assert images_on_page(article) == {hero.pk: {"hero", "card"}, inline.pk: {"body"}}


@pytest.mark.django_db
def test_publishing_makes_the_renditions_before_the_first_view(
        client, blog, eager_celery, django_capture_on_commit_callbacks):
    hero, inline = wide_image("Hero"), wide_image("Inline")
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(parent=blog.index, title="Picture day", slug="picture-day", hero_image=hero,
                       body=body_with_image(inline))
    made = CustomRendition.objects.count()
    assert CustomRendition.objects.filter(image=hero).count() == HERO_AND_CARD + 1  # + the sharing image
    assert CustomRendition.objects.filter(image=hero, filter_spec=SOCIAL_IMAGE_SPEC).exists()
    assert CustomRendition.objects.filter(image=inline).count() == len(IMAGE_SIZES["body"].filter_specs())

    assert client.get("/blog/picture-day/").status_code == 200
    assert client.get("/blog/").status_code == 200

    assert CustomRendition.objects.count() == made


@pytest.mark.slow
def test_a_real_worker_on_redis_makes_them(client, live_home, redis_server, tmp_path):

    broker = redis_server.url + "/0"
    with celery_publishing_to(broker):
        worker = CeleryWorker(broker, tmp_path, MEDIA_ROOT=str(settings.MEDIA_ROOT)).start()
        try:
            index = BlogIndexFactory(parent=live_home)
            hero = wide_image("Garden")
            ArticleFactory(parent=index, title="Garden time", slug="garden-time", hero_image=hero)
            worker.wait_until(
                lambda: CustomRendition.objects.filter(image=hero).count() == HERO_AND_CARD + 1,
                timeout=120, what="the worker to make the article's renditions",
            )
        finally:
            worker.stop()

    made = CustomRendition.objects.count()
    assert client.get("/blog/garden-time/").status_code == 200
    assert CustomRendition.objects.count() == made


@pytest.mark.django_db
def test_the_image_form_requires_alt_text_unless_decorative(client, roles):
    sign_in(client, UserFactory(username="marketing", groups=[MARKETING]))
    url = reverse("wagtailimages:add")

    def upload(title, **fields):
        return client.post(url, {"title": title, "file": ContentFile(png_bytes(), name=f"{title}.png"),
                                 "collection": 1, **fields})

    refused = upload("no-alt", description="")
    assert refused.status_code == 200
    assert "Describe what the image shows (alt text)" in refused.content.decode()
    assert not CustomImage.objects.filter(title="no-alt").exists()

    assert upload("with-alt", description="Two chairs facing a window").status_code == 302
    assert upload("pattern", description="", is_decorative="on").status_code == 302
    assert CustomImage.objects.get(title="pattern").default_alt_text == ""


@pytest.mark.django_db
def test_replacing_an_image_file_remakes_its_renditions(client, roles, eager_celery,
                                                         django_capture_on_commit_callbacks):
    sign_in(client, UserFactory(username="marketing", groups=[MARKETING]))
    image = wide_image("Porch", description="A porch with a swing")
    image.get_rendition("fill-400x225|format-jpeg")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailimages:edit", args=[image.pk]), {
            "title": "Porch", "description": "A porch with a swing", "collection": image.collection_id,
            "file": ContentFile(png_bytes(1600, 900, colour=(200, 120, 40)), name="porch-2.png"),
        })

    assert response.status_code == 302
    specs = set(CustomRendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    assert specs >= set(IMAGE_SIZES["card"].filter_specs()) | {SOCIAL_IMAGE_SPEC}
