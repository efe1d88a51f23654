"""Before cases had a follow-up date, staff who had answered a case and promised to follow up
moved its deadline ("Flyt fristen"), and the date never came back: an answered case is never
overdue. A deadline moved after the case was last answered becomes its follow-up date, noted
on its timeline."""

from django.db import migrations
from django.db.models import F, Max, Q
from django.utils import formats, translation


def rescue_follow_ups(apps, schema_editor):
    Case = apps.get_model("advisory", "Case")
    CaseEvent = apps.get_model("advisory", "CaseEvent")
    moved_after_answer = (
        Case.objects.filter(status="answered", follow_up_date__isnull=True)
        .annotate(
            answered_at=Max("events__created_at", filter=Q(events__kind="status")),
            moved_at=Max(
                "events__created_at", filter=Q(events__kind="edit", events__field="Svarfrist")
            ),
        )
        .filter(moved_at__gt=F("answered_at"))
    )
    with translation.override("da"):
        for case in moved_after_answer:
            case.follow_up_date = case.due_date
            case.save(update_fields=["follow_up_date"])
            CaseEvent.objects.create(
                case=case,
                kind="edit",
                field="Opfølgning",
                new_value=formats.date_format(case.due_date, "j. F Y"),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0006_case_follow_up_date"),
    ]

    operations = [
        migrations.RunPython(rescue_follow_ups, migrations.RunPython.noop),
    ]
