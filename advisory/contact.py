"""How to reach the secretariat and how soon it answers, from the settings, for every page
and email that says it."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import ngettext

# Danish writes small numbers in words: "inden for tre arbejdsdage", "i to år".
NUMBER_WORDS = ["nul", "én", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti"]


def in_words(number: int) -> str:
    return NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else str(number)


@dataclass(frozen=True)
class SecretariatContact:
    phone: str
    email: str
    response_days: int

    @property
    def response_time(self) -> str:
        """How soon the secretariat answers, as the pages say it: "tre arbejdsdage"."""
        days = self.response_days
        return ngettext("%(days)s arbejdsdag", "%(days)s arbejdsdage", days) % {
            "days": in_words(days)
        }

    @property
    def phone_link(self) -> str:
        """A tel: link; a number without a country code is Danish."""
        digits = re.sub(r"[^\d+]", "", self.phone)
        return f"tel:{digits if digits.startswith('+') else '+45' + digits}"


def secretariat_contact() -> SecretariatContact:
    return SecretariatContact(
        settings.SECRETARIAT_PHONE, settings.SECRETARIAT_EMAIL, settings.CASE_RESPONSE_WORKING_DAYS
    )


def secretariat(request) -> dict:
    """The secretariat's phone and email for every page (a context processor)."""
    return {"secretariat": secretariat_contact()}
