"""Parameters shared by every router under /api/v1/{convention}/."""

from typing import Annotated

from ninja.params import functions

# A path parameter of every scoped operation; ninja reads the operation's own path only, so
# the router's prefix parameter is declared here.
ConventionSlug = Annotated[
    str, functions.Path(..., description="The convention's slug: ccm, apmbc.", example="ccm")
]
