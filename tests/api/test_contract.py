"""The OpenAPI contract, held to what the server does: schemathesis with every check over real HTTP, and a Python
client generated from /openapi.json asking real questions.

The server is the app under uvicorn on a loopback port, over the test Neo4j seeded with the sample documents,
with POST /cypher on. The schemathesis run is bounded (a fixed seed, a fixed number of examples per operation)
and reads the project's schemathesis.toml, as `schemathesis run` does; see README "Asking questions".
Its operations come from the app's own OpenAPI at import time, so that pytest lists one test per operation
(schemathesis's fixture-loaded schemas do not work with pytest 9.2); the served /openapi.json is checked to be
the same document.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from neo4j import Driver
from schemathesis import BaseSchema, Case

from app.main import create_app
from loaders.records import ParsedDocument
from orggraph.lexicon import words
from orggraph.settings import PROJECT_ROOT, Settings
from tests.conftest import ensure_seeded, settings_for
from tests.support.contract import TALLY
from tests.support.live_server import serve
from tests.support.neo4j_target import Neo4jTarget

TOKEN = "contract-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# A fixed seed makes the run the same on every machine (20, the number); another explores further.
SEED = int(os.environ.get("ORGGRAPH_CONTRACT_SEED", "20"))
EXAMPLES = 25  # per operation, in the fuzzing phase (the examples and coverage phases add their own)
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,  # real HTTP to a real Neo4j: time is measured by the suite, not per example
    database=None,  # nothing written to .hypothesis/
    suppress_health_check=[HealthCheck.too_slow],
)
PENSIONES = "imss/unit/departamento-de-pensiones-en-subdelegaciones"


@pytest.fixture(scope="module")
def live_api(driver: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]) -> Iterator[str]:
    """The API over real HTTP on 127.0.0.1, over the seeded graph, with POST /cypher and POST /documents on."""
    ensure_seeded(driver, neo4j, seed_documents)
    settings = settings_for(
        neo4j, cypher_token=TOKEN, write_token=TOKEN, cypher_timeout_seconds=1.0, cypher_row_limit=50
    )
    app = create_app(settings)
    with serve(app, name="contract-uvicorn") as base:
        yield base


@pytest.fixture(scope="module")
def openapi(live_api: str) -> dict:
    with urllib.request.urlopen(f"{live_api}/openapi.json", timeout=10) as response:
        return json.load(response)


def contract_schema() -> BaseSchema:
    """The app's OpenAPI (it does not depend on the settings), with the project's schemathesis.toml."""
    config = schemathesis.Config.from_path(PROJECT_ROOT / "schemathesis.toml")
    config.update(seed=SEED, max_failures=None)
    document = create_app(Settings(neo4j_home=Path("/nonexistent-orggraph-home"))).openapi()
    return schemathesis.openapi.from_dict(document, config=config)


schema = contract_schema()


def test_the_served_openapi_is_the_one_under_test(openapi: dict) -> None:
    assert openapi == schema.raw_schema


@schema.parametrize()
@BOUNDED
def test_contract(case: Case, live_api: str) -> None:
    """Examples, coverage (undeclared methods included) and fuzzing phases, every check, each operation."""
    TALLY[case.operation.label] += 1
    case.call_and_validate(base_url=live_api, headers=auth_for(case))


def auth_for(case: Case) -> dict[str, str]:
    """The token for every operation but removal: DELETE /documents/{id} is fuzzed without it (its 401), so
    the seeds stay for the tests that follow; its 204 and 404 are tested in tests/api/test_upload.py."""
    return {} if case.method.upper() == "DELETE" and case.path.startswith("/documents/") else AUTH


def test_contract_stateful(live_api: str) -> None:
    """The stateful phase: sequences that feed one answer's ids into the next request, every check."""

    class Machine(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: Case) -> dict:
            TALLY["stateful"] += 1
            return {"base_url": live_api, "headers": auth_for(case)}

    Machine.run(settings=settings(BOUNDED, max_examples=10, stateful_step_count=5))


def test_the_fuzzed_uploads_wrote_nothing(
    live_api: str, driver: Driver, seed_documents: dict[str, ParsedDocument]
) -> None:
    """POST /documents was fuzzed with its token on (DELETE without it): whatever they were sent, the seeds
    and no other document exist."""
    assert TALLY["POST /documents"] > 0 and TALLY["DELETE /documents/{document_id}"] > 0
    records, _, _ = driver.execute_query("MATCH (d:Document) RETURN d.id AS id ORDER BY id")
    assert [r["id"] for r in records] == sorted(p.document.id for p in seed_documents.values())


# ----------------------------------------------------------------------------- what the schema states


