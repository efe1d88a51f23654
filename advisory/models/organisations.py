from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

validate_postcode = RegexValidator(
    r"^\d{4}\Z", _("Et postnummer er fire cifre, fx 8000."), code="postcode"
)
# At least eight digits, with the spaces, dashes and leading + people write: 7592 4000,
# +45 75 92 40 00, +46 70 123 45 67.
validate_phone = RegexValidator(
    r"^\+?(?=(?:[ -]*\d){8})\d[\d -]{6,16}\d\Z",
    _("Skriv et telefonnummer med mindst 8 cifre, fx 7592 4000."),
    code="phone",
)


class Region(models.TextChoices):
    HOVEDSTADEN = "hovedstaden", "Region Hovedstaden"
    SJAELLAND = "sjaelland", "Region Sjælland"
    SYDDANMARK = "syddanmark", "Region Syddanmark"
    MIDTJYLLAND = "midtjylland", "Region Midtjylland"
    NORDJYLLAND = "nordjylland", "Region Nordjylland"


class Municipality(models.Model):
    """A Danish municipality and the region it belongs to (loaded by a data migration)."""

    name = models.CharField(_("navn"), max_length=80, unique=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """A værested, idrætssocial forening or boform, a member of LVS or not."""

    class Kind(models.TextChoices):
        VAERESTED = "vaerested", _("Værested")
        SPORTS_CLUB = "idraetssocial_forening", _("Idrætssocial forening")
        RESIDENCE = "boform", _("Boform")
        OTHER = "anden", _("Anden")

    name = models.CharField(
        _("navn"),
        max_length=200,
        unique=True,
        error_messages={"unique": _("Der er allerede en organisation med det navn.")},
    )
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices, default=Kind.VAERESTED)
    is_member = models.BooleanField(_("medlem"), default=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postnummer"), max_length=4, blank=True, validators=[validate_postcode]
    )
    city = models.CharField(_("by"), max_length=80, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=20, blank=True, validators=[validate_phone])
    member_since = models.DateField(_("medlem siden"), null=True, blank=True)
    active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self):
        return self.name

    @property
    def region(self) -> str:
        return self.municipality.get_region_display() if self.municipality else ""


class Contact(models.Model):
    """A person at an organisation the secretariat talks to."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("navn"), max_length=200)
    role = models.CharField(_("rolle"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=20, blank=True, validators=[validate_phone])

    class Meta:
        ordering = ["name"]
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self):
        return f"{self.name} ({self.organisation})"
