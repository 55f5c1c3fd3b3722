"""Registration by a delegation, its note verbale, accreditation by the Secretariat, the
approval of a rule 1 (3) observer, the register's exports and the list of participants."""

import csv
import io
import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document as Docx
from openpyxl import load_workbook
from pypdf import PdfWriter

from plenary.core.models import DelegationFunction, Role
from plenary.decisions import services as decisions
from plenary.meetings import selectors, services
from plenary.meetings.models import Delegation
from plenary.meetings.services import DelegateIn
from plenary.treaties.models import Organisation, State
from tests.conftest import client_for, make_user, token_client

pytestmark = pytest.mark.django_db


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def note_verbale(name: str = "note.pdf", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes() if content is None else content)


HEAD = DelegateIn(
    role="head",
    name="Sr. Embajador Uno",
    title="H.E. Mr.",
    function="Permanent Representative",
    email="uno@example.org",
    publish=True,
)
ADVISER = DelegateIn(
    role="adviser", name="Sra. Asesora Dos", function="Counsellor", email="dos@example.org"
)


@pytest.fixture
def msp(ccm, secretariat):
    today = timezone.localdate()
    return services.create_meeting(
        convention=ccm,
        code="14MSP",
        kind="msp",
        title="Fourteenth Meeting of States Parties",
        symbol_root="CCM/MSP/2027",
        parts=[
            services.PartPlan(
                1,
                today + timedelta(days=60),
                today + timedelta(days=62),
                registration_deadline=today + timedelta(days=30),
            )
        ],
        by=secretariat,
    )


@pytest.fixture
def peru_focal(ccm):
    user = make_user("peru_focal", Role.DELEGATION, "PER", function=DelegationFunction.FOCAL_POINT)
    user.language = "es"
    user.save()
    return user


def _register(meeting, user, *members, credentials=None):
    return services.register_delegation(
        meeting=meeting,
        state=State.objects.get(iso3="PER"),
        members=list(members) or [HEAD, ADVISER],
        credentials=credentials,
        now=timezone.now(),
        by=user,
    )


def test_a_focal_point_registers_with_a_note_verbale_and_gets_a_confirmation(
    msp, peru_focal, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        delegation = _register(msp, peru_focal, credentials=note_verbale())
    assert delegation.status == "nominated"
    assert delegation.credentials_kind == "note_verbale"
    assert delegation.credentials.read().startswith(b"%PDF-")
    assert [(m.function, m.email, m.publish) for m in delegation.members.all()] == [
        ("Permanent Representative", "uno@example.org", True),
        ("Counsellor", "dos@example.org", False),
    ]
    assert [mail.to for mail in mailoutbox] == [["peru_focal@example.org"]]
    assert "Peru" in mailoutbox[0].subject
    assert "Sr. Embajador Uno, Permanent Representative" in mailoutbox[0].body


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("note.pdf", b"<html>not a pdf</html>", "note.pdf: the note verbale or credentials must"),
        (
            "polyglot.pdf",
            b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF",
            "polyglot.pdf: the file starts as a PDF but is not one",
        ),
        ("broken.pdf", b"%PDF-1.7\nnothing else", "broken.pdf: the file starts as a PDF but"),
        ("empty.pdf", b"", "the note verbale or credentials file is empty"),
    ],
)
def test_a_note_verbale_that_is_not_a_whole_pdf_is_refused(msp, peru_focal, name, content, message):
    with pytest.raises(ValidationError) as refused:
        _register(msp, peru_focal, credentials=SimpleUploadedFile(name, content))
    assert refused.value.message_dict["credentials"][0].startswith(message)
    assert not Delegation.objects.filter(meeting=msp).exists()


def test_a_whole_pdf_with_html_appended_is_refused(msp, peru_focal):
    polyglot = pdf_bytes() + b"\n<html><body onload=alert(1)></body></html>"
    with pytest.raises(ValidationError) as refused:
        _register(msp, peru_focal, credentials=note_verbale("nv.pdf", polyglot))
    assert "carries HTML" in refused.value.message_dict["credentials"][0]


