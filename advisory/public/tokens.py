"""Signed one-time form tokens. A token carries a random nonce and the time the form was
shown, so the server can tell a bot that submits at once, an old form, and a second submit
of the same form (double-click, reload) — without keeping anything until the form is sent."""

import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from advisory.models import UsedFormToken

SALT = "advisory.public.form-token"


class BadToken(Exception):
    """The token is missing, forged or too old."""


@dataclass(frozen=True)
class FormToken:
    nonce: str
    issued_at: float

    @property
    def age(self) -> float:
        return time.time() - self.issued_at

    @property
    def too_fast(self) -> bool:
        return self.age < settings.ASK_MIN_FILL_SECONDS


def issue(issued_at: float | None = None) -> str:
    """A fresh signed token for a form shown now (or at ``issued_at``)."""
    now = time.time() if issued_at is None else issued_at
    return signing.dumps({"n": secrets.token_urlsafe(16), "t": now}, salt=SALT)


def read(value: str) -> FormToken:
    """The token's content, or ``BadToken``."""
    try:
        data = signing.loads(value or "", salt=SALT)
        token = FormToken(nonce=str(data["n"]), issued_at=float(data["t"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise BadToken from exc
    if not 0 <= token.age <= settings.ASK_FORM_MAX_AGE_HOURS * 3600:
        raise BadToken
    return token


def spent(token: FormToken) -> UsedFormToken | None:
    return UsedFormToken.objects.filter(nonce=token.nonce).select_related("case").first()


def claim(token: FormToken) -> UsedFormToken | None:
    """Spend the token inside the current transaction; ``None`` if it was spent before.
    A concurrent second claim waits on the unique index until the first commits. Tokens too
    old to be sent again are forgotten on the way."""
    too_old = timezone.now() - timedelta(hours=settings.ASK_FORM_MAX_AGE_HOURS + 1)
    UsedFormToken.objects.filter(created_at__lt=too_old).delete()
    try:
        with transaction.atomic():
            return UsedFormToken.objects.create(nonce=token.nonce)
    except IntegrityError:
        return None
