from django import template

from advisory.models.cases import Status

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    """The Danish label of a stored status value ("in_progress" → "I gang")."""
    return Status(value).label if value in Status.values else value
