from django.db import migrations, models

import advisory.models.organisations


def phone_field(verbose_name):
    return models.CharField(
        verbose_name,
        max_length=20,
        blank=True,
        validators=[advisory.models.organisations.validate_phone],
    )


class Migration(migrations.Migration):
    dependencies = [("advisory", "0020_search_in_timelines")]

    operations = [
        migrations.AlterField("case", "requester_phone", phone_field("spørgerens telefon")),
        migrations.AlterField("contact", "phone", phone_field("telefon")),
        migrations.AlterField("organisation", "phone", phone_field("telefon")),
    ]
