from django.db import migrations

from advisory.roles import ensure_permissions, grant_documents_and_images


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0017_organisation_postcode_four_digits"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(ensure_permissions, migrations.RunPython.noop),
        migrations.RunPython(grant_documents_and_images, migrations.RunPython.noop),
    ]
