import json
from datetime import date

import pytest

from django.core.management import CommandError, call_command
from django.utils.timezone import localtime

from advisory.models import (
    Case,
    CaseEvent,
    Contact,
    Organisation,
    ReferenceCounter,
    ReplyTemplate,
)
from advisory.models.cases import Status
from kb.models import ArticlePage
from tests.advisory.factories import CaseFactory, OrganisationFactory, secretary
from tests.factories import GuidePageFactory, section

pytestmark = pytest.mark.django_db
ANKERET = ",".join(
    ["Værestedet Ankeret", "vaerested", "Odense", "Havnegade 1", "5000", "Odense C"]
    + ["a@example.org", "66123456", "2010-01-01"]
)


def counts():
    return (
        Organisation.objects.count(),
        Case.objects.count(),
        CaseEvent.objects.count(),
        Contact.objects.count(),
    )


def import_corpus_records(corpus):
    call_command("import_organisations", str(corpus / "organisations.csv"), verbosity=0)
    call_command("import_cases", str(corpus / "cases.jsonl"), verbosity=0)


def test_corpus_organisations_and_cases_import_and_reimport_changes_nothing(corpus_dir, site):
    first = json.loads((corpus_dir / "cases.jsonl").read_text(encoding="utf-8").splitlines()[0])
    for slug in first["related"]:
        GuidePageFactory(parent=section("vejledninger"), slug=slug)

    import_corpus_records(corpus_dir)
    assert Organisation.objects.count() == 200
    assert Case.objects.count() == 300
    assert Case.objects.filter(status=Status.CLOSED).count() == 224
    before = counts()
    import_corpus_records(corpus_dir)
    assert counts() == before

    case = Case.objects.get(reference=first["ref"])
    assert case.status == first["status"] == "closed"
    assert case.organisation.name == first["organisation"]
    assert case.organisation.municipality.region
    assert localtime(case.opened_at).isoformat().startswith(first["opened"])
    assert localtime(case.closed_at).isoformat().startswith(first["closed"])
    reply = case.events.get(kind=CaseEvent.Kind.REPLY)
    assert reply.body == first["answer"]
    assert case.first_response_at == reply.created_at
    assert sorted(case.related_pages.values_list("slug", flat=True)) == sorted(first["related"])


def test_new_case_after_import_continues_the_years_numbering(tmp_path, db):
    call_command("import_organisations", str(organisation_file(tmp_path)), verbosity=0)
    call_command("import_cases", str(case_file(tmp_path, [case_row("R-2026-0041")])), verbosity=0)
    assert ReferenceCounter.objects.get(year=2026).last_number == 41
    assert CaseFactory(organisation=Organisation.objects.get()).reference == "R-2026-0042"


def case_row(ref, **overrides):
    return {
        "ref": ref,
        "organisation": "Værestedet Ankeret",
        "contact_name": "Per Holm",
        "channel": "phone",
        "topic": "frivillige",
        "subject": "Frivillige",
        "question": "Hvor finder vi frivillige?",
        "opened": "2026-03-02T10:00:00",
        "status": "new",
        "answer": None,
        "related": [],
        "closed": None,
        **overrides,
    }


