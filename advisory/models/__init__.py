from advisory.models.cases import Case, CaseQuerySet, CaseTag, CaseTagName, ReferenceCounter
from advisory.models.events import CaseEvent, PromotedAnswer
from advisory.models.organisations import Contact, Municipality, Organisation, Region
from advisory.models.requester import (
    CaseAccess,
    CaseAttachment,
    IncomingMail,
    RateLimitHit,
    UsedFormToken,
)
from advisory.models.templates import ReplyTemplate

__all__ = [
    "Case",
    "CaseAccess",
    "CaseAttachment",
    "CaseEvent",
    "CaseQuerySet",
    "CaseTag",
    "CaseTagName",
    "Contact",
    "IncomingMail",
    "Municipality",
    "Organisation",
    "PromotedAnswer",
    "ReferenceCounter",
    "RateLimitHit",
    "Region",
    "ReplyTemplate",
    "UsedFormToken",
]
