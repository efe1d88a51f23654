"""Staff move a case's deadline, e.g. to the day they have promised to follow up."""

from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from advisory import workflow
from advisory.models import Case, CaseEvent
from advisory.models.cases import Status
from advisory.public.intake import receive_message
from tests.advisory.factories import CaseFactory

pytestmark = pytest.mark.django_db


def move_deadline(client, case, day: str):
    url = reverse("sager:detail", args=[case.pk])
    return client.post(url, {"action": "deadline", "deadline-due_date": day}, follow=True)


def test_a_moved_deadline_is_kept_shown_and_on_the_timeline(client, staff):
    case = CaseFactory()
    day = timezone.localdate() + timedelta(days=30)

    page = move_deadline(client, case, day.strftime("%d.%m.%Y")).content.decode()

    assert Case.objects.get(pk=case.pk).due_date == day
    danish = date_format(day, "j. F Y")  # e.g. "27. december 2026"
    assert f"Fristen er nu {danish}." in page
    assert "Har spørgeren et link til sagen, ser de fristen der" in page
    edit = CaseEvent.objects.get(case=case, kind=CaseEvent.Kind.EDIT)
    assert (edit.field, edit.new_value) == ("Svarfrist", danish)


def test_a_deadline_in_the_past_is_refused_and_nothing_changes(client, staff):
    case = CaseFactory()
    before = Case.objects.get(pk=case.pk).due_date
    yesterday = timezone.localdate() - timedelta(days=1)

    page = move_deadline(client, case, yesterday.strftime("%d.%m.%Y")).content.decode()

    assert "Fristen kan ikke ligge før i dag." in page
    assert Case.objects.get(pk=case.pk).due_date == before
    assert not CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.EDIT).exists()


@pytest.mark.parametrize("typed", ["%d/%m/%Y", "%d/%m-%Y", "%d-%m-%y", "%Y-%m-%d"])
def test_a_deadline_typed_the_other_common_ways_is_understood(client, staff, typed):
    case = CaseFactory()
    day = timezone.localdate() + timedelta(days=40)

    move_deadline(client, case, day.strftime(typed))

    assert Case.objects.get(pk=case.pk).due_date == day


def test_a_mistyped_deadline_gets_a_danish_error_and_stays_as_typed(client, staff):
    case = CaseFactory()
    before = Case.objects.get(pk=case.pk).due_date

    page = move_deadline(client, case, "31.02.2027").content.decode()

    assert "Skriv en gyldig dato som dd.mm.åååå, fx 05.03.2026." in page
    assert 'value="31.02.2027"' in page
    assert '"validateOnBlur": false' in page  # the picker no longer makes it 03.03.2027
    assert Case.objects.get(pk=case.pk).due_date == before


def test_a_follow_up_date_on_a_waiting_case_is_kept_and_shows_when_it_passes(client, staff):
    case = workflow.change_status(CaseFactory(), Status.IN_PROGRESS)
    case = workflow.change_status(case, Status.WAITING)
    follow_up = timezone.localdate() + timedelta(days=3)
    move_deadline(client, case, follow_up.strftime("%d.%m.%Y"))

    later = timezone.localdate() + timedelta(days=10)
    assert list(Case.objects.overdue(today=later)) == [case]
    workflow.change_status(case, Status.IN_PROGRESS)  # the requester answered
    assert Case.objects.get(pk=case.pk).due_date == follow_up  # not moved by the pause


def test_a_deadline_changed_by_a_reopening_is_on_the_timeline(client, staff):
    case = CaseFactory()
    chosen = timezone.localdate() + timedelta(days=30)
    move_deadline(client, case, chosen.strftime("%d.%m.%Y"))
    workflow.change_status(case, Status.IN_PROGRESS, staff)
    workflow.change_status(Case.objects.get(pk=case.pk), Status.ANSWERED, staff)

    receive_message(Case.objects.get(pk=case.pk), "Tak, men hvad med weekenden?")

    reopened = Case.objects.get(pk=case.pk)
    assert reopened.status == Status.IN_PROGRESS and reopened.due_date < chosen
    moves = CaseEvent.objects.filter(case=case, field="Svarfrist").order_by("pk")
    assert [(e.old_value, e.new_value) for e in moves][-1] == (
        date_format(chosen, "j. F Y"),
        date_format(reopened.due_date, "j. F Y"),
    )


def test_choosing_the_same_deadline_again_adds_nothing_to_the_timeline(client, staff):
    case = CaseFactory()
    day = (timezone.localdate() + timedelta(days=30)).strftime("%d.%m.%Y")

    move_deadline(client, case, day)
    move_deadline(client, case, day)

    assert CaseEvent.objects.filter(case=case, field="Svarfrist").count() == 1
