"""United Nations document symbols of a Convention's meetings, e.g. `CCM/CONF/2020/CRP.8/Rev.1`.

A symbol is a meeting root `ROOT/BODY/YEAR` (`CCM/CONF/2020`, `CCM/MSP/2019`), where a body
may carry its session's number (`APLC/MSP.21/2023`) and the root may end in a subsidiary body
such as a preparatory meeting (`CCM/CONF/2015/PM.1`); then either a number in the main series
(`/16`) or a series and a number (`/WP.4`, `/CRP.8`, `/INF.1`, `/MISC.1`, `/L.1`), then any
sequence of revisions, corrigenda and addenda (`/Rev.1`, `/Corr.1`, `/Add.1`). Amendments
(`/Amend.1`) are not of this shape and are refused.

Each convention states its own scheme (`SymbolScheme`, read from its convention file): its
root, its bodies, which bodies are numbered, its subsidiary bodies and series. Without a
scheme, any root and body are read, any body may be numbered, and `PM` is the one
subsidiary body.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal, cast

from plenary.rules.errors import Phrase, RuleError, _

Series = Literal["", "L", "WP", "CRP", "INF", "MISC"]
SuffixKind = Literal["Rev", "Corr", "Add"]

# The order of a list-of-documents annex: the main series, then L, WP, CRP, INF and MISC.
SERIES: tuple[Series, ...] = ("", "L", "WP", "CRP", "INF", "MISC")
SUFFIX_KINDS: tuple[SuffixKind, ...] = ("Rev", "Corr", "Add")
# Subsidiary bodies read when no scheme is given: a Review Conference's preparatory meetings.
DEFAULT_SUB_BODIES: tuple[str, ...] = ("PM",)

# A refusal of a symbol read from text is one whole sentence of the catalogue (issue #27):
# the symbol, what is wrong with it, and the shape expected, a phrase of its own.
EXPECTED_SHAPE = Phrase(
    _(
        "ROOT/BODY/YEAR/N or ROOT/BODY/YEAR/SERIES.N with SERIES one of L, WP, CRP, INF, MISC, "
        "followed by any of /Rev.N, /Corr.N, /Add.N (e.g. CCM/CONF/2020/CRP.8/Rev.1)"
    )
)
SYMBOL_EMPTY = _("{symbol!r}: no symbol given; expected {expected}")
SYMBOL_WHITESPACE = _("{symbol!r}: spaces or other whitespace are not allowed; expected {expected}")
SYMBOL_EMPTY_PART = _(
    "{symbol!r}: empty part between slashes (a doubled, leading or trailing slash);"
    " expected {expected}"
)
SYMBOL_NO_NUMBER = _("{symbol!r}: no document number after ROOT/BODY/YEAR; expected {expected}")
SYMBOL_BAD_ROOT = _(
    "{symbol!r}: root {part!r} must be capital letters and digits, starting with a letter;"
    " expected {expected}"
)
SYMBOL_BAD_BODY = _(
    "{symbol!r}: body {part!r} must be capital letters and digits, starting with a letter;"
    " expected {expected}"
)
SYMBOL_BAD_YEAR = _("{symbol!r}: year {part!r} must be four digits, from 1000; expected {expected}")
SYMBOL_BAD_NUMBER = _(
    "{symbol!r}: number {part!r} must be a whole number from 1, without leading zeros;"
    " expected {expected}"
)
SYMBOL_UNKNOWN_SERIES = _(
    "{symbol!r}: series {part!r} is not one of L, WP, CRP, INF, MISC; expected {expected}"
)
SYMBOL_UNKNOWN_SUFFIX = _(
    "{symbol!r}: suffix {part!r} is not one of Rev.N, Corr.N, Add.N; expected {expected}"
)
SYMBOL_OTHER_ROOT = _(
    "{symbol!r}: root {part!r} is not this convention's root {root!r}; expected {expected}"
)
SYMBOL_UNKNOWN_BODY = _("{symbol!r}: body {part!r} is not one of {bodies}; expected {expected}")
SYMBOL_UNNUMBERED_BODY = _(
    "{symbol!r}: body {part!r} takes no session number here; expected {expected}"
)

# A symbol built from its parts (`Symbol(...)`) names the offending field.
BAD_ROOT = _("root {part!r} must be capital letters and digits, starting with a letter")
BAD_BODY = _("body {part!r} must be capital letters and digits, starting with a letter")
BAD_SUB_BODY = _("sub-body {part!r} must be capital letters and digits, starting with a letter")
BAD_YEAR = _("year {part!r} must be four digits, from 1000")
BAD_NUMBER = _("number {part!r} must be a whole number from 1, without leading zeros")
UNKNOWN_SERIES = _("series {part!r} is not one of L, WP, CRP, INF, MISC")
UNKNOWN_SUFFIX = _("suffix {part!r} is not one of Rev.N, Corr.N, Add.N")

BAD_MEETING_ROOT = _("{meeting_root!r} is not ROOT/BODY/YEAR (e.g. CCM/CONF/2020)")
BAD_SERIES_NAME = _("{series!r} is not one of '' (the main series), L, WP, CRP, INF, MISC")

_CODE = re.compile(r"[A-Z][A-Z0-9]*")
_YEAR = re.compile(r"[1-9][0-9]{3}")
_NUMBER = re.compile(r"[1-9][0-9]*")


@dataclass(frozen=True)
class SymbolScheme:
    """A convention's symbols: `APLC`, bodies `CONF` and `MSP` (numbered: `MSP.21`), ..."""

    root: str
    bodies: tuple[str, ...]
    numbered_bodies: tuple[str, ...] = ()
    sub_bodies: tuple[str, ...] = ()
    series: tuple[str, ...] = SERIES[1:]
    suffixes: tuple[str, ...] = SUFFIX_KINDS
    source: str = ""


