from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("advisory", "0021_phone_numbers")]

    operations = [
        migrations.AlterField(
            "organisation",
            "name",
            models.CharField(
                "navn",
                max_length=200,
                unique=True,
                error_messages={"unique": "Der er allerede en organisation med det navn."},
            ),
        ),
    ]
