"""Wagtail's starter root page is titled "Root", which began the breadcrumbs on every page's
edit screen ("Root › Vidensbanken › …"). It becomes "Sider", as the menu item that opens it."""

from django.db import migrations

OLD_TITLE, TITLE = "Root", "Sider"


def retitle(apps, old, new):
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=old).update(
        title=new, draft_title=new
    )


def to_danish(apps, schema_editor):
    retitle(apps, OLD_TITLE, TITLE)


def to_english(apps, schema_editor):
    retitle(apps, TITLE, OLD_TITLE)


class Migration(migrations.Migration):
    dependencies = [("kb", "0009_danish_workflow_and_groups")]

    operations = [migrations.RunPython(to_danish, to_english)]