def test_the_secretariat_accredits_once_credentials_are_in(msp, peru_focal, secretariat):
    delegation = _register(msp, peru_focal)
    with pytest.raises(ValidationError) as refused:
        services.accredit_delegation(delegation=delegation, now=timezone.now(), by=secretariat)
    assert refused.value.message_dict["credentials"] == [
        "the delegation of Peru has sent no note verbale or credentials: it cannot be"
        " accredited yet"
    ]
    services.upload_credentials(
        delegation=delegation, upload=note_verbale(), now=timezone.now(), by=peru_focal
    )
    accredited = services.accredit_delegation(
        delegation=delegation, now=timezone.now(), by=secretariat
    )
    assert accredited.status == "accredited"
    assert accredited.history.latest().history_user == secretariat
    with pytest.raises(ValidationError):
        services.accredit_delegation(delegation=delegation, now=timezone.now(), by=secretariat)
    # A change by the delegation returns it to the Secretariat for accreditation again.
    services.update_delegation(
        delegation=delegation, members=[HEAD], now=timezone.now(), by=peru_focal
    )
    assert Delegation.objects.get(pk=delegation.pk).status == "nominated"


def test_only_the_secretariat_accredits(msp, peru_focal):
    delegation = _register(msp, peru_focal, credentials=note_verbale())
    with pytest.raises(Exception) as refused:
        services.accredit_delegation(delegation=delegation, now=timezone.now(), by=peru_focal)
    assert refused.type.__name__ == "PermissionDenied"
    assert Delegation.objects.get(pk=delegation.pk).status == "nominated"


def test_after_the_deadline_the_secretariat_gives_a_reason(msp, peru_focal, secretariat):
    delegation = _register(msp, peru_focal)
    after = timezone.now() + timedelta(days=40)
    with pytest.raises(ValidationError) as refused:
        services.update_delegation(delegation=delegation, members=[HEAD], now=after, by=peru_focal)
    assert refused.value.message_dict["parts"][0].startswith(
        "registration for part 1 of Fourteenth Meeting of States Parties closed at 23:59:59"
    )
    with pytest.raises(ValidationError) as refused:
        services.update_delegation(delegation=delegation, members=[HEAD], now=after, by=secretariat)
    assert refused.value.message_dict["reason"] == [
        "registration has closed: give the reason for changing this delegation (it is kept in"
        " the history)"
    ]
    services.update_delegation(
        delegation=delegation,
        members=[HEAD],
        now=after,
        reason="Note verbale of the Permanent Mission: adviser withdrawn",
        by=secretariat,
    )
    latest = Delegation.history.filter(id=delegation.pk).latest()
    reason = "Note verbale of the Permanent Mission: adviser withdrawn"
    assert latest.history_change_reason == reason


def test_an_e_mail_address_is_checked(msp, peru_focal):
    with pytest.raises(ValidationError) as refused:
        _register(msp, peru_focal, DelegateIn(role="head", name="X", email="not an address"))
    assert refused.value.message_dict["members"] == ["not an address is not an e-mail address"]


