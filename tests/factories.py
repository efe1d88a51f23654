"""Factories for test data: knowledge-base pages, topics and documents."""

import io

import factory
import wagtail_factories
from pypdf import PdfWriter

from django.core.files.base import ContentFile

from kb.models import (
    Audience,
    FaqPage,
    GuidePage,
    KbDocument,
    MethodPage,
    PublicationPage,
    SectionPage,
    Topic,
)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"emne-{n}")
    name = factory.Sequence(lambda n: f"Emne {n}")


def audience(slug: str) -> Audience:
    return Audience.objects.get(slug=slug)


def section(slug: str) -> SectionPage:
    return SectionPage.objects.get(slug=slug)


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article; pass ``parent=section("metoder")`` and ``topics=[...]``."""

    title = factory.Sequence(lambda n: f"Artikel {n}")
    slug = factory.Sequence(lambda n: f"artikel-{n}")
    summary = "En kort beskrivelse af artiklen."
    year = 2024
    authors = "LVS sekretariatet"
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Brødtekst om værestedet.</p>"}]
    )

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            self.save()

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if extracted:
            self.audiences.set(extracted)
            self.save()


class MethodPageFactory(ArticlePageFactory):
    class Meta:
        model = MethodPage


class GuidePageFactory(ArticlePageFactory):
    class Meta:
        model = GuidePage


class FaqPageFactory(ArticlePageFactory):
    class Meta:
        model = FaqPage


class KbDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KbDocument

    title = factory.Sequence(lambda n: f"Dokument {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"Tekst om frivillige", name="noter.txt"))


def blank_pdf(password: str = "") -> bytes:
    """A one-page PDF without text, as a scanner makes; with a password, an encrypted one."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


class PublicationPageFactory(ArticlePageFactory):
    document = factory.SubFactory(KbDocumentFactory)

    class Meta:
        model = PublicationPage
