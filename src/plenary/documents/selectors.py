"""Every read of documents, in the order of a list-of-documents annex.

Each selector runs a fixed number of queries whatever the number of documents: the
documents, then one query each for their language versions, submitting States and
agenda items (prefetched).
"""

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from plenary.core.statements import quoted, rows
from plenary.documents.models import Document, LanguageVersion
from plenary.meetings.models import Meeting
from plenary.meetings.selectors import meeting_pk
from plenary.rules import symbols
from plenary.rules.errors import RuleError
from plenary.treaties.models import Convention

NO_SUCH_MEETING = _("No meeting has the code or symbol root %(key)r.")
NO_SUCH_DOCUMENT = _("No document has the symbol %(symbol)r.")
NO_SYMBOL_ROOT = _("%(meeting)s has no symbol root: give it one (e.g. CCM/CONF/2020) first")
BAD_AGENDA_ITEM = _("%(value)r is not an agenda item: write it as 7 or 7b")

_ITEM = re.compile(r"^\s*(\d+)\s*\(?\s*([a-z]?)\s*\)?\s*$")


def meeting_for(key: str, *, convention: Convention) -> Meeting:
    """The convention's meeting whose code (2RC) or symbol root (CCM/CONF/2020) is `key`."""
    key = key.strip().strip("/")
    meeting = (
        Meeting.objects.filter(convention=convention)
        .filter(Q(code=key) | Q(symbol_root=key))
        .first()
        if key
        else None
    )
    if meeting is None:
        raise Http404(NO_SUCH_MEETING % {"key": key})
    return meeting


def meeting_id_for(key: str, *, convention: Convention) -> int | None:
    """The id of the meeting `meeting_for` finds, None if none (one query)."""
    return meeting_pk(key, convention=convention, any_case=False)


def parse_agenda_item(value: str) -> tuple[int, str]:
    """ "7" -> (7, ""); "7b" or "7 (b)" -> (7, "b")."""
    match = _ITEM.match(value.lower())
    if match is None:
        raise ValueError(BAD_AGENDA_ITEM % {"value": value})
    return int(match.group(1)), match.group(2)


# What a listed document shows beyond its row: its files, States and agenda items.
LISTED = (
    Prefetch("versions", queryset=LanguageVersion.objects.order_by("language")),
    "submitting_states",
    "agenda_items",
)


def _documents() -> QuerySet[Document]:
    return Document.objects.select_related("meeting", "part", "revises").prefetch_related(*LISTED)


class DocumentPages(Sequence):
    """A list of documents in annex order, read a page at a time: the ids and symbols of
    every document of the list (one query: its order and its length), then, for each slice
    taken (a page), those documents with their files, States and agenda items (four
    queries). A decade-scale meeting has hundreds of documents; a page shows fifty."""

    def __init__(self, query: QuerySet[Document], *, meeting: Meeting | None = None):
        found = query.order_by().values_list("pk", "symbol").distinct()
        self._ids = [pk for pk, _ in sorted(found, key=lambda row: symbols.sort_key(row[1]))]
        self._meeting = meeting

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._read(self._ids[index])
        return self._read([self._ids[index]])[0]  # an IndexError as a list's

    def _read(self, ids: list[int]) -> list[Document]:
        # Every document of a meeting's list is of that meeting: no join to read it again.
        joined = ("part", "revises") if self._meeting else ("meeting", "part", "revises")
        read = Document.objects.filter(pk__in=ids).select_related(*joined)
        by_id = {document.pk: document for document in read.prefetch_related(*LISTED)}
        if self._meeting:
            for document in by_id.values():
                document.meeting = self._meeting
        return [by_id[pk] for pk in ids if pk in by_id]


def in_annex_order(documents) -> list[Document]:
    return sorted(documents, key=lambda document: symbols.sort_key(document.symbol))


def _title_words(query: QuerySet[Document], search: str) -> QuerySet[Document]:
    words = search.split()
    if not words:
        return query
    by_title = Q()
    for word in words:
        by_title &= Q(title__icontains=word)
    return query.filter(Q(symbol__icontains=search.strip()) | by_title)


