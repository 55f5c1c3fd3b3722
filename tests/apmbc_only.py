"""A second convention and a State party only to it, made in the test that needs them, so
that a test of one convention's records can show another's never leak in.

The APMBC row is fetched or created (its reference data may be loaded or not); the State
is a test State (no real State is party to the APMBC alone on every date).
"""

from datetime import date

from plenary.core.models import Role, User
from plenary.treaties.models import Convention, Participation, State
from tests.conftest import make_user, new_state

APMBC_ONLY = "XAP"


def apmbc() -> Convention:
    convention, _ = Convention.objects.get_or_create(short_name="APMBC")
    return convention


def apmbc_only_state() -> State:
    """A State Party to the APMBC since 1 July 2015 and to nothing else."""
    state = State.objects.filter(iso3=APMBC_ONLY).first() or new_state(APMBC_ONLY)
    Participation.objects.get_or_create(
        convention=apmbc(),
        state=state,
        defaults={
            "deposited_on": date(2015, 1, 5),
            "instrument": "accession",
            "entry_into_force": date(2015, 7, 1),
        },
    )
    return state


def apmbc_only_delegate() -> User:
    apmbc_only_state()
    return make_user("apmbc_only_delegate", Role.DELEGATION, APMBC_ONLY)
