"""What the public side of the case tracker keeps: the requester's private key to a case,
used form tokens, rate-limit hits, processed incoming mail and mail attachments.

None of these hold personal data in clear text except attachments, which are deleted when a
case is anonymised."""

import secrets
import uuid
from pathlib import PurePath

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advisory.models.cases import Case


def new_token() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def attachment_path(instance, filename: str) -> str:
    """A random file name: the original one may hold personal data and stays in ``title``."""
    return f"sagsbilag/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:10]}"


class CaseAccess(models.Model):
    """The unguessable token in a requester's tracking link. Deleting it revokes the link."""

    case = models.OneToOneField(
        Case, verbose_name=_("sag"), on_delete=models.CASCADE, related_name="access"
    )
    token = models.CharField(_("nøgle"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)

    class Meta:
        verbose_name = _("adgang til sag")
        verbose_name_plural = _("adgange til sager")

    def __str__(self):
        return self.case.reference


class UsedFormToken(models.Model):
    """A one-time form token that has been spent, and the case it created, so a doubled
    submit shows the first receipt instead of opening a second case."""

    nonce = models.CharField(max_length=64, unique=True)
    case = models.ForeignKey(Case, null=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("brugt formularnøgle")
        verbose_name_plural = _("brugte formularnøgler")

    def __str__(self):
        return self.nonce


class RateLimitHit(models.Model):
    """One counted submission for a key (a keyed hash of an IP address or an email), in the
    database so that every web process sees the same count."""

    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["key", "created_at"], name="ratelimit_key_idx")]
        verbose_name = _("registreret henvendelse")
        verbose_name_plural = _("registrerede henvendelser")

    def __str__(self):
        return self.key


class IncomingMail(models.Model):
    """A mail that ``fetch_mail`` has handled, by a hash of its Message-ID, so no mail is
    processed twice."""

    message_key = models.CharField(max_length=64, unique=True)
    case = models.ForeignKey(Case, null=True, on_delete=models.SET_NULL, related_name="+")
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("modtaget e-mail")
        verbose_name_plural = _("modtagne e-mails")

    def __str__(self):
        return self.message_key


class CaseAttachment(models.Model):
    """A file that came with a requester's email, kept on the case (never in the public
    document library, since it may hold personal data)."""

    case = models.ForeignKey(
        Case, verbose_name=_("sag"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("filnavn"), max_length=255)
    file = models.FileField(_("fil"), upload_to=attachment_path)
    content_type = models.CharField(_("filtype"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("modtaget"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")

    def __str__(self):
        return self.title
