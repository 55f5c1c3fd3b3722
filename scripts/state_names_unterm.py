"""Write data/state_names_unterm.csv from datasets/country-codes' data/country-codes.csv.

    git -C <country-codes> show caa72d1e0e5af8876c170bb36a9e4d64a01bba88:data/country-codes.csv \
        > /tmp/country-codes.csv
    python scripts/state_names_unterm.py /tmp/country-codes.csv

One row per State of data/states.csv and language (en, fr, es) with UNTERM's short name
(its article in brackets: "Pérou (le)") and formal name, copied exactly, markers
included ("Saint-Siège (le) *"). A State whose UNTERM columns are empty is left out and
named on the standard error.
"""

import csv
import sys
from pathlib import Path

COMMIT = "caa72d1e0e5af8876c170bb36a9e4d64a01bba88"
COMMIT_DATE = "15 May 2026"
LANGUAGES = {"en": "English", "fr": "French", "es": "Spanish"}
SOURCE = (
    "UNTERM, the United Nations terminology database (https://unterm.un.org), country"
    " names as the UN Protocol and Liaison Service publishes them (unterm-efsrca.xlsx),"
    " columns 'UNTERM {column} Short' and 'UNTERM {column} Formal' of data/country-codes.csv"
    " in GitHub datasets/country-codes at commit {short} ({date}),"
    " https://github.com/datasets/country-codes/blob/{commit}/data/country-codes.csv"
)
DATA = Path(__file__).resolve().parent.parent / "data"


def main(country_codes: Path) -> None:
    with country_codes.open(newline="", encoding="utf-8") as handle:
        rows = {row["ISO3166-1-Alpha-3"]: row for row in csv.DictReader(handle)}
    with (DATA / "states.csv").open(newline="", encoding="utf-8") as handle:
        states = [row["iso3"] for row in csv.DictReader(handle)]
    with (DATA / "state_names_unterm.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["iso3", "language", "short", "formal", "source"])
        for iso3 in states:
            row = rows.get(iso3, {})
            for language, column in LANGUAGES.items():
                short = row.get(f"UNTERM {column} Short", "")
                formal = row.get(f"UNTERM {column} Formal", "")
                if not short:
                    print(f"{iso3}: no UNTERM {column} short name", file=sys.stderr)
                    continue
                source = SOURCE.format(
                    column=column, short=COMMIT[:8], date=COMMIT_DATE, commit=COMMIT
                )
                writer.writerow([iso3, language, short, formal, source])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
