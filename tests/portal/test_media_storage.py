"""Uploads in S3-compatible object storage, so several web and worker
containers share them (README, "Shared media in S3-compatible storage").

The bucket lives in moto's S3 server, started on this machine for these
tests. The storage options are the ones portal/settings/base.py builds from
the AWS_* environment variables (read in a subprocess, as a container would),
not a copy of them.
"""

import hashlib
import io
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.template import Context, Template
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from storages.backends.s3 import S3Storage
from wagtail.documents import get_document_model

from portal.models import CustomImage
from portal.roles import MARKETING
from portal.settings.environment import VARIABLES
from tests.harness.ports import free_port
from tests.portal.factories import ImageFactory, UserFactory, png_bytes
from tests.portal.staff import sign_in
from tests.portal.test_settings import PRODUCTION_ENV

REPO = Path(__file__).resolve().parents[2]
BUCKET = "care-portal-media"
KEYS = {"AWS_ACCESS_KEY_ID": "portal-test-access-key", "AWS_SECRET_ACCESS_KEY": "portal-test-secret-key"}
BOTO = {"region_name": "us-east-1", "aws_access_key_id": KEYS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": KEYS["AWS_SECRET_ACCESS_KEY"]}
FILESYSTEM = "django.core.files.storage.filesystem.FileSystemStorage"
S3 = "storages.backends.s3.S3Storage"


def manage(*args, env):
    """``manage.py *args`` with only ``env`` of the portal's (and no AWS)
    variables: a fresh process, as another container would be."""
    clean = {key: value for key, value in os.environ.items()
             if key not in VARIABLES and not key.startswith("AWS_") and key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=REPO,
                          env={**clean, **env}, capture_output=True, text=True, timeout=120)


def loaded(env, *names):
    """These settings (and the default storage's class and URL of a file) as the
    settings module in ``env`` makes them."""
    code = (
        "import json; from django.conf import settings as s; from django.core.files.storage import storages; "
        "d = storages['default']; "
        f"print(json.dumps({{**{{n: getattr(s, n, None) for n in {list(names)!r}}}, "
        "'storage': f'{type(d).__module__}.{type(d).__name__}', "
        "'url': d.url('images/a-photo.fill-80x80.png')}, default=str))"
    )
    result = manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- the S3-compatible server and the portal pointed at it -------------------------------------


def public_renditions_policy(bucket, location):
    """The bucket policy README recommends: anyone may read renditions, nothing else."""
    return {"Version": "2012-10-17", "Statement": [{
        "Sid": "VisitorsSeeRenditions", "Effect": "Allow", "Principal": "*",
        "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/{location}/images/*",
    }]}


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server on a free loopback port, with the portal's bucket."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, **BOTO)
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_renditions_policy(BUCKET, "portal")))
    yield endpoint
    server.stop()


@pytest.fixture(scope="module")
def bucket_env(s3_endpoint):
    """What an operator puts in .env for the bucket (files under portal/ in it)."""
    return {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_ENDPOINT_URL": s3_endpoint,
            "AWS_S3_REGION_NAME": "us-east-1", "AWS_LOCATION": "portal", **KEYS}


@pytest.fixture(scope="module")
def bucket_settings(bucket_env):
    return loaded({"DJANGO_SETTINGS_MODULE": "portal.settings.test", **bucket_env},
                  "STORAGES", "MEDIA_URL", "WAGTAILDOCS_SERVE_METHOD")


@pytest.fixture
def bucket(s3_endpoint, bucket_settings, settings):
    """The portal's uploads go to the (emptied) bucket; returns a boto3 Bucket to look inside."""
    settings.STORAGES = {**settings.STORAGES, "default": bucket_settings["STORAGES"]["default"]}
    settings.MEDIA_URL = bucket_settings["MEDIA_URL"]
    settings.WAGTAILDOCS_SERVE_METHOD = bucket_settings["WAGTAILDOCS_SERVE_METHOD"]
    store = boto3.resource("s3", endpoint_url=s3_endpoint, **BOTO).Bucket(BUCKET)
    store.objects.all().delete()
    assert isinstance(storages["default"], S3Storage)
    return store


def keys(bucket):
    return sorted(item.key for item in bucket.objects.all())


def urls_in(html):
    return re.findall(r"https?://[^\s\"',]+", html)


# -- what editors and visitors notice -----------------------------------------------------------


@pytest.mark.django_db
def test_an_image_uploaded_in_the_admin_is_stored_in_the_bucket(client, roles, bucket, settings):
    sign_in(client, UserFactory(username="mk", groups=[MARKETING]))
    upload = png_bytes(640, 360)

    response = client.post("/admin/images/add/", {
        "title": "Waiting room", "description": "Two armchairs by a window",
        "file": ContentFile(upload, name="waiting-room.png"),
    })

    assert response.status_code == 302, response.content.decode()[:3000]
    image = CustomImage.objects.get(title="Waiting room")
    assert image.file.name == "original_images/waiting-room.png"
    assert "portal/original_images/waiting-room.png" in keys(bucket)
    assert bucket.Object("portal/original_images/waiting-room.png").get()["Body"].read() == upload
    # Nothing of it on this container's disk.
    assert not list(Path(settings.MEDIA_ROOT).rglob("waiting-room*"))


