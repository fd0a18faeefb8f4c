"""A throwaway demo site for `make screenshots` and `make lighthouse`.

``DemoSite`` builds the demo clinic (``migrate`` + ``load_demo``) in a
temporary VAR_DIR, or uses the one it is given, then serves it the way
production does: gunicorn with ``gunicorn.conf.py`` and the production
settings, so DEBUG is off, the error pages are the site's own, and static
files come compressed and cached-forever from whitenoise after
``collectstatic``. The production settings refuse to start without their
variables; the local run sets them (see ``production_environment``):

- SECRET_KEY: random for this run; INQUIRY_ENCRYPTION_KEYS: the demo's
  published key (the demo's inquiries were encrypted with it);
- DATABASE_URL: the demo's SQLite file; REDIS_URL: a throwaway redis-server
  on a free port (or, without one, an address that fails fast, which the
  cache reads as misses);
- ALLOWED_HOSTS 127.0.0.1 and localhost; WAGTAILADMIN_BASE_URL this server;
  EMAIL_HOST smtp.invalid (nothing is sent: the scripts only read pages);
- SECURE_SSL_REDIRECT=false: there is no TLS proxy in front, and a redirect
  to https:// would answer every page with a 301 to nowhere.

Uploaded images (/media/) are the TLS proxy's job in production and Django
serves them only with DEBUG on, so here a whitenoise layer around the
application serves MEDIA_ROOT (``production_application``).

Which pages exist is read from the database (``discover``), so the scripts
follow the demo when it changes. Run as ``python scripts/demo_server.py
[VAR_DIR]`` to serve the demo by hand until Ctrl-C.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# dev.py's published demo key: the demo's inquiries are encrypted with it.
DEMO_INQUIRY_KEY = "ZGV2LW9ubHkta2V5LW5ldmVyLWluLXByb2R1Y3Rpb24="
START_TIMEOUT = 90  # seconds until the server must answer
# A page the scripts ask for that no demo has.
MISSING_PATH = "no-such-page-for-screenshots/"


def say(message):
    print(message, flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DemoSiteError(RuntimeError):
    """Something a person has to fix; the message says what."""


class DemoSite:
    """``with DemoSite() as site:`` builds (or reuses) a demo database,
    serves it on a free port and stops everything on the way out, also on
    Ctrl-C, SIGTERM or an error. ``site.url``, ``site.pages``."""

    def __init__(self, var_dir=None, keep=False):
        self.given = var_dir is not None
        self.var_dir = Path(var_dir).resolve() if var_dir else Path(tempfile.mkdtemp(prefix="portal-demo-"))
        self.keep = keep or self.given
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.var_dir / "server.log"
        self.processes = []
        self.pages = {}

    # -- environments -------------------------------------------------------------------

    def dev_environment(self):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.dev",
            VAR_DIR=str(self.var_dir),
            MEDIA_ROOT=str(self.var_dir / "media"),
            PYTHONUNBUFFERED="1",
        )
        # Uploads stay in this throwaway folder, never in a configured bucket.
        env.pop("AWS_STORAGE_BUCKET_NAME", None)
        return env

    def production_environment(self, redis_url):
        env = self.dev_environment()
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            WAGTAILADMIN_BASE_URL=self.url,
            REDIS_URL=redis_url,
            EMAIL_HOST="smtp.invalid",
            INQUIRY_ENCRYPTION_KEYS=DEMO_INQUIRY_KEY,
            SECURE_SSL_REDIRECT="false",
            STATIC_ROOT=str(self.var_dir / "static"),
            TWO_FACTOR_ENFORCED="true",
        )
        env.setdefault("DATABASE_URL", f"sqlite:///{self.var_dir / 'db.sqlite3'}")
        env["DATABASE_CONN_MAX_AGE"] = "0"
        # gunicorn's own options win over these only where given on its command line.
        env.pop("GUNICORN_CMD_ARGS", None)
        return env

    # -- steps ----------------------------------------------------------------------------

    def _manage(self, args, env, what):
        started = time.monotonic()
        say(f"   {what} ...")
        with open(self.var_dir / "build.log", "a") as log:
            result = subprocess.run([PYTHON, "manage.py", *args], cwd=REPO, env=env, stdout=log,
                                    stderr=subprocess.STDOUT)
        if result.returncode:
            raise DemoSiteError(
                f"`manage.py {' '.join(args)}` failed (exit {result.returncode}); its output is in "
                f"{self.var_dir / 'build.log'}:\n{tail(self.var_dir / 'build.log')}"
            )
        say(f"   {what}: {time.monotonic() - started:.0f} s")

    def build(self):
        self.var_dir.mkdir(parents=True, exist_ok=True)
        env = self.dev_environment()
        given_database = "DATABASE_URL" in os.environ or (self.var_dir / "db.sqlite3").exists()
        if self.given and given_database:
            say(f"== Demo database: using {os.environ.get('DATABASE_URL') or self.var_dir / 'db.sqlite3'}")
            self._manage(["migrate", "--noinput"], env, "migrate (new migrations only)")
        else:
            say(f"== Demo database: building a new one in {self.var_dir} (about a minute)")
            self._manage(["migrate", "--noinput"], env, "migrate")
            self._manage(["load_demo"], env, "load_demo")

    def discover(self):
        result = subprocess.run([PYTHON, str(Path(__file__)), "--discover"], cwd=REPO,
                                env=self.dev_environment(), capture_output=True, text=True)
        if result.returncode:
            raise DemoSiteError(f"Could not read the demo's pages from the database:\n{result.stderr[-3000:]}")
        self.pages = json.loads(result.stdout)
        return self.pages

    def _start(self, argv, env, log):
        # Its own session: Ctrl-C reaches this script, which stops the server
        # in order, and stop() can end exactly the process group it started.
        process = subprocess.Popen(argv, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.processes.append(process)
        return process

    def start(self):
        say(f"== Serving the demo at {self.url} (production settings, gunicorn, whitenoise)")
        log = open(self.log_path, "a")
        redis_url = "redis://127.0.0.1:1/1"  # nothing listens: cache misses, at once
        redis_server = shutil.which("redis-server")
        if redis_server:
            redis_port = free_port()
            self._start([redis_server, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                         "--appendonly", "no", "--dir", str(self.var_dir)], os.environ.copy(), log)
            redis_url = f"redis://127.0.0.1:{redis_port}/1"
        env = self.production_environment(redis_url)
        self._manage(["collectstatic", "--noinput", "-v0"], env, "collectstatic")
        server = self._start(
            [PYTHON, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}",
             "--workers", "2", "--pythonpath", str(Path(__file__).parent),
             "demo_server:production_application()"],
            env, log,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if server.poll() is not None:
                raise DemoSiteError(f"The server stopped (exit {server.returncode}); its log, "
                                    f"{self.log_path}:\n{tail(self.log_path)}")
            try:
                urllib.request.urlopen(self.url + "/robots.txt", timeout=5).close()
                break
            except urllib.error.HTTPError as error:  # it answers: good enough to go on
                say(f"   the server answers {error.code} to /robots.txt")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise DemoSiteError(f"The server did not answer within {START_TIMEOUT} s; its log, "
                                        f"{self.log_path}:\n{tail(self.log_path)}") from None
                time.sleep(0.3)

    def stop(self):
        # A second Ctrl-C or SIGTERM (`timeout` signals the whole group too)
        # must not cut the clean-up short.
        previous = {number: signal.signal(number, signal.SIG_IGN) for number in (signal.SIGINT, signal.SIGTERM)}
        try:
            self._stop()
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)

    def _stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
        self.processes = []
        if not self.keep:
            shutil.rmtree(self.var_dir, ignore_errors=True)

    def __enter__(self):
        # SIGTERM (a CI timeout, `kill`) unwinds like Ctrl-C, through stop().
        self._previous_sigterm = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
        try:
            self.build()
            self.discover()
            self.start()
        except BaseException as error:
            if not isinstance(error, KeyboardInterrupt):
                self.keep = True  # the logs the message points to stay
            self.stop()
            raise
        return self

    def __exit__(self, kind, error, traceback):
        if error is not None and not isinstance(error, KeyboardInterrupt):
            self.keep = True  # the server log and database help find out what went wrong
        self.stop()
        signal.signal(signal.SIGTERM, self._previous_sigterm)
        if self.keep and not self.given:
            say(f"   the demo's folder (database, server.log) is kept: {self.var_dir}")
        return False


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


def tail(path, lines=25):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def production_application():
    """The portal's WSGI application, plus MEDIA_ROOT at /media/ (the TLS
    proxy's job in production). gunicorn calls this in each worker."""
    from django.conf import settings
    from whitenoise import WhiteNoise

    from portal.wsgi import application

    # autorefresh: renditions are made while pages render, after start-up.
    return WhiteNoise(application, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL,
                      autorefresh=True, max_age=24 * 3600)