def test_every_operation_documents_its_errors_with_the_shared_model(openapi: dict) -> None:
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            errors = {status: r for status, r in responses.items() if status[0] in "45"}
            assert "503" in errors, f"{method.upper()} {path} reads Neo4j and can answer 503"
            # invalid requests are answered 400, never 422; GET /ask's 422 is a question it cannot read (issue 15)
            assert "422" not in responses or path == "/ask", "invalid requests are answered 400, never 422"
            for status, response in errors.items():
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref.rsplit("/", 1)[-1] in {"ErrorBody", "HealthUnavailable"}, (method, path, status)
            if any(p["in"] == "query" for p in operation.get("parameters", [])) or "requestBody" in operation:
                assert "400" in errors, f"{method.upper()} {path} validates its parameters and body"
            ids = [
                p for p in operation.get("parameters", []) if p["in"] == "path" and p["schema"].get("type") == "string"
            ]
            if any("enum" not in p["schema"] for p in ids):
                assert "404" in errors, f"{method.upper()} {path} answers 404 for an unknown id"
    body = openapi["components"]["schemas"]
    assert body["ErrorBody"]["required"] == ["error"]
    assert body["ErrorDetail"]["required"] == ["code", "message"]
    assert {"HTTPValidationError", "ValidationError"}.isdisjoint(body)


def test_the_schema_states_what_a_question_needs(openapi: dict) -> None:
    who_may = openapi["paths"]["/who-may"]["get"]
    assert "at least one of `q`, `action`, `object`" in who_may["description"]
    assert "No question" in who_may["responses"]["400"]["description"]
    search = openapi["paths"]["/search"]["get"]
    q = next(p for p in search["parameters"] if p["name"] == "q")
    assert q["required"] and q["schema"]["pattern"] and q["schema"]["minLength"] == 1
    assert "`q=0` is answered 400" in search["description"]
    cypher = openapi["paths"]["/cypher"]["post"]
    assert cypher["security"] == [{"HTTPBearer": []}]
    assert "WWW-Authenticate" in cypher["responses"]["401"]["headers"]


@pytest.mark.parametrize("text", ["0", "42", "¿?", "x", "a1", "Jurídica", "ñu", "de la", "ǅ", "٣", "²", "_"])
def test_the_search_pattern_is_the_reading_of_words(openapi: dict, text: str) -> None:
    """The pattern /search states for q holds exactly when the search engine finds a word in it."""
    q = next(p for p in openapi["paths"]["/search"]["get"]["parameters"] if p["name"] == "q")
    assert bool(re.search(q["schema"]["pattern"], text)) == bool(words(text))


def get(url: str, method: str = "GET", headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("/search?q=0", 400),
        ("/search?q=de%20la", 200),
        ("/search?q=x&type=nothing", 400),
        ("/units?q=0", 200),
        ("/amendments?date=0", 400),
        ("/who-may", 400),
        ("/who-may?q=", 400),
        ("/who-may?action=pensiones", 400),
        ("/who-may?object=pensiones", 200),
    ],
)
def test_what_the_schema_states_is_what_the_routes_do(live_api: str, query: str, status: int) -> None:
    code, _, body = get(live_api + query)
    assert code == status, body
    if status == 400:
        assert json.loads(body)["error"]["code"] == "bad_request"
    if query == "/units?q=0":
        assert json.loads(body)["total"] == 0  # a filter no unit passes, not every unit


# ----------------------------------------------------------------------------- 405 and HEAD (RFC 9110)


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("TRACE", f"/units/{PENSIONES}/superiors", "GET, HEAD"),
        ("DELETE", "/units", "GET, HEAD"),
        ("PUT", "/who-may?q=firmar", "GET, HEAD"),
        ("GET", "/cypher", "POST"),
        ("HEAD", "/cypher", "POST"),
        ("POST", "/static/explorer.css", "GET, HEAD"),
    ],
)
def test_405_says_what_is_allowed(live_api: str, method: str, path: str, allow: str) -> None:
    status, headers, body = get(live_api + path, method=method)
    assert (status, headers.get("allow")) == (405, allow)
    if method != "HEAD":
        assert json.loads(body)["error"]["code"] == "method_not_allowed"


