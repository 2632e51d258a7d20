"""Precision and recall of the business / Party-building decision of BUSINESS_NOT_PARTY on its labelled set.

    python benchmarks/business.py [--profile default] [--errors dev]

corpus/signals/business.jsonl holds achievement sentences written for this set, each labelled business (true:
production, projects, services, teaching, cases… told for themselves, even with 党员 or 支部 named in passing) or
Party building (false: organisation, members' education and management, study, discipline, the secretary's own
Party-building duties, even with a business result as their effect). A text is read as a one-paragraph report;
it is predicted business as the check decides (checker.checks.substitutions.business_words). The dev split is
for tuning the lexicons, the test split for the figures. --errors lists the texts a split gets wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.checks.substitutions import business_words  # noqa: E402
from checker.measure.lexicons import Lexicons  # noqa: E402
from checker.measure.words import Words  # noqa: E402
from checker.profile import load_profile  # noqa: E402
from checker.read.document import Block, Document  # noqa: E402
from checker.segment import segment  # noqa: E402

SET = ROOT / "corpus" / "signals" / "business.jsonl"
SPLITS = ("dev", "test")


def is_business(text: str, lexicons: Lexicons) -> bool:
    doc = segment(Document(path="", blocks=[Block(text=text)]))
    return business_words("".join(Words.of(s).text for s in doc.sents), lexicons) is not None


def evaluate(profile: str = "default") -> tuple[dict, list]:
    """(scores[split] = {precision, recall, tp, fp, fn, texts}, [(item, predicted), ...])."""
    lexicons = Lexicons(load_profile(profile).lexicons)
    with open(SET, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    results = [(item, is_business(item["text"], lexicons)) for item in items]
    scores = {}
    for split in SPLITS:
        pairs = [(item["label"], guess) for item, guess in results if item["split"] == split]
        tp = sum(1 for gold, guess in pairs if gold and guess)
        fp = sum(1 for gold, guess in pairs if guess and not gold)
        fn = sum(1 for gold, guess in pairs if gold and not guess)
        scores[split] = {"precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
                         "tp": tp, "fp": fp, "fn": fn, "texts": len(pairs)}
    return scores, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="default")
    parser.add_argument("--errors", choices=SPLITS, help="list the texts a split gets wrong")
    args = parser.parse_args()
    scores, results = evaluate(args.profile)
    print("| split | texts | precision | recall |\n|---|---|---|---|")
    for split, s in scores.items():
        print(f"| {split} | {s['texts']} | {s['precision']:.2f} | {s['recall']:.2f} |")
    for item, guess in results:
        if args.errors and item["split"] == args.errors and item["label"] != guess:
            print(f"gold={'business' if item['label'] else 'party'}\t{item['text']}\t{item['note']}")


if __name__ == "__main__":
    main()
