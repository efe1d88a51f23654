from django.conf import settings
from django.shortcuts import redirect
from django.templatetags.static import static as static_url
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from advisory.views.case_tags import case_tag_autocomplete
from kb.document_serving import serve_document


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links. Looked up per request: the
    icon's static URL is only known once the static files are collected."""
    return redirect(static_url("favicon.svg"))  # not permanent: the hashed name changes


urlpatterns = [
    # Before Wagtail's, at its address (which the case form's tag field asks).
    path("admin/tag-autocomplete/advisory/casetagname/", case_tag_autocomplete),
    path("admin/", include(wagtailadmin_urls)),
    re_path(r"^dokumenter/(\d+)/(.*)$", serve_document),  # before Wagtail's, at its address
    path("dokumenter/", include(wagtaildocs_urls)),
    path("raadgivning/", include("advisory.public.urls")),
    path("soeg/", include("kb.search.urls")),
    path("favicon.ico", favicon),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
handler500 = "config.errors.server_error"
