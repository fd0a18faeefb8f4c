"""Benchmark: public pages under gunicorn, next to a static file and a bare view.

    .venv/bin/python bench/pages.py [--requests 500] [--baseline-requests 2000]
        [--concurrency 4] [--warmup 20] [--workers 2]

Starts a throwaway PostgreSQL and Redis (as the tests do), migrates and loads
the demo (``manage.py load_demo``; about 2 minutes together), collects the static files
into a temporary STATIC_ROOT and starts gunicorn as the Docker image does
(``--config gunicorn.conf.py``, production settings, access log included)
but with 2 sync workers on a free port of 127.0.0.1. The production settings
get throwaway values for what they require (secret key, hosts, database,
Redis, e-mail host, encryption key); requests carry the Host and
X-Forwarded-Proto headers the TLS proxy would pass on.

Measured, one URL after the other, each warmed up first (caches, compiled
templates and image renditions are made by the first requests):

- the home page, an office page (the first one /locations/ links to), the
  blog index /blog/ and an article (the first one /blog/ links to); a blog
  index that answers 404 is reported as missing. Each twice: "cached", as
  visitors get it from the page cache (portal/page_cache.py), and
  "uncached", rendered for every request (the same URL with a query string,
  which the page cache never stores; the shared fragments stay cached, as
  they do for a page-cache miss);
- baselines from the same run: a CSS file under /static/ served by
  whitenoise, and a bare Django view returning "ok" through the full
  middleware stack (bench/bench_urls.py serves the portal with that view
  added, since the settings take ROOT_URLCONF from no environment variable).
  They are quick, so they get more requests (--baseline-requests): every
  ratio is divided by their figures.

Then the goals of issue 12, each as PASS or FAIL: a cached page at least
0.5x the static file's requests per second; an uncached office page and
article at most 50x the bare view's CPU; 0 queries on a cache hit; and the
first request after publishing (the page cache and the fragments purged,
as publishing does) at most 3x a warm uncached request (medians of
--publish-trials purges, timed here with the load generator idle).

For each: latency median and p99 (from sending the request to reading the
whole response, as seen by the load generator), requests per second over
the run, database queries per request and the gunicorn workers' CPU time per
request, then ratios: latency and CPU as multiples of the bare view's,
requests per second as a fraction of the static file's.

- Load generator: --concurrency threads of this process, each sending GETs
  one after the other with http.client and a browser's Accept-Encoding
  (whitenoise answers with its compressed copy). gunicorn's sync workers
  close the connection after each response, so every request opens a new
  loopback connection (as it would behind the proxy). The load generator
  shares the machine's cores with gunicorn, PostgreSQL and Redis: absolute
  figures are for this machine only, the ratios are what to compare between
  runs.
- CPU: time gunicorn's worker processes (the master's children) spent on
  the CPU, user and system, from /proc/<pid>/task/*/schedstat before and
  after each URL's run, divided by the requests. PostgreSQL's and Redis's
  own CPU are not included.
- Queries: counted in this process, not in gunicorn's workers: Django is set
  up here with the same settings, URLconf, database and Redis cache, and
  CaptureQueriesContext counts the queries of a few test-client GETs of
  each URL once it is warm (averaged). The connection health check
  (conn_health_checks, one "SELECT 1" when a worker reuses its
  connection) is not counted.
"""

import argparse
import http.client
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

HOST = "care.example.org"  # in ALLOWED_HOSTS; the demo site is the default site
PROXY_HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https"}  # as the TLS proxy passes requests on
# A browser's: whitenoise then serves its precompressed copy of the CSS file.
LOAD_HEADERS = {**PROXY_HEADERS, "Accept-Encoding": "gzip, deflate, br"}
STARTED = time.monotonic()
LOAD_AT_START = os.getloadavg()[0]
BASELINES = ("static file", "bare Django view")
UNCACHED = "?uncached"  # the page cache never stores a URL with a query string


def step(message):
    print(f"[{time.monotonic() - STARTED:6.1f} s] {message}", flush=True)


# -- the servers --------------------------------------------------------------------------


def site_environment(postgres, redis, work_dir):
    """What docker-compose.yml gives the web container, with throwaway values."""
    from cryptography.fernet import Fernet

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
        "DATABASE_URL": postgres.url_for("postgres"),
        "REDIS_URL": f"{redis.url}/1",
        "CELERY_BROKER_URL": f"{redis.url}/0",
        "EMAIL_HOST": "smtp.invalid",
        "INQUIRY_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "MEDIA_ROOT": str(work_dir / "media"),
        "STATIC_ROOT": str(work_dir / "static"),
        "VAR_DIR": str(work_dir / "var"),  # nothing lands in the repository's var/
        "PYTHONUNBUFFERED": "1",
    }


