"""The Docker image's build step and command, run for real without Docker.

No Docker engine runs here, so the image is reproduced from its Dockerfile:
the repository's files as the build context holds them (``.dockerignore``
honoured) are copied to a temporary folder, the final stage's manage.py
RUN steps run there with exactly the final stage's ENV (PATH pointing at
this repository's .venv instead of /venv), and then the image's CMD,
gunicorn with ``gunicorn.conf.py``, serves that copy under the production
settings on the test PostgreSQL and a test Redis.
"""

import ast
import http.client
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = REPO / ".venv" / "bin"
# PATH as the python base image sets it; the final stage prepends /venv/bin.
BASE_IMAGE_PATH = "/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
HOST = "care.example.org"  # what the TLS proxy passes on, and in ALLOWED_HOSTS
BUILD_TIMEOUT = 900  # seconds; only a guard against a hung step
START_TIMEOUT = 120


# -- the Dockerfile, read the way Docker reads it -------------------------------------------


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str


def dockerfile_instructions(text):
    """Instructions in order: continuation lines joined, comments dropped."""
    instructions, pending = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") or (not pending and not stripped):
            continue
        if stripped.endswith("\\"):
            pending += line.rstrip()[:-1]
            continue
        keyword, _, arguments = (pending + line).strip().partition(" ")
        instructions.append(Instruction(keyword.upper(), arguments.strip()))
        pending = ""
    return instructions


def dockerfile_stages(path=REPO / "Dockerfile"):
    """Each stage's instructions, FROM first; the image is the last one."""
    stages = []
    for instruction in dockerfile_instructions(path.read_text()):
        if instruction.keyword == "FROM":
            stages.append([])
        stages[-1].append(instruction)
    return stages


