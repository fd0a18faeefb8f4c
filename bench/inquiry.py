"""Benchmark: sending the appointment form, next to a bare Django view.

    .venv/bin/python bench/inquiry.py [--posts 300]

Starts a throwaway PostgreSQL (as the tests do), loads the demo, then posts
a valid form to an office page (validation, encryption, the inquiry and its
outbox rows in one transaction, the redirect) and a bare view that returns
"ok", both through the full middleware stack in this run. Prints medians,
p99s and their ratio, and for scale the GET of the office page that carries
the form. Each post comes from its own address (so the rate limit
does not refuse it) with a fresh form token; publishing goes to Celery's
in-memory broker, so the figure is the web process's own work.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"

urlpatterns = []  # filled in main(): the bare view, then the portal's URLs


def bare_view(request):
    from django.http import HttpResponse

    return HttpResponse("ok")


def timed(function, repeat):
    times = []
    for number in range(repeat):
        started = time.perf_counter()
        function(number)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    args = parser.parse_args()

    from tests.harness.postgres import PostgresServer

    server = PostgresServer().start()
    try:
        import django
        from django.conf import settings

        settings.DATABASES["default"].update(server.database_settings(name="postgres"))
        settings.ROOT_URLCONF = __name__
        django.setup()
        from django.core.management import call_command
        from django.test import Client
        from django.urls import path

        import portal.urls

        urlpatterns[:] = [path("bench-bare/", bare_view), *portal.urls.urlpatterns]

        print("migrating and loading the demo…", flush=True)
        call_command("migrate", verbosity=0)
        call_command("load_demo", stdout=open(os.devnull, "w"))

        from inquiries.models import Inquiry
        from locations.models import LocationPage
        from tests.inquiries.factories import answers

        client = Client()
        naperville = LocationPage.objects.get(slug="naperville", locale__language_code="en")

        def post_form(number):
            response = client.post("/locations/naperville/", answers(naperville),
                                   REMOTE_ADDR=f"10.{number // 60000}.{number // 250 % 240}.{number % 250 + 1}")
            assert response.status_code == 303, response.status_code

        def post_bare(number):
            response = client.post("/bench-bare/", {"name": "x"})
            assert response.status_code == 200

        def get_page(number):
            assert client.get("/locations/naperville/").status_code == 200

        post_form(10**6), post_bare(0), get_page(0)  # warm up: keys derived, templates compiled
        bare_median, bare_p99 = timed(post_bare, args.posts)
        form_median, form_p99 = timed(post_form, args.posts)
        page_median, page_p99 = timed(get_page, args.posts)
        assert Inquiry.objects.count() == args.posts + 1

        print(f"posts each: {args.posts}")
        print(f"bare Django view   median {bare_median:7.3f} ms   p99 {bare_p99:7.3f} ms   (baseline)")
        print(f"appointment form   median {form_median:7.3f} ms   p99 {form_p99:7.3f} ms")
        print(f"office page GET    median {page_median:7.3f} ms   p99 {page_p99:7.3f} ms   (for scale)")
        print(f"ratio form / bare view: median {form_median / bare_median:.2f}x, "
              f"p99 {form_p99 / bare_p99:.2f}x")
        print(f"ratio form / office page GET: median {form_median / page_median:.2f}x")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
