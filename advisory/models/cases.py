from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advisory.models.organisations import Contact, Municipality, Organisation, validate_phone
from kb.models import ArticlePage, Topic


def digits_only(field: str) -> models.Func:
    """``field`` without what is not a digit: a phone number as "75924000"."""
    return models.Func(
        models.F(field),
        models.Value(r"\D"),
        models.Value(""),
        models.Value("g"),
        function="regexp_replace",
    )


class Status(models.TextChoices):
    NEW = "new", _("Ny")
    IN_PROGRESS = "in_progress", _("I gang")
    WAITING = "waiting", _("Afventer spørger")
    ANSWERED = "answered", _("Besvaret")
    CLOSED = "closed", _("Lukket")


#: Statuses in which the response clock runs, so a case can become overdue.
CLOCK_RUNNING = (Status.NEW, Status.IN_PROGRESS)
OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS, Status.WAITING)


class Channel(models.TextChoices):
    PHONE = "phone", _("Telefon")
    EMAIL = "email", _("E-mail")
    WEB = "web", _("Web")
    MEETING = "meeting", _("Møde")


class Priority(models.TextChoices):
    LOW = "low", _("Lav")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("Høj")


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        """Cases whose deadline has passed while the clock was running, or whose deadline staff
        chose for a case waiting on the requester (no longer paused) has passed."""
        today = today or timezone.localdate()
        chosen_while_waiting = Q(status=Status.WAITING, waiting_since__isnull=True)
        return self.filter(Q(status__in=CLOCK_RUNNING) | chosen_while_waiting, due_date__lt=today)

    def follow_up_due(self, today=None):
        """Cases whose follow-up date has come (today or earlier), whatever their status: a case
        reopened meanwhile still owes the follow-up, and a closed case has none."""
        return self.filter(follow_up_date__lte=today or timezone.localdate())

    def with_place(self):
        """With the kommune the question comes from (``place_municipality``, its id) and its
        region (``place_region``): the member's, else the one the requester gave."""
        return self.annotate(
            place_municipality=Coalesce("organisation__municipality", "municipality"),
            place_region=Coalesce("organisation__municipality__region", "municipality__region"),
        )

    def with_phone_digits(self):
        """With the requester's and the contact's phone as digits only (``phone_digits``,
        ``contact_phone_digits``), to compare numbers however they were typed."""
        return self.annotate(
            phone_digits=digits_only("requester_phone"),
            contact_phone_digits=digits_only("contact__phone"),
        )

    def for_listing(self):
        """With the status's place in the workflow (new first, closed last) to sort by: its
        stored value would sort in English. And with the deadline still to meet, which an
        answered or closed case has none of (it keeps the date it had): sorted by the date
        it keeps, closed cases came before the open ones."""
        place_in_workflow = models.Case(
            *(models.When(status=status, then=place) for place, status in enumerate(Status)),
            output_field=models.IntegerField(),
        )
        deadline_to_meet = models.Case(
            models.When(status__in=OPEN_STATUSES, then="due_date"), default=None
        )
        return self.select_related(
            "organisation__municipality", "municipality", "topic", "assignee"
        ).annotate(status_order=place_in_workflow, open_due_date=deadline_to_meet)


class ReferenceCounter(models.Model):
    """The last reference number handed out in a year; its row is locked while numbering."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("referencetæller")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class CaseTagName(TagBase):
    """A tag on cases only. Documents and images share taggit's own tags, which editors see
    as suggestions; a case's tag may name a person."""

    class Meta:
        verbose_name = _("sagsmærke")
        verbose_name_plural = _("sagsmærker")


class CaseTag(TaggedItemBase):
    tag = models.ForeignKey(CaseTagName, on_delete=models.CASCADE, related_name="tagged_cases")
    content_object = models.ForeignKey("Case", on_delete=models.CASCADE, related_name="tagged")


