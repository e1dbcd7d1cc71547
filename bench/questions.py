"""The question set (tests/fixtures/questions.toml) as a measure: /ask exact rate, /who-may precision and recall.

    .venv/bin/python -m bench.questions --load --write docs/questions.md

Asks every question through HTTP (the app in-process, over the Neo4j of the settings: NEO4J_URI …).
``--load`` first replaces that graph with the set's documents (the samples and the SECTUR
reglamento): only for a disposable database. /who-may is asked with each who-may question's action
(as GET /ask reads it) and its holders compared with the expected set: precision is the share of
holders it names that are expected, recall the share of expected holders it names (micro-averaged).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from fastapi.testclient import TestClient
from neo4j import GraphDatabase

from app.main import create_app
from loaders import load_file
from loaders.writer import write_document
from orggraph.cypher import query
from orggraph.schema import apply_schema
from orggraph.settings import PROJECT_ROOT, get_settings
from questions.ask import read
from questions.question_set import QUESTIONS, keys, load

DOCUMENTS = [
    *sorted((PROJECT_ROOT / "data" / "documents").glob("*.txt")),
    PROJECT_ROOT / "data" / "corpus" / "sectur-reglamento-interior-2021.txt",
]


def reload_graph() -> None:
    settings = get_settings()
    with GraphDatabase.driver(settings.neo4j_uri, auth=settings.neo4j_auth()) as driver:
        with driver.session(database=settings.neo4j_database) as session:
            session.run(query("graph_wipe")).consume()
        apply_schema(driver, settings.neo4j_database)
        for path in DOCUMENTS:
            write_document(driver, settings.neo4j_database, load_file(path))


def measure() -> dict[str, object]:
    questions = load(QUESTIONS)["question"]
    exact, tp, named, expected, misses = 0, 0, 0, 0, []
    with TestClient(create_app(get_settings())) as api:
        for question in questions:
            response = api.get("/ask", params={"q": question["q"]})
            got = keys(response.json()) if response.status_code == 200 else set()
            if got == set(question["answer"]) and response.json().get("kind") == question["kind"]:
                exact += 1
            else:
                misses.append(question["q"])
            if question["kind"] != "who_may":
                continue
            action = str(read(question["q"]).slots["action"])
            body = api.get("/who-may", params={"q": action, "limit": 500}).json()
            holders = {h["unit"]["id"] for h in body.get("items", [])}
            want = set(question["answer"])
            tp, named, expected = tp + len(holders & want), named + len(holders), expected + len(want)
    who_may = sum(q["kind"] == "who_may" for q in questions)
    return {
        "questions": len(questions),
        "exact": exact,
        "misses": misses,
        "who_may_questions": who_may,
        "precision": tp / named if named else 1.0,
        "recall": tp / expected if expected else 1.0,
        "holders_expected": expected,
        "holders_named": named,
        "holders_right": tp,
    }


def report(figures: dict[str, object]) -> str:
    return (
        f"| questions | answered exactly by `/ask` | who-may questions | `/who-may` precision | `/who-may` recall |\n"
        f"|---|---|---|---|---|\n"
        f"| {figures['questions']} | {figures['exact']} ({figures['exact'] / figures['questions']:.0%}) "  # type: ignore[operator]
        f"| {figures['who_may_questions']} | {figures['precision']:.1%} "
        f"({figures['holders_right']} of {figures['holders_named']} named) | {figures['recall']:.1%} "
        f"({figures['holders_right']} of {figures['holders_expected']} expected) |\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load", action="store_true", help="replace the graph with the set's documents first")
    parser.add_argument("--write", type=Path, help="put the figures in this markdown file, between its markers")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    if args.load:
        reload_graph()
    figures = measure()
    table = report(figures)
    print(table)
    for miss in figures["misses"]:  # type: ignore[attr-defined]
        print("not exact:", miss)
    if args.write:
        text = args.write.read_text(encoding="utf-8")
        start, end = "<!-- bench.questions -->", "<!-- /bench.questions -->"
        head, _, rest = text.partition(start)
        _, _, tail = rest.partition(end)
        args.write.write_text(f"{head}{start}\n{table}{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
