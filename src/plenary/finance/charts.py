"""A server-drawn SVG bar chart of assessed vs paid by year: no script, no network.

Pure Python: the selector gathers the totals, this turns them into SVG text (escaped),
and the template embeds it as it is. The words and the amounts' format come from the
caller, in the reader's language. Right to left (Arabic), the chart is mirrored: the years
run from the right, the amounts' axis stands on the right and the legend on the left; the
text anchors keep their meaning under the chart's `direction="rtl"` ("end" of a label is
then its left edge).
"""

from collections.abc import Callable
from decimal import Decimal
from html import escape

WIDTH, HEIGHT = 640, 260
LEFT, BOTTOM, TOP = 90, 30, 20
ASSESSED_FILL, PAID_FILL = "#1f5f8b", "#7fb069"


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def assessed_vs_paid(
    years,
    *,
    title: str = "Assessed and paid by year (US dollars)",
    assessed: str = "assessed",
    paid: str = "paid",
    money: Callable[[Decimal], str] = _money,
    right_to_left: bool = False,
) -> str:
    """`years` have .year, .assessed and .paid; return an <svg> with one pair of bars each."""

    def at(x: float) -> float:
        """A horizontal position, mirrored right to left."""
        return WIDTH - x if right_to_left else x

    plot_width, plot_height = WIDTH - LEFT - 10, HEIGHT - BOTTOM - TOP
    top = max([Decimal(1), *(max(y.assessed, y.paid) for y in years)])
    slot = plot_width / max(len(years), 1)
    bar = min(slot / 3, 60)
    direction = ' direction="rtl"' if right_to_left else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="chart-title"{direction}>',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<line x1="{at(LEFT)}" y1="{TOP + plot_height}" x2="{at(WIDTH - 10)}" '
        f'y2="{TOP + plot_height}" stroke="#333"/>',
        f'<text x="{at(LEFT - 6)}" y="{TOP + 4}" text-anchor="end" font-size="11">'
        f"{escape(money(top))}</text>",
        f'<text x="{at(LEFT - 6)}" y="{TOP + plot_height}" text-anchor="end" font-size="11">'
        "0</text>",
    ]
    for index, year in enumerate(years):
        x = LEFT + index * slot + (slot - 2 * bar) / 2
        for offset, (label, value, fill) in enumerate(
            ((assessed, year.assessed, ASSESSED_FILL), (paid, year.paid, PAID_FILL))
        ):
            height = float(value / top) * plot_height
            left = x + offset * bar
            shown = at(left + bar) if right_to_left else left
            parts.append(
                f'<rect x="{shown:.1f}" y="{TOP + plot_height - height:.1f}" '
                f'width="{bar:.1f}" height="{height:.1f}" fill="{fill}">'
                f"<title>{year.year} {escape(label)}: {escape(money(value))}</title></rect>"
            )
        parts.append(
            f'<text x="{at(x + bar):.1f}" y="{HEIGHT - 10}" text-anchor="middle" '
            f'font-size="12" class="year">{year.year}</text>'
        )
    for rect, text, label, fill in (
        (WIDTH - 180, WIDTH - 165, assessed, ASSESSED_FILL),
        (WIDTH - 100, WIDTH - 85, paid, PAID_FILL),
    ):
        shown = at(rect + 10) if right_to_left else rect
        parts.append(
            f'<rect x="{shown}" y="4" width="10" height="10" fill="{fill}"/>'
            f'<text x="{at(text)}" y="13" font-size="11">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
