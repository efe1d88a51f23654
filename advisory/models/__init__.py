from advisory.models.cases import Case, CaseQuerySet, CaseTag, ReferenceCounter
from advisory.models.events import CaseEvent
from advisory.models.organisations import Contact, Municipality, Organisation, Region
from advisory.models.templates import ReplyTemplate

__all__ = [
    "Case",
    "CaseEvent",
    "CaseQuerySet",
    "CaseTag",
    "Contact",
    "Municipality",
    "Organisation",
    "ReferenceCounter",
    "Region",
    "ReplyTemplate",
]
