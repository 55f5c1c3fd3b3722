"""One page shape for every list endpoint: {"count", "limit", "offset", "items"}.

`limit` (1 to 500, 100 by default) and `offset` (0 or more) are query parameters; a value
out of range is refused in the API's error shape (422, field "limit" or "offset"). The
selectors build the whole list in a fixed number of queries; the page is a slice of it,
and `count` is the length of the whole list. An endpoint whose rows are costly to shape
returns `Rows(records, shape)`: only the page's rows are shaped.
"""

from collections.abc import Sequence
from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase, paginate

DEFAULT_LIMIT = 100
MAX_LIMIT = 500


class Rows:
    """Records and how to shape one for the answer, shaped only when sliced."""

    def __init__(self, records, shape):
        # A sequence that reads a page when it is sliced (documents' DocumentPages) is kept.
        self.records = records if isinstance(records, Sequence) else list(records)
        self.shape = shape

    def __len__(self) -> int:
        return len(self.records)

    def __getitem__(self, index: slice) -> list:
        return [self.shape(record) for record in self.records[index]]


class LimitOffset(PaginationBase):
    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT,
            ge=1,
            le=MAX_LIMIT,
            description=f"Items on one page: 1 to {MAX_LIMIT}, {DEFAULT_LIMIT} by default",
        )
        offset: int = Field(0, ge=0, description="How many items of the list come before the page")

    class Output(Schema):
        count: int
        limit: int
        offset: int
        items: list[Any]

    def paginate_queryset(self, queryset, pagination: Input, request, **params) -> dict:
        rows = queryset if isinstance(queryset, Rows) else list(queryset)
        offset, limit = pagination.offset, pagination.limit
        return {
            "count": len(rows),
            "limit": limit,
            "offset": offset,
            "items": rows[offset : offset + limit],
        }


paged = paginate(LimitOffset)
