"""Admin dashboard panel for intake: requests per office over the last 8
weeks (a small bar chart that is also a table), and any failed e-mails.
Shown only to people who may read inquiries, counting only theirs."""

import datetime

from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone
from wagtail.admin.ui.components import Component

from inquiries.models import Inquiry, InquiryNotice

WEEKS = 8


class InquiriesPanel(Component):
    name = "inquiries"
    template_name = "inquiries/admin/dashboard_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        visible = Inquiry.objects.visible_to(self.user)
        today = timezone.localdate()
        first_monday = today - datetime.timedelta(days=today.weekday(), weeks=WEEKS - 1)
        weeks = [first_monday + datetime.timedelta(weeks=n) for n in range(WEEKS)]
        start = timezone.make_aware(datetime.datetime.combine(first_monday, datetime.time.min))
        counts = (
            visible.filter(created_at__gte=start)
            .annotate(week=TruncWeek("created_at"))
            .values("office_name", "week")
            .annotate(count=Count("id"))
        )
        table = {}
        for row in counts:
            office = row["office_name"] or "Any office or telehealth"
            week = row["week"].date() if hasattr(row["week"], "date") else row["week"]
            table.setdefault(office, {})[week] = row["count"]
        highest = max((n for per_week in table.values() for n in per_week.values()), default=0)
        rows = [
            {
                "office": office,
                "cells": [
                    {"count": table[office].get(week, 0),
                     "percent": round(100 * table[office].get(week, 0) / highest) if highest else 0}
                    for week in weeks
                ],
                "total": sum(table[office].values()),
            }
            for office in sorted(table)
        ]
        failed = (
            InquiryNotice.objects.filter(status=InquiryNotice.Status.FAILED, inquiry__in=visible)
            .select_related("inquiry")
            .order_by("-inquiry__created_at")[:10]
        )
        return {"weeks": weeks, "rows": rows, "failed": failed}