def test_a_rule_1_3_observer_is_accredited_once_the_meeting_approves(msp, secretariat):
    mag = Organisation.objects.get(abbreviation="MAG")
    focal = make_user(
        "mag_focal", Role.DELEGATION, organisation="MAG", function=DelegationFunction.FOCAL_POINT
    )
    delegation = services.register_delegation(
        meeting=msp,
        organisation=mag,
        members=[DelegateIn(role="head", name="Ms. MAG", email="mag@example.org", publish=True)],
        credentials=note_verbale(),
        now=timezone.now(),
        by=focal,
    )
    with pytest.raises(ValidationError) as refused:
        services.accredit_delegation(delegation=delegation, now=timezone.now(), by=secretariat)
    assert refused.value.message_dict["attendance_approved_on"] == [
        "the meeting has not approved the attendance of Mines Advisory Group (MAG) (rule 1 (3)):"
        " record its decision first"
    ]
    part = msp.parts.get()
    decision = decisions.record_decision(
        part=part,
        kind="approved",
        subject="Attendance of observers under rule 1 (3)",
        decided_on=part.starts_on,
        by=secretariat,
    )
    services.approve_observer_attendance(delegation=delegation, decision=decision, by=secretariat)
    delegation.refresh_from_db()
    assert delegation.attendance_approved_on == part.starts_on
    assert delegation.attendance_decision == decision
    assert delegation.attendance_reference == str(decision)
    services.accredit_delegation(delegation=delegation, now=timezone.now(), by=secretariat)
    categories = selectors.register_of(meeting=msp, contacts=False, accredited_only=True)
    assert [row.name for c in categories if c.code == "rule_1_3" for row in c.participants] == [
        "Mines Advisory Group (MAG)"
    ]


def test_a_rule_1_2_organisation_needs_no_approval(msp, secretariat):
    icrc = Organisation.objects.get(abbreviation="ICRC")
    delegation = services.register_delegation(
        meeting=msp,
        organisation=icrc,
        members=[DelegateIn(role="head", name="Mr. ICRC", email="icrc@example.org")],
        now=timezone.now(),
        by=secretariat,
    )
    with pytest.raises(ValidationError) as refused:
        services.approve_observer_attendance(
            delegation=delegation, decided_on=date(2027, 1, 1), reference="x", by=secretariat
        )
    assert "organisation" in refused.value.message_dict


def test_the_list_of_participants_shows_what_consent_allows(msp, peru_focal, secretariat):
    delegation = _register(msp, peru_focal, credentials=note_verbale())
    services.accredit_delegation(delegation=delegation, now=timezone.now(), by=secretariat)
    response = client_for(None).get("/ccm/meetings/14MSP/participants.docx")
    assert response.status_code == 200
    lines = [p.text for p in Docx(io.BytesIO(response.content)).paragraphs]
    heading = lines.index("States Parties")
    assert lines[heading + 1] == "Peru"
    assert lines[heading + 2] == (
        "H.E. Mr. Sr. Embajador Uno, Permanent Representative (Head of delegation)"
    )
    assert "Sra. Asesora Dos" not in "\n".join(lines)
    assert "@example.org" not in "\n".join(lines)
    page = client_for(None).get("/ccm/meetings/14MSP/participants/").content.decode()
    assert "Sr. Embajador Uno" in page
    assert "Sra. Asesora Dos" not in page
    assert "uno@example.org" not in page
    assert "1 member not listed (no consent to publication)" in page
    register = client_for(secretariat).get("/ccm/meetings/14MSP/registrations/").content.decode()
    assert "dos@example.org" in register


def test_the_list_of_participants_lists_only_accredited_delegations(msp, peru_focal):
    _register(msp, peru_focal, credentials=note_verbale())
    response = client_for(None).get("/ccm/meetings/14MSP/participants.docx")
    lines = [p.text for p in Docx(io.BytesIO(response.content)).paragraphs]
    assert "Peru" not in lines
    assert "No delegation of this meeting is accredited yet." in lines


def test_the_secretariat_sees_who_has_not_registered(msp, peru_focal, secretariat):
    _register(msp, peru_focal)
    missing = {
        category.code: [row.name for row in category.participants]
        for category in selectors.not_registered(meeting=msp)
    }
    assert "Peru" not in missing["states_parties"]
    assert "Chile" in missing["states_parties"]
    assert "International Committee of the Red Cross (ICRC)" in missing["rule_1_2"]
    assert "Mines Advisory Group (MAG)" not in missing.get("rule_1_3", [])
    page = client_for(secretariat).get("/ccm/meetings/14MSP/registrations/")
    assert page.status_code == 200
    assert "Chile" in page.content.decode()


