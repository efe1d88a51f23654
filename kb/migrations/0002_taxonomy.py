from django.db import migrations

from kb.taxonomy_data import AUDIENCES, TOPICS


def create_taxonomy(apps, schema_editor):
    Topic = apps.get_model("kb", "Topic")
    Audience = apps.get_model("kb", "Audience")
    for slug, name in TOPICS.items():
        Topic.objects.get_or_create(slug=slug, defaults={"name": name})
    for slug, name in AUDIENCES.items():
        Audience.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("kb", "0001_initial")]

    operations = [migrations.RunPython(create_taxonomy, migrations.RunPython.noop)]
