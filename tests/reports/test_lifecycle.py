"""A State's report from draft to submission, revision and recall, through the services."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plenary.core.models import DelegationFunction, Role
from plenary.reports import selectors, services
from plenary.reports.models import FormStatus, VersionStatus, Visibility
from plenary.treaties.models import State, TransparencyReport
from tests.conftest import make_user

TODAY = date(2026, 4, 20)


@pytest.fixture
def drafter(ccm):
    return make_user("peru_drafter", Role.DELEGATION, "PER", function=DelegationFunction.DRAFTER)


@pytest.fixture
def approver(ccm):
    return make_user("peru_approver", Role.DELEGATION, "PER", function=DelegationFunction.APPROVER)


def start(ccm, by, visibility=Visibility.PUBLIC):
    return services.start_report(
        convention=ccm,
        state=State.objects.get(iso3="PER"),
        kind="annual",
        year_covered=2025,
        visibility=visibility,
        by=by,
    )


def test_a_draft_opens_with_one_entry_per_form_of_the_template(ccm, drafter):
    report = start(ccm, drafter)
    version = report.versions.get()
    assert version.status == VersionStatus.DRAFT
    assert [e.form for e in version.entries.all()] == list("ABCDEFGHIJ")
    assert report.receipt is None


def test_a_delegate_without_drafting_function_cannot_start_a_report(ccm, peru_delegate):
    with pytest.raises(PermissionDenied):
        start(ccm, peru_delegate)


def test_a_drafter_cannot_submit_and_an_approver_can(ccm, drafter, approver):
    report = start(ccm, drafter)
    version = report.versions.get()
    services.save_draft(
        version=version,
        forms={"A": {"status": "changed", "content": "Law 29000"}},
        by=drafter,
    )
    with pytest.raises(PermissionDenied):
        services.submit_report(version=version, today=TODAY, by=drafter)
    services.submit_report(version=version, today=TODAY, by=approver)
    report.refresh_from_db()
    assert report.receipt.received_on == TODAY
    assert TransparencyReport.objects.get(pk=report.receipt_id).year_covered == 2025


def test_a_receipt_date_given_by_a_delegation_is_refused(ccm, drafter, approver):
    version = start(ccm, drafter).versions.get()
    with pytest.raises(ValidationError) as refused:
        services.submit_report(
            version=version, today=TODAY, received_on=date(2013, 9, 15), by=approver
        )
    assert refused.value.message_dict == {"received_on": [str(services.RECEIPT_BY_PLENARY)]}
    with pytest.raises(ValidationError):
        services.save_draft(version=version, forms={}, received_on=date(2013, 9, 15), by=drafter)


def test_a_delegation_cannot_record_a_receipt_in_the_registry(ccm, approver):
    from plenary.treaties import services as registry

    with pytest.raises(PermissionDenied):
        registry.record_transparency_report(
            convention=ccm,
            state=State.objects.get(iso3="PER"),
            kind="annual",
            year_covered=2025,
            received_on=date(2026, 1, 5),
            today=TODAY,
            by=approver,
        )


def test_a_submitted_version_is_locked(ccm, drafter, approver):
    version = start(ccm, drafter).versions.get()
    services.submit_report(version=version, today=TODAY, by=approver)
    with pytest.raises(ValidationError) as refused:
        services.save_draft(version=version, forms={"A": {"content": "later"}}, by=drafter)
    assert refused.value.message_dict == {"version": [str(services.LOCKED)]}


def test_a_revision_keeps_the_submitted_version_current_until_it_is_submitted(
    ccm, drafter, approver, chile_delegate
):
    report = start(ccm, drafter)
    first = report.versions.get()
    services.save_draft(version=first, forms={"B": {"content": "no stockpiles"}}, by=drafter)
    services.submit_report(version=first, today=TODAY, by=approver)
    second = services.revise_report(report=report, by=drafter)
    assert second.number == 2
    b = second.entries.get(form="B")
    assert (b.status, b.unchanged_since, b.content) == (FormStatus.UNCHANGED, 2025, "no stockpiles")
    # Chile reads version 1 only; Peru sees its draft too.
    chile = selectors.report_for(convention=ccm, pk=report.pk, user=chile_delegate)
    assert (chile.current.number, chile.draft) == (1, None)
    services.save_draft(
        version=second,
        forms={"B": {"status": "changed", "content": "100 found"}},
        by=drafter,
    )
    services.submit_report(version=second, today=date(2026, 5, 2), by=approver)
    peru = selectors.report_for(convention=ccm, pk=report.pk, user=drafter)
    assert [v.number for v in peru.versions] == [1, 2]
    assert peru.current.number == 2
    report.refresh_from_db()
    assert report.receipt.received_on == TODAY


def test_an_unchanged_form_names_an_earlier_year(ccm, drafter, approver):
    version = start(ccm, drafter).versions.get()
    services.save_draft(
        version=version, forms={"C": {"status": "unchanged", "unchanged_since": 2026}}, by=drafter
    )
    with pytest.raises(ValidationError) as refused:
        services.submit_report(version=version, today=TODAY, by=approver)
    assert list(refused.value.message_dict) == ["form_C_unchanged_since"]


def test_a_form_not_applicable_says_why(ccm, drafter, approver):
    version = start(ccm, drafter).versions.get()
    services.save_draft(version=version, forms={"D": {"status": "not_applicable"}}, by=drafter)
    with pytest.raises(ValidationError) as refused:
        services.submit_report(version=version, today=TODAY, by=approver)
    assert list(refused.value.message_dict) == ["form_D_content"]


def test_a_recall_before_processing_removes_the_receipt(ccm, drafter, approver, secretariat):
    report = start(ccm, drafter)
    version = report.versions.get()
    services.submit_report(version=version, today=TODAY, by=approver)
    services.recall_report(version=version, by=approver)
    report.refresh_from_db()
    assert report.receipt is None
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT
    services.submit_report(version=version, today=TODAY, by=approver)
    services.process_report(version=version, today=TODAY, by=secretariat)
    with pytest.raises(ValidationError) as refused:
        services.recall_report(version=version, by=approver)
    assert refused.value.message_dict == {"version": [str(services.PROCESSED)]}


def test_another_state_cannot_read_a_draft(ccm, drafter, chile_delegate, secretariat):
    report = start(ccm, drafter)
    for reader in (chile_delegate, secretariat):
        with pytest.raises(selectors.ReportNotFound):
            selectors.report_for(convention=ccm, pk=report.pk, user=reader)


def test_a_restricted_report_is_read_by_states_parties_not_the_public(
    ccm, drafter, approver, chile_delegate, isu
):
    from django.contrib.auth.models import AnonymousUser

    report = start(ccm, drafter, visibility=Visibility.STATES_PARTIES)
    services.submit_report(version=report.versions.get(), today=TODAY, by=approver)
    assert selectors.register(convention=ccm, user=AnonymousUser()) == []
    for reader in (chile_delegate, isu):
        assert [r.report for r in selectors.register(convention=ccm, user=reader)] == [report]


def test_the_secretariat_records_a_report_received_by_email(ccm, secretariat, approver):
    report = services.record_report_received(
        convention=ccm,
        state=State.objects.get(iso3="PER"),
        kind="annual",
        year_covered=2025,
        channel="email",
        received_on=date(2026, 4, 2),
        today=TODAY,
        by=secretariat,
    )
    assert report.receipt.received_on == date(2026, 4, 2)
    version = report.versions.get()
    assert (version.channel, version.processed_on) == ("email", TODAY)
    with pytest.raises(PermissionDenied):
        services.record_report_received(
            convention=ccm,
            state=State.objects.get(iso3="PER"),
            kind="annual",
            year_covered=2024,
            channel="email",
            received_on=date(2026, 4, 2),
            today=TODAY,
            by=approver,
        )
