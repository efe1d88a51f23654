from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations
from django.db.models.functions import Upper


class Migration(migrations.Migration):
    dependencies = [("advisory", "0019_editors_approve")]

    operations = [
        TrigramExtension(),
        migrations.AddIndex(
            model_name="caseevent",
            index=GinIndex(
                OpClass(Upper("body"), name="gin_trgm_ops"), name="caseevent_body_trgm_idx"
            ),
        ),
    ]
