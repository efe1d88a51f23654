"""Role × URL: anonymous visitors and knowledge-base editors get no case data from any URL;
the secretariat gets the pages."""

import pytest

from advisory import workflow
from advisory.models import Contact, ReplyTemplate
from tests.advisory.factories import CaseFactory, OrganisationFactory, editor, secretary

SECRET = "Xyzzy"
# What the pages would show; never part of a URL, so an echoed search term is no leak.
SHOWN = [
    f"Tag {SECRET}",
    f"Fortroligt {SECRET}",
    f"Værestedet {SECRET}",
    f"Kontakt {SECRET}",
    f"Skabelon {SECRET}",
]
DENIED = {302, 403, 404}

# (url, what the secretariat gets): "data" = 200 with the case data shown, "ok" = 200,
# "denied" = refused for everyone. Every URL is refused to anonymous users and editors,
# except SHARED ones, which they may open but which must not show case data.
CASE_URLS = [
    ("/admin/sager/", "data"),
    ("/admin/sager/results/", "data"),
    (f"/admin/sager/?q={SECRET}", "data"),
    (f"/admin/sager/results/?q={SECRET}", "data"),
    ("/admin/sager/?export=csv", "data"),
    ("/admin/sager/?export=xlsx", "ok"),
    ("/admin/sager/{case}/", "data"),
    ("/admin/sager/new/", "ok"),
    ("/admin/sager/edit/{case}/", "data"),
    ("/admin/sager/history/{case}/", "ok"),
    ("/admin/sager/usage/{case}/", "ok"),
    ("/admin/sager/delete/{case}/", "denied"),
    ("/admin/sager/rapport/", "ok"),
    ("/admin/sager/rapport/?format=csv", "ok"),
    ("/admin/organisationer/", "data"),
    (f"/admin/organisationer/?q={SECRET}", "data"),
    ("/admin/organisationer/?export=csv", "data"),
    ("/admin/organisationer/edit/{organisation}/", "data"),
    ("/admin/kontaktpersoner/", "data"),
    ("/admin/kontaktpersoner/edit/{contact}/", "data"),
    ("/admin/standardsvar/", "data"),
    ("/admin/standardsvar/edit/{template}/", "data"),
    (f"/admin/snippets/choose/advisory/replytemplate/?q={SECRET}", "denied"),
    ("/admin/tag-autocomplete/advisory/casetagname/?term=Tag", "data"),
    (f"/admin/snippets/choose/advisory/replytemplate/results/?q={SECRET}", "denied"),
]
SHARED_URLS = [
    "/admin/",
    f"/admin/search/?q={SECRET}",
    f"/soeg/?q={SECRET}",
    f"/soeg/autocomplete/?q={SECRET}",
]


@pytest.fixture
def objects(site):
    organisation = OrganisationFactory(name=f"Værestedet {SECRET}")
    case = CaseFactory(organisation=organisation, subject=f"Fortroligt {SECRET}")
    workflow.add_note(case, None, f"Intern note {SECRET}")
    case.tags.add(f"Tag {SECRET}")
    contact = Contact.objects.create(organisation=organisation, name=f"Kontakt {SECRET}")
    template = ReplyTemplate.objects.create(title=f"Skabelon {SECRET}", body="Tak")
    return {
        "case": case.pk,
        "organisation": organisation.pk,
        "contact": contact.pk,
        "template": template.pk,
    }


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def leaks(response) -> bool:
    content = body(response)
    return any(text in content for text in SHOWN)


def login(client, role):
    if role == "editor":
        client.force_login(editor())
    elif role == "secretariat":
        client.force_login(secretary())


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_anonymous_and_editors_get_no_case_data(client, objects, role):
    login(client, role)
    leaked = []
    for url, _expected in CASE_URLS:
        response = client.get(url.format(**objects))
        if response.status_code not in DENIED or leaks(response):
            leaked.append((url, response.status_code))
    for url in SHARED_URLS:
        response = client.get(url.format(**objects))
        if leaks(response):
            leaked.append((url, response.status_code))
    assert leaked == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_anonymous_and_editors_cannot_act_on_a_case(client, objects, role, mailoutbox):
    login(client, role)
    url = "/admin/sager/{case}/".format(**objects)
    response = client.post(url, {"action": "reply", "reply-body": "Svar"})
    assert response.status_code in DENIED
    assert mailoutbox == []


@pytest.mark.django_db
def test_secretariat_gets_the_case_pages(client, objects):
    login(client, "secretariat")
    unexpected = []
    for url, expected in CASE_URLS:
        response = client.get(url.format(**objects))
        if expected == "denied":
            ok = response.status_code in DENIED and not leaks(response)
        else:
            ok = response.status_code == 200 and (expected == "ok" or leaks(response))
        if not ok:
            unexpected.append((url, response.status_code))
    assert unexpected == []


@pytest.mark.django_db
def test_groups_exist_right_after_migrate():
    from django.contrib.auth.models import Group

    secretariat = Group.objects.get(name="Sekretariat")
    editors = Group.objects.get(name="Redaktører")
    assert secretariat.permissions.filter(codename="change_case").exists()
    assert not secretariat.permissions.filter(codename="delete_case").exists()
    assert not editors.permissions.filter(content_type__app_label="advisory").exists()
    assert editors.page_permissions.filter(permission__codename="publish_page").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role,shown", [("secretariat", True), ("editor", False)])
def test_the_case_report_is_in_the_reports_menu_for_those_who_see_cases(client, role, shown):
    login(client, role)
    page = client.get("/admin/").content.decode()
    assert ('"Rapport over sager"' in page) is shown
    assert ('"/admin/sager/rapport/"' in page) is shown


@pytest.mark.django_db
def test_a_cases_tags_are_not_suggested_to_editors_tagging_documents(client):
    CaseFactory().tags.add("Karen-sagen")

    login(client, "editor")
    shared = client.get("/admin/tag-autocomplete/", {"term": "kar"}).json()

    login(client, "secretariat")
    own = client.get("/admin/tag-autocomplete/advisory/casetagname/", {"term": "kar"}).json()

    assert "Karen-sagen" not in str(shared)
    assert "Karen-sagen" in str(own)


@pytest.mark.django_db
def test_person_data_is_found_with_the_cases_under_advisory(client):
    login(client, "secretariat")
    page = client.get("/admin/").content.decode()

    # In the sidebar's data, the submenu that the link to Persondata is in.
    before = page[: page.index('"url": "/admin/persondata/"')]
    assert before.rindex('"name": "radgivning"') > before.rindex("SubMenuItem")
