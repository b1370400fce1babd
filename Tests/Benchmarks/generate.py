#!/usr/bin/env python3
"""Writes COUNT answers files varied from the bundled examples, for the batch benchmark.

    generate.py EXAMPLES_DIR OUT_DIR COUNT

Each file takes an example in turn and changes what cannot make it invalid: the platform and
organisation names, the reference, user and data-subject counts, and the assessor's decision on each
measure, so reports differ in text and in residual ratings. Deterministic (seeded).
"""
import json
import os
import random
import sys

examples_dir, out_dir, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
examples = []
for name in sorted(os.listdir(examples_dir)):
    if name.endswith(".json"):
        with open(os.path.join(examples_dir, name), encoding="utf-8") as f:
            examples.append((name[:-5], json.load(f)))
random.seed(20261129)
os.makedirs(out_dir, exist_ok=True)
for index in range(count):
    stem, answers = examples[index % len(examples)]
    answers = json.loads(json.dumps(answers))
    meta = answers["metadata"]
    meta["platform"] = f"{meta['platform']} #{index}"
    meta["organisation"] = f"{meta['organisation']} (site {index % 37})"
    meta["reference"] = f"IG-BENCH-{index:05d}"
    for key in ("user_count", "data_subject_count"):
        if isinstance(answers["answers"].get(key), int):
            answers["answers"][key] = random.randint(1, 5000)
    for decision in answers.get("measures", {}).values():
        decision["approved"] = random.random() < 0.6
    with open(os.path.join(out_dir, f"{index:05d}-{stem}.json"), "w", encoding="utf-8") as f:
        json.dump(answers, f, indent=2, ensure_ascii=False)
