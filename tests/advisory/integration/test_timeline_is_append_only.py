import pytest

from advisory import workflow
from advisory.models import CaseEvent
from advisory.models.events import AppendOnlyError
from tests.advisory.factories import CaseFactory, secretary

pytestmark = pytest.mark.django_db


def test_saved_event_cannot_be_edited():
    event = workflow.add_note(CaseFactory(), secretary(), "Ringede op")
    event.body = "Omskrevet"
    with pytest.raises(AppendOnlyError):
        event.save()
    assert CaseEvent.objects.get(pk=event.pk).body == "Ringede op"


def test_event_cannot_be_deleted_one_by_one_or_in_bulk():
    event = workflow.add_note(CaseFactory(), secretary(), "Ringede op")
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        CaseEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(AppendOnlyError):
        CaseEvent.objects.filter(pk=event.pk).update(body="x")
    assert CaseEvent.objects.filter(pk=event.pk, body="Ringede op").exists()
