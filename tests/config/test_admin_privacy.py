"""The admin tells no outside service who its users are."""

import pytest

pytestmark = pytest.mark.django_db


def test_avatars_are_not_fetched_from_gravatar(admin_client, admin_user):
    admin_user.email = "sagsbehandler@lvs.dk"
    admin_user.save()

    page = admin_client.get("/admin/").content.decode()

    assert "gravatar" not in page
    assert "default-user-avatar" in page
