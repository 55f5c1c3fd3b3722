"""axe-core in the browser: a page meets WCAG 2.1 AA when axe reports no serious or critical
violation of the WCAG 2.0/2.1 A and AA rules, and works at 375 px when nothing makes the
page scroll sideways."""

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def axe_violations(page) -> list[str]:
    """The serious and critical violations on the page as it stands, one line each
    (rule, impact, the first offending elements). The script is evaluated through the
    DevTools protocol, which the page's Content-Security-Policy does not govern."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


def sideways_overflow(page) -> list[str]:
    """Elements wider than the viewport (the page then scrolls sideways at 375 px); tables
    inside a scrolling wrapper are allowed, as WCAG 1.4.10 allows for data tables."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width + 1) return [];
          const out = [];
          for (const el of document.querySelectorAll('body *')) {
            const box = el.getBoundingClientRect();
            if (box.right > width + 1 && !el.closest('.table-scroll')
                && !out.some(o => o.el.contains(el))) {
              const cls = el.getAttribute('class');
              out.push({el: el, text: el.tagName.toLowerCase() + (cls ? '.' + cls : '')
                + ' right=' + Math.round(box.right)});
              if (out.length > 5) break;
            }
          }
          return out.map(o => o.text);
        }"""
    )


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}:\n" + "\n".join(violations)
