"""The plain text of an article and the one tokenizer that queries and vocabulary share."""

import re

from django.utils.html import strip_tags

# "§18" and "§ 18" stay one token: editors write synonyms for them.
TOKEN_RE = re.compile(r"§\s?\d+|\w+")


def tokenize(text: str) -> list[str]:
    """Lower-cased words of ``text``; a section sign sticks to its number."""
    return [token.replace(" ", "") for token in TOKEN_RE.findall(text.lower())]


def body_text(page) -> str:
    """The searchable text of the StreamField body, without markup."""
    field = type(page)._meta.get_field("body")
    return " ".join(strip_tags(part) for part in field.get_searchable_content(page.body))


def page_text(page) -> str:
    """Everything a search looks at on an article, as one plain text."""
    topics = " ".join(topic.name for topic in page.topics.all())
    parts = [page.title, page.summary, body_text(page), page.authors, topics, page.document_text()]
    return "\n".join(part for part in parts if part)
