"""Add forms of the search tools that a link can fill in: the zero-result report offers, for a
search that found nothing, a synonym or an editor's pick with the search already written."""

from wagtail.contrib.search_promotions.views import CreateView as PicksCreateView
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView


class FilledInFromLink:
    """A create view whose ``filled_in`` fields start with the link's query-string values of
    the same names (``?term=julefrokost``)."""

    filled_in: tuple[str, ...] = ()

    def get_initial(self):
        initial = super().get_initial()
        for field in self.filled_in:
            if value := self.request.GET.get(field, "").strip():
                initial[field] = value
        return initial


class SynonymCreateView(FilledInFromLink, SnippetCreateView):
    filled_in = ("term",)

    def get_initial(self):
        initial = super().get_initial()
        if "term" in initial:  # a search's quotes are no part of a term: "§18" is §18
            initial["term"] = " ".join(initial["term"].replace('"', " ").split())
        return initial


class EditorsPicksCreateView(FilledInFromLink, PicksCreateView):
    filled_in = ("query_string",)
