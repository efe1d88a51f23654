"""Keep the vocabulary and the search indexes in step with what is published."""

import logging

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete

from modelsearch.backends import get_search_backends_with_name
from wagtail.models import PageViewRestriction
from wagtail.signals import page_unpublished

from kb.models import ArticlePage, KbDocument, PublicationPage, Topic
from kb.search import vocabulary

logger = logging.getLogger(__name__)
INDEX_BATCH = 500


def add_published_words(sender, instance, **kwargs):
    if not kwargs.get("raw") and is_public(instance):
        vocabulary.add_page(instance)


def is_public(article) -> bool:
    """Live and outside every privacy-restricted section."""
    return article.live and ArticlePage.objects.public().filter(pk=article.pk).exists()


def forget_withdrawn_words(sender, instance, **kwargs):
    # Wagtail may send the generic page; a deleted one can no longer be made specific.
    vocabulary.forget_page(instance if isinstance(instance, ArticlePage) else instance.specific)


def forget_restricted_words(sender, instance, **kwargs):
    """A section now behind a login: its words go unless public material has them too."""
    for article in articles_under(instance.page):
        vocabulary.forget_page(article)


def add_unrestricted_words(sender, instance, **kwargs):
    for article in articles_under(instance.page):
        if is_public(article):
            vocabulary.add_page(article)


def articles_under(page) -> QuerySet:
    return ArticlePage.objects.live().descendant_of(page, inclusive=True).specific()


def index_again(articles: QuerySet) -> None:
    """Write ``articles`` to every search index again, in batches: their indexed text comes
    partly from another table (a topic's name, a document's text) that has just changed."""
    for model in article_models():
        found = model.get_indexed_objects().filter(pk__in=articles.values("pk"))
        batch = []
        for page in found.iterator(chunk_size=INDEX_BATCH):
            batch.append(page)
            if len(batch) == INDEX_BATCH:
                add_to_indexes(model, batch)
                batch = []
        add_to_indexes(model, batch)


def add_to_indexes(model, pages: list) -> None:
    """Like modelsearch's own indexing: an engine that is down is logged, not raised."""
    if not pages:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, pages)
        except Exception:
            logger.exception("Kunne ikke opdatere søgeindekset %s", name)
            if not backend.catch_indexing_errors:
                raise


def index_topic_articles(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        articles = ArticlePage.objects.filter(topics=instance)
        index_again(articles)
        if articles.live().public().exists():
            vocabulary.add_text(instance.name)


def remember_topic_articles(sender, instance, **kwargs):
    # Read before the delete takes the topic off its articles.
    instance.articles_before_delete = list(
        ArticlePage.objects.filter(topics=instance).values_list("pk", flat=True)
    )


def index_articles_of_deleted_topic(sender, instance, **kwargs):
    index_again(ArticlePage.objects.filter(pk__in=instance.articles_before_delete))


def index_document_publications(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        publications = PublicationPage.objects.filter(document=instance)
        index_again(publications)
        if publications.live().public().exists():
            vocabulary.add_text(instance.extracted_text)


def article_models() -> list[type]:
    return [ArticlePage, *ArticlePage.__subclasses__()]


def connect() -> None:
    for model in article_models():
        post_save.connect(add_published_words, sender=model, dispatch_uid=f"vocab-{model.__name__}")
        post_delete.connect(
            forget_withdrawn_words, sender=model, dispatch_uid=f"forget-{model.__name__}"
        )
        page_unpublished.connect(
            forget_withdrawn_words, sender=model, dispatch_uid=f"unpublished-{model.__name__}"
        )
    post_save.connect(index_topic_articles, sender=Topic, dispatch_uid="index-topic")
    pre_delete.connect(remember_topic_articles, sender=Topic, dispatch_uid="remember-topic")
    post_delete.connect(
        index_articles_of_deleted_topic, sender=Topic, dispatch_uid="index-deleted-topic"
    )
    post_save.connect(index_document_publications, sender=KbDocument, dispatch_uid="index-doc")
    post_save.connect(
        forget_restricted_words, sender=PageViewRestriction, dispatch_uid="vocab-restricted"
    )
    post_delete.connect(
        add_unrestricted_words, sender=PageViewRestriction, dispatch_uid="vocab-unrestricted"
    )


def disconnect() -> None:
    """For bulk loads, which rebuild the vocabulary afterwards."""
    for model in article_models():
        post_save.disconnect(sender=model, dispatch_uid=f"vocab-{model.__name__}")
