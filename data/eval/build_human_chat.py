"""Join the hand labels in human_chat_labels.jsonl with the speakers' own lines, for profile_quality.

The dialogue text is not in this repository (its licence is not stated where it is kept). It comes
from the ParlAI Persona-Chat test split and Blended Skill Talk test and validation splits as kept
in the public repository Patrick-Ni/KnowEE:

    data/preprocess_data/persona_chat/test_original.json        (ids pct-<dialogue>-<side>)
    data/preprocess_data/blended_skill_talk/test.json           (ids bst-<dialogue>-<side>)
    data/preprocess_data/blended_skill_talk/val.json            (ids bsv-<dialogue>-<side>)

Each file is a JSON array of {"dialogue": [...], "speaker persona": [...], "listener persona": [...]};
side 0 is the speaker who opens (turns 0, 2, 4, ...), side 1 the other one. A speaker's text is
their turns, one per line, as profile_llm reads a fan's messages.

Usage (writes the held-out file profile_quality scores separately):
    python3 data/eval/build_human_chat.py KNOWEE_DIR [ROUND ...] > data/eval/spc_explicit_facts_heldout.jsonl
where KNOWEE_DIR holds the three files at the paths above (e.g. a checkout of Patrick-Ni/KnowEE).
"""

import json
import sys
from pathlib import Path

SOURCES = {
    "pct": "data/preprocess_data/persona_chat/test_original.json",
    "bst": "data/preprocess_data/blended_skill_talk/test.json",
    "bsv": "data/preprocess_data/blended_skill_talk/val.json",
}


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = Path(sys.argv[1])
    rounds = {int(r) for r in sys.argv[2:]}
    dialogues = {}
    for prefix, path in SOURCES.items():
        try:
            dialogues[prefix] = json.loads((root / path).read_text())
        except OSError as error:
            sys.exit(f"build_human_chat: cannot read {root / path}: {error.strerror}")
    labels = Path(__file__).with_name("human_chat_labels.jsonl")
    for line in labels.read_text().splitlines():
        row = json.loads(line)
        if rounds and row["round"] not in rounds:
            continue
        prefix, dialogue, side = row["id"].split("-")
        turns = dialogues[prefix][int(dialogue)]["dialogue"]
        row["text"] = "\n".join(turns[int(side) :: 2])
        print(json.dumps(row))


if __name__ == "__main__":
    main()
