"""Editors building an article body see every block field labelled in Danish."""

from html import unescape

import pytest

from tests.factories import section

pytestmark = pytest.mark.django_db


def test_each_step_of_a_step_by_step_block_asks_for_its_text_in_danish(admin_client, site):
    editor = admin_client.get(f"/admin/pages/add/kb/guidepage/{section('vejledninger').pk}/")
    block_definitions = unescape(editor.content.decode())

    assert '"label": "Trin for trin"' in block_definitions
    assert '"label": "Text"' not in block_definitions
