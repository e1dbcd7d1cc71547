"""The per-document table over the real corpus: units found / listed, parents right, power lists
exact / checked, notes, whether the organization and its kind were read, and parse time — what the
generality work is measured by.

    .venv/bin/python -m bench.corpus            # the table
    .venv/bin/python -m bench.corpus --misses   # and what each document still misses
"""

from __future__ import annotations

import argparse
import time

from loaders import load_file
from tests.corpus.scoring import document_path, expectations, reading_from_parsed, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list what each document misses")
    parser.add_argument("only", nargs="*", help="score only files whose name contains one of these")
    args = parser.parse_args()
    rows = []
    print(
        f"{'document':52} {'units':>9} {'parents':>9} {'lists':>7} {'notes':>5} {'org':>3} {'kind':>4} {'parse s':>7}"
    )
    totals = [0, 0, 0, 0, 0]
    kinds_right = 0
    for expected in expectations():
        if args.only and not any(o in expected["file"] for o in args.only):
            continue
        started = time.perf_counter()
        try:
            parsed = load_file(document_path(expected["file"]))
        except Exception as exc:  # the table shows a refusal as a row, not a crash
            print(f"{expected['file'][:52]:52} REFUSED: {exc}")
            continue
        elapsed = time.perf_counter() - started
        s = score(expected, reading_from_parsed(parsed))
        rows.append((expected["file"], s))
        totals = [
            t + v
            for t, v in zip(
                totals, (s.units_listed, s.units_found, s.parents_right, s.lists_checked, s.lists_exact), strict=True
            )
        ]
        organization = "yes" if s.organization_right else "NO"
        kind = "yes" if s.kind_right else "NO"
        kinds_right += s.kind_right
        print(
            f"{expected['file'][:52]:52} {s.units_found:>4}/{s.units_listed:<4} "
            f"{s.parents_right:>4}/{s.units_listed:<4}"
            f" {s.lists_exact:>3}/{s.lists_checked:<3} {len(parsed.notes):>5} {organization:>3} {kind:>4}"
            f" {elapsed:7.2f}"
        )
        if args.misses:
            for miss in s.misses:
                print(f"    - {miss}")
    listed, found, right, checked, exact = totals
    print(
        f"{'all':52} {found:>4}/{listed:<4} {right:>4}/{listed:<4} {exact:>3}/{checked:<3}"
        f" {'':5} {'':3} {kinds_right:>2}/{len(rows):<2}"
    )


if __name__ == "__main__":
    main()
