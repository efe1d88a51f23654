"""Documents imported from the corpus before the import set their hash: it is the download's
ETag, and an empty one let a browser keep an old copy of a replaced file."""

from django.db import migrations

from wagtail.utils.file import hash_filelike


def set_missing_hashes(apps, schema_editor):
    KbDocument = apps.get_model("kb", "KbDocument")
    for document in KbDocument.objects.filter(file_hash=""):
        try:
            with document.file.open("rb") as stream:
                document.file_hash = hash_filelike(stream)
        except FileNotFoundError:
            continue
        document.save(update_fields=["file_hash"])


class Migration(migrations.Migration):
    dependencies = [("kb", "0014_headings_end_as_sentences_in_search")]

    operations = [migrations.RunPython(set_missing_hashes, migrations.RunPython.noop)]
