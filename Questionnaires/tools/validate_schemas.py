#!/usr/bin/env python3
"""Checks the bundled questionnaires and examples, and the examples' pinned `--format json` output
(`Tests/Goldens/*/*.assessment.json`), against the JSON Schemas, and that the schemas
reject typical authoring mistakes. Needs `pip install jsonschema` (4.x); the dpia tool itself does not.

    python3 Questionnaires/tools/validate_schemas.py
"""
import copy
import json
import pathlib
import sys

from jsonschema import Draft202012Validator

root = pathlib.Path(__file__).resolve().parent.parent


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


schemas = {name: load(root / f"{name}.schema.json") for name in ("questionnaire", "answers", "assessment")}
validators = {}
for name, schema in schemas.items():
    Draft202012Validator.check_schema(schema)
    validators[name] = Draft202012Validator(schema)

failures = 0


def check(kind, label, document, expect_valid):
    global failures
    errors = sorted(validators[kind].iter_errors(document), key=lambda e: list(e.absolute_path))
    ok = (not errors) == expect_valid
    if not ok:
        failures += 1
    verdict = "ok  " if ok else "FAIL"
    outcome = "valid" if not errors else f"rejected ({errors[0].json_path}: {errors[0].message[:90]})"
    print(f"{verdict} {label}: {outcome}")


questionnaires = sorted(root.glob("*.json"))
questionnaires = [p for p in questionnaires if not p.name.endswith(".schema.json")]
# Each default ID.json, then the earlier releases kept in ID/.
questionnaires += [r for p in list(questionnaires) for r in sorted((root / p.stem).glob("*.json"))]
for path in questionnaires:
    check("questionnaire", str(path.relative_to(root)), load(path), True)
for path in sorted((root / "examples").glob("**/*.json")):
    check("answers", str(path.relative_to(root)), load(path), True)

# Mistakes an author makes; each must be rejected.
base = load(root / "communication-platform.json")
broken = copy.deepcopy(base)
broken["sections"][0]["questions"][0]["prompts"] = "typo for prompt"
check("questionnaire", "unknown key in a question", broken, False)
broken = copy.deepcopy(base)
broken["sections"][0]["questions"][0]["when"] = {"question": "x", "equals": "a", "atLeast": 1}
check("questionnaire", "condition with two tests", broken, False)
broken = copy.deepcopy(base)
broken["sections"][0]["questions"][0]["type"] = "choice"
check("questionnaire", "unknown question type", broken, False)
broken = copy.deepcopy(base)
broken["scoring"]["measures"][0]["reduces"][0]["likelihood"] = 2
check("questionnaire", "measure raising a risk", broken, False)
broken = copy.deepcopy(base)
broken["sections"][1]["icoStep"] = 8
check("questionnaire", "ICO step 8", broken, False)
broken = copy.deepcopy(base)
del broken["scoring"]["risks"][0]["harm"]
check("questionnaire", "risk without harm", broken, False)

example = load(root / "examples" / "whatsapp-ward-group-drift.json")
broken = copy.deepcopy(example)
del broken["metadata"]["assessor"]
check("answers", "metadata without assessor", broken, False)
broken = copy.deepcopy(example)
broken["metadata"]["status"] = "final"
del broken["metadata"]["reviewDate"]
check("answers", "final without review date", broken, False)
broken = copy.deepcopy(example)
broken["measures"] = {"M1": {"aproved": True}}
check("answers", "misspelt measure decision", broken, False)
broken = copy.deepcopy(example)
broken["metadata"]["assessmentDate"] = "2 March 2026"
check("answers", "date not YYYY-MM-DD", broken, False)
broken = copy.deepcopy(example)
broken["answers"]["user_count"] = 31.5
check("answers", "fractional integer answer", broken, False)

goldens = sorted((root.parent / "Tests" / "Goldens").glob("*/*.assessment.json"))
for path in goldens:
    check("assessment", f"Tests/Goldens/{path.parent.name}/{path.name}", load(path), True)
if goldens:
    assessment = load(goldens[0])
    broken = copy.deepcopy(assessment)
    broken["risks"][0]["effect"]["id"] = "mitigated"
    check("assessment", "unknown effect on risk", broken, False)
    broken = copy.deepcopy(assessment)
    broken["formatVersion"] = 2
    check("assessment", "another format version", broken, False)

print(f"{failures} failure(s)")
sys.exit(1 if failures else 0)
