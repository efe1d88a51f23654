from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """For searching the lists with accents aside (advisory.views.search)."""

    dependencies = [("advisory", "0022_organisation_name_taken")]

    operations = [UnaccentExtension()]