def example_url(openapi: dict, path: str, operation: dict) -> str:
    """The operation's URL with its example (or first allowed) path values and required query parameters."""
    query = {}
    for p in operation.get("parameters", []):
        if not p.get("required"):
            continue
        schema = p["schema"]
        if "$ref" in schema:
            schema = openapi["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        value = next(iter(p["examples"].values()))["value"] if "examples" in p else schema["enum"][0]
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", value)
        else:
            query[p["name"]] = value
    return path + ("?" + urllib.parse.urlencode(query) if query else "")


def test_head_answers_wherever_get_does(live_api: str, openapi: dict) -> None:
    """Every GET of the OpenAPI (its example ids and questions), the explorer and its files: HEAD gets the GET's
    status and headers, and no body."""
    paths = ["/", "/static/explorer.css", "/docs", "/units/no/such/unit", "/who-may?q=firmar%20resoluciones"]
    paths += [example_url(openapi, path, ops["get"]) for path, ops in openapi["paths"].items() if "get" in ops]
    for path in paths:
        get_status, get_headers, get_body = get(live_api + path)
        head_status, head_headers, head_body = get(live_api + path, method="HEAD")
        assert get_status != 405 and get_body, path
        assert head_status == get_status and head_body == b"", path
        assert head_headers.get("content-type") == get_headers.get("content-type"), path


# ----------------------------------------------------------------------------- a generated client


# The generator reads JSON, text and octet-stream answers; the charts' SVG, PNG and PDF are bytes to it.
GENERATOR_CONFIG = """\
package_name_override: orggraph_client
post_hooks: []
content_type_overrides:
  image/svg+xml: application/octet-stream
  image/png: application/octet-stream
  application/pdf: application/octet-stream
"""


def generated_client(spec: dict, tmp_path: Path) -> ModuleType:
    """openapi-python-client's package for ``spec``, generated into tmp_path and imported."""
    (tmp_path / "openapi.json").write_text(json.dumps(spec), encoding="utf-8")
    (tmp_path / "config.yml").write_text(GENERATOR_CONFIG, encoding="utf-8")
    generator = [sys.executable, "-m", "openapi_python_client", "generate", "--meta", "none", "--overwrite"]
    paths = ["--path", str(tmp_path / "openapi.json"), "--config", str(tmp_path / "config.yml")]
    out = tmp_path / "orggraph_client"
    done = subprocess.run([*generator, *paths, "--output-path", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Warning" not in done.stdout, done.stdout  # every operation and model was understood
    sys.path.insert(0, str(tmp_path))
    return importlib.import_module("orggraph_client")


@pytest.fixture
def client_package(openapi: dict, tmp_path: Path) -> Iterator[ModuleType]:
    package = generated_client(openapi, tmp_path)
    try:
        yield package
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n == "orggraph_client" or n.startswith("orggraph_client.")]:
            del sys.modules[name]


def test_a_generated_client_asks_the_chain_of_command_and_who_may(live_api: str, client_package: ModuleType) -> None:
    superiors = importlib.import_module("orggraph_client.api.units.superiors")
    who_may = importlib.import_module("orggraph_client.api.powers.who_may")
    run_cypher = importlib.import_module("orggraph_client.api.cypher.run_cypher")
    models = importlib.import_module("orggraph_client.models")

    with client_package.Client(base_url=live_api, raise_on_unexpected_status=True) as client:
        chain = superiors.sync(PENSIONES, client=client)
        assert isinstance(chain, models.Superiors)
        assert [(step.depth, step.node.id) for step in chain.chain] == [
            (1, "imss/unit/jefatura-de-servicios-de-salud-en-el-trabajo-prestaciones-economicas-y-sociales"),
            (2, "imss/unit/organo-de-operacion-administrativa-desconcentrada"),
            (3, "imss"),
        ]
        # Nothing lost between the wire and the generated models.
        assert chain.to_dict() == json.loads(get(f"{live_api}/units/{PENSIONES}/superiors")[2])

        answer = who_may.sync(client=client, q="firmar resoluciones de pensiones")
        assert isinstance(answer, models.WhoMay)
        assert answer.question.actions == ["firmar"] and answer.total == len(answer.items) > 0
        assert all(holder.powers and holder.powers[0].legal_basis.provision.id for holder in answer.items)
        raw = get(f"{live_api}/who-may?q=firmar%20resoluciones%20de%20pensiones")[2]
        assert answer.to_dict() == json.loads(raw)

        # The documented errors arrive parsed, as the shared model, not as "unexpected status".
        missing = superiors.sync_detailed("imss/unit/no-such-unit", client=client)
        assert missing.status_code == 404 and isinstance(missing.parsed, models.ErrorBody)
        assert missing.parsed.error.code == "not_found"
        no_question = who_may.sync_detailed(client=client)
        assert no_question.status_code == 400 and no_question.parsed.error.code == "bad_request"

    with client_package.AuthenticatedClient(base_url=live_api, token=TOKEN) as client:
        body = models.CypherRequest(query="MATCH (u:Unit {id: $id}) RETURN u.name AS name")
        body.parameters = models.CypherRequestParameters.from_dict({"id": PENSIONES})
        rows = run_cypher.sync(client=client, body=body)
        assert isinstance(rows, models.CypherResponse) and rows.columns == ["name"] and len(rows.rows) == 1