class Case(models.Model):
    """A question to the secretariat, from first contact until it is answered and closed.

    Create cases through ``advisory.workflow.open_case`` (it numbers them) and change their
    status through the workflow functions, which write the timeline."""

    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    # A place that is not a member (or not yet one), as the requester named it.
    other_organisation = models.CharField(
        _("anden organisation"),
        max_length=200,
        blank=True,
        help_text=_("Navnet på et sted, der ikke er medlem, fx et værested under opstart."),
    )
    # Where a requester without a member organisation is: the case's region in the reports.
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Hvor spørgeren er, når sagen ikke hører til en medlemsorganisation."),
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    requester_name = models.CharField(_("spørgerens navn"), max_length=200)
    requester_email = models.EmailField(_("spørgerens e-mail"), blank=True)
    requester_phone = models.CharField(
        _("spørgerens telefon"), max_length=20, blank=True, validators=[validate_phone]
    )
    channel = models.CharField(_("kanal"), max_length=10, choices=Channel.choices)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("emne"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    subject = models.CharField(_("emnelinje"), max_length=200)
    question = models.TextField(_("spørgsmål"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, editable=False
    )
    priority = models.CharField(
        _("prioritet"), max_length=8, choices=Priority.choices, default=Priority.NORMAL
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sagsbehandler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
        editable=False,
    )
    due_date = models.DateField(_("svarfrist"), null=True, blank=True, editable=False)
    # The day staff have promised to follow up on an answered case (call back, ask how it
    # went); separate from the response deadline, which stops counting once it is answered.
    follow_up_date = models.DateField(_("opfølgning"), null=True, blank=True, editable=False)
    waiting_since = models.DateTimeField(_("afventer siden"), null=True, editable=False)
    opened_at = models.DateTimeField(_("oprettet"), default=timezone.now, editable=False)
    first_response_at = models.DateTimeField(_("første svar"), null=True, editable=False)
    closed_at = models.DateTimeField(_("lukket"), null=True, editable=False)
    related_pages = models.ManyToManyField(
        ArticlePage, verbose_name=_("relateret vejledning"), blank=True, related_name="+"
    )
    tags = TaggableManager(through=CaseTag, verbose_name=_("mærker"), blank=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("subject", weight="A", config="danish")
        + SearchVector("question", weight="B", config="danish"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("sag")
        verbose_name_plural = _("sager")
        indexes = [
            models.Index(fields=["-opened_at"], name="case_opened_idx"),
            models.Index(fields=["status", "due_date"], name="case_status_due_idx"),
            GinIndex(fields=["search_vector"], name="case_search_idx"),
            models.Index(
                fields=["follow_up_date"],
                name="case_follow_up_idx",
                condition=Q(follow_up_date__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.subject}"

    @property
    def organisation_label(self) -> str:
        """The member organisation, else the other place named with "(ikke medlem)"."""
        if self.organisation:
            return str(self.organisation)
        if self.other_organisation:
            return _("%(name)s (ikke medlem)") % {"name": self.other_organisation}
        return ""

    def clean(self):
        """A member organisation or another place, not both. The contact person is one of the
        organisation's people; a case without an organisation (someone starting a værested)
        has none."""
        if self.organisation and self.other_organisation:
            raise ValidationError(
                {
                    "other_organisation": _(
                        "Sagen har allerede en organisation blandt medlemmerne. Lad feltet stå "
                        "tomt, eller fjern medlemmet ovenfor."
                    )
                }
            )
        contact = self.contact
        if contact is None or contact.organisation_id == self.organisation_id:
            return
        names = {"contact": contact.name, "theirs": contact.organisation}
        if self.organisation is None:
            message = _(
                "%(contact)s er kontaktperson hos %(theirs)s, men sagen har ingen organisation. "
                "Vælg organisationen, eller lad feltet stå tomt."
            )
        else:
            names["chosen"] = self.organisation
            message = _(
                "%(contact)s er kontaktperson hos %(theirs)s, ikke hos %(chosen)s. Vælg en af "
                "kontaktpersonerne hos %(chosen)s, eller lad feltet stå tomt."
            )
        raise ValidationError({"contact": message % names})

    @property
    def is_overdue(self) -> bool:
        clock_runs = self.status in CLOCK_RUNNING
        chosen_while_waiting = self.status == Status.WAITING and self.waiting_since is None
        return (
            (clock_runs or chosen_while_waiting)
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_follow_up_due(self) -> bool:
        return self.follow_up_date is not None and self.follow_up_date <= timezone.localdate()

    @property
    def place(self):
        """The kommune the question comes from: the member's, else the one the requester gave."""
        return self.organisation.municipality if self.organisation else self.municipality

    @property
    def region(self) -> str:
        return self.place.get_region_display() if self.place else ""

    def timeline(self):
        """Events newest first."""
        return self.events.order_by("-created_at", "-pk")

    def answers(self):
        """Replies that answered the requester (not questions back to them, acknowledgements
        or replies that could not be delivered), newest first."""
        from advisory.models.events import CaseEvent

        replies = self.events.filter(
            kind=CaseEvent.Kind.REPLY, asks_back=False, acknowledgement=False, delivery_error=""
        )
        return replies.order_by("-created_at", "-pk")

    def latest_reply(self):
        return self.answers().first()
