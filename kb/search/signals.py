"""Keep the vocabulary in step with what is published."""

from django.db.models.signals import post_save

from kb.models import ArticlePage
from kb.search import vocabulary


def add_published_words(sender, instance, **kwargs):
    if instance.live and not kwargs.get("raw"):
        vocabulary.add_page(instance)


def connect() -> None:
    for model in [ArticlePage, *ArticlePage.__subclasses__()]:
        post_save.connect(add_published_words, sender=model, dispatch_uid=f"vocab-{model.__name__}")