def manage(env, *args, show=lambda line: False):
    """Run manage.py; print the output lines `show` picks, all of it if it fails."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
    )
    output = []
    try:
        for line in process.stdout:
            output.append(line)
            if show(line):
                print(f"           {line.rstrip()}", flush=True)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if process.returncode != 0:
        command = " ".join(args)
        raise SystemExit(f"manage.py {command} failed ({process.returncode}):\n{''.join(output[-60:])}")


class Gunicorn:
    def __init__(self, env, port, workers, log_file):
        self.port = port
        self.log_file = log_file
        with open(log_file, "wb") as log:
            # Its own session: Ctrl-C reaches this script, which stops gunicorn itself.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py",
                 "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "bench.bench_urls:application"],
                cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    def log_tail(self, lines=40):
        text = self.log_file.read_text(errors="replace")
        return "\n--- gunicorn log (tail) ---\n" + "\n".join(text.splitlines()[-lines:])

    def wait_until_serving(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited with {self.process.returncode}{self.log_tail()}")
            try:
                fetch(self.port, "/bench/bare/")
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer within {timeout} s{self.log_tail()}")

    def worker_cpu(self):
        """{pid: CPU seconds} of the master's children (the workers), all threads.

        From /proc/<pid>/task/*/schedstat (nanoseconds on the CPU, user and
        system) rather than /proc/<pid>/stat's utime + stime, which count in
        clock ticks (10 ms): too coarse for a bare view's fraction of a ms."""
        times = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) != self.process.pid:  # ppid
                    continue
                tasks = Path(f"/proc/{entry}/task").glob("*/schedstat")
                times[int(entry)] = sum(int(task.read_text().split()[0]) for task in tasks) / 1e9
            except OSError:  # gone meanwhile
                continue
        return times

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()  # graceful: the master stops its workers
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


# -- requests -----------------------------------------------------------------------------


def fetch(port, path):
    """(status, body as text) of one GET."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=PROXY_HEADERS)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def drive(port, path, requests, concurrency):
    """GET `path` `requests` times from `concurrency` clients at once.

    Returns the latencies in ms, sorted, and the run's wall-clock seconds."""
    remaining = iter(range(requests))
    lock = threading.Lock()
    latencies, failures = [], []

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        try:
            while True:
                with lock:
                    if next(remaining, None) is None:
                        break
                started = time.perf_counter()
                connection.request("GET", path, headers=LOAD_HEADERS)
                response = connection.getresponse()
                response.read()
                mine.append((time.perf_counter() - started) * 1000)
                if response.status != 200:
                    failures.append(f"status {response.status}")
        except Exception as error:  # reported below, after the other clients finish
            failures.append(repr(error))
        finally:
            connection.close()
            latencies.extend(mine)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    if failures:
        raise SystemExit(f"GET {path}: {len(failures)} of {requests} requests failed, e.g. {failures[0]}")
    return sorted(latencies), seconds


def measure(gunicorn, path, requests, args):
    drive(gunicorn.port, path, args.warmup, args.concurrency)
    before = gunicorn.worker_cpu()
    latencies, seconds = drive(gunicorn.port, path, requests, args.concurrency)
    after = gunicorn.worker_cpu()
    if set(after) != set(before):
        print("           warning: a gunicorn worker was replaced during the run; CPU is undercounted")
    cpu = sum(after[pid] - before.get(pid, 0) for pid in after)
    return {
        "median": statistics.median(latencies),
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "rps": requests / seconds,
        "cpu": cpu / requests * 1000,
        "seconds": seconds,
    }


def first_after_publish(port, path, trials):
    """Median ms of the first GET of ``path`` after a purge (what publishing
    does), and of a warm uncached GET, with nothing else running."""
    import bench.bench_urls  # noqa: F401  (django.setup(): the same Redis as the workers)
    from portal import page_cache

    def timed(url):
        started = time.perf_counter()
        status, _body = fetch(port, url)
        assert status == 200, url
        return (time.perf_counter() - started) * 1000

    first, warm = [], []
    for _ in range(trials):
        page_cache.purge()
        first.append(timed(path))
        timed(path + UNCACHED)  # same generation: fragments warm now
        warm.append(timed(path + UNCACHED))
    return statistics.median(first), statistics.median(warm)


