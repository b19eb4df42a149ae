"""Score extract_dates against Microsoft Recognizers-Text's Arabic DateParser cases (MIT).

Usage: python scripts/score_dates.py [PATH/TO/DateParser.json]

A case counts when its expected Timex is a full, valid calendar date (YYYY-MM-DD); it
passes when any expression extract_dates finds in the input, resolved with the case's
reference date, has that date.  Cases whose Timex lacks the year (XXXX-MM-DD) are
scored separately against the upstream's *past* resolution, the reading news prose
needs.  Prints the score, then every miss.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

from analysis.config import ROOT
from analysis.dates import extract_dates

DEFAULT = ROOT.parent / "shared" / "peer_tests" / "recognizers_text_datetime_ar" / "DateParser.json"


def is_valid(iso: str) -> bool:
    try:
        dt.date.fromisoformat(iso)
        return True
    except ValueError:
        return False


def score(path: Path) -> dict:
    cases = json.loads(path.read_text(encoding="utf-8"))
    full, partial = [], []
    for case in cases:
        value = case["Results"][0]["Value"] if case.get("Results") else {}
        timex = value.get("Timex", "")
        ref = case["Context"]["ReferenceDateTime"][:10]
        found = set(extract_dates(case["Input"], reference=ref)["date"])
        if re.fullmatch(r"\d{4}-\d\d-\d\d", timex) and is_valid(timex):
            full.append((case["Input"], ref, timex, timex in found, sorted(found - {""})))
        elif re.fullmatch(r"XXXX-\d\d-\d\d", timex):
            past = value["PastResolution"]["date"]
            partial.append((case["Input"], ref, past, past in found, sorted(found - {""})))
    return {"cases": len(cases), "full": full, "partial": partial}


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    result = score(path)
    for name, rows in (("full dates", result["full"]), ("day+month without year (past reading)", result["partial"])):
        hits = sum(r[3] for r in rows)
        print(f"{name}: {hits}/{len(rows)} = {hits / len(rows):.0%}")
    print(f"({result['cases']} cases in {path.name}; the others expect a bare day, a weekday pattern or an invalid date)")
    print("\nmisses (input | reference | expected | found):")
    for rows in (result["full"], result["partial"]):
        for text, ref, expected, ok, found in rows:
            if not ok:
                print(f"  {text} | {ref} | {expected} | {', '.join(found) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
