from datetime import date

from django import template
from django.utils import timezone
from django.utils.formats import date_format

from advisory.models.cases import Status
from advisory.public import emails
from advisory.workflow import person_name

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    """The Danish label of a stored status value ("in_progress" → "I gang")."""
    return Status(value).label if value in Status.values else value


register.filter("person", person_name)


@register.filter
def public_url(page) -> str:
    """The page's address as requesters reach it, like the tracking link in our e-mails;
    Wagtail's full_url uses the site's host name."""
    return emails.public_url(page.url)


@register.filter
def day_month(value: date) -> str:
    """The day and month in Danish ("17. juli"), and the year when it is not this one."""
    same_year = value.year == timezone.localdate().year
    return date_format(value, "j. F" if same_year else "j. F Y")
