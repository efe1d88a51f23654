from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from advisory.models.cases import Case

# The ``field`` of the event that records that a case was anonymised (advisory.privacy).
ANONYMISED_FIELD = "anonymised"


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an event on a case's timeline."""


class CaseEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Hændelser på en sags tidslinje kan ikke ændres.")

    def delete(self):
        raise AppendOnlyError("Hændelser på en sags tidslinje kan ikke slettes.")

    def requester_wrote_last(self, case_ids) -> set[int]:
        """Of ``case_ids``, the cases where the requester wrote (on the tracking page or by
        email) after the secretariat's last reply: someone should read it."""
        last_reply = (
            self.filter(case=models.OuterRef("case"), kind=CaseEvent.Kind.REPLY)
            .order_by("-created_at")
            .values("created_at")[:1]
        )
        messages = self.filter(
            case__in=list(case_ids), kind=CaseEvent.Kind.MESSAGE, author__isnull=True
        ).annotate(last_reply=models.Subquery(last_reply))
        written = messages.filter(
            models.Q(last_reply__isnull=True) | models.Q(created_at__gt=models.F("last_reply"))
        )
        return set(written.values_list("case_id", flat=True))


class CaseEvent(models.Model):
    """One entry on a case's timeline. Append-only: written once, never edited or deleted."""

    class Kind(models.TextChoices):
        NOTE = "note", _("Intern note")
        REPLY = "reply", _("Svar til spørger")
        MESSAGE = "message", _("Besked fra spørger")
        STATUS = "status", _("Statusændring")
        ASSIGNMENT = "assignment", _("Tildeling")
        EDIT = "edit", _("Ændring")

    case = models.ForeignKey(
        Case, verbose_name=_("sag"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The author's name as it was, so the timeline still says who if the user is deleted.
    author_name = models.CharField(_("af (navn)"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    body = models.TextField(_("tekst"), blank=True)
    field = models.CharField(_("felt"), max_length=60, blank=True)
    old_value = models.CharField(_("før"), max_length=500, blank=True)
    new_value = models.CharField(_("efter"), max_length=500, blank=True)
    sent_to = models.EmailField(_("sendt til"), blank=True)
    delivery_error = models.TextField(_("fejl ved afsendelse"), blank=True)
    # A reply that asks the requester something back: no answer to build on.
    asks_back = models.BooleanField(_("spørgsmål tilbage"), default=False)
    # A reply that only acknowledges the question: the case is not answered by it.
    acknowledgement = models.BooleanField(_("kvittering"), default=False)

    objects = CaseEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("hændelse")
        verbose_name_plural = _("hændelser")
        indexes = [
            models.Index(fields=["case", "-created_at"], name="caseevent_case_idx"),
            # The case list's search finds a word anywhere in a timeline's text ("icontains").
            GinIndex(OpClass(Upper("body"), name="gin_trgm_ops"), name="caseevent_body_trgm_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.case.reference})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Hændelser på en sags tidslinje kan ikke ændres.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Hændelser på en sags tidslinje kan ikke slettes.")

    @property
    def label(self) -> str:
        """What the timeline calls the event: a reply by what it did for the requester."""
        if self.acknowledgement:
            return _("Kvittering til spørger")
        if self.asks_back:
            return _("Spørgsmål til spørger")
        return self.get_kind_display()

    @property
    def delivery_failed(self) -> bool:
        return bool(self.delivery_error)

    @property
    def field_label(self) -> str:
        """The changed field as the timeline names it, in sentence case like the rest of it
        (edits store a field's lower-case verbose name)."""
        if self.field == ANONYMISED_FIELD:
            return _("Personoplysninger anonymiseret")
        return capfirst(self.field)


class PromotedAnswer(models.Model):
    """A reply that became a draft FAQ page ("Gør til spørgsmål og svar"), so the same answer
    is not made into a second draft. Deleting the page frees the reply to be promoted again."""

    reply = models.OneToOneField(
        CaseEvent, verbose_name=_("svar"), on_delete=models.CASCADE, related_name="promotion"
    )
    page = models.ForeignKey(
        "kb.FaqPage", verbose_name=_("side"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("svar gjort til spørgsmål og svar")
        verbose_name_plural = _("svar gjort til spørgsmål og svar")

    def __str__(self):
        return str(self.page)
