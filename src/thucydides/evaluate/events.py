"""Event type of a snippet, CASE 2021 task 2 format: `{"id", "text", "label"}` per line.

The whole snippet is parsed and classified by the event finder (`events.classify`); our ACLED
sub-event types (and the Non-ACLED categories) are mapped onto the task's 30 labels. Metrics:
accuracy, macro-F1 over every label (a label never predicted correctly scores 0) and F1
weighted by each label's gold count, as in the task overview (Haneczok et al., CASE 2021).
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

from . import Report, read_jsonl

LABELS = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
    "Organized crime": "ORG_CRIME",
    "Natural disaster": "NATURAL_DISASTER",
    "Man-made disaster": "MAN_MADE_DISASTER",
    "Diplomatic event": "DIPLO",
    "Attribution of responsibility": "ATTRIB",
}
NO_EVENT = "OTHER"  # a snippet that names no event we know


@cache
def snippet_pipeline():
    """The English model and the event finder alone: a snippet needs no places or dates."""
    from ..nlp import load_model

    nlp = load_model()
    nlp.add_pipe("thucydides_events")
    return nlp


def label_of(text: str) -> str:
    """The task label our classifier gives a text."""
    from ..events import classify

    found = classify(snippet_pipeline()(text))
    return LABELS[found[1]] if found else NO_EVENT


def scores(gold: list[str], predicted: list[str]) -> dict:
    """Accuracy, macro-F1 over every label given or predicted (all 30 on the task's file),
    weighted F1 (by each label's gold count), and each label's F1."""
    labels = sorted(set(gold) | set(predicted))
    pairs = list(zip(gold, predicted))
    per_label = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == p == label)
        fp = sum(1 for g, p in pairs if p == label and g != label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        per_label[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    support = Counter(gold)
    return {
        "snippets": len(gold),
        "accuracy": sum(g == p for g, p in pairs) / len(gold) if gold else 0.0,
        "macro_f1": sum(per_label.values()) / len(labels) if labels else 0.0,
        "weighted_f1": sum(per_label[l] * support[l] for l in labels) / len(gold) if gold else 0.0,
        "f1_by_label": per_label,
    }


def evaluate(path: Path, limit: int | None) -> Report:
    gold, predicted, errors = [], [], []
    for record in read_jsonl(path, limit):
        label = label_of(record["text"])
        gold.append(record["label"])
        predicted.append(label)
        if label != record["label"]:
            errors.append({"id": record["id"], "expected": record["label"], "got": label,
                           "text": record["text"][:160]})
    confusions = Counter((e["expected"], e["got"]) for e in errors)
    errors.sort(key=lambda e: -confusions[(e["expected"], e["got"])])
    metrics = scores(gold, predicted)
    metrics["confusions"] = {f"{g}->{p}": n for (g, p), n in confusions.most_common(15)}
    return Report(metrics, errors)
