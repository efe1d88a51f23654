import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kb.models import Topic

PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")
PLACEHOLDERS = ("navn", "reference", "emne", "sagsbehandler")
# Anything in braces a person may have meant for a placeholder: {nanv}, {Navn}, { navn }.
BRACES_RE = re.compile(r"\{[^{}\n]{1,40}\}")
# What staff fill in themselves, as a standard reply marks it: [Indsæt link til vejledningen].
GAP_RE = re.compile(r"\[Indsæt[^\]]*\]")


class ReplyTemplate(models.Model):
    """A reusable reply ("Standardsvar") that staff start a reply from."""

    title = models.CharField(_("titel"), max_length=200)
    topic = models.ForeignKey(
        Topic, verbose_name=_("emne"), null=True, blank=True, on_delete=models.SET_NULL
    )
    body = models.TextField(
        _("tekst"),
        help_text=_(
            "Pladsholdere: {navn} bliver spørgerens navn, {reference} sagens reference "
            "(fx R-2026-0012), {emne} sagens emnelinje og {sagsbehandler} navnet på den, "
            "der indsætter svaret. Skriv [Indsæt …], hvor sagsbehandleren selv skal udfylde, "
            "fx [Indsæt link til vejledningen]: svaret kan ikke sendes, før det er gjort."
        ),
    )
    acknowledgement = models.BooleanField(
        _("kun en kvittering"),
        default=False,
        help_text=_(
            "Sæt kryds, hvis svaret kun siger, at henvendelsen er modtaget: sendt fra en sag "
            "markerer det ikke sagen som besvaret."
        ),
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("standardsvar")
        verbose_name_plural = _("standardsvar")

    def __str__(self):
        return self.title

    def clean(self):
        """A placeholder mistyped ({nanv}) was sent to the requester as it stood."""
        braces = dict.fromkeys(BRACES_RE.findall(self.body))
        unknown = [typed for typed in braces if typed.strip("{}") not in PLACEHOLDERS]
        if unknown:
            message = ngettext(
                "Ukendt pladsholder: %(unknown)s. Brug %(known)s.",
                "Ukendte pladsholdere: %(unknown)s. Brug %(known)s.",
                len(unknown),
            )
            known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
            raise ValidationError(
                {"body": message % {"unknown": ", ".join(unknown), "known": known}}
            )

    def render(self, case, user) -> str:
        """The body with the placeholders filled in from ``case`` and the signed-in ``user``."""
        values = {
            "navn": case.requester_name,
            "reference": case.reference,
            "emne": case.subject,
            "sagsbehandler": user.get_full_name() or user.get_username(),
        }
        return PLACEHOLDER_RE.sub(lambda match: values.get(match[1], match[0]), self.body)