def anonymous_status(url):
    """What a visitor's browser gets for ``url`` (no credentials)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.django_db
def test_objects_stay_private_and_only_the_bucket_policy_shows_renditions(bucket):
    image = ImageFactory(title="Office door")
    rendition = image.get_rendition("fill-80x80")

    for key in (f"portal/{image.file.name}", f"portal/{rendition.file.name}"):
        grants = bucket.Object(key).Acl().grants
        assert not [grant for grant in grants if grant["Grantee"].get("URI", "").endswith("/AllUsers")], key
    # Originals (camera metadata and all) stay private; the policy shows renditions.
    assert anonymous_status(image.file.url) == 403
    assert anonymous_status(rendition.url) == 200


@pytest.mark.django_db
def test_renditions_land_in_the_bucket_and_pages_link_to_it(bucket, s3_endpoint, settings):
    image = ImageFactory(title="Garden path")

    html = Template("{% load wagtailimages_tags %}{% image photo fill-200x100 %}").render(Context({"photo": image}))

    [src] = re.findall(r'src="([^"]+)"', html)
    rendition = image.renditions.get(filter_spec="fill-200x100")
    assert src == f"{s3_endpoint}/{BUCKET}/portal/{rendition.file.name}"
    assert src.startswith(settings.MEDIA_URL)
    assert f"portal/{rendition.file.name}" in keys(bucket)
    # A visitor's browser fetches it from there, without credentials.
    with urllib.request.urlopen(src, timeout=10) as response:
        assert PILImage.open(io.BytesIO(response.read())).size == (200, 100)
    head = bucket.Object(f"portal/{rendition.file.name}")
    assert head.cache_control == "max-age=86400"
    assert head.content_type == "image/png"


@pytest.mark.django_db
def test_responsive_images_point_every_size_at_the_bucket_with_stable_urls(bucket, s3_endpoint):
    """Unsigned URLs: the same page renders the same HTML every time, so
    cached pages keep working (signed URLs would change and expire)."""
    image = ImageFactory(title="Clinician portrait")
    template = Template('{% load image_tags %}{% responsive_image photo "portrait" %}')

    first = template.render(Context({"photo": image}))
    second = template.render(Context({"photo": image}))

    urls = urls_in(first)
    assert len(urls) >= 3  # AVIF, WebP and JPEG at least
    assert all(url.startswith(f"{s3_endpoint}/{BUCKET}/portal/images/") for url in urls), urls
    assert not any("Signature" in url or "?" in url for url in urls), urls
    assert first == second
    stored = set(keys(bucket))
    assert {url.removeprefix(f"{s3_endpoint}/{BUCKET}/") for url in urls} <= stored


@pytest.mark.django_db
def test_another_container_reads_the_same_files_and_this_one_reads_its(bucket, bucket_env):
    image = ImageFactory(title="Play room")
    rendition = image.get_rendition("width-120")
    original = image.file.read()
    image.file.close()

    # A second container: its own process, its own storages, the same .env.
    result = manage(
        "shell", "-c",
        "import hashlib, json; from django.core.files.storage import default_storage as d; "
        f"names = {[image.file.name, rendition.file.name]!r}; "
        "print(json.dumps({n: hashlib.sha256(d.open(n).read()).hexdigest() for n in names})); "
        "d.save('documents/from-the-other-container.txt', __import__('io').BytesIO(b'written elsewhere'))",
        env={**PRODUCTION_ENV, **bucket_env},
    )

    assert result.returncode == 0, result.stdout + result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen[image.file.name] == hashlib.sha256(original).hexdigest()
    with default_storage.open(rendition.file.name) as here:
        assert seen[rendition.file.name] == hashlib.sha256(here.read()).hexdigest()
    with default_storage.open("documents/from-the-other-container.txt") as theirs:
        assert theirs.read() == b"written elsewhere"


@pytest.mark.django_db
def test_an_upload_never_replaces_another_with_the_same_name(bucket):
    first = ImageFactory(title="Lobby", file=ContentFile(png_bytes(colour=(200, 10, 10)), name="lobby.png"))
    second = ImageFactory(title="Lobby", file=ContentFile(png_bytes(colour=(10, 200, 10)), name="lobby.png"))

    assert first.file.name == "original_images/lobby.png"
    assert second.file.name != first.file.name
    assert len([key for key in keys(bucket) if key.startswith("portal/original_images/lobby")]) == 2
    with default_storage.open(first.file.name) as stored:
        assert PILImage.open(stored).convert("RGB").getpixel((0, 0)) == (200, 10, 10)


@pytest.mark.django_db
def test_deleting_an_image_in_the_admin_removes_its_objects(client, roles, bucket,
                                                            django_capture_on_commit_callbacks):
    image = ImageFactory(title="Old sign")
    image.get_rendition("fill-80x80")
    image.get_rendition("width-120")
    assert len(keys(bucket)) == 3
    sign_in(client, UserFactory(username="mk", groups=[MARKETING]))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/images/{image.pk}/delete/")

    assert response.status_code == 302
    assert keys(bucket) == []


@pytest.mark.django_db
def test_documents_are_served_through_the_site_not_redirected_to_the_bucket(client, bucket):
    Document = get_document_model()
    document = Document.objects.create(
        title="Intake checklist", file=ContentFile(b"%PDF-1.4 checklist", name="checklist.pdf"))
    assert f"portal/{document.file.name}" in keys(bucket)

    response = client.get(document.url)

    assert response.status_code == 200, response.get("Location")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 checklist"


# -- settings: which storage, from the environment ----------------------------------------------


def test_without_a_bucket_uploads_stay_on_the_filesystem():
    test = loaded({"DJANGO_SETTINGS_MODULE": "portal.settings.test"}, "MEDIA_URL")
    production = loaded(PRODUCTION_ENV, "MEDIA_URL", "STORAGES")

    assert test["storage"] == production["storage"] == FILESYSTEM
    assert production["MEDIA_URL"] == "/media/"
    assert production["STORAGES"]["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_with_a_bucket_production_stores_uploads_there_and_boots(bucket_env):
    production = loaded({**PRODUCTION_ENV, **bucket_env}, "STORAGES", "MEDIA_URL", "WAGTAILDOCS_SERVE_METHOD")

    assert production["storage"] == S3
    options = production["STORAGES"]["default"]["OPTIONS"]
    assert options["bucket_name"] == BUCKET and options["location"] == "portal"
    assert options["querystring_auth"] is False and options["file_overwrite"] is False
    assert options["default_acl"] is None
    assert production["STORAGES"]["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert production["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    assert production["url"] == f"{bucket_env['AWS_S3_ENDPOINT_URL']}/{BUCKET}/portal/images/a-photo.fill-80x80.png"
    assert production["url"].startswith(production["MEDIA_URL"])

    check = manage("check", "--deploy", "--fail-level", "DEBUG", env={**PRODUCTION_ENV, **bucket_env})
    assert check.returncode == 0, check.stdout + check.stderr
    assert "System check identified no issues" in check.stdout


def test_production_refuses_a_bucket_without_its_keys(bucket_env):
    without_keys = {key: value for key, value in bucket_env.items() if key not in KEYS}

    result = manage("check", "--deploy", env={**PRODUCTION_ENV, **without_keys})

    assert result.returncode != 0
    assert ("AWS_STORAGE_BUCKET_NAME is set, so production also needs AWS_ACCESS_KEY_ID, "
            "AWS_SECRET_ACCESS_KEY.") in result.stderr


@pytest.mark.parametrize("extra, media_url", [
    ({"AWS_S3_CUSTOM_DOMAIN": "media.care.example.org"}, "https://media.care.example.org/"),
    ({"AWS_S3_ENDPOINT_URL": "https://minio.example.org:9000/", "AWS_LOCATION": "/portal/"},
     "https://minio.example.org:9000/care-portal-media/portal/"),
    ({}, "https://care-portal-media.s3.amazonaws.com/"),
])
def test_media_url_is_where_browsers_fetch_uploads(extra, media_url):
    """MEDIA_URL names the host that serves uploads (for the Content-Security-Policy)."""
    env = {**PRODUCTION_ENV, "AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_REGION_NAME": "us-east-1", **KEYS, **extra}

    production = loaded(env, "MEDIA_URL")

    assert production["MEDIA_URL"] == media_url
    assert production["url"] == media_url + "images/a-photo.fill-80x80.png"


@pytest.mark.parametrize("service", ["web", "worker"])
def test_docker_compose_passes_the_bucket_from_env_to_web_and_worker(service):
    from tests.portal.test_docker_compose import DOTENV, load

    dotenv = {**DOTENV, "AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_ENDPOINT_URL": "https://minio.example.org",
              "AWS_S3_CUSTOM_DOMAIN": "media.care.example.org", **KEYS}
    without = load("docker-compose.yml")["services"][service]["environment"]
    with_bucket = load("docker-compose.yml", env=dotenv)["services"][service]["environment"]

    assert without["AWS_STORAGE_BUCKET_NAME"] == ""
    container = loaded(with_bucket, "MEDIA_URL")
    assert container["storage"] == S3
    assert container["url"] == "https://media.care.example.org/images/a-photo.fill-80x80.png"
