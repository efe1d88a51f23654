"""A place that is not a member gets a field of its own on the case. Until now the question
form put its name only in the case's first note ("Organisation: … (ikke fundet blandt
medlemmerne)"): that name moves to the field, and the note stays as it was written."""

import re

from django.db import migrations, models

NOTE_LINE = re.compile(r"^Organisation: (.+) \(ikke fundet blandt medlemmerne\)$", re.MULTILINE)


def name_from_first_note(apps, schema_editor):
    Case = apps.get_model("advisory", "Case")
    CaseEvent = apps.get_model("advisory", "CaseEvent")
    notes = CaseEvent.objects.filter(
        kind="note",
        case__organisation__isnull=True,
        body__contains="(ikke fundet blandt medlemmerne)",
    ).order_by("created_at")
    for note in notes:
        if match := NOTE_LINE.search(note.body):
            Case.objects.filter(pk=note.case_id, other_organisation="").update(
                other_organisation=match[1][:200]
            )


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0008_reply_template_placeholders_explained"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="other_organisation",
            field=models.CharField(
                blank=True,
                help_text="Navnet på et sted, der ikke er medlem, fx et værested under opstart.",
                max_length=200,
                verbose_name="anden organisation",
            ),
        ),
        migrations.RunPython(name_from_first_note, migrations.RunPython.noop),
    ]
