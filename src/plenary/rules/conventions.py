"""The Conventions' rules as data: one frozen `RuleSet` per treaty."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RuleSet:
    """The dates, periods and article numbers that drive a Convention's obligations."""

    short_name: str
    name: str
    symbol_root: str
    opened_for_signature: date
    entry_into_force: date
    instruments_for_entry_into_force: int
    eif_months_after_deposit: int
    stockpile_article: str
    stockpile_years: int
    stockpile_extension_max_months: int | None
    clearance_article: str
    clearance_years: int
    clearance_extension_max_months: int | None
    transparency_article: str
    initial_report_days: int
    annual_report_due: tuple[int, int]
    # Article 14 cost sharing, as settings (plenary.finance states them on its pages):
    # who shares a meeting's cost besides the States not party that participate:
    # "all_states_parties" (every State Party on the first day) or "attending_states_parties";
    cost_shared_by: str = "all_states_parties"
    # the rate of an entity with no UN rate for the year: "scale_minimum" (the lowest rate
    # of the period's scale) or "excluded" (it shares nothing);
    rate_without_un_rate: str = "scale_minimum"
    # the currencies in which payments are accepted (ISO 4217).
    accepted_currencies: tuple[str, ...] = ("USD",)


CCM = RuleSet(
    short_name="CCM",
    name="Convention on Cluster Munitions",
    symbol_root="CCM",
    opened_for_signature=date(2008, 12, 3),
    entry_into_force=date(2010, 8, 1),
    instruments_for_entry_into_force=30,
    eif_months_after_deposit=6,
    stockpile_article="3",
    stockpile_years=8,
    stockpile_extension_max_months=48,
    clearance_article="4",
    clearance_years=10,
    clearance_extension_max_months=60,
    transparency_article="7",
    initial_report_days=180,
    annual_report_due=(4, 30),
    cost_shared_by="all_states_parties",
    rate_without_un_rate="scale_minimum",
    accepted_currencies=("USD",),
)

APMBC = RuleSet(
    short_name="APMBC",
    name=(
        "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer"
        " of Anti-Personnel Mines and on their Destruction"
    ),
    symbol_root="APLC",
    opened_for_signature=date(1997, 12, 3),
    entry_into_force=date(1999, 3, 1),
    instruments_for_entry_into_force=40,
    eif_months_after_deposit=6,
    stockpile_article="4",
    stockpile_years=4,
    stockpile_extension_max_months=None,
    clearance_article="5",
    clearance_years=10,
    clearance_extension_max_months=120,
    transparency_article="7",
    initial_report_days=180,
    annual_report_due=(4, 30),
)

RULESETS: dict[str, RuleSet] = {"CCM": CCM, "APMBC": APMBC}


def get_ruleset(short_name: str) -> RuleSet:
    """Return the RuleSet for `short_name` ("CCM" or "APMBC")."""
    try:
        return RULESETS[short_name]
    except KeyError:
        known = ", ".join(sorted(RULESETS))
        raise KeyError(f"no rules for convention {short_name!r}; known: {known}") from None
