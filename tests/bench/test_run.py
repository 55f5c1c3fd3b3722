"""The benchmark runner reads wrk's report and judges the targets exactly."""

import pytest

from bench.run import parse_wrk, shortfalls

WRK_REPORT = """Running 5s test @ http://127.0.0.1:8765/states/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   838.20ms  229.67ms   1.20s    68.97%
    Req/Sec    13.33      7.28    20.00     77.78%
  Latency Distribution
     50%  941.28ms
     75%  952.39ms
     90%    1.08s \n     99%    1.20s \n  29 requests in 2.00s, 1.48MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:     14.47
Transfer/sec:    757.62KB
"""


def test_wrk_report_gives_rate_percentiles_in_ms_and_every_error():
    assert parse_wrk(WRK_REPORT) == {
        "rps": 14.5,
        "p50_ms": 941.28,
        "p99_ms": 1200.0,
        "errors": 9,
    }


def test_wrk_report_in_microseconds():
    report = WRK_REPORT.replace("941.28ms", "640.00us").replace("1.20s ", "2.50ms")

    assert parse_wrk(report)["p50_ms"] == 0.64
    assert parse_wrk(report)["p99_ms"] == 2.5


def test_wrk_report_without_a_completed_request_is_refused():
    with pytest.raises(SystemExit, match="wrk completed no request"):
        parse_wrk("Running 1s test\n  0 requests in 1.01s, 0.00B read\nRequests/sec: 0.00\n")


def row(name, db="postgresql", connections=16, **values):
    return {
        "name": name,
        "db": db,
        "connections": connections,
        "rps": 100.0,
        "p50_ms": 10.0,
        "p99_ms": 50.0,
        "errors": 0,
        "ratio_to_floor": 1.0,
    } | values


def test_shortfalls_name_each_missed_target_and_by_how_much():
    result = {
        "rows": [
            row("floor: 60 rows", ratio_to_floor=1.0, p99_ms=500.0),
            row("meeting page", ratio_to_floor=0.4, p99_ms=120.0),
            row("meeting page", db="sqlite", ratio_to_floor=0.1, p99_ms=900.0),
            row("State page", connections=64, errors=3, p99_ms=400.0),
        ],
        "report_docx_s": {"postgresql": 1.5, "sqlite": None},
        "load_reference_s": {"postgresql": 16.0, "sqlite": 3.0},
    }

    assert shortfalls(result) == [
        "meeting page (postgresql, 16 connections): 0.4x the floor, target 0.5x",
        "meeting page (postgresql, 16 connections): p99 120.0 ms, target under 100 ms",
        "State page (postgresql, 64 connections): 3 errors, target none",
        "report .docx (postgresql): 1.5 s, target under 1 s",
        "report .docx (sqlite): not measured",
        "reference data load (postgresql): 16.0 s, target under 15 s",
    ]


def test_signed_in_and_conference_day_targets_are_ratios_to_the_floor_of_the_same_run():
    result = {
        "rows": [
            row("floor: 60 rows", rps=300.0, p99_ms=80.0),
            row("meeting page (signed in)", rps=330.0, ratio_to_floor=1.1, p99_ms=120.0),
            row("State page (signed in)", rps=240.0, ratio_to_floor=0.8, p99_ms=121.0),
            row("conference day (2 workers)", connections=32, ratio_to_floor=None, p99_ms=250.0)
            | {"lost_writes": 0},
            row(
                "conference day (2 processes, Redis)",
                connections=32,
                ratio_to_floor=None,
                p99_ms=310.0,
                errors=2,
            )
            | {"lost_writes": 1},
        ],
        "report_docx_s": {"postgresql": 0.4},
        "load_reference_s": {"postgresql": 7.0},
    }

    assert shortfalls(result) == [
        "State page (signed in) (postgresql, 16 connections): 0.8x the floor's requests/s, "
        "target 1.0x",
        "State page (signed in) (postgresql, 16 connections): p99 121.0 ms, 1.51x the floor's, "
        "target at most 1.5x",
        "conference day (2 processes, Redis) (postgresql, 32 connections): p99 310.0 ms, "
        "target under 300 ms",
        "conference day (2 processes, Redis) (postgresql, 32 connections): 2 errors, target none",
        "conference day (2 processes, Redis) (postgresql, 32 connections): 1 lost writes, "
        "target none",
    ]
