"""Error pages of our own: the server error page, and the page for a form Django's CSRF check
refused (its cookie was missing or stale)."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import Resolver404, resolve

from advisory.contact import secretariat_contact
from advisory.public.views import AFTER_CSRF_FAILURE


def server_error(request):
    """Rendered without context processors, since the database may be what failed, so it is
    given the secretariat's contact details itself."""
    page = loader.render_to_string("500.html", {"secretariat": secretariat_contact()})
    return HttpResponseServerError(page)


def csrf_failure(request, reason=""):
    """A public form comes back with what was typed in it and the reason; any other form gets a
    page in the site's design that says what happened, instead of Django's bare one."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match and match.view_name in AFTER_CSRF_FAILURE:
        return AFTER_CSRF_FAILURE[match.view_name](request, *match.args, **match.kwargs)
    return render(request, "403_csrf.html", status=403)