# -- what to visit: read from the database --------------------------------------------------

# Page models with a short name in file names; any other page type is named
# after its model, so a new one is photographed too.
PAGE_KINDS = {
    "HomePage": "home",
    "StandardPage": "page",
    "LocationIndexPage": "finder",
    "LocationPage": "office",
    "ApproachIndexPage": "approaches",
    "ApproachPage": "approach",
    "ClinicianIndexPage": "clinicians",
    "ClinicianPage": "clinician",
    "BlogIndexPage": "articles",
    "ArticlePage": "article",
    "AppointmentRequestPage": "request",
}


def discover():
    """{language: {kind: {"path": ..., "status": ...}}}: the first live page
    of each type in each language, plus the finder with a search, the article
    list filtered by a topic, site search with results, and a missing page."""
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from collections import Counter

    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Page, Site

    site = Site.objects.get(is_default_site=True)
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    pages = {code: {} for code, _name in settings.LANGUAGES}
    first_office, topics = None, Counter()
    for root in roots.select_related("locale"):
        language = root.locale.language_code
        if language not in pages:
            continue
        for page in root.get_descendants(inclusive=True).live().public().specific().order_by("path"):
            model = type(page).__name__
            if model == "Page":
                continue
            kind = PAGE_KINDS.get(model) or page._meta.model_name
            if kind in pages[language]:
                continue
            url = page.get_url_parts()
            if url is None:
                continue
            pages[language][kind] = {"path": url[2], "status": 200}
            if kind == "office" and first_office is None:
                first_office = page
    try:  # the topic most articles are filed under (slugs are the same in every language)
        from blog.models import ArticlePage

        for article in ArticlePage.objects.live().public():
            topics.update(topic.slug for topic in article.topics.all())
    except ImportError:
        pass
    for language, found in pages.items():
        prefix = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
        if "finder" in found and first_office is not None:
            found["finder-search"] = {"path": f"{found['finder']['path']}?near={first_office.zip_code}",
                                      "status": 200}
        if "articles" in found and topics:
            found["topic"] = {"path": f"{found['articles']['path']}?topic={topics.most_common(1)[0][0]}",
                              "status": 200}
        with translation.override(language):
            search = reverse("search")
        query = first_office.city if first_office is not None else "therapy"
        found["search"] = {"path": f"{search}?q={query}", "status": 200}
        found["404"] = {"path": prefix + MISSING_PATH, "status": 404}
    return pages


def main(argv):
    if argv[:1] == ["--discover"]:
        print(json.dumps(discover(), indent=2))
        return 0
    with DemoSite(argv[0] if argv else None) as site:
        for language, found in site.pages.items():
            for kind, page in found.items():
                say(f"   {language:<3}{kind:<14}{site.url}{page['path']}")
        say("Ctrl-C stops it.")
        with contextlib.suppress(KeyboardInterrupt):
            while all(process.poll() is None for process in site.processes):
                time.sleep(1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
