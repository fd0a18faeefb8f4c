"""The "Open now / Opens at 9:00 tomorrow / Closed today for …" line.

Opening hours are wall-clock times in Chicago, so the comparison happens in
America/Chicago local time; daylight-saving changes need no special case.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.translation import gettext as _

CLINIC_TIME_ZONE = ZoneInfo("America/Chicago")
DAYS_AHEAD = 14


def _weekday_name(day):
    return formats.date_format(day, "l")


def status_line(page, now=None):
    """Describe whether ``page``'s office is open at ``now`` (default: now).

    Uses ``page.opening_hours`` and ``page.closures``; prefetch them when
    listing many offices.
    """
    local = timezone.localtime(now or timezone.now(), CLINIC_TIME_ZONE)
    today, time_now = local.date(), local.time()
    rows = {}
    for row in page.opening_hours.all():
        rows.setdefault(row.weekday, []).append(row)
    closures = {closure.date: closure for closure in page.closures.all()}

    closure = closures.get(today)
    if closure is not None:
        if closure.note:
            return _("Closed today for %(reason)s") % {"reason": closure.note}
        return _("Closed today")
    if not rows:
        return ""

    timed_today = sorted(
        (row for row in rows.get(today.weekday(), []) if not row.by_appointment),
        key=lambda row: row.opens,
    )
    for row in timed_today:
        if row.opens <= time_now < row.closes:
            return _("Open now, until %(time)s") % {"time": formats.time_format(row.closes)}
    for row in timed_today:
        if time_now < row.opens:
            return _("Opens at %(time)s today") % {"time": formats.time_format(row.opens)}
    if not timed_today and any(row.by_appointment for row in rows.get(today.weekday(), [])):
        return _("By appointment today")

    for days in range(1, DAYS_AHEAD + 1):
        day = today + datetime.timedelta(days=days)
        if day in closures:
            continue
        timed = [row for row in rows.get(day.weekday(), []) if not row.by_appointment]
        if not timed:
            continue
        opens = formats.time_format(min(row.opens for row in timed))
        if days == 1:
            return _("Closed now. Opens at %(time)s tomorrow") % {"time": opens}
        return _("Closed now. Opens %(day)s at %(time)s") % {"day": _weekday_name(day), "time": opens}
    if any(not row.by_appointment for day_rows in rows.values() for row in day_rows):
        return _("Closed now")  # regular hours exist, but closures cover the next two weeks
    return _("By appointment")
