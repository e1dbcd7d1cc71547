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
