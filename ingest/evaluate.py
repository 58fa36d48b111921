"""Score extraction against gold annotations exactly as shared/gold/FORMAT.md says.

Entities match on type and normalised name (gold name or alias); facts match on
predicate, subject and object (same name rule, restricted to gold entities of a
type the predicate allows in that slot), numbers within 0.5 %, an indicator's
metric by containment or bigram Dice, and the remaining keys (year, title,
currency, unit, period, kind) equal. Each gold item is matched at most once.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from ingest.normalise import normalise_name
from kg.errors import KgError

log = logging.getLogger(__name__)

TOLERANCE = 0.005
_NUMBER_KEYS = ("amount", "value")
_EXACT_KEYS = ("year", "currency", "unit", "period", "kind")
_NAME_KEYS = ("title",)
_DICE_THRESHOLD = 0.6

_ZONE, _ENT, _PROJ, _PLAT, _PERSON = "Zone", "Enterprise", "Project", "Platform", "Person"
# Entity types a predicate allows in its subject and object slots (FORMAT.md, Scoring).
SLOT_TYPES: dict[str, tuple[frozenset[str], frozenset[str] | None]] = {
    "locatedIn": (frozenset({_ENT, _PROJ, _PLAT}), frozenset({_ZONE})),
    "investor": (frozenset({_PROJ}), frozenset({_ENT})),
    "investment": (frozenset({_PROJ}), None),
    "status": (frozenset({_PROJ}), None),
    "awarded": (frozenset({_ENT, _ZONE, _PERSON, _PLAT, _PROJ}), frozenset({"Honour"})),
    "issuedPolicy": (frozenset({_ZONE}), frozenset({"Policy"})),
    "focusIndustry": (frozenset({_ZONE}), frozenset({"Industry"})),
    "hostsPlatform": (frozenset({_ZONE}), frozenset({_PLAT})),
    "role": (frozenset({_PERSON}), frozenset({_ZONE, _ENT})),
    "indicator": (frozenset({_ZONE, _ENT, _PROJ, _PLAT}), None),
}


class GoldFileError(KgError):
    """The gold file or a document it names cannot be read."""


def read_gold(path: Path) -> list[dict[str, Any]]:
    """Gold records, one per document, from a JSON Lines file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFileError(f"cannot read gold file {path}: {exc}") from exc


class _Names:
    """Normalised names of one document's gold entities, each with its aliases, per type."""

    def __init__(self, entities: Iterable[dict[str, Any]]) -> None:
        self.forms: dict[tuple[str, str], set[str]] = {}
        for entity in entities:
            name = normalise_name(entity["name"])
            forms = {name} | {normalise_name(a) for a in entity.get("aliases", ())}
            self.forms.setdefault((entity["type"], name), set()).update(forms)

    def matches(self, predicted: str, gold: str, types: frozenset[str] | None = None) -> bool:
        """True when the predicted name is the gold name or an alias of a gold entity so named.

        With ``types``, only gold entities of those types lend their aliases.
        """
        norm = normalise_name(str(predicted))
        gold_norm = normalise_name(str(gold))
        if norm == gold_norm:
            return True
        return any(norm in forms for (kind, name), forms in self.forms.items()
                   if name == gold_norm and (types is None or kind in types))


def _bigrams(text: str) -> list[str]:
    return [text[i:i + 2] for i in range(len(text) - 1)] or [text]


def dice(a: str, b: str) -> float:
    """Character-bigram Dice coefficient (multiset) of two strings."""
    left, right = _bigrams(a), _bigrams(b)
    pool = list(right)
    common = 0
    for gram in left:
        if gram in pool:
            pool.remove(gram)
            common += 1
    return 2 * common / (len(left) + len(right))


def metric_matches(predicted: str, gold: str) -> bool:
    """Equal, the shorter inside the longer and at least half its length, or bigram Dice >= 0.6."""
    pred, want = normalise_name(str(predicted)), normalise_name(str(gold))
    if pred == want:
        return True
    short, long_ = sorted((pred, want), key=len)
    if short and short in long_ and 2 * len(short) >= len(long_):
        return True
    return dice(pred, want) >= _DICE_THRESHOLD


def _entity_matches(pred: dict[str, Any], gold: dict[str, Any], names: _Names) -> bool:
    return pred["type"] == gold["type"] and names.matches(pred["name"], gold["name"])


def _close(a: Any, b: Any) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= TOLERANCE * max(abs(y), 1e-12)


def fact_matches(pred: dict[str, Any], gold: dict[str, Any], names: _Names) -> bool:
    """True when a predicted fact matches a gold fact under the FORMAT.md rules."""
    if pred.get("p") != gold["p"]:
        return False
    subject_types, object_types = SLOT_TYPES.get(gold["p"], (None, None))
    if not names.matches(pred.get("s", ""), gold["s"], subject_types):
        return False
    if "o" in gold and not names.matches(pred.get("o", ""), gold["o"], object_types):
        return False
    if any(k in gold and not _close(pred.get(k), gold[k]) for k in _NUMBER_KEYS):
        return False
    if any(k in gold and str(pred.get(k)) != str(gold[k]) for k in _EXACT_KEYS):
        return False
    if "metric" in gold and not metric_matches(pred.get("metric", ""), gold["metric"]):
        return False
    return not any(k in gold and normalise_name(str(pred.get(k, ""))) != normalise_name(str(gold[k]))
                   for k in _NAME_KEYS)


