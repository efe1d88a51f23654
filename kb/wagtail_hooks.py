import django_filters

from django.contrib import messages
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.active_filters import register_filter_adapter_class
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views.pages.listing import PageListingMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kb.active_filters import DateRangeInWords, NumberRangeInWords
from kb.dates import DanishDateField
from kb.document_views import AddDocumentsView, DocumentIndexView, document_text_status
from kb.list_columns import WIDE_ONLY
from kb.models import Audience, PublicationPage, Synonym, Topic
from kb.removed_text import page_fields_with_removed_text, removed_text_message
from kb.search import picks
from kb.search.admin_views import EditorsPicksCreateView, SynonymCreateView
from kb.search.reports import can_read_searches, search_report


class TaxonomyViewSet(SnippetViewSet):
    """Topics and audiences: short lists, searched by name or short name."""

    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    # Searched in the database, not the search index (which holds no short names): a few
    # dozen rows, found by any part of a word even while the search engine is down.
    search_backend_name = None


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Emner")
    menu_order = 290  # before Images (300), so Målgrupper can follow right after


class AudienceViewSet(TaxonomyViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Målgrupper")
    menu_order = 295


register_snippet(TopicViewSet)
register_snippet(AudienceViewSet)


# Synonyms, editor's picks and the search reports in one place: an editor looking for one
# looked in vain beside the others (they were a menu item, a setting and a report).
SEARCH_TOOLS_HOOK = "register_search_tools_menu_item"


@hooks.register("register_admin_menu_item")
def register_search_tools_menu():
    return SubmenuMenuItem(
        _("Søgeværktøjer"),
        Menu(register_hook_name=SEARCH_TOOLS_HOOK),
        name="search-tools",
        icon_name="search",
        order=310,
    )


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    add_view_class = SynonymCreateView
    icon = "search"
    menu_label = _("Synonymer")
    menu_order = 100
    menu_hook = SEARCH_TOOLS_HOOK
    list_display = ["term", "synonyms"]
    search_fields = ["term", "synonyms"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls", order=-1)
def register_views_in_place_of_wagtails():
    # Ahead of Wagtail's patterns for the same addresses, so its URL names lead to these views.
    return [
        path("searchpicks/add/", EditorsPicksCreateView.as_view()),
        path("documents/", DocumentIndexView.as_view()),
        path("documents/results/", DocumentIndexView.as_view(results_only=True)),
        path("documents/multiple/add/", AddDocumentsView.as_view()),
        path("documents/tekststatus/", document_text_status, name="kb_document_text_status"),
    ]


@hooks.register("insert_global_admin_js")
def admin_names_script():
    return format_html('<script src="{}"></script>', static("kb/admin-names.js"))


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [path("soegerapporter/<slug:kind>/", search_report, name="search_report")]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_searches(request.user)


class EditorsPicksMenuItem(MenuItem):
    def is_shown(self, request):
        return any(
            request.user.has_perm(f"wagtailsearchpromotions.{action}_searchpromotion")
            for action in ("add", "change", "delete")
        )


@hooks.register(SEARCH_TOOLS_HOOK)
def register_editors_picks_menu_item():
    return EditorsPicksMenuItem(
        _("Fremhævede søgeresultater"),
        reverse("wagtailsearchpromotions:index"),
        icon_name="pick",
        order=200,
    )


@hooks.register(SEARCH_TOOLS_HOOK)
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("Søgerapporter"),
        reverse("search_report", args=["populaere"]),
        icon_name="doc-empty",
        order=300,
    )


@hooks.register("register_reports_menu_item")
def register_search_report_among_reports():
    # Also where an editor looks for a report first.
    return SearchReportMenuItem(
        _("Søgninger"),
        reverse("search_report", args=["populaere"]),
        name="searches",
        icon_name="search",
        order=900,
    )


@hooks.register("construct_settings_menu")
def hide_editors_picks_among_settings(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != "promoted-search-results"]


@hooks.register("construct_reports_menu")
def hide_wagtails_search_terms_report(request, menu_items):
    # Wagtail's report covers only the last week's searches and never says which found
    # nothing; ours (Rapporter → Søgninger) reads the site's query log over any period.
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


# Every date field of a Wagtail admin form (snippets, settings, an organisation's "Medlem
# siden") takes dates as the case forms do, within their years and with their Danish errors.
register_form_field_override(models.DateField, override={"form_class": DanishDateField})
register_filter_adapter_class(django_filters.RangeFilter, NumberRangeInWords)
register_filter_adapter_class(django_filters.DateFromToRangeFilter, DateRangeInWords)

picks.install()

# On a phone the page list leaves out when a page was changed and its type, as the other lists
# leave out their less needed columns: Wagtail squeezed the title to a few letters a line.
for column in PageListingMixin.base_columns:
    if column.name in ("latest_revision_created_at", "type"):
        column.classname = WIDE_ONLY


@hooks.register("construct_help_menu")
def hide_wagtails_english_guides(request, menu_items):
    # Wagtail's editor guide and release notes exist only in English, which editors here do
    # not read; the keyboard shortcuts (in Danish) stay.
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail-")
    ]


@hooks.register("before_bulk_action")
def refuse_publishing_removed_text(request, action_type, objects, action):
    """The bulk publish refuses, with the pages named, what the edit form refuses."""
    if action_type != "publish":
        return None
    refused = [
        page.title
        for page in objects
        if (revision := page.get_latest_revision())
        and page_fields_with_removed_text(revision.as_object())
    ]
    if not refused:
        return None
    messages.error(
        request,
        _("Ikke udgivet: %(pages)s. ") % {"pages": ", ".join(refused)} + removed_text_message(),
    )
    return redirect(action.next_url)


@hooks.register("before_serve_document")
def withhold_documents_of_withdrawn_publications(document, request):
    """A publication's document is public while the publication is: unpublished, not yet
    published or restricted, its file is not handed out to visitors (it stays in the admin)."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return
    publications = PublicationPage.objects.filter(document=document)
    if publications.exists() and not publications.live().public().exists():
        raise Http404
