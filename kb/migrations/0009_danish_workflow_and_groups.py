"""Wagtail's starter data in Danish: its approval workflow and task were named "Moderators
approval" (every page's save menu offered "Send til Moderators approval"), and its groups
"Editors" and "Moderators" sat beside ours. The empty "Editors" duplicates "Redaktører" and
goes; "Moderators", whom the approval task asks, becomes "Godkendere"."""

from django.db import migrations

OLD_APPROVAL, APPROVAL = "Moderators approval", "Godkendelse"
NAMES = [("wagtailcore", "Workflow"), ("wagtailcore", "Task")]


def to_danish(apps, schema_editor):
    for app_label, model in NAMES:
        apps.get_model(app_label, model).objects.filter(name=OLD_APPROVAL).update(name=APPROVAL)
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Moderators").update(name="Godkendere")
    Group.objects.filter(name="Editors", user__isnull=True).delete()


def to_english(apps, schema_editor):
    for app_label, model in NAMES:
        apps.get_model(app_label, model).objects.filter(name=APPROVAL).update(name=OLD_APPROVAL)
    apps.get_model("auth", "Group").objects.filter(name="Godkendere").update(name="Moderators")


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0008_article_year_range"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(to_danish, to_english)]
