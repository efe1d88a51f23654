"""Add forms of the search tools that a link can fill in: the zero-result report offers, for a
search that found nothing, a synonym or an editor's pick with the search already written."""

from wagtail.contrib.search_promotions.views import CreateView as PicksCreateView
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView


class FilledInFromLink:
    """A create view whose ``filled_in`` fields start with the link's query-string values of
    the same names (``?term=julefrokost``), as ``filled_in_value`` reads them."""

    filled_in: tuple[str, ...] = ()

    def filled_in_value(self, field: str, value: str) -> str:
        return value.strip()

    def get_initial(self):
        initial = super().get_initial()
        for field in self.filled_in:
            if value := self.filled_in_value(field, self.request.GET.get(field, "")):
                initial[field] = value
        return initial


class SynonymCreateView(FilledInFromLink, SnippetCreateView):
    filled_in = ("term",)

    def filled_in_value(self, field: str, value: str) -> str:
        """A search's quotes are no part of a term: "§18" is §18."""
        return " ".join(value.replace('"', " ").split())


class EditorsPicksCreateView(FilledInFromLink, PicksCreateView):
    filled_in = ("query_string",)
