"""Each section holds one kind of article."""

import pytest

from tests.factories import section

pytestmark = pytest.mark.django_db

KINDS = {
    "metoder": "methodpage",
    "publikationer": "publicationpage",
    "vejledninger": "guidepage",
    "spoergsmaal-og-svar": "faqpage",
}


@pytest.mark.parametrize("slug,kind", KINDS.items())
def test_adding_a_page_to_a_section_offers_only_its_own_kind(admin_client, site, slug, kind):
    parent = section(slug)

    chooser = admin_client.get(f"/admin/pages/{parent.pk}/add_subpage/")

    # With one kind allowed, Wagtail goes straight to its form.
    assert chooser.status_code == 302
    assert chooser.url == f"/admin/pages/add/kb/{kind}/{parent.pk}/"
    for other in set(KINDS.values()) - {kind}:
        refused = admin_client.get(f"/admin/pages/add/kb/{other}/{parent.pk}/")
        assert (refused.status_code, refused.url) == (302, "/admin/"), other  # not permitted
