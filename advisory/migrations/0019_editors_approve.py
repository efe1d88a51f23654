from django.db import migrations

from advisory.roles import editors_approve


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0018_editors_keep_documents_and_images"),
        ("kb", "0009_danish_workflow_and_groups"),
    ]

    operations = [migrations.RunPython(editors_approve, migrations.RunPython.noop)]
