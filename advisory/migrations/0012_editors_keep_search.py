from django.db import migrations

from advisory.roles import ensure_permissions, grant_search_upkeep


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0011_reply_acknowledgements"),
        ("kb", "0015_imported_documents_get_their_hash"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [
        migrations.RunPython(ensure_permissions, migrations.RunPython.noop),
        migrations.RunPython(grant_search_upkeep, migrations.RunPython.noop),
    ]
