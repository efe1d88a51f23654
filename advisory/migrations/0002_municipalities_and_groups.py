import csv
from pathlib import Path

from django.db import migrations

from advisory.roles import create_groups, ensure_permissions

MUNICIPALITIES = Path(__file__).resolve().parent.parent / "data" / "municipalities.csv"
REGIONS = {
    "Region Hovedstaden": "hovedstaden",
    "Region Sjælland": "sjaelland",
    "Region Syddanmark": "syddanmark",
    "Region Midtjylland": "midtjylland",
    "Region Nordjylland": "nordjylland",
}


def load_municipalities(apps, schema_editor):
    Municipality = apps.get_model("advisory", "Municipality")
    with MUNICIPALITIES.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            Municipality.objects.update_or_create(
                name=row["municipality"], defaults={"region": REGIONS[row["region"]]}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("kb", "0002_taxonomy"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(load_municipalities, migrations.RunPython.noop),
        migrations.RunPython(ensure_permissions, migrations.RunPython.noop),
        migrations.RunPython(create_groups, migrations.RunPython.noop),
    ]
