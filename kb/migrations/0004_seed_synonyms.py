"""Synonyms editors start with; they maintain the list under Snippets → Synonymer."""

from django.db import migrations

SYNONYMS = {
    "volontør": "frivillig, frivillige",
    "volontører": "frivillige",
    "paragraf 18": "§18",
    "paragraf 104": "§104",
    "§18": "kommunal støtte",
}


def seed(apps, schema_editor):
    Synonym = apps.get_model("kb", "Synonym")
    for term, synonyms in SYNONYMS.items():
        Synonym.objects.get_or_create(term=term, defaults={"synonyms": synonyms})


class Migration(migrations.Migration):
    dependencies = [("kb", "0003_search")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