def queries_per_request(paths, repeat=5):
    """Queries per GET, counted with Django set up in this process as gunicorn's workers are."""
    import bench.bench_urls  # noqa: F401  (django.setup() with the same settings and URLconf)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")
    counts = {}
    for path in paths:
        client.get(path)  # warm up this process's caches (and the page cache), as the workers' are
        with CaptureQueriesContext(connection) as captured:
            for _ in range(repeat):
                client.cookies.clear()  # like the load generator, which sends none
                assert client.get(path).status_code == 200, path
        counts[path] = len(captured) / repeat
    return counts


# -- the pages ----------------------------------------------------------------------------


def first_link(html, pattern):
    match = re.search(pattern, html)
    return match.group(1) if match else None


def discover(gunicorn):
    """[(label, path or None, why it is missing)], each checked to answer 200."""

    def get(label, path, expected=(200,)):
        status, body = fetch(gunicorn.port, path)
        if status not in expected:
            raise SystemExit(f"{label}: GET {path} answered {status}, expected 200.{gunicorn.log_tail()}")
        return status, body

    _, home = get("home page", "/")
    static = first_link(home, r'href="(/static/[^"]+\.css)"')
    if static is None:
        raise SystemExit("the home page links to no CSS file under /static/")
    get("static file", static)
    _, body = get("bare Django view", "/bench/bare/")
    if body != "ok":
        raise SystemExit(f"/bench/bare/ answered {body[:200]!r}, not the bare view's 'ok'")
    _, offices = get("office finder", "/locations/")
    office = first_link(offices, r'href="(/locations/[^/"?#]+/)"')
    if office is None:
        raise SystemExit("/locations/ links to no office page")
    get("office page", office)

    status, blog = get("blog index", "/blog/", expected=(200, 404))
    if status == 404:
        blog_row = ("blog index", None, "GET /blog/ answered 404")
        article_row = ("article", None, "no blog index")
    else:
        blog_row = ("blog index", "/blog/", "")
        article = first_link(blog, r'href="(/blog/(?!feed/)[^/"?#]+/)"')
        article_row = ("article", article, "" if article else "/blog/ links to no article")
        if article:
            get("article", article)

    pages = [("home page", "/", ""), ("office page", office, ""), blog_row, article_row]
    return [
        ("static file", static, ""),
        ("bare Django view", "/bench/bare/", ""),
        *[(f"{label}, cached", path, why) for label, path, why in pages],
        *[(f"{label}, uncached", path and f"{path}{UNCACHED}", why) for label, path, why in pages],
    ]


# -- the report ---------------------------------------------------------------------------


def ms(value):
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def print_goals(rows, results, queries, publish):
    """Issue 12's goals, each PASS or FAIL; returns whether all passed."""
    static, bare = (results[label] for label in BASELINES)
    checks = []
    for label, path, _why in rows:
        if path is None or label in BASELINES:
            continue
        r = results[label]
        if label.endswith(", cached"):
            checks.append((f"{label}: req/s ÷ static ≥ 0.5", r["rps"] / static["rps"], 0.5, ">="))
            checks.append((f"{label}: queries on a hit = 0", queries[path], 0, "=="))
        elif label.startswith(("office page", "article")):
            checks.append((f"{label}: CPU × bare ≤ 50", r["cpu"] / bare["cpu"], 50, "<="))
    for label, (first, warm) in publish.items():
        checks.append((f"{label}: first after publishing ÷ warm ≤ 3 ({ms(first)} ms ÷ {ms(warm)} ms)",
                       first / warm, 3, "<="))
    print()
    print("Goals (issue 12):")
    passed = True
    for text, value, limit, op in checks:
        ok = {">=": value >= limit, "<=": value <= limit, "==": value == limit}[op]
        passed &= ok
        print(f"  {'PASS' if ok else 'FAIL'}  {text}: {value:.3g}")
    return passed


