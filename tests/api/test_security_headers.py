"""Answers carry X-Content-Type-Options and Referrer-Policy; the explorer page a Content-Security-Policy of its
own origin only (issue 13, item 11). The explorer running under it is tests/e2e/test_explorer.py."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("path", ["/", "/units?limit=1", "/openapi.json", "/static/explorer.js", "/no-such-page"])
def test_every_answer_says_nosniff_and_no_referrer(api: TestClient, path: str) -> None:
    response = api.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_the_explorer_page_has_a_content_security_policy_of_its_origin(api: TestClient) -> None:
    policy = api.get("/").headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no inline script, no CDN
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.parametrize(
    ("origin", "method", "says"),
    [("http://evil.example", "GET", "origin"), ("http://127.0.0.1:7474", "DELETE", "method")],
    ids=["an-unknown-origin", "a-method-not-allowed"],
)
def test_a_refused_preflight_answers_the_json_error_shape(api: TestClient, origin: str, method: str, says: str) -> None:
    response = api.options("/units", headers={"Origin": origin, "Access-Control-Request-Method": method})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == "bad_request" and says in error["message"]


def test_an_allowed_preflight_still_passes(api: TestClient) -> None:
    headers = {"Origin": "http://127.0.0.1:7474", "Access-Control-Request-Method": "GET"}
    response = api.options("/units", headers=headers)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "http://127.0.0.1:7474"


def test_an_oversized_url_answers_414_in_the_json_error_shape(api: TestClient) -> None:
    response = api.get("/search", params={"q": "jurídica " * 1200})
    assert response.status_code == 414
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.json()["error"]["code"] == "uri_too_long"
    assert api.get("/search", params={"q": "jurídica " * 300}).status_code == 400  # 2.7 KB: read, and too long a q
