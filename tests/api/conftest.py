"""The schemathesis run's counts at the end of the test run (tests/api/test_contract.py)."""

from __future__ import annotations

import pytest

from tests.support.contract import TALLY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TALLY:
        operations = len([label for label in TALLY if label != "stateful"])
        generated = sum(TALLY.values()) - TALLY["stateful"]
        terminalreporter.write_line(
            f"schemathesis: {operations} operations, {generated} generated cases, {TALLY['stateful']} stateful requests"
        )
