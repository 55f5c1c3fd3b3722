"""A silence ends at 23:59:59 Geneva time on its last day, in winter and in summer time."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from plenary.decisions import services
from tests.conftest import acts_for

GENEVA = ZoneInfo("Europe/Zurich")


def procedure_ending(ccm, president, day: date):
    return services.circulate_silence_procedure(
        convention=ccm,
        subject="A proposal",
        circulated_on=day - timedelta(days=7),
        deadline_on=day,
        now=datetime.combine(day - timedelta(days=7), datetime.min.time(), tzinfo=GENEVA),
        by=president,
    )


@pytest.mark.parametrize(
    ("last_day", "utc_offset_hours"),
    [
        (date(2030, 3, 13), 1),  # winter time
        (date(2020, 10, 25), 1),  # the night Europe/Zurich leaves summer time (03:00 -> 02:00)
        (date(2020, 10, 24), 2),  # the day before: still summer time at midnight
        (date(2021, 3, 28), 2),  # the day Europe/Zurich enters summer time (02:00 -> 03:00)
        (date(2021, 3, 27), 1),  # the day before: still winter time
    ],
)
def test_a_break_at_235958_counts_and_one_at_midnight_is_refused(
    ccm, president, peru_delegate, last_day, utc_offset_hours
):
    procedure = procedure_ending(ccm, president, last_day)
    deadline = datetime.combine(last_day, datetime.max.time().replace(microsecond=0), GENEVA)
    assert procedure.deadline.utcoffset() == timedelta(hours=utc_offset_hours)
    assert procedure.deadline == deadline

    midnight = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), GENEVA)
    with pytest.raises(ValidationError) as error:
        services.break_silence(
            procedure=procedure,
            state=acts_for(peru_delegate),
            by=peru_delegate,
            reason="Too late",
            now=midnight,
        )
    assert error.value.message_dict == {
        "deadline": [
            services.SILENCE_ENDED_AT.format(
                time="23:59:59", deadline=f"{last_day.day} {last_day:%B %Y}", zone="Europe/Zurich"
            )
        ]
    }

    in_time = services.break_silence(
        procedure=procedure,
        state=acts_for(peru_delegate),
        by=peru_delegate,
        reason="In time",
        now=(deadline - timedelta(seconds=1)).astimezone(UTC),
    )
    assert in_time.broken_at.astimezone(GENEVA).strftime("%H:%M:%S") == "23:59:58"


def test_the_last_second_still_counts(ccm, president, peru_delegate):
    procedure = procedure_ending(ccm, president, date(2020, 10, 25))

    services.break_silence(
        procedure=procedure,
        state=acts_for(peru_delegate),
        by=peru_delegate,
        reason="At the last second",
        now=datetime(2020, 10, 25, 22, 59, 59, 900000, tzinfo=UTC),  # 23:59:59.9 in Geneva
    )

    assert procedure.breaks.count() == 1