def test_only_the_secretariat_sees_every_registration(msp, peru_focal):
    _register(msp, peru_focal)
    for url in (
        "/ccm/meetings/14MSP/registrations/",
        "/ccm/meetings/14MSP/registrations.csv",
        "/ccm/meetings/14MSP/registrations.xlsx",
    ):
        assert client_for(peru_focal).get(url).status_code == 403
    assert token_client(peru_focal).get("/api/v1/ccm/meetings/14MSP/registrations").status_code == (
        403
    )


def test_the_export_escapes_formulas(msp, peru_focal, secretariat):
    _register(
        msp,
        peru_focal,
        DelegateIn(role="head", name='=HYPERLINK("http://x","y")', email="x@example.org"),
    )
    text = client_for(secretariat).get("/ccm/meetings/14MSP/registrations.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["participant"] == "Peru"
    assert rows[0]["name"] == '\'=HYPERLINK("http://x","y")'
    book = client_for(secretariat).get("/ccm/meetings/14MSP/registrations.xlsx").content
    sheet = load_workbook(io.BytesIO(book)).active
    header = [cell.value for cell in sheet[1]]
    assert sheet.cell(row=2, column=header.index("name") + 1).value.startswith("'=")
    assert sheet.cell(row=2, column=header.index("name") + 1).data_type == "s"


def test_the_credentials_are_the_secretariat_s_and_the_delegation_s_only(
    msp, peru_focal, secretariat, chile_delegate, peru_delegate
):
    _register(msp, peru_focal, credentials=note_verbale())
    url = "/ccm/meetings/14MSP/registrations/PER/credentials.pdf"
    assert client_for(secretariat).get(url).status_code == 200
    assert client_for(peru_focal).get(url).status_code == 200
    assert client_for(peru_delegate).get(url).status_code == 200
    assert client_for(chile_delegate).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302


def test_the_api_uploads_credentials_accredits_and_lists(msp, peru_focal, secretariat):
    client = token_client(peru_focal)
    body = {
        "members": [
            {"role": "head", "name": "Ms. Head", "email": "head@example.org", "publish": True},
            {"role": "adviser", "name": "Mr. Adviser", "email": "adv@example.org"},
        ]
    }
    created = client.put(
        "/api/v1/ccm/meetings/14MSP/delegation", json.dumps(body), content_type="application/json"
    )
    assert created.status_code == 201
    refused = client.post(
        "/api/v1/ccm/meetings/14MSP/delegation/credentials",
        {"file": SimpleUploadedFile("nv.pdf", b"%PDF-1.4 <script>x</script>")},
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "credentials"
    sent = client.post(
        "/api/v1/ccm/meetings/14MSP/delegation/credentials", {"file": note_verbale()}
    )
    assert sent.status_code == 200
    assert sent.json()["credentials"] == "note_verbale"
    secretariat_api = token_client(secretariat)
    assert client.post("/api/v1/ccm/meetings/14MSP/delegations/PER/accreditation").status_code == (
        403
    )
    accredited = secretariat_api.post("/api/v1/ccm/meetings/14MSP/delegations/PER/accreditation")
    assert accredited.status_code == 200
    assert accredited.json()["status"] == "accredited"
    again = secretariat_api.post("/api/v1/ccm/meetings/14MSP/delegations/PER/accreditation")
    assert again.status_code == 422
    listed = client.get("/api/v1/ccm/meetings/14MSP/delegations").json()["items"]
    assert [m["name"] for m in listed[0]["members"]] == ["Ms. Head"]
    assert "email" not in json.dumps(listed)
    register = secretariat_api.get("/api/v1/ccm/meetings/14MSP/registrations").json()
    assert [m["email"] for m in register["registrations"][0]["members"]] == [
        "head@example.org",
        "adv@example.org",
    ]
    assert "Chile" in next(
        row["participants"]
        for row in register["not_registered"]
        if row["category"] == "states_parties"
    )
    published = client_for(None).get("/api/v1/ccm/meetings/14MSP/list-of-participants").json()
    assert published["symbol"] == ""
    states_parties = next(
        row for row in published["categories"] if row["category"] == "states_parties"
    )
    assert states_parties["participants"] == [
        {
            "name": "Peru",
            "members": [{"role": "head", "title": "", "name": "Ms. Head", "function": ""}],
            "unlisted": 1,
        }
    ]


def test_a_registration_taken_from_a_record_counts_as_accredited(ccm):
    delegations = Delegation.objects.filter(meeting__code="2RC")
    assert delegations.exists()
    assert set(delegations.values_list("status", flat=True)) == {"accredited"}


def test_the_register_pages_run_a_constant_number_of_queries(msp, secretariat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def register(iso3):
        delegation = services.register_delegation(
            meeting=msp,
            state=State.objects.get(iso3=iso3),
            members=[HEAD, ADVISER],
            credentials=note_verbale(),
            now=timezone.now(),
            by=secretariat,
        )
        services.accredit_delegation(delegation=delegation, now=timezone.now(), by=secretariat)

    urls = [
        "/ccm/meetings/14MSP/registrations/",
        "/ccm/meetings/14MSP/registrations.csv",
        "/ccm/meetings/14MSP/participants/",
        "/ccm/meetings/14MSP/participants.docx",
    ]
    client = client_for(secretariat)

    def counts():
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    register("PER")
    client.get(urls[0])  # the session and the grants, read once
    one = counts()
    for iso3 in ("CHL", "MEX", "NOR", "ZMB"):
        register(iso3)
    assert counts() == one
    assert max(one) <= 25


def test_an_organisation_registers_on_the_page_the_same_way(msp, secretariat):
    focal = make_user(
        "mag_focal", Role.DELEGATION, organisation="MAG", function=DelegationFunction.FOCAL_POINT
    )
    response = client_for(focal).post(
        "/ccm/meetings/14MSP/registration/",
        {
            "members-TOTAL_FORMS": "6",
            "members-INITIAL_FORMS": "0",
            "members-MIN_NUM_FORMS": "6",
            "members-MAX_NUM_FORMS": "1000",
            "members-0-role": "head",
            "members-0-name": "Ms. Head of MAG",
            "members-0-function": "Director of Policy",
            "members-0-email": "head@mag.example.org",
            "members-0-publish": "on",
            "parts": [str(msp.parts.get().pk)],
            "credentials": note_verbale(),
            "credentials_kind": "credentials",
        },
    )
    assert response.status_code == 302
    delegation = Delegation.objects.get(meeting=msp, organisation__abbreviation="MAG")
    assert delegation.credentials_kind == "credentials"
    assert delegation.members.get().publish is True
    page = client_for(secretariat).get("/ccm/meetings/14MSP/registrations/").content.decode()
    section = page.split('data-category="rule_1_3"')[1]
    assert "Mines Advisory Group (MAG)" in section
    assert "Record the meeting" in section


# Only the focal point registers (issue 18) ------------------------------------------------


def test_a_delegate_who_is_not_the_focal_point_may_not_register(msp, peru_delegate):
    with pytest.raises(PermissionDenied) as refused:
        _register(msp, peru_delegate)
    assert "only the focal point of the delegation of Peru" in str(refused.value)
    assert not msp.delegations.exists()


def test_a_focal_point_of_another_state_may_not_register_peru(msp, chile_focal_point):
    with pytest.raises(PermissionDenied) as refused:
        _register(msp, chile_focal_point)
    assert "only the delegation of your own State" in str(refused.value)


def test_a_delegate_sees_the_registration_read_only_and_who_registers(
    msp, peru_focal, peru_delegate
):
    _register(msp, peru_focal, credentials=note_verbale())
    client = client_for(peru_delegate)
    page = client.get("/ccm/meetings/14MSP/registration/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Only the focal point of the delegation of Peru registers it" in text
    assert "peru_focal" in text  # the focal point, by name
    assert "Sr. Embajador Uno" in text
    assert "uno@example.org" not in text  # contact details: the Secretariat's only
    assert 'name="members-TOTAL_FORMS"' not in text  # no form to change it
    refused = client.post("/ccm/meetings/14MSP/registration/", {"members-TOTAL_FORMS": "0"})
    assert refused.status_code == 403
    assert msp.delegations.get().members.count() == 2
    detail = client.get("/ccm/meetings/14MSP/").content.decode()
    assert "its focal point registers it" in detail


def test_the_api_refuses_a_delegate_and_names_the_focal_point_s_role(msp, peru_delegate):
    response = token_client(peru_delegate).put(
        "/api/v1/ccm/meetings/14MSP/delegation",
        json.dumps({"members": [{"role": "head", "name": "X", "email": "x@example.org"}]}),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "only the focal point of the delegation of Peru" in json.dumps(response.json())


# Each member registered from now on has an e-mail address (issue 18) ----------------------


def test_a_member_registered_without_an_e_mail_address_is_refused(msp, peru_focal):
    with pytest.raises(ValidationError) as refused:
        _register(msp, peru_focal, HEAD, DelegateIn(role="adviser", name="Sr. Sin Correo"))
    assert refused.value.message_dict["members"] == [
        "give the e-mail address of Sr. Sin Correo: the Secretariat writes to each member"
    ]


def test_the_page_shows_the_missing_e_mail_on_its_field(msp, peru_focal):
    response = client_for(peru_focal).post(
        "/ccm/meetings/14MSP/registration/",
        {
            "members-TOTAL_FORMS": "6",
            "members-INITIAL_FORMS": "0",
            "members-MIN_NUM_FORMS": "6",
            "members-MAX_NUM_FORMS": "1000",
            "members-0-role": "head",
            "members-0-name": "Sra. Jefa",
            "parts": [str(msp.parts.get().pk)],
        },
    )
    assert response.status_code == 422
    page = response.content.decode()
    field = page.split('id="id_members-0-email"')[1].split("</td>")[0]
    assert "Give this delegate&#x27;s e-mail address." in field
    assert not msp.delegations.exists()


def test_a_member_of_the_record_without_an_address_stays_on_an_edit(msp, peru_focal, secretariat):
    """A delegation loaded from a meeting's record (or registered before addresses were
    asked for) keeps its members without addresses; a new member needs one."""
    delegation = services.register_delegation(
        meeting=msp,
        state=State.objects.get(iso3="PER"),
        members=[DelegateIn(role="head", name="Sr. Del Acta")],
        now=timezone.now(),
        source="a report",
    )
    kept = DelegateIn(role="head", name="Sr. Del Acta")
    services.update_delegation(
        delegation=delegation, members=[kept, ADVISER], now=timezone.now(), by=peru_focal
    )
    with pytest.raises(ValidationError) as refused:
        services.update_delegation(
            delegation=delegation,
            members=[kept, DelegateIn(role="adviser", name="Nuevo")],
            now=timezone.now(),
            by=secretariat,
        )
    assert "give the e-mail address of Nuevo" in refused.value.messages[0]


# A past delegation recorded by the Secretariat from the meeting's record ------------------


def test_only_the_secretariat_records_a_delegation_from_the_record(msp, peru_focal, secretariat):
    with pytest.raises(PermissionDenied):
        services.register_delegation(
            meeting=msp,
            state=State.objects.get(iso3="PER"),
            members=[],
            now=timezone.now(),
            source="a report",
            from_the_record=True,
            by=peru_focal,
        )
    with pytest.raises(ValidationError) as refused:
        services.register_delegation(
            meeting=msp,
            state=State.objects.get(iso3="PER"),
            members=[],
            now=timezone.now(),
            from_the_record=True,
            by=secretariat,
        )
    assert "source" in refused.value.message_dict
    delegation = services.register_delegation(
        meeting=msp,
        state=State.objects.get(iso3="PER"),
        members=[],
        now=timezone.now(),
        source="a report",
        from_the_record=True,
        by=secretariat,
    )
    assert delegation.status == "accredited"
    assert delegation.members.count() == 0