def print_table(rows, results, queries, args):
    static, bare = (results[label] for label in BASELINES)
    print()
    print(f"{args.requests} requests per page, {args.baseline_requests} per baseline, from "
          f"{args.concurrency} concurrent clients; gunicorn with {args.workers} sync workers.")
    print(f"Machine: {os.cpu_count()} cores, load average {LOAD_AT_START:.2f} before this run started "
          f"(other work there skews every row).")
    print("CPU: gunicorn workers' time on the CPU (user + system). Ratios: median, p99 and CPU")
    print("as multiples of the bare view's; req/s as a fraction of the static file's.")
    print()
    header = (f"{'':26} {'median':>7} {'p99':>7} {'req/s':>7} {'queries':>8} {'CPU':>7}  │"
              f" {'median':>7} {'p99':>7} {'CPU':>7} {'req/s':>8}")
    units = (f"{'':26} {'ms':>7} {'ms':>7} {'':>7} {'/req':>8} {'ms/req':>7}  │"
             f" {'× bare':>7} {'× bare':>7} {'× bare':>7} {'÷ static':>8}")
    print(header)
    print(units)
    print("─" * len(header))
    for label, path, why in rows:
        if path is None:
            print(f"{label:26} missing: {why}")
            continue
        r = results[label]
        print(f"{label:26} {ms(r['median']):>7} {ms(r['p99']):>7} {r['rps']:7.0f} {queries[path]:8.1f} "
              f"{ms(r['cpu']):>7}  │ {r['median'] / bare['median']:7.2f} {r['p99'] / bare['p99']:7.2f} "
              f"{r['cpu'] / bare['cpu']:7.2f} {r['rps'] / static['rps']:8.3f}")
    print()
    for label, path, _why in rows:
        if path is not None:
            print(f"{label:26} {path}")


# -- main ---------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500, help="measured requests per page")
    parser.add_argument("--baseline-requests", type=int, default=2000,
                        help="measured requests for the static file and the bare view (they are quick)")
    parser.add_argument("--concurrency", type=int, default=4, help="clients sending requests at once")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests per URL first")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--publish-trials", type=int, default=15,
                        help="purges timed for 'first request after publishing'")
    args = parser.parse_args()
    if min(args.requests, args.baseline_requests, args.concurrency, args.workers) < 1 or args.warmup < 0:
        parser.error("counts must be positive")

    from tests.harness.ports import free_port
    from tests.harness.postgres import PostgresServer
    from tests.harness.redis import RedisServer

    # `kill` stops the run as Ctrl-C does: through the clean-up below.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    work_dir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    postgres = redis = gunicorn = None
    try:
        step("starting PostgreSQL and Redis…")
        postgres = PostgresServer()
        postgres.start()
        redis = RedisServer()
        redis.start()
        env = site_environment(postgres, redis, work_dir)

        step("migrating…")
        manage(env, "migrate", "--noinput", "-v0")
        step("loading the demo (about a minute)…")
        # Only the dev settings may load the demo; same database, media and cache.
        manage({**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}, "load_demo",
               show=lambda line: line.startswith("["))
        step("collecting static files…")
        manage(env, "collectstatic", "--noinput", "-v0")

        step(f"starting gunicorn with {args.workers} workers…")
        gunicorn = Gunicorn(env, free_port(), args.workers, work_dir / "gunicorn.log")
        gunicorn.wait_until_serving()
        step("checking that every URL answers 200…")
        rows = discover(gunicorn)
        present = [(label, path) for label, path, _why in rows if path is not None]

        step("counting queries per request…")
        os.environ.update(env)
        queries = queries_per_request([path for _label, path in present])

        results = {}
        for label, path in present:
            requests = args.baseline_requests if label in BASELINES else args.requests
            step(f"measuring {label} {path}: {args.warmup} + {requests} requests…")
            results[label] = measure(gunicorn, path, requests, args)
            result = results[label]
            print(f"           {result['seconds']:.1f} s, median {ms(result['median'])} ms, "
                  f"{result['rps']:.0f} req/s", flush=True)
        publish = {}
        for label, path in present:
            if label.endswith(", cached"):
                step(f"first request after publishing, {label.removesuffix(', cached')}: "
                     f"{args.publish_trials} purges…")
                publish[label.removesuffix(", cached")] = first_after_publish(gunicorn.port, path, args.publish_trials)
        print_table(rows, results, queries, args)
        passed = print_goals(rows, results, queries, publish)
        step("done")
        if not passed:
            sys.exit(1)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not skip the clean-up
        print("stopping gunicorn, Redis and PostgreSQL…", flush=True)
        if gunicorn is not None:
            gunicorn.stop()
        if redis is not None:
            redis.cleanup()
        if postgres is not None:
            postgres.stop()
        shutil.rmtree(work_dir, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("interrupted")