@dataclass(frozen=True)
class Symbol:
    """One document symbol; `str()` formats it and `parse()` reads it back."""

    root: str
    body: str
    year: int
    series: Series
    number: int
    suffixes: tuple[tuple[SuffixKind, int], ...] = ()
    # The session of a numbered body: 21 in APLC/MSP.21/2023.
    body_number: int | None = None
    # A subsidiary body after the year: ("PM", 1) in CCM/CONF/2015/PM.1/2.
    sub_body: tuple[str, int] | None = None

    def __post_init__(self) -> None:
        for field, value, template in (
            ("root", self.root, BAD_ROOT),
            ("body", self.body, BAD_BODY),
        ):
            if not _CODE.fullmatch(value):
                raise RuleError(field, template, part=value)
        if not 1000 <= self.year <= 9999:
            raise RuleError("year", BAD_YEAR, part=str(self.year))
        if self.series not in SERIES:
            raise RuleError("series", UNKNOWN_SERIES, part=self.series)
        for field, number in (("number", self.number), ("body_number", self.body_number)):
            if number is not None and number < 1:
                raise RuleError(field, BAD_NUMBER, part=str(number))
        if self.sub_body is not None:
            code, number = self.sub_body
            if not _CODE.fullmatch(code) or code in SERIES or number < 1:
                raise RuleError("sub_body", BAD_SUB_BODY, part=f"{code}.{number}")
        for kind, number in self.suffixes:
            if kind not in SUFFIX_KINDS or number < 1:
                raise RuleError("suffixes", UNKNOWN_SUFFIX, part=f"{kind}.{number}")

    @property
    def meeting_root(self) -> str:
        body = self.body if self.body_number is None else f"{self.body}.{self.body_number}"
        root = f"{self.root}/{body}/{self.year}"
        if self.sub_body is not None:
            root += f"/{self.sub_body[0]}.{self.sub_body[1]}"
        return root

    @property
    def limited(self) -> bool:
        """A document of the L. series is of limited distribution ("Distribution: Limited"
        on its heading block); every other is of general distribution."""
        return self.series == "L"

    @property
    def base(self) -> "Symbol":
        """The original document: this symbol without its revisions, corrigenda and addenda."""
        return replace(self, suffixes=())

    def __str__(self) -> str:
        document = f"{self.series}.{self.number}" if self.series else str(self.number)
        suffixes = "".join(f"/{kind}.{number}" for kind, number in self.suffixes)
        return f"{self.meeting_root}/{document}{suffixes}"


def _invalid(text: str, template: str, **values: str) -> RuleError:
    return RuleError("symbol", template, symbol=text, expected=EXPECTED_SHAPE, **values)


def _number(text: str, part: str) -> int:
    if not _NUMBER.fullmatch(part):
        raise _invalid(text, SYMBOL_BAD_NUMBER, part=part)
    return int(part)


