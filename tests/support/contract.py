"""What the schemathesis run of tests/api/test_contract.py sent, for the summary at the end of the run."""

from __future__ import annotations

from collections import Counter

# Operation label ("GET /who-may", or "stateful") → requests made.
TALLY: Counter[str] = Counter()
