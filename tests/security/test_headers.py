"""Findings about headers (failed on 76c584e): no Content-Security-Policy; cached anonymous
pages lost X-Frame-Options and `Vary: Cookie`; /api/v1/docs loaded Swagger from a CDN."""

import re

import pytest
from django.core.cache import caches
from django.test import Client

from plenary.core.page_cache import HEADER


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.mark.parametrize("path", ["/", "/ccm/states/", "/accounts/login/", "/api/v1/docs"])
def test_every_page_has_a_content_security_policy_without_inline_script(ccm, path):
    response = Client().get(path)

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", response.text)
    assert scripts == []


def test_a_cached_page_keeps_its_protective_headers(ccm, page_cache):
    first = Client().get("/ccm/states/")
    second = Client().get("/ccm/states/")

    assert second[HEADER] == "hit"
    for response in (first, second):
        assert response["X-Frame-Options"] == "DENY"
        assert "Cookie" in response["Vary"]
        assert "Content-Security-Policy" in response


def test_the_api_docs_load_swagger_from_the_projects_static_files(db):
    html = Client().get("/api/v1/docs").text

    assert "cdn.jsdelivr" not in html and "unpkg" not in html
    assert "/static/ninja/swagger-ui-bundle.js" in html
