"""The assessed-vs-paid chart (finance/charts.py, pure) runs its years left to right, and
mirrored right to left for Arabic: the first year at the right, the amounts' axis at the
right, the legend at the left."""

import re
from dataclasses import dataclass
from decimal import Decimal

from plenary.finance.charts import WIDTH, assessed_vs_paid


@dataclass
class Year:
    year: int
    assessed: Decimal
    paid: Decimal


YEARS = [Year(2019, Decimal(100), Decimal(80)), Year(2020, Decimal(50), Decimal(50))]


def _years(svg: str) -> list[tuple[str, float]]:
    return [
        (year, float(x))
        for x, year in re.findall(r'<text x="([\d.]+)"[^>]*class="year">(\d+)<', svg)
    ]


def _axis(svg: str) -> list[float]:
    return [float(x) for x in re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="end"', svg)]


def test_the_chart_runs_left_to_right_by_default():
    svg = assessed_vs_paid(YEARS)

    [(first, first_x), (last, last_x)] = _years(svg)
    assert (first, last) == ("2019", "2020")
    assert first_x < last_x
    assert _axis(svg) == [84, 84]
    assert 'direction="rtl"' not in svg


def test_the_chart_is_mirrored_right_to_left():
    ltr, rtl = assessed_vs_paid(YEARS), assessed_vs_paid(YEARS, right_to_left=True)

    assert 'direction="rtl"' in rtl
    assert [(year, WIDTH - x) for year, x in _years(ltr)] == _years(rtl)
    assert _axis(rtl) == [WIDTH - 84, WIDTH - 84]
    # Every bar keeps its width and lands on the mirror image of its place.
    bars = re.compile(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"')
    mirrored = [(round(WIDTH - float(x) - float(w), 1), w) for x, w in bars.findall(ltr)]
    assert sorted(mirrored) == sorted((round(float(x), 1), w) for x, w in bars.findall(rtl))


def test_the_words_and_amounts_come_from_the_caller():
    svg = assessed_vs_paid(
        YEARS, title="Mis en recouvrement", assessed="dû", paid="payé", money=lambda v: f"<{v}>"
    )

    assert '<title id="chart-title">Mis en recouvrement</title>' in svg
    assert ">dû</text>" in svg and ">payé</text>" in svg
    assert "&lt;100&gt;" in svg
