"""Arabic pages render right to left: <html dir="rtl">, the heading, the header and the menu
start at the right edge, tables run from the right; the screenshots are kept in
test-results/ and axe-core finds no serious or critical violation."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations, sideways_overflow

pytestmark = pytest.mark.browser

RESULTS = Path("test-results")
WIDTH = 1280


@pytest.fixture
def arabic_page(browser, live_server, ccm):
    context = browser.new_context(locale="ar", viewport={"width": WIDTH, "height": 900})
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def _text_box(page, selector: str) -> dict:
    """The box of the text itself (not of the block, which spans the whole line)."""
    return page.evaluate(
        """selector => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector(selector));
          const box = range.getBoundingClientRect();
          return {left: box.left, right: box.right};
        }""",
        selector,
    )


def _box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_the_arabic_home_page_renders_right_to_left(arabic_page):
    page = arabic_page
    page.goto(page.base_url + "/")

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "arabic-home.png"), full_page=True)

    main = _box(page, "main")
    main_padding = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('main')).paddingRight)"
    )
    heading = _text_box(page, "main h1")
    # The heading's text ends at the right edge of main's content and stays in its right half.
    assert abs(heading["right"] - (main["x"] + main["width"] - main_padding)) <= 2
    assert heading["left"] > WIDTH / 2
    # The header starts at the right with the brand; the menu's first item is its rightmost.
    brand = _box(page, ".site-header .brand")
    language = _box(page, ".site-header form.language")
    assert brand["x"] + brand["width"] > WIDTH - 40
    assert language["x"] < brand["x"]
    items = page.locator(".site-nav li")
    first, last = items.first.bounding_box(), items.last.bounding_box()
    assert first["x"] > last["x"]
    assert first["x"] + first["width"] > WIDTH - 40
    assert axe_violations(page) == []


def test_the_arabic_states_table_runs_from_the_right(arabic_page):
    page = arabic_page
    page.goto(page.base_url + "/ccm/states/?on=2020-11-25")

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("rowheader", name="ألمانيا")).to_be_visible()
    page.screenshot(path=str(RESULTS / "arabic-states.png"), full_page=False)

    state, status = _box(page, "thead th:nth-child(1)"), _box(page, "thead th:nth-child(2)")
    assert state["x"] > status["x"]
    cell = _text_box(page, "tbody tr:first-child th")
    header = _box(page, "tbody tr:first-child th")
    # Text starts at the cell's right edge (text-align: start), less its padding.
    assert header["x"] + header["width"] - cell["right"] < 16
    assert axe_violations(page) == []


def test_the_arabic_home_page_fits_a_phone(browser, live_server, ccm):
    context = browser.new_context(locale="ar", viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/")

    assert sideways_overflow(page) == []
    assert axe_violations(page) == []
    context.close()


def _chart_labels(page) -> dict:
    """The first progress chart's box and the boxes of its year labels and of its value
    axis's labels, in page coordinates."""
    return page.evaluate(
        """() => {
          const svg = document.querySelector("svg[role=img]");
          const box = element => {
            const b = element.getBoundingClientRect();
            return {left: b.left, right: b.right};
          };
          const texts = [...svg.querySelectorAll("text")];
          return {
            chart: box(svg),
            years: texts.filter(t => t.classList.contains("year")).map(
              t => ({year: t.textContent, ...box(t)})
            ),
            values: texts.filter(t => !t.classList.contains("year")).map(box),
          };
        }"""
    )


def _centre(box: dict) -> float:
    return (box["left"] + box["right"]) / 2


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_progress_chart_runs_its_years_in_the_pages_direction(
    browser, live_server, ccm, language
):
    context = browser.new_context(locale=language, viewport={"width": WIDTH, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/ccm/action-plans/DAP/progress/")
    labels = _chart_labels(page)
    RESULTS.mkdir(exist_ok=True)
    page.locator("svg[role=img]").first.screenshot(path=str(RESULTS / f"chart-{language}.png"))
    context.close()

    years, chart = labels["years"], labels["chart"]
    assert len(years) >= 2
    assert int(years[0]["year"]) < int(years[-1]["year"])
    middle = (chart["left"] + chart["right"]) / 2
    first, last = years[0], years[-1]
    # Every label stays within the chart.
    for label in years + labels["values"]:
        assert chart["left"] <= label["left"] < label["right"] <= chart["right"]
    if language == "ar":
        # The time axis runs from the right: the first year at the right, the last at the
        # left; the values' axis (0 and the top value) stands right of the first year.
        assert first["left"] > middle > last["right"]
        assert min(v["left"] for v in labels["values"]) > _centre(first)
    else:
        assert first["right"] < middle < last["left"]
        assert max(v["right"] for v in labels["values"]) < _centre(first)
