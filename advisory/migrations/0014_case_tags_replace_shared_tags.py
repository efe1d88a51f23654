"""The copies made in 0013 become the cases' tags, and taggit's tags that only cases used
are forgotten, so the admin no longer suggests them to editors."""

import django.db.models.deletion
import taggit.managers
from django.db import migrations, models


def forget_case_only_tags(apps, schema_editor):
    CaseTagName = apps.get_model("advisory", "CaseTagName")
    Tag = apps.get_model("taggit", "Tag")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    used_elsewhere = TaggedItem.objects.values("tag_id")
    names = CaseTagName.objects.values("name")
    Tag.objects.filter(name__in=names).exclude(pk__in=used_elsewhere).delete()


class Migration(migrations.Migration):
    dependencies = [("advisory", "0013_case_tags_of_their_own")]

    operations = [
        migrations.RemoveField(model_name="casetag", name="tag"),
        migrations.RenameField(model_name="casetag", old_name="case_tag_name", new_name="tag"),
        migrations.AlterField(
            model_name="casetag",
            name="tag",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="tagged_cases",
                to="advisory.casetagname",
            ),
        ),
        migrations.AlterField(
            model_name="case",
            name="tags",
            field=taggit.managers.TaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="advisory.CaseTag",
                to="advisory.CaseTagName",
                verbose_name="mærker",
            ),
        ),
        migrations.RunPython(forget_case_only_tags, migrations.RunPython.noop),
    ]
