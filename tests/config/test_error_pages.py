"""Pages shown when something is missing or broken: Danish, and with a way onwards."""

import pytest

from django.test import RequestFactory

from config.errors import server_error

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_danish_in_the_site_layout_with_a_way_onwards(client, site, settings):
    settings.DEBUG = False

    response = client.get("/findes-ikke/")

    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="da">' in page and "Siden findes ikke" in page
    assert 'role="search"' in page and 'class="site-nav"' in page
    assert 'href="/"' in page and 'href="/raadgivning/spoerg/"' in page
    assert "lvsinfo@lavs.dk" in page


def test_the_error_page_is_danish_and_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))

    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="da">' in page and "Der skete en fejl" in page
    assert "lvsinfo@lavs.dk" in page


def test_a_browser_asking_for_favicon_ico_is_sent_to_the_site_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response.url.endswith("favicon.svg")
