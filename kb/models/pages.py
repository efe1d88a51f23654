from modelcluster.fields import ParentalKey, ParentalManyToManyField

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, F
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from kb.blocks import ArticleBodyBlock
from kb.forms import ArticlePageForm, DanishSlugCopyForm, DanishSlugPageForm, FaqPageForm
from kb.models.media import file_kind
from kb.models.taxonomy import Audience, Topic, danish_slugify
from kb.panels import DocumentPanel
from kb.removed_text import (
    RemovedTextError,
    page_fields_with_removed_text,
    removed_text_message,
)

ARTICLES_PER_PAGE = 12
RELATED_LIMIT = 4


class DanishSlug:
    """Web addresses as the site writes them (mødested → moedested): Wagtail's editor proposes
    the title with æ, ø and å, which a link in an e-mail shows as %C3%B8."""

    base_form_class = DanishSlugPageForm
    copy_form_class = DanishSlugCopyForm

    def full_clean(self, *args, **kwargs):
        if self.slug:
            self.slug = danish_slugify(self.slug)
        super().full_clean(*args, **kwargs)


class HomePage(Page):
    """The front page: a prominent search box, the topics and the newest material."""

    intro = RichTextField(_("introduktion"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["kb.SectionPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("forside")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Here, not at the top: kb.search reads these models as it is imported.
        from kb.search.facets import topics_with_material

        context["topics"] = topics_with_material()
        context["newest"] = ArticlePage.objects.listing().descendant_of(self)[:6]
        return context


class SectionPage(DanishSlug, Page):
    """An index of articles (methods, publications, guides or FAQ) with topic and audience
    filters."""

    intro = RichTextField(_("introduktion"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["kb.HomePage"]
    subpage_types = ["kb.MethodPage", "kb.PublicationPage", "kb.GuidePage", "kb.FaqPage"]

    class Meta:
        verbose_name = _("sektion")
        verbose_name_plural = _("sektioner")

    def filtered_articles(self, topic_slug: str = "", audience_slug: str = ""):
        articles = ArticlePage.objects.listing().child_of(self)
        if topic_slug:
            articles = articles.filter(topics__slug=topic_slug)
        if audience_slug:
            articles = articles.filter(audiences__slug=audience_slug)
        return articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topic_slug = request.GET.get("emne", "")
        audience_slug = request.GET.get("maalgruppe", "")
        articles = self.filtered_articles(topic_slug, audience_slug)
        page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("side"))
        topics = list(
            Topic.objects.filter(articles__in=ArticlePage.objects.live().child_of(self))
            .distinct()
            .order_by("name")
        )
        context.update(
            articles=page,
            **self.filters(topics, topic_slug, audience_slug),
            absent_topic=absent_topic(topic_slug, topics),
            selected_topic=topic_slug,
            selected_audience=audience_slug,
        )
        return context

    def filters(self, topics: list[Topic], topic_slug: str, audience_slug: str) -> dict:
        """The topic and the audience filter's values, each counted as the search page counts
        its facets: the articles it lists with the other filter as chosen."""
        # Here, not at the top: kb.search reads these models as it is imported.
        from kb.search.facets import counted, filter_values

        by_topic = counted(self.filtered_articles(audience_slug=audience_slug), ["emne"])
        by_audience = counted(self.filtered_articles(topic_slug=topic_slug), ["maalgruppe"])
        return {
            "topics": filter_values(topics, by_topic["emne"], topic_slug),
            "audiences": filter_values(
                Audience.objects.all(), by_audience["maalgruppe"], audience_slug
            ),
        }


def absent_topic(slug: str, topics: list[Topic]) -> Topic | None:
    """The chosen topic when no material in the section has it (a link from an article or the
    search may choose any topic), so the page can say so instead of showing "all topics"."""
    if not slug or any(topic.slug == slug for topic in topics):
        return None
    return Topic.objects.filter(slug=slug).first()


FIRST_YEAR = 1900


def validate_year(year: int) -> None:
    """A year the material can have been published in: not before FIRST_YEAR, nor after next
    year (a report may be dated for the year it is meant for)."""
    last = timezone.localdate().year + 1
    if not FIRST_YEAR <= year <= last:
        raise ValidationError(
            _("Skriv et årstal mellem %(first)s og %(last)s, fx %(example)s."),
            params={"first": FIRST_YEAR, "last": last, "example": last - 1},
        )


class YearField(models.PositiveSmallIntegerField):
    """A year, checked by its own validators alone: the database's limit (32767) lies beyond
    validate_year's, and its message stood beside ours ("… mindre end eller lig 32767")."""

    @cached_property
    def validators(self):
        return [*self.default_validators, *self._validators]

    def formfield(self, **kwargs):
        # Nor the form's "at least 0", which stood in for validate_year's message for -2020.
        return super().formfield(**{"min_value": None, **kwargs})


# Newest first; material without a year or publication date after all that has one.
NEWEST_FIRST = (
    F("year").desc(nulls_last=True),
    F("first_published_at").desc(nulls_last=True),
    "title",
)


def type_label_of(content_type_id: int) -> str:
    """The name of a page type (metode, publikation …) by its content type id: Django keeps
    content types in memory, so no page needs its type joined."""
    return ContentType.objects.get_for_id(content_type_id).model_class()._meta.verbose_name


class ArticlePageQuerySet(PageQuerySet):
    def listing(self):
        """Live, public articles newest first, with what a listing shows fetched up front (and
        not the body, which PostgreSQL would otherwise carry through the sort)."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("content_type")
            .prefetch_related("topics")
            .annotate(document_file=F("publicationpage__document__file"))
            .order_by(*NEWEST_FIRST)
        )


class ArticlePage(DanishSlug, Page):
    """What methods, publications, guides and FAQ share. Concrete, so listings and search
    across the four types are single queries."""

    summary = models.TextField(
        _("resumé"), help_text=_("En til to sætninger om, hvad siden giver.")
    )
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("indhold"))
    topics = ParentalManyToManyField(
        Topic, blank=True, related_name="articles", verbose_name=_("emner")
    )
    audiences = ParentalManyToManyField(
        Audience, blank=True, related_name="articles", verbose_name=_("målgrupper")
    )
    year = YearField(_("år"), null=True, blank=True, validators=[validate_year])
    authors = models.CharField(
        _("forfattere"), max_length=500, blank=True, help_text=_("Adskil flere med komma.")
    )
    source_checksum = models.CharField(max_length=64, blank=True, editable=False)

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("year"), FieldPanel("authors")]),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Om materialet"),
        ),
        MultipleChooserPanel(
            "related_articles",
            chooser_field_name="article",
            heading=_("Relateret materiale"),
            label=_("materiale"),
            max_num=RELATED_LIMIT,
            help_text=_(
                "Op til %(limit)s sider, vist først under »Relateret materiale«, i denne "
                "rækkefølge. En kladde vises, når den er udgivet."
            )
            % {"limit": RELATED_LIMIT},
        ),
    ]
    base_form_class = ArticlePageForm
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("document_text"),
        # Last, so the database index's text ends with them (kb.search.hits.own_text).
        index.SearchField("authors"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("year"),
        # Plain lists of slugs, so the engine can count facets in the same request as a search.
        index.FilterField("topic_slugs"),
        index.FilterField("audience_slugs"),
    ]
    parent_page_types = ["kb.SectionPage"]
    subpage_types = []
    is_creatable = False

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikler")
        # Listings newest first read the newest years from here and sort only those; without
        # it, every article was sorted (50 ms at 20,000). Choosing a year reads it too.
        indexes = [models.Index(NEWEST_FIRST[0], name="article_newest_year")]

    def publish(self, revision, *args, **kwargs):
        # The edit form refuses this beside the fields; here for the ways past it (the bulk
        # publish, an approval from the dashboard), which then publish nothing.
        draft = revision.as_object()
        if page_fields_with_removed_text(draft):
            not_published = _("»%(title)s« er ikke udgivet.") % {"title": draft.title}
            raise RemovedTextError(f"{not_published} {removed_text_message()}")
        return super().publish(revision, *args, **kwargs)

    def get_template(self, request, *args, **kwargs):
        return "kb/article_page.html"

    @classmethod
    def can_create_at(cls, parent) -> bool:
        """Each section holds one kind of article (methods under Metoder, …), so an editor is
        never offered a publication in the methods' listing."""
        from kb.site_setup import SECTIONS  # it imports these models

        kinds = {section.slug: section.page_model for section in SECTIONS.values()}
        return super().can_create_at(parent) and kinds.get(parent.slug, cls) is cls

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The search index is written on post_save, before the topics and audiences are: index
        # again now that they are saved, or search and its facets lag one save behind.
        if not kwargs.get("update_fields"):
            index.insert_or_update_object(self)

    @classmethod
    def get_indexed_objects(cls):
        # modelsearch does not prefetch ParentalManyToManyFields: one query per page otherwise.
        return super().get_indexed_objects().prefetch_related("topics", "audiences")

    def topic_slugs(self) -> list[str]:
        return [topic.slug for topic in self.topics.all()]

    def audience_slugs(self) -> list[str]:
        return [audience.slug for audience in self.audiences.all()]

    @property
    def type_label(self) -> str:
        return type_label_of(self.content_type_id)

    @property
    def file_kind(self) -> str:
        """The kind of file the article comes as ("PDF"), as a listing fetched it."""
        return file_kind(getattr(self, "document_file", None))

    @property
    def author_list(self) -> list[str]:
        return [name.strip() for name in self.authors.split(",") if name.strip()]

    def document_text(self) -> str:
        return ""

    def related_material(self):
        """Editor-chosen related pages first, then articles that share the most topics."""
        # By id: while an editor previews a draft, its relations are in memory, not saved.
        chosen_ids = [link.article_id for link in self.related_articles.all()]
        found = (
            ArticlePage.objects.live().public().filter(pk__in=chosen_ids).exclude(pk=self.pk)
        ).specific()
        chosen = sorted(found, key=lambda page: chosen_ids.index(page.pk))
        if len(chosen) >= RELATED_LIMIT:
            return chosen[:RELATED_LIMIT]
        shared = (
            ArticlePage.objects.listing()
            .filter(topics__in=[topic.pk for topic in self.topics.all()])
            .exclude(pk__in=[self.pk, *(page.pk for page in chosen)])
            .annotate(shared_topics=Count("topics"))
            .order_by("-shared_topics", *NEWEST_FIRST)
        )
        return chosen + list(shared[: RELATED_LIMIT - len(chosen)])


class RelatedArticle(Orderable):
    """An article an editor chose to show beside another, in the editor's order."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("materiale")
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("relateret materiale")
        verbose_name_plural = _("relateret materiale")
        constraints = [
            models.UniqueConstraint(fields=["page", "article"], name="related_article_once")
        ]


class MethodPage(ArticlePage):
    class Meta:
        verbose_name = _("metode")
        verbose_name_plural = _("metoder")


class GuidePage(ArticlePage):
    class Meta:
        verbose_name = _("vejledning")
        verbose_name_plural = _("vejledninger")


class FaqPage(ArticlePage):
    base_form_class = FaqPageForm

    class Meta:
        verbose_name = _("spørgsmål og svar")
        verbose_name_plural = _("spørgsmål og svar")


class PublicationPage(ArticlePage):
    """A publication, often a PDF whose text is searchable as part of the page."""

    document = models.ForeignKey(
        "kb.KbDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dokument"),
    )

    content_panels = ArticlePage.content_panels + [DocumentPanel("document")]

    class Meta:
        verbose_name = _("publikation")
        verbose_name_plural = _("publikationer")

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().select_related("document")

    def document_text(self) -> str:
        return self.document.extracted_text if self.document else ""

    @property
    def file_kind(self) -> str:
        return file_kind(self.document.file.name if self.document else None)
