from tests.conftest import client_for


def test_states_page_shows_status_on_the_chosen_date(client, ccm):
    page = client.get("/ccm/states/?on=2020-11-25&status=signatory").content.decode()

    assert "States on 25 November 2020" in page
    assert "Angola" in page
    assert ">Peru<" not in page


def test_states_page_runs_a_constant_number_of_queries(client, ccm, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/ccm/states/?on=2020-11-25&obligation=clearance")

    assert response.status_code == 200


def test_state_page_shows_timeline_obligations_and_extension(client, ccm):
    page = client.get("/ccm/states/PER/?on=2021-03-02").content.decode()

    assert "Deposit of instrument of ratification" in page
    assert "State Party, in force for it since 1 March 2013" in page
    assert "extended 37 months to 1 April 2024" in page


def test_state_page_runs_a_constant_number_of_queries(client, ccm, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get("/ccm/states/PER/")

    assert response.status_code == 200


def test_unknown_state_page_is_404(client, ccm):
    assert client.get("/ccm/states/XYZ/").status_code == 404


def test_due_page_lists_overdue_and_pending(client, ccm):
    page = client.get("/ccm/due/?on=2020-11-25").content.decode()

    assert "Due and overdue on 25 November 2020" in page
    assert "Lebanon" in page


def test_only_the_secretariat_sees_the_receipt_form(peru_delegate, secretariat):
    # A Delegation never records the date its report was received (issue 20).
    assert "Record an Article 7 report" not in (
        client_for(peru_delegate).get("/ccm/states/PER/").content.decode()
    )
    assert "Record an Article 7 report" in (
        client_for(secretariat).get("/ccm/states/PER/").content.decode()
    )


def test_an_invalid_report_is_shown_back_with_the_error(secretariat):
    response = client_for(secretariat).post(
        "/ccm/states/PER/transparency-reports/",
        {"kind": "annual", "received_on": "2021-04-20"},
    )

    assert response.status_code == 422
    assert "an annual report covers a calendar year: give the year" in response.content.decode()
