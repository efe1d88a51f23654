"""Keep the vocabulary in step with what is published."""

from django.db.models.signals import post_save

from kb.models import ArticlePage
from kb.search import vocabulary


def add_published_words(sender, instance, **kwargs):
    if instance.live and not kwargs.get("raw"):
        vocabulary.add_page(instance)


def article_models() -> list[type]:
    return [ArticlePage, *ArticlePage.__subclasses__()]


def connect() -> None:
    for model in article_models():
        post_save.connect(add_published_words, sender=model, dispatch_uid=f"vocab-{model.__name__}")


def disconnect() -> None:
    """For bulk loads, which rebuild the vocabulary afterwards."""
    for model in article_models():
        post_save.disconnect(sender=model, dispatch_uid=f"vocab-{model.__name__}")