def test_bad_rows_are_reported_by_line_and_the_rest_imported(tmp_path, capsys):
    organisations = tmp_path / "organisations.csv"
    organisations.write_text(
        "name,kind,municipality,address,postcode,city,email,phone,member_since\n"
        f"{ANKERET}\n"
        "Stedet,vaerested,Atlantis,Vej 1,5000,Odense C,b@example.org,,2010-01-01\n"
        "Hjørnet,boform,Aarhus,Vej 2,8000,Aarhus C,c@example.org,+45 86 12 34 56,2011-02-03\n"
        "Trappen,vaerested,Aarhus,Vej 3,80OO,Aarhus C,d@example.org,,2012-03-04\n"
        "Telefonen,vaerested,Aarhus,Vej 4,8000,Aarhus C,,abc,\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as failure:
        call_command("import_organisations", str(organisations), verbosity=0)
    assert failure.value.returncode == 1
    err = capsys.readouterr().err
    assert f"{organisations}:3: ukendt kommune »Atlantis«" in err
    assert f"{organisations}:5: ugyldigt postnummer »80OO« (fire cifre)" in err
    assert f"{organisations}:6: ugyldigt telefonnummer »abc« (mindst otte cifre)" in err
    assert sorted(Organisation.objects.values_list("name", flat=True)) == [
        "Hjørnet",
        "Værestedet Ankeret",
    ]

    cases = tmp_path / "cases.jsonl"
    lines = [
        json.dumps(case_row("R-2026-0001")),
        "{ikke json",
        json.dumps(case_row("R-2026-0003", channel="brevdue")),
        json.dumps(case_row("R-2026-0004")),
        "[1, 2]",
        json.dumps(case_row("R-2026-0006", subject="Frivillige " * 30)),
        json.dumps(case_row("R-2026-0008", topic=["frivillige"])),
        json.dumps(case_row("R-2026-0009")),
    ]
    cases.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_cases", str(cases), verbosity=0)
    err = capsys.readouterr().err
    assert f"{cases}:2: ugyldig JSON" in err
    assert f"{cases}:3: ukendt channel »brevdue«" in err
    assert f"{cases}:5: linjen er ikke et JSON-objekt" in err
    assert f"{cases}:6: »subject« er længere end 200 tegn" in err
    assert f"{cases}:7: " in err  # a list where the topic's slug belongs
    assert sorted(Case.objects.values_list("reference", flat=True)) == [
        "R-2026-0001",
        "R-2026-0004",
        "R-2026-0009",
    ]
    assert ReferenceCounter.objects.get(year=2026).last_number == 9


HEADING = "name;kind;municipality;address;postcode;city;email;phone;member_since"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_a_spreadsheets_csv_with_semicolons_and_danish_dates_is_imported(tmp_path, encoding):
    organisations = tmp_path / "organisations.csv"
    organisations.write_text(
        f"{HEADING}\r\n"
        "Værestedet Åen;vaerested;aarhus;Åvej 1;8000;Århus C;; 86 12 34 56;01.05.2020\r\n",
        encoding=encoding,
    )

    call_command("import_organisations", str(organisations), verbosity=0)
    organisations.write_text(organisations.read_text(encoding=encoding).lower(), encoding=encoding)
    call_command("import_organisations", str(organisations), verbosity=0)  # the same, in lower case

    organisation = Organisation.objects.get()
    assert (organisation.address, organisation.phone) == ("åvej 1", "86 12 34 56")
    assert organisation.municipality.name == "Aarhus"
    assert organisation.member_since.isoformat() == "2020-05-01"


def test_a_kommune_written_with_å_or_aa_is_imported_as_officially_spelled(tmp_path):
    organisations = tmp_path / "organisations.csv"
    organisations.write_text(
        f"{HEADING}\n"
        "Værestedet Åen;vaerested;Århus;;;;;;\n"
        "Cafe Broen;vaerested;Åbenrå;;;;;;\n"
        "Trappen;vaerested;aabenraa;;;;;;\n",
        encoding="utf-8",
    )

    call_command("import_organisations", str(organisations), verbosity=0)

    kommuner = Organisation.objects.order_by("name").values_list("name", "municipality__name")
    assert list(kommuner) == [
        ("Cafe Broen", "Aabenraa"),
        ("Trappen", "Aabenraa"),
        ("Værestedet Åen", "Aarhus"),
    ]


def test_a_name_twice_in_one_file_is_reported_and_the_first_row_kept(tmp_path, capsys):
    organisations = tmp_path / "organisations.csv"
    organisations.write_text(
        f"{HEADING}\nDubletten;vaerested;Aarhus;;;;;;\ndubletten;boform;Odense;;;;;;\n",
        encoding="utf-8",
    )

    with pytest.raises(CommandError) as failure:
        call_command("import_organisations", str(organisations), verbosity=0)

    assert str(failure.value) == "1 række kunne ikke importeres"
    assert f"{organisations}:3: »dubletten« står allerede i linje 2" in capsys.readouterr().err
    assert Organisation.objects.get().municipality.name == "Aarhus"


def test_cases_with_impossible_dates_or_references_are_reported(tmp_path, capsys):
    call_command("import_organisations", str(organisation_file(tmp_path)), verbosity=0)
    call_command("import_cases", str(case_file(tmp_path, [case_row("R-2026-0001")])), verbosity=0)
    cases = case_file(
        tmp_path,
        [
            case_row("R-2026-0001", channel="email"),
            case_row("R-2026-0002", status="closed", closed="2026-03-01T09:00:00"),
            case_row("R-2027-0003", opened="2027-06-01T10:00:00"),
            case_row("R-2025-0004"),
            case_row("R-2026-0005"),
            case_row("R-2026-0005", subject="Igen"),
        ],
    )

    with pytest.raises(CommandError):
        call_command("import_cases", str(cases), verbosity=0)

    err = capsys.readouterr().err
    assert f"{cases}:1: advarsel: R-2026-0001 findes allerede med en anden dato eller kanal" in err
    assert f"{cases}:2: »closed« ligger før »opened«" in err
    assert f"{cases}:3: »opened« ligger i fremtiden: 2027-06-01T10:00:00" in err
    assert f"{cases}:4: referencen »R-2025-0004« har ikke året fra »opened«" in err
    assert f"{cases}:6: »R-2026-0005« står allerede i linje 5" in err
    assert Case.objects.get(reference="R-2026-0001").channel == "phone"
    assert sorted(Case.objects.values_list("reference", flat=True)) == [
        "R-2026-0001",
        "R-2026-0005",
    ]


def organisation_file(tmp_path):
    organisations = tmp_path / "organisations.csv"
    organisations.write_text(
        f"name,kind,municipality,address,postcode,city,email,phone,member_since\n{ANKERET}\n",
        encoding="utf-8",
    )
    return organisations


def case_file(tmp_path, rows):
    cases = tmp_path / "cases.jsonl"
    cases.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return cases


def test_load_demo_content_without_corpus_loads_the_projects_own_cases(site, settings, tmp_path):
    settings.CORPUS_DIR = tmp_path / "intet-korpus"
    call_command("load_demo_content", verbosity=0)
    assert Case.objects.count() == 5
    assert Case.objects.filter(related_pages__in=ArticlePage.objects.all()).exists()
    assert ReplyTemplate.objects.count() == 2
    call_command("load_demo_content", verbosity=0)
    assert Case.objects.count() == 5
    assert ReplyTemplate.objects.count() == 2


def test_the_organisation_list_exported_from_the_admin_imports_again_unchanged(
    tmp_path, client, capsys
):
    OrganisationFactory(name="Café Solen", member_since=date(2019, 5, 1))
    OrganisationFactory(name="Tidligere medlem", is_member=False, active=False)
    client.force_login(secretary())
    export = client.get("/admin/organisationer/", {"export": "csv"})
    exported = tmp_path / "organisationer.csv"
    exported.write_bytes(b"".join(export.streaming_content))
    assert exported.read_text(encoding="utf-8-sig").startswith("Navn;Type;Kommune;")

    call_command("import_organisations", str(exported))

    assert "0 oprettet, 0 opdateret, 2 uændret, 0 fejl" in capsys.readouterr().out
    former = Organisation.objects.get(name="Tidligere medlem")
    assert (former.is_member, former.active) == (False, False)


def test_a_file_without_the_name_column_is_told_so_once(tmp_path, capsys):
    organisations = tmp_path / "organisations.csv"
    rows = "".join(f"Sted {n};vaerested;Aarhus\n" for n in range(3))
    organisations.write_text("Stednavn;Type;Kommune\n" + rows, encoding="utf-8")

    with pytest.raises(CommandError):
        call_command("import_organisations", str(organisations), verbosity=0)

    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"{organisations}:1: overskriftslinjen mangler »name« (eller »Navn«)"]


def test_every_fault_of_a_row_is_reported(tmp_path, capsys):
    organisations = tmp_path / "organisations.csv"
    organisations.write_text(
        "name,kind,municipality,address,postcode,city,email,phone,member_since\n"
        "Stedet,vaerested,Atlantis,Vej 1,50,Odense C,b@,abc,i går\n",
        encoding="utf-8",
    )

    with pytest.raises(CommandError):
        call_command("import_organisations", str(organisations), verbosity=0)

    assert capsys.readouterr().err.strip() == (
        f"{organisations}:2: ukendt kommune »Atlantis«; »member_since« er ikke en dato: 'i går'; "
        "ugyldigt postnummer »50« (fire cifre); ugyldigt telefonnummer »abc« (mindst otte "
        "cifre); ugyldig e-mail »b@«"
    )