def _expand(value, env):
    return re.sub(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", lambda match: env.get(match.group(1), ""), value)


def image_environment(stage):
    """The stage's ENV values, with /venv/bin replaced by this repository's .venv/bin."""
    env = {"PATH": BASE_IMAGE_PATH}
    for instruction in stage:
        if instruction.keyword != "ENV":
            continue
        for pair in shlex.split(instruction.arguments):
            name, _, value = pair.partition("=")
            env[name] = _expand(value, env)
    env["PATH"] = ":".join(str(VENV_BIN) if part == "/venv/bin" else part for part in env["PATH"].split(":"))
    return env


def shell_command(instruction):
    """RUN and CMD as argv: exec form (JSON) as is, shell form through /bin/sh -c."""
    if instruction.arguments.startswith("["):
        return json.loads(instruction.arguments)
    return ["/bin/sh", "-c", instruction.arguments]


def manage_py_steps(stage):
    return [instruction for instruction in stage if instruction.keyword == "RUN" and "manage.py" in instruction.arguments]


def production_required_variables():
    """The names production.py passes to require()."""
    tree = ast.parse((REPO / "portal" / "settings" / "production.py").read_text())
    calls = [node for node in ast.walk(tree)
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "require"]
    assert calls, "production.py no longer calls require()"
    return [argument.value for call in calls for argument in call.args]


# -- the build context: the repository's files minus .dockerignore ------------------------


def dockerignore_rules(text):
    """(regex, is_exception) per line, as Docker's pattern matcher reads them."""
    rules = []
    for line in text.splitlines():
        pattern = line.strip()
        if not pattern or pattern.startswith("#"):
            continue
        exception = pattern.startswith("!")
        pattern = os.path.normpath(pattern.lstrip("!").strip()).lstrip("/")
        regex, i = "", 0
        while i < len(pattern):
            if pattern.startswith("**/", i):
                regex, i = regex + "(?:.*/)?", i + 3
            elif pattern.startswith("**", i):
                regex, i = regex + ".*", i + 2
            elif pattern[i] == "*":
                regex, i = regex + "[^/]*", i + 1
            elif pattern[i] == "?":
                regex, i = regex + "[^/]", i + 1
            elif pattern[i] == "[" and "]" in pattern[i:]:
                end = pattern.index("]", i)
                regex, i = regex + "[" + pattern[i + 1:end].replace("\\", "\\\\") + "]", end + 1
            else:
                regex, i = regex + re.escape(pattern[i]), i + 1
        rules.append((re.compile(regex + r"\Z"), exception))
    return rules


def ignored_by_docker(path, rules):
    """A file is left out when the last rule matching it, or a folder above it, excludes."""
    parts = path.split("/")
    candidates = ["/".join(parts[:end]) for end in range(1, len(parts) + 1)]
    ignored = False
    for regex, exception in rules:
        if any(regex.match(candidate) for candidate in candidates):
            ignored = not exception
    return ignored


def build_context_files(repo=REPO):
    """The repository's files (tracked, or new and not git-ignored) that .dockerignore lets in."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=repo, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    rules = dockerignore_rules((repo / ".dockerignore").read_text())
    return sorted(
        path for path in set(listed)
        if path and (repo / path).is_file() and not ignored_by_docker(path, rules)
    )


# -- fast checks of the files themselves ----------------------------------------------------


def test_dockerignore_keeps_secrets_local_state_and_tests_out_of_the_image():
    rules = dockerignore_rules((REPO / ".dockerignore").read_text())

    for path in (".env", ".git/config", ".venv/bin/python", "var/db.sqlite3", "var/mail/1.eml",
                 "tests/conftest.py", "bench/finder.py", "portal/__pycache__/urls.cpython-312.pyc",
                 "locale/es/LC_MESSAGES/django.mo", ".hypothesis/examples/x", "db.sqlite3"):
        assert ignored_by_docker(path, rules), path
    for path in ("manage.py", "gunicorn.conf.py", "requirements.lock", "portal/settings/production.py",
                 "static/vendor/leaflet/leaflet.js", "locale/es/LC_MESSAGES/django.po", "templates/base.html"):
        assert not ignored_by_docker(path, rules), path


def test_build_step_sets_every_variable_production_requires():
    stage = dockerfile_stages()[-1]
    steps = manage_py_steps(stage)
    assert steps, "the final stage runs no manage.py step"
    env = image_environment(stage)
    assert env["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"

    for name in production_required_variables():
        for step in steps:
            assert name in env or re.search(rf"\b{name}=\S", step.arguments), (
                f"the build step does not set {name}, which the production settings require"
            )


def test_leaflet_names_no_source_map_that_is_not_shipped():
    """The production storage follows sourceMappingURL comments; a missing file stops collectstatic."""
    for path in (REPO / "static").rglob("*.[jc]s*"):
        for target in re.findall(r"sourceMappingURL=(\S+?)(?:\s*\*/)?\s*$", path.read_text(errors="replace"), re.M):
            assert (path.parent / target).exists(), f"{path.relative_to(REPO)} names {target}, which is not shipped"


# -- the build, run for real ----------------------------------------------------------------


@pytest.fixture(scope="module")
def built_app(tmp_path_factory):
    """A copy of the build context after the image's manage.py steps ran in it."""
    assert (VENV_BIN / "python").exists(), f"{VENV_BIN} is missing: run make install-test"
    app = tmp_path_factory.mktemp("image") / "app"
    for path in build_context_files():
        (app / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / path, app / path, follow_symlinks=False)

    stage = dockerfile_stages()[-1]
    env = image_environment(stage)
    for step in manage_py_steps(stage):
        result = subprocess.run(shell_command(step), cwd=app, env=env, capture_output=True, text=True,
                                timeout=BUILD_TIMEOUT)
        if result.returncode != 0:
            pytest.fail(f"the build step failed ({result.returncode}):\n{step.arguments}\n"
                        f"{result.stdout}\n{result.stderr}")
    return app


def _database_url(settings_dict):
    user = quote(settings_dict["USER"] or "", safe="")
    password = quote(settings_dict["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else f"{user}@"
    return f"postgres://{credentials}{settings_dict['HOST']}:{settings_dict['PORT']}/{quote(settings_dict['NAME'])}"


@dataclass
class RunningSite:
    port: int
    env: dict
    log_file: Path
    app: Path

    def fetch(self, path, method="GET", body=None, headers=None):
        """(status, headers, body) of one request, as the TLS proxy would pass it on."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body,
                               headers={"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def log(self):
        return self.log_file.read_text(errors="replace")

    def access_log_line(self, method, path):
        """The access-log line of that request (written just after the response)."""
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            lines = [line for line in self.log().splitlines() if f'"{method} {path}"' in line]
            if lines:
                return lines[-1]
            time.sleep(0.1)
        raise AssertionError(f"no access-log line for {method} {path}:\n{self.log()}")


@pytest.fixture
def running_site(built_app, live_home, redis_server, tmp_path):
    """The image's CMD, serving the built copy with production settings."""
    from cryptography.fernet import Fernet
    from django.db import connection

    from tests.harness.ports import free_port

    stage = dockerfile_stages()[-1]
    [cmd] = [instruction for instruction in stage if instruction.keyword == "CMD"]
    port = free_port()
    env = {
        **image_environment(stage),
        # What docker-compose.yml gives the container, pointed at the test servers.
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
        "DATABASE_URL": _database_url(connection.settings_dict),
        "REDIS_URL": f"{redis_server.url}/1",
        "CELERY_BROKER_URL": f"{redis_server.url}/0",
        "EMAIL_HOST": "smtp.invalid",
        "INQUIRY_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "GUNICORN_CMD_ARGS": f"--bind 127.0.0.1:{port}",
    }
    log_file = tmp_path / "gunicorn.log"
    with open(log_file, "wb") as log:
        process = subprocess.Popen(shell_command(cmd), cwd=built_app, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    site = RunningSite(port=port, env=env, log_file=log_file, app=built_app)
    try:
        _wait_until_serving(site, process)
        yield site
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the master and its workers
            process.wait()


def _wait_until_serving(site, process):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{site.log()}")
        try:
            site.fetch("/")
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer within {START_TIMEOUT}s:\n{site.log()}")


@pytest.mark.slow
def test_built_image_serves_pages_static_files_and_health(running_site):
    status, _headers, body = running_site.fetch("/")
    assert status == 200, running_site.log()

    html = body.decode()
    referenced = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    assert referenced, "the home page references no static file"
    static_path = referenced[0]
    # Manifest storage: the name carries the content's hash, cached for ever.
    assert re.search(r"\.[0-9a-f]{12}\.(?:css|js)$", static_path), static_path
    status, headers, content = running_site.fetch(static_path)
    assert status == 200, running_site.log()
    assert content == (running_site.app / "var" / "static" / static_path.removeprefix("/static/")).read_bytes()
    assert "immutable" in headers["Cache-Control"]  # whitenoise's answer for a hashed file

    status, _headers, body = running_site.fetch("/healthz/")
    assert status == 200, body
    assert json.loads(body)["status"] == "ok"


@pytest.mark.slow
def test_compose_health_check_passes_against_the_built_image(running_site):
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    check = compose["services"]["web"]["healthcheck"]["test"]
    assert check[0] == "CMD"
    command = [part.replace("http://127.0.0.1:8000/", f"http://127.0.0.1:{running_site.port}/") for part in check[1:]]
    assert command != check[1:], "the health check no longer probes http://127.0.0.1:8000/"

    result = subprocess.run(command, cwd=running_site.app, env=running_site.env, capture_output=True, text=True,
                            timeout=60)

    assert result.returncode == 0, result.stderr + running_site.log()


@pytest.mark.slow
def test_access_log_names_no_client_address_query_or_answers(running_site, live_home, settings):
    """A visitor's address next to the page they posted to would tell who asked for therapy."""
    from inquiries.models import Inquiry, InquirySettings
    from tests.inquiries.factories import VISITOR, RequestPageFactory, answers
    from tests.portal.factories import StandardPageFactory

    privacy = StandardPageFactory(parent=live_home, title="Privacy notice", slug="privacy")
    request_page = RequestPageFactory(parent=live_home)
    inquiry_settings = InquirySettings.for_site(live_home.get_site())
    inquiry_settings.default_intake_email = "intake@example.org"
    inquiry_settings.privacy_page = privacy
    inquiry_settings.save()
    form_path = request_page.get_url()
    assert form_path.startswith("/"), form_path

    status, headers, body = running_site.fetch(f"{form_path}?near=60544")
    assert status == 200, running_site.log()
    assert "csrfmiddlewaretoken" not in body.decode()  # cacheable: no CSRF token (portal/csrf.py)
    settings.SECRET_KEY = running_site.env["SECRET_KEY"]  # the form token is signed as the site signs it
    status, headers, body = running_site.fetch(
        form_path, method="POST", body=urlencode(answers(), doseq=True),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin",
                 "Origin": f"https://{HOST}", "Referer": f"https://{HOST}{form_path}"},
    )
    assert status == 303, body.decode(errors="replace")[:2000] + running_site.log()
    assert Inquiry.objects.count() == 1

    lines = [running_site.access_log_line("GET", form_path), running_site.access_log_line("POST", form_path)]
    for line in lines:
        assert "127.0.0.1" not in line, line
        assert "60544" not in line and "near=" not in line, line
    assert " 303 " in lines[1]
    log = running_site.log()
    for answer in VISITOR.values():
        assert answer not in log

