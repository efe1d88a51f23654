from django import template

from advisory.models.cases import Status
from advisory.workflow import person_name

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    """The Danish label of a stored status value ("in_progress" → "I gang")."""
    return Status(value).label if value in Status.values else value


register.filter("person", person_name)