def _match(predicted: list[dict[str, Any]], gold: list[dict[str, Any]], same: Any, key: str,
           counts: dict[str, dict[str, int]]) -> None:
    """Greedy one-to-one matching; adds tp/fp/fn per ``key`` into ``counts``."""
    used = [False] * len(gold)
    for pred in predicted:
        hit = next((i for i, g in enumerate(gold) if not used[i] and same(pred, g)), None)
        if hit is None:
            counts[pred.get(key, "?")]["fp"] += 1
        else:
            used[hit] = True
            counts[pred[key]]["tp"] += 1
    for i, g in enumerate(gold):
        if not used[i]:
            counts[g[key]]["fn"] += 1


def _scores(counts: dict[str, dict[str, int]]) -> dict[str, Any]:
    """Micro-averaged precision/recall/F1 overall and per key."""
    def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}

    by = {k: {**prf(c["tp"], c["fp"], c["fn"]), **c} for k, c in sorted(counts.items())}
    total = {n: sum(c[n] for c in counts.values()) for n in ("tp", "fp", "fn")}
    return {**prf(total["tp"], total["fp"], total["fn"]), "by": by}


def score(predictions: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Score predicted records against gold records (paired by ``doc``)."""
    by_doc = {p["doc"]: p for p in predictions}
    ents: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    facts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    for record in gold:
        pred = by_doc.get(record["doc"], {"entities": [], "facts": []})
        names = _Names(record["entities"])
        _match(pred["entities"], record["entities"], partial(_entity_matches, names=names), "type", ents)
        _match(pred["facts"], record["facts"], partial(fact_matches, names=names), "p", facts)
    entities, fact_scores = _scores(ents), _scores(facts)
    return {
        "entities": {**{k: v for k, v in entities.items() if k != "by"}, "by_type": entities["by"]},
        "facts": {**{k: v for k, v in fact_scores.items() if k != "by"}, "by_predicate": fact_scores["by"]},
    }


def score_by_document(predictions: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Entity and fact F1 of each gold document on its own."""
    by_doc = {p["doc"]: p for p in predictions}
    out = {}
    for record in gold:
        one = score([by_doc.get(record["doc"], {"doc": record["doc"], "entities": [], "facts": []})], [record])
        out[record["doc"]] = {"entities_f1": one["entities"]["f1"], "facts_f1": one["facts"]["f1"]}
    return out


def predict(path: Path) -> dict[str, Any]:
    """Load one document, run the pipeline and return its predictions in gold form."""
    from ingest.emit import to_gold_json
    from ingest.load import load_path
    from ingest.pipeline import run

    return to_gold_json(run(load_path(path)))


def _predict_or_empty(path: Path, doc: str, unreadable: list[dict[str, str]]) -> dict[str, Any]:
    """The document's predictions, or an empty prediction (noted in ``unreadable``) when it cannot be read."""
    if not path.is_file():
        unreadable.append({"doc": doc, "error": f"{path} does not exist"})
        return {"doc": doc, "entities": [], "facts": []}
    try:
        return {**predict(path), "doc": doc}
    except KgError as exc:
        log.warning("%s: scored as empty: %s", doc, exc)
        unreadable.append({"doc": doc, "error": str(exc)})
        return {"doc": doc, "entities": [], "facts": []}


def evaluate_documents(gold: Path, docs: Path, predictions_out: Path | None = None) -> dict[str, Any]:
    """Run the pipeline over every document the gold file names and score it.

    A document that is missing or cannot be read is scored as an empty prediction
    and listed under ``unreadable``; the others are still scored.
    """
    records = read_gold(gold)
    unreadable: list[dict[str, str]] = []
    predictions = [_predict_or_empty(docs / r["doc"], r["doc"], unreadable) for r in records]
    if predictions_out is not None:
        lines = (json.dumps(p, ensure_ascii=False) for p in predictions)
        predictions_out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {**score(predictions, records), "by_document": score_by_document(predictions, records),
            "unreadable": unreadable}


def _rows(section: dict[str, Any], label: str) -> list[str]:
    rows = [f"{label:<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for key, s in section.items():
        rows.append(f"  {key:<14}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
                    f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    return rows


def format_report(report: dict[str, Any], per_document: bool = False) -> str:
    """A plain-text table of the report, optionally with each document's F1."""
    lines: list[str] = []
    if per_document:
        lines.append(f"{'document':<24}{'ent F1':>8}{'fact F1':>8}")
        for doc, f1 in report.get("by_document", {}).items():
            lines.append(f"  {doc:<22}{f1['entities_f1']:>8.3f}{f1['facts_f1']:>8.3f}")
        lines.append("")
    for name, by in (("entities", "by_type"), ("facts", "by_predicate")):
        part = report[name]
        lines += _rows(part[by], name)
        lines.append(f"  {'overall':<14}{part['precision']:>7.3f}{part['recall']:>7.3f}{part['f1']:>7.3f}")
        lines.append("")
    for item in report.get("unreadable", ()):
        lines.append(f"unreadable, scored as empty: {item['doc']}: {item['error']}")
    return "\n".join(lines).rstrip() + "\n"
