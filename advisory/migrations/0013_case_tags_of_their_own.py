"""Cases get tags of their own (CaseTagName), apart from taggit's shared tags, which the
admin suggests to editors tagging documents and images: here the cases' tags are copied
across; 0014 makes the copy the tag and forgets the tags only cases used."""

import django.db.models.deletion
import taggit.managers
from django.db import migrations, models


def copy_tags(apps, schema_editor):
    CaseTag = apps.get_model("advisory", "CaseTag")
    CaseTagName = apps.get_model("advisory", "CaseTagName")
    for tagged in CaseTag.objects.select_related("tag"):
        name, _created = CaseTagName.objects.get_or_create(
            name=tagged.tag.name, defaults={"slug": tagged.tag.slug}
        )
        tagged.case_tag_name = name
        tagged.save(update_fields=["case_tag_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0012_editors_keep_search"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="CaseTagName",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(
                        allow_unicode=True, max_length=100, unique=True, verbose_name="slug"
                    ),
                ),
            ],
            options={"verbose_name": "sagsmærke", "verbose_name_plural": "sagsmærker"},
        ),
        migrations.AddField(
            model_name="casetag",
            name="case_tag_name",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="advisory.casetagname",
            ),
        ),
        migrations.RunPython(copy_tags, migrations.RunPython.noop),
    ]
