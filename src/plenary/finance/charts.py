"""A server-drawn SVG bar chart of assessed vs paid by year: no script, no network.

Pure Python: the selector gathers the totals, this turns them into SVG text (escaped),
and the template embeds it as it is.
"""

from decimal import Decimal
from html import escape

WIDTH, HEIGHT = 640, 260
LEFT, BOTTOM, TOP = 90, 30, 20
ASSESSED_FILL, PAID_FILL = "#1f5f8b", "#7fb069"


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def assessed_vs_paid(years, *, title: str = "Assessed and paid by year (US dollars)") -> str:
    """`years` have .year, .assessed and .paid; return an <svg> with one pair of bars each."""
    plot_width, plot_height = WIDTH - LEFT - 10, HEIGHT - BOTTOM - TOP
    top = max([Decimal(1), *(max(y.assessed, y.paid) for y in years)])
    slot = plot_width / max(len(years), 1)
    bar = min(slot / 3, 60)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<line x1="{LEFT}" y1="{TOP + plot_height}" x2="{WIDTH - 10}" y2="{TOP + plot_height}" '
        'stroke="#333"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" font-size="11">{_money(top)}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_height}" text-anchor="end" font-size="11">0</text>',
    ]
    for index, year in enumerate(years):
        x = LEFT + index * slot + (slot - 2 * bar) / 2
        for offset, (label, value, fill) in enumerate(
            (("assessed", year.assessed, ASSESSED_FILL), ("paid", year.paid, PAID_FILL))
        ):
            height = float(value / top) * plot_height
            parts.append(
                f'<rect x="{x + offset * bar:.1f}" y="{TOP + plot_height - height:.1f}" '
                f'width="{bar:.1f}" height="{height:.1f}" fill="{fill}">'
                f"<title>{year.year} {label}: {_money(value)}</title></rect>"
            )
        parts.append(
            f'<text x="{x + bar:.1f}" y="{HEIGHT - 10}" text-anchor="middle" font-size="12">'
            f"{year.year}</text>"
        )
    parts.append(
        f'<rect x="{WIDTH - 180}" y="4" width="10" height="10" fill="{ASSESSED_FILL}"/>'
        f'<text x="{WIDTH - 165}" y="13" font-size="11">assessed</text>'
        f'<rect x="{WIDTH - 100}" y="4" width="10" height="10" fill="{PAID_FILL}"/>'
        f'<text x="{WIDTH - 85}" y="13" font-size="11">paid</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
