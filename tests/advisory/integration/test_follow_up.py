"""A case that is answered can carry the day staff have promised to follow up; from that day
it is on the dashboard, in the case list's filter and marked on the case page until someone
marks it as followed up."""

import html
import importlib
import re
from datetime import timedelta

import pytest

from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from advisory import workflow
from advisory.dashboard import SHOWN
from advisory.models import Case, CaseEvent
from advisory.models.cases import Status
from advisory.public.intake import receive_message
from tests.advisory.factories import CaseFactory

pytestmark = pytest.mark.django_db


def answered_case(**kwargs) -> Case:
    case = workflow.change_status(CaseFactory(**kwargs), Status.IN_PROGRESS)
    return workflow.change_status(case, Status.ANSWERED)


def act(client, case, action, **fields):
    data = {"action": action, **{f"{action}-{name}": value for name, value in fields.items()}}
    return client.post(reverse("sager:detail", args=[case.pk]), data, follow=True)


def set_follow_up(client, case, day):
    return act(client, case, "follow_up", follow_up_date=day.strftime("%d.%m.%Y"))


def dashboard_group(client, key) -> str:
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    return re.search(rf'aria-labelledby="dashboard-{key}">(.*?)</section>', page, re.S)[1]


def listed(client, url) -> list[str]:
    return [case.subject for case in client.get(url).context["object_list"]]


def group_link(group: str) -> str:
    return html.unescape(re.search(r'<a href="([^"]+)">', group)[1])


def test_a_follow_up_due_today_is_on_the_dashboard_in_the_filter_and_marked_on_the_case(
    client, staff
):
    case = answered_case(subject="Ring og hør om budgettet")
    answered_case(subject="Besvaret uden opfølgning")
    today = timezone.localdate()

    set_follow_up(client, case, today)

    group = dashboard_group(client, "follow_up")
    assert "Til opfølgning: 1" in group
    assert f"Ring og hør om budgettet (følg op {date_format(today, 'j. F')})" in group
    assert listed(client, group_link(group)) == ["Ring og hør om budgettet"]
    listing = client.get(reverse("sager:index")).content.decode()
    assert f'<td data-label="Opfølgning">{today:%d.%m.%Y}</td>' in listing
    page = client.get(reverse("sager:detail", args=[case.pk])).content.decode()
    assert "Skal følges op nu" in page
    assert f"<dt>Opfølgning</dt><dd>{date_format(today, 'j. F Y')}</dd>" in page


def test_a_follow_up_that_has_passed_stays_due_until_followed_up(client, staff):
    case = answered_case(subject="Glemt opfølgning")
    workflow.set_follow_up(case, timezone.localdate() - timedelta(days=20), staff)

    assert "Til opfølgning: 1" in dashboard_group(client, "follow_up")
    assert listed(client, reverse("sager:index") + "?follow_up=nu") == ["Glemt opfølgning"]

    page = act(client, case, "followed_up").content.decode()

    assert "Sagen er markeret som fulgt op." in page
    assert "Skal følges op nu" not in page
    assert Case.objects.get(pk=case.pk).follow_up_date is None
    assert "Til opfølgning: 0" in dashboard_group(client, "follow_up")
    event = CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.EDIT).latest("pk")
    assert (event.field, event.new_value, event.author) == ("Opfølgning", "fulgt op", staff)


def test_a_follow_up_in_the_future_is_not_due_yet(client, staff):
    case = answered_case(subject="Opfølgning i næste uge")
    next_week = timezone.localdate() + timedelta(days=7)

    page = set_follow_up(client, case, next_week).content.decode()

    assert f"Sagen skal følges op den {date_format(next_week, 'j. F Y')}." in page
    assert "Skal følges op nu" not in page
    assert "Til opfølgning: 0" in dashboard_group(client, "follow_up")
    assert listed(client, reverse("sager:index") + "?follow_up=nu") == []
    assert list(Case.objects.follow_up_due(today=next_week)) == [case]
    event = CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.EDIT).latest("pk")
    assert (event.field, event.old_value) == ("Opfølgning", "")


def test_a_follow_up_in_the_past_is_refused_and_nothing_changes(client, staff):
    case = answered_case()
    yesterday = timezone.localdate() - timedelta(days=1)

    page = set_follow_up(client, case, yesterday).content.decode()

    assert "Datoen kan ikke ligge før i dag." in page
    assert f'value="{yesterday:%d.%m.%Y}"' in page  # what was typed is kept
    assert Case.objects.get(pk=case.pk).follow_up_date is None
    assert not CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.EDIT).exists()


def test_an_answered_case_offers_a_follow_up_instead_of_a_deadline_to_move(client, staff):
    case = answered_case()
    before = Case.objects.get(pk=case.pk).due_date

    page = client.get(reverse("sager:detail", args=[case.pk])).content.decode()
    assert 'name="follow_up-follow_up_date"' in page
    assert 'name="deadline-due_date"' not in page

    next_week = (timezone.localdate() + timedelta(days=7)).strftime("%d.%m.%Y")
    page = act(client, case, "deadline", due_date=next_week).content.decode()
    assert "Kun en åben sag har en svarfrist. Sæt i stedet en dato for opfølgning." in page
    assert Case.objects.get(pk=case.pk).due_date == before


