"""The open-now line, computed in Chicago time across a frozen clock."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from locations.hours import status_line
from tests.locations.factories import OfficeFactory

CHICAGO = ZoneInfo("America/Chicago")
pytestmark = pytest.mark.django_db  # building a page looks up its content type


def office(hours, closures=()):
    """An office in memory only: the status line needs nothing saved."""
    return OfficeFactory.build(hours=hours, closures=closures)


WEEKDAYS_9_TO_5 = [(day, datetime.time(9), datetime.time(17)) for day in range(5)] + [(5, None, None)]


def at(*args):
    """A moment in Chicago, handed over in UTC as the server would see it."""
    return datetime.datetime(*args, tzinfo=CHICAGO).astimezone(datetime.UTC)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "moment, expected",
    [
        (at(2026, 11, 18, 10, 30), "Open now, until 5 p.m."),  # Wednesday morning
        (at(2026, 11, 18, 16, 59), "Open now, until 5 p.m."),  # just before closing
        (at(2026, 11, 18, 17, 0), "Closed now. Opens at 9 a.m. tomorrow"),  # closing time
        (at(2026, 11, 18, 7, 45), "Opens at 9 a.m. today"),  # early morning
        (at(2026, 11, 20, 18, 0), "Closed now. Opens Monday at 9 a.m."),  # Friday evening
        (at(2026, 11, 21, 11, 0), "By appointment today"),  # Saturday
        (at(2026, 11, 22, 11, 0), "Closed now. Opens at 9 a.m. tomorrow"),  # Sunday
    ],
)
def test_status_through_the_week(moment, expected):
    assert status_line(office(WEEKDAYS_9_TO_5), now=moment) == expected


def test_closure_today_names_the_reason():
    page = office(WEEKDAYS_9_TO_5, closures=[(datetime.date(2026, 11, 26), "Thanksgiving")])

    assert status_line(page, now=at(2026, 11, 26, 10, 0)) == "Closed today for Thanksgiving"


def test_closure_tomorrow_is_skipped_when_saying_when_it_opens():
    page = office(WEEKDAYS_9_TO_5, closures=[(datetime.date(2026, 11, 26), "Thanksgiving")])

    # Wednesday evening before Thanksgiving: next opening is Friday.
    assert status_line(page, now=at(2026, 11, 25, 19, 0)) == "Closed now. Opens Friday at 9 a.m."


def test_late_evening_in_chicago_is_already_the_next_day_in_utc():
    # 20:30 on a Friday in Chicago is 02:30 Saturday UTC; Chicago's day counts.
    page = office(WEEKDAYS_9_TO_5)
    moment = at(2026, 11, 20, 20, 30)
    assert moment.weekday() == 5  # Saturday in UTC

    assert status_line(page, now=moment) == "Closed now. Opens Monday at 9 a.m."


def test_daylight_saving_start_keeps_wall_clock_hours():
    # 8 March 2026: clocks jump from 2:00 to 3:00. A Sunday office opening at 9:00
    # opens at 9:00 local time, which is 14:00 UTC that day (15:00 UTC the day before).
    page = office([(6, datetime.time(9), datetime.time(13))])

    before = datetime.datetime(2026, 3, 8, 13, 59, tzinfo=datetime.UTC)
    after = datetime.datetime(2026, 3, 8, 14, 0, tzinfo=datetime.UTC)

    assert status_line(page, now=before) == "Opens at 9 a.m. today"
    assert status_line(page, now=after) == "Open now, until 1 p.m."


def test_daylight_saving_end_keeps_wall_clock_hours():
    # 1 November 2026: clocks fall back from 2:00 to 1:00; 9:00 is 15:00 UTC.
    page = office([(6, datetime.time(9), datetime.time(13))])

    assert status_line(page, now=datetime.datetime(2026, 11, 1, 14, 59, tzinfo=datetime.UTC)) == (
        "Opens at 9 a.m. today"
    )
    assert status_line(page, now=datetime.datetime(2026, 11, 1, 15, 0, tzinfo=datetime.UTC)) == (
        "Open now, until 1 p.m."
    )


def test_split_day_reports_the_afternoon_opening():
    page = office([(2, datetime.time(9), datetime.time(12)), (2, datetime.time(13), datetime.time(18))])

    assert status_line(page, now=at(2026, 11, 18, 12, 30)) == "Opens at 1 p.m. today"


def test_office_without_hours_says_nothing():
    assert status_line(office([]), now=at(2026, 11, 18, 10, 0)) == ""


def test_status_is_in_the_visitors_language():
    with translation.override("es"):
        assert status_line(office(WEEKDAYS_9_TO_5), now=at(2026, 11, 18, 10, 30)) == (
            "Abierto ahora, hasta las 17:00"
        )
    with translation.override("pl"):
        assert status_line(office(WEEKDAYS_9_TO_5), now=at(2026, 11, 20, 18, 0)) == (
            "Teraz zamknięte. Otwarte: poniedziałek od 09:00"
        )


def test_closure_today_is_announced_even_without_regular_hours():
    page = office([], closures=[(datetime.date(2026, 12, 25), "Christmas Day")])

    assert status_line(page, now=at(2026, 12, 25, 10, 0)) == "Closed today for Christmas Day"


def test_long_closure_does_not_claim_appointments():
    closures = [(datetime.date(2026, 12, 20) + datetime.timedelta(days=n), "Renovation") for n in range(1, 20)]
    page = office(WEEKDAYS_9_TO_5, closures=closures)

    assert status_line(page, now=at(2026, 12, 20, 12, 0)) == "Closed now"
