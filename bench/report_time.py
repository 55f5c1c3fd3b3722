"""Prints {"seconds": ..., "warm_seconds": ...}: drafting a meeting's interim report .docx.

`seconds` is the first draft in a fresh process (templates compiled, python-docx loaded:
what `plenary report` costs beyond starting Python and Django); `warm_seconds` the best of
three drafts after it (what a page or worker that has drafted before costs).

    python -m bench.report_time MSP-2031      (with DJANGO_SETTINGS_MODULE set)
"""

import json
import sys
import time
from datetime import date


def draft(code: str) -> bytes:
    from plenary.drafting import content, render, selectors
    from plenary.treaties.selectors import convention_named

    convention = convention_named("CCM")  # bench.generate writes a decade of CCM records
    part = selectors.part_with_meeting(convention=convention, reference=code, number=1)
    records = selectors.report_records(part=part, kind="interim")
    drafted = content.report(records, kind="interim", on=date(2030, 12, 31), language="en")
    return render.to_docx(drafted)


def main() -> None:
    import django

    django.setup()
    code = sys.argv[1]
    started = time.perf_counter()
    size = len(draft(code))
    first = time.perf_counter() - started
    warm = []
    for _ in range(3):
        started = time.perf_counter()
        draft(code)
        warm.append(time.perf_counter() - started)
    print(json.dumps({"meeting": code, "bytes": size, "seconds": first, "warm_seconds": min(warm)}))


if __name__ == "__main__":
    main()