def documents_of(
    *,
    meeting: Meeting,
    series: str | None = None,
    agenda_item: str | None = None,
    language: str | None = None,
    search: str = "",
    listed: bool = True,
) -> Sequence[Document]:
    """A meeting's documents in annex order, optionally of one series ("" is the main
    series), on one agenda item ("7" or "7b"), available in one language, or matching a
    search (the symbol, or every word in the title). With `listed=False`, `DocumentPages`:
    only their order is read, and each page of them when it is taken."""
    query = _documents().filter(meeting=meeting)
    if series is not None:
        query = query.filter(series=series)
    if agenda_item:
        number, letter = parse_agenda_item(agenda_item)
        query = query.filter(agenda_items__number=number, agenda_items__letter=letter)
    if language:
        query = query.filter(versions__language=language)
    query = _title_words(query, search)
    if not listed:
        return DocumentPages(query, meeting=meeting)
    return in_annex_order(query.distinct())


def search_documents(*, convention: Convention, search: str) -> list[Document]:
    """Documents of every meeting of the convention whose symbol contains `search` or whose
    title has all of its words, in annex order (meeting by meeting)."""
    if not search.strip():
        return []
    query = _documents().filter(meeting__convention=convention)
    return in_annex_order(_title_words(query, search).distinct())


def document_with_symbol(symbol: str, *, convention: Convention) -> Document:
    """The convention's document with this symbol, with its versions, States, agenda items,
    revisions."""
    text = symbol.strip().strip("/")
    # A symbol that is not well formed is looked up as written: it matches no document.
    with contextlib.suppress(RuleError):
        text = str(symbols.parse(text))
    document = (
        _documents()
        .prefetch_related(Prefetch("revisions", queryset=Document.objects.order_by("symbol")))
        .filter(symbol=text, meeting__convention=convention)
        .first()
    )
    if document is None:
        raise Http404(NO_SUCH_DOCUMENT % {"symbol": text})
    return document


@dataclass(frozen=True)
class DocumentKey:
    """What a document's page is keyed by: the id of the document `document_with_symbol`
    finds (None if none) and the States that submitted it (ids)."""

    pk: int | None
    submitters: frozenset[int]


def document_key(symbol: str, *, convention: Convention) -> DocumentKey:
    """The document's id and submitting States, in one query."""
    text = symbol.strip().strip("/")
    with contextlib.suppress(RuleError):
        text = str(symbols.parse(text))
    # Every signed-in hit of a document's page asks it: one fixed statement.
    table, (pk, symbol_column, meeting_id) = quoted(Document, "id", "symbol", "meeting")
    meetings, (meeting_pk, convention_id) = quoted(Meeting, "id", "convention")
    through = Document.submitting_states.through
    links, (link_document, link_state) = quoted(through, "document", "state")
    found = rows(
        f"SELECT d.{pk}, s.{link_state} FROM {table} d "  # noqa: S608 (names of ours)
        f"INNER JOIN {meetings} m ON d.{meeting_id} = m.{meeting_pk} "
        f"LEFT OUTER JOIN {links} s ON s.{link_document} = d.{pk} "
        f"WHERE d.{symbol_column} = %s AND m.{convention_id} = %s ORDER BY d.{pk}",
        [text, convention.pk],
    )
    if not found:
        return DocumentKey(None, frozenset())
    first = found[0][0]
    return DocumentKey(
        first, frozenset(state for pk, state in found if pk == first and state is not None)
    )


def language_version(*, document: Document, language: str) -> LanguageVersion:
    for version in document.versions.all():
        if version.language == language:
            return version
    raise Http404(
        _("%(symbol)s has no version in %(language)r.")
        % {"symbol": document.symbol, "language": language}
    )


def next_symbol(*, meeting: Meeting, series: str) -> symbols.Symbol:
    """The next free symbol of `series` ("" for the main series) of the meeting; allocates
    nothing (`services.allocate_next_symbol` reserves one)."""
    if not meeting.symbol_root:
        raise ValidationError({"meeting": [NO_SYMBOL_ROOT % {"meeting": meeting}]})
    taken = Document.objects.filter(meeting=meeting, series=series).values_list("symbol", flat=True)
    try:
        return symbols.next_in_series(
            meeting_root=meeting.symbol_root,
            series=series,
            taken=list(taken),
            scheme=meeting.convention.rules.symbols,
        )
    except RuleError as error:
        raise ValidationError({error.field: [error.message]}) from None


def annex_rows(*, meeting: Meeting) -> list[dict]:
    """The list-of-documents annex of a meeting: symbol, title, series, date, languages."""
    return [
        {
            "symbol": document.symbol,
            "title": document.title,
            "series": document.series,
            "date": document.issued_on,
            "languages": [version.language for version in document.versions.all()],
        }
        for document in documents_of(meeting=meeting)
    ]
