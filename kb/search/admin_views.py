"""Add forms of the search tools that a link can fill in: the zero-result report offers, for a
search that found nothing, a synonym or an editor's pick with the search already written, and
the saved form goes back to the report, where »Finder nu« shows what it did."""

from django.shortcuts import redirect
from django.utils.http import urlencode

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.contrib.search_promotions.views import CreateView as PicksCreateView
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView


class FilledInFromLink:
    """A create view whose ``filled_in`` fields start with the link's query-string values of
    the same names (``?term=julefrokost``), as ``filled_in_value`` reads them, and that goes
    back to the link's ``next`` page once saved."""

    filled_in: tuple[str, ...] = ()

    def filled_in_value(self, field: str, value: str) -> str:
        return value.strip()

    def get_initial(self):
        initial = super().get_initial()
        for field in self.filled_in:
            if value := self.filled_in_value(field, self.request.GET.get(field, "")):
                initial[field] = value
        return initial

    @property
    def back_to(self) -> str:
        return get_valid_next_url_from_request(self.request)

    def get_add_url(self):
        """The form's own address, which it is sent to: with where to go back to."""
        url = super().get_add_url()
        if self.back_to:
            url += ("&" if "?" in url else "?") + urlencode({"next": self.back_to})
        return url

    def get_success_url(self):
        return self.back_to or super().get_success_url()


class SynonymCreateView(FilledInFromLink, SnippetCreateView):
    filled_in = ("term",)

    def filled_in_value(self, field: str, value: str) -> str:
        """A search's quotes are no part of a term: "§18" is §18."""
        return " ".join(value.replace('"', " ").split())


class EditorsPicksCreateView(FilledInFromLink, PicksCreateView):
    filled_in = ("query_string",)

    def form_valid(self, form):
        saved = super().form_valid(form)  # Wagtail's goes to the list of picks, not elsewhere
        return redirect(self.back_to) if self.back_to else saved
