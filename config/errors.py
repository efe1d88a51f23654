"""The server error page: Django renders it without context processors, since the database may
be what failed, so it is given the secretariat's contact details itself."""

from django.http import HttpResponseServerError
from django.template import loader

from advisory.contact import secretariat_contact


def server_error(request):
    page = loader.render_to_string("500.html", {"secretariat": secretariat_contact()})
    return HttpResponseServerError(page)