def test_a_case_is_closed_only_once_its_follow_up_is_done(client, staff):
    case = answered_case()
    day = timezone.localdate() + timedelta(days=3)
    set_follow_up(client, case, day)

    page = act(client, case, "status", status=Status.CLOSED).content.decode()

    danish = date_format(day, "j. F Y")
    assert f"Sagen skal følges op den {danish}. Markér den som fulgt op, før sagen lukkes." in (
        html.unescape(page)
    )
    # The status form is shown again with the choice the secretary made.
    assert re.search(rf'<option value="{Status.CLOSED}"[^>]* selected>', page)
    assert Case.objects.get(pk=case.pk).status == Status.ANSWERED
    act(client, case, "followed_up")
    act(client, case, "status", status=Status.CLOSED)
    assert Case.objects.get(pk=case.pk).status == Status.CLOSED


def test_a_follow_up_is_still_owed_when_the_requester_writes_back_meanwhile(client, staff):
    case = answered_case(subject="Spørger skrev igen")
    workflow.set_follow_up(case, timezone.localdate(), staff)

    receive_message(case, "Vi har et spørgsmål mere.")

    assert Case.objects.get(pk=case.pk).status == Status.IN_PROGRESS
    assert "Spørger skrev igen" in dashboard_group(client, "follow_up")
    page = act(client, case, "followed_up").content.decode()
    assert "Skal følges op nu" not in page


def test_the_dashboard_shows_the_follow_ups_that_came_first(client, staff):
    today = timezone.localdate()
    for days_ago in range(SHOWN + 1):
        case = answered_case(subject=f"Opfølgning for {days_ago} dage siden")
        workflow.set_follow_up(case, today - timedelta(days=days_ago), staff)

    group = dashboard_group(client, "follow_up")

    assert f"Til opfølgning: {SHOWN + 1}" in group
    shown = re.findall(r"Opfølgning for (\d+) dage siden", group)
    assert shown == [str(days) for days in range(SHOWN, 0, -1)]


def test_the_dashboards_follow_up_link_lists_them_in_the_same_order_most_overdue_first(
    client, staff
):
    today = timezone.localdate()
    for subject, days_ago in [("For to dage siden", 2), ("I dag", 0), ("For en uge siden", 7)]:
        workflow.set_follow_up(
            answered_case(subject=subject), today - timedelta(days=days_ago), staff
        )
    answered_case(subject="Ingen opfølgning")

    group = dashboard_group(client, "follow_up")

    most_overdue_first = ["For en uge siden", "For to dage siden", "I dag"]
    assert re.findall(r"</a> ([^<]+?) \(følg op", group) == most_overdue_first
    link = group_link(group)
    assert "ordering=follow_up_date" in link
    assert listed(client, link) == most_overdue_first


def test_the_case_list_sorts_by_follow_up_date_with_cases_without_one_last(client, staff):
    today = timezone.localdate()
    answered_case(subject="Ingen opfølgning")
    for subject, days_ahead in [("Om en uge", 7), ("I dag", 0), ("Om to dage", 2)]:
        workflow.set_follow_up(
            answered_case(subject=subject), today + timedelta(days=days_ahead), staff
        )
    index = reverse("sager:index")

    soonest_first = listed(client, f"{index}?ordering=follow_up_date")
    latest_first = listed(client, f"{index}?ordering=-follow_up_date")

    assert soonest_first == ["I dag", "Om to dage", "Om en uge", "Ingen opfølgning"]
    assert latest_first == ["Om en uge", "Om to dage", "I dag", "Ingen opfølgning"]
    header = client.get(index).content.decode()
    assert f'href="{index}?ordering=follow_up_date"' in header  # "Opfølgning" is a sort link


def test_a_deadline_moved_after_answering_becomes_the_follow_up_it_was_meant_as(staff):
    promised = answered_case(subject="Lovet opfølgning")
    day = timezone.localdate() + timedelta(days=5)
    # How a follow-up was noted before: "Flyt fristen" on the answered case.
    Case.objects.filter(pk=promised.pk).update(due_date=day)
    workflow.record_edits(promised, staff, {"Svarfrist": ("", date_format(day, "j. F Y"))})
    moved_then_answered = workflow.change_status(CaseFactory(), Status.IN_PROGRESS)
    workflow.set_due_date(moved_then_answered, day, staff)
    workflow.change_status(moved_then_answered, Status.ANSWERED)

    rescue = importlib.import_module("advisory.migrations.0007_rescue_follow_ups")
    rescue.rescue_follow_ups(apps, None)

    assert Case.objects.get(pk=promised.pk).follow_up_date == day
    assert Case.objects.get(pk=moved_then_answered.pk).follow_up_date is None
    event = CaseEvent.objects.filter(case=promised, kind=CaseEvent.Kind.EDIT).latest("pk")
    assert (event.field, event.new_value) == ("Opfølgning", date_format(day, "j. F Y"))
