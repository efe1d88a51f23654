"""How to reach the secretariat, from the settings, for every page and email that says it."""

import re
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class SecretariatContact:
    phone: str
    email: str

    @property
    def phone_link(self) -> str:
        """A tel: link; a number without a country code is Danish."""
        digits = re.sub(r"[^\d+]", "", self.phone)
        return f"tel:{digits if digits.startswith('+') else '+45' + digits}"


def secretariat_contact() -> SecretariatContact:
    return SecretariatContact(settings.SECRETARIAT_PHONE, settings.SECRETARIAT_EMAIL)


def secretariat(request) -> dict:
    """The secretariat's phone and email for every page (a context processor)."""
    return {"secretariat": secretariat_contact()}