def _meeting_parts(
    text: str, parts: list[str], scheme: SymbolScheme | None
) -> tuple[str, str, int | None, int]:
    root, body_part, year = parts
    body, dot, body_number = body_part.partition(".")
    for part, template in ((root, SYMBOL_BAD_ROOT), (body, SYMBOL_BAD_BODY)):
        if not _CODE.fullmatch(part):
            raise _invalid(text, template, part=part)
    number = _number(text, body_number) if dot else None
    if scheme is not None:
        if root != scheme.root:
            raise _invalid(text, SYMBOL_OTHER_ROOT, part=root, root=scheme.root)
        if body not in scheme.bodies:
            raise _invalid(text, SYMBOL_UNKNOWN_BODY, part=body, bodies=", ".join(scheme.bodies))
        if number is not None and body not in scheme.numbered_bodies:
            raise _invalid(text, SYMBOL_UNNUMBERED_BODY, part=body_part)
    if not _YEAR.fullmatch(year):
        raise _invalid(text, SYMBOL_BAD_YEAR, part=year)
    return root, body, number, int(year)


def parse(text: str, *, scheme: SymbolScheme | None = None) -> Symbol:
    """Read a symbol such as `CCM/CONF/2020/CRP.8/Rev.1`; raise RuleError("symbol") otherwise.

    With a `scheme`, the symbol must also be of that convention: its root, bodies, numbered
    bodies, subsidiary bodies and series.
    """
    if not text:
        raise _invalid(text, SYMBOL_EMPTY)
    if any(character.isspace() for character in text):
        raise _invalid(text, SYMBOL_WHITESPACE)
    parts = text.split("/")
    if "" in parts:
        raise _invalid(text, SYMBOL_EMPTY_PART)
    if len(parts) < 4:
        raise _invalid(text, SYMBOL_NO_NUMBER)
    root, body, body_number, year = _meeting_parts(text, parts[:3], scheme)
    rest = parts[3:]
    known_series = scheme.series if scheme is not None else SERIES[1:]
    sub_bodies = scheme.sub_bodies if scheme is not None else DEFAULT_SUB_BODIES

    sub_body: tuple[str, int] | None = None
    code, dot, sub_number = rest[0].partition(".")
    if dot and code in sub_bodies and len(rest) > 1:
        sub_body = (code, _number(text, sub_number))
        rest = rest[1:]

    document = rest[0]
    series, dot, number = document.rpartition(".")
    if not dot:
        series, number = "", document
    elif series not in SERIES[1:] or series not in known_series:
        raise _invalid(text, SYMBOL_UNKNOWN_SERIES, part=series)

    suffixes: list[tuple[SuffixKind, int]] = []
    for part in rest[1:]:
        kind, dot, suffix_number = part.partition(".")
        if not dot or kind not in SUFFIX_KINDS:
            raise _invalid(text, SYMBOL_UNKNOWN_SUFFIX, part=part)
        suffixes.append((cast(SuffixKind, kind), _number(text, suffix_number)))

    return Symbol(
        root=root,
        body=body,
        year=year,
        series=cast(Series, series),
        number=_number(text, number),
        suffixes=tuple(suffixes),
        body_number=body_number,
        sub_body=sub_body,
    )


def sort_key(symbol: Symbol | str) -> tuple:
    """Order symbols as a list-of-documents annex does.

    By meeting, then the main series, L, WP, CRP, INF and MISC, each by number; a
    revision, corrigendum or addendum comes directly after the document it changes
    (Rev before Corr before Add, each by number).
    """
    if isinstance(symbol, str):
        symbol = parse(symbol)
    return (
        symbol.root,
        symbol.body,
        symbol.body_number or 0,
        symbol.year,
        symbol.sub_body or ("", 0),
        SERIES.index(symbol.series),
        symbol.number,
        tuple((SUFFIX_KINDS.index(kind), number) for kind, number in symbol.suffixes),
    )


def next_in_series(
    *,
    meeting_root: str,
    series: str,
    taken: Iterable[Symbol | str],
    scheme: SymbolScheme | None = None,
) -> Symbol:
    """Return the next free symbol of `series` ("" for the main series) under `meeting_root`.

    One more than the highest number of that series already taken under that meeting root,
    revisions, corrigenda and addenda counting as their original; 1 when none is taken.
    """
    try:
        first = parse(f"{meeting_root}/1", scheme=scheme) if meeting_root else None
    except RuleError:
        first = None
    if first is None or first.meeting_root != meeting_root:
        raise RuleError("meeting_root", BAD_MEETING_ROOT, meeting_root=meeting_root)
    if series not in SERIES:
        raise RuleError("series", BAD_SERIES_NAME, series=series)
    numbers = [
        symbol.number
        for symbol in (parse(item) if isinstance(item, str) else item for item in taken)
        if symbol.meeting_root == meeting_root and symbol.series == series
    ]
    return replace(first, series=cast(Series, series), number=max(numbers, default=0) + 1)
