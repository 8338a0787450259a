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

Rounds 92 and later come from the first session of the ParlAI Multi-Session Chat test split as kept
in the public repository Nitrogen216/Rsum:

    data/msc/msc/msc_personasummary/session_1/test.txt         (ids msc1t-<line>-<side>)

one dialogue per line, {"dialog": [{"id": "bot_0" | "bot_1", "text": ...}, ...]}; side 0 is bot_0,
who opens.

Usage (writes the held-out file profile_quality scores separately):
    python3 data/eval/build_human_chat.py KNOWEE_DIR [--msc RSUM_DIR] [ROUND ...] > data/eval/spc_explicit_facts_heldout.jsonl
where KNOWEE_DIR holds the three files at the paths above (e.g. a checkout of Patrick-Ni/KnowEE) and
RSUM_DIR a checkout of Nitrogen216/Rsum (needed only for rounds 92 and later).
"""

import json
import sys
from pathlib import Path

KNOWEE_SOURCES = {
    "pct": "data/preprocess_data/persona_chat/test_original.json",
    "bst": "data/preprocess_data/blended_skill_talk/test.json",
    "bsv": "data/preprocess_data/blended_skill_talk/val.json",
}
MSC_SESSION_1_TEST = "data/msc/msc/msc_personasummary/session_1/test.txt"


def read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError as error:
        sys.exit(f"build_human_chat: cannot read {path}: {error.strerror}")


def main() -> None:
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    msc_root = None
    if "--msc" in args:
        at = args.index("--msc")
        if at + 1 >= len(args):
            sys.exit("build_human_chat: --msc needs the directory of a Nitrogen216/Rsum checkout")
        msc_root = Path(args[at + 1])
        del args[at : at + 2]
    root = Path(args[0])
    rounds = {int(r) for r in args[1:]}
    turns_by_source = {
        prefix: [dialogue["dialogue"] for dialogue in json.loads(read(root / path))]
        for prefix, path in KNOWEE_SOURCES.items()
    }
    if msc_root is not None:
        turns_by_source["msc1t"] = [
            [turn["text"] for turn in json.loads(line)["dialog"]]
            for line in read(msc_root / MSC_SESSION_1_TEST).splitlines()
        ]
    labels = Path(__file__).with_name("human_chat_labels.jsonl")
    for line in labels.read_text().splitlines():
        row = json.loads(line)
        if rounds and row["round"] not in rounds:
            continue
        prefix, dialogue, side = row["id"].split("-")
        if prefix not in turns_by_source:
            sys.exit(f"build_human_chat: {row['id']} (round {row['round']}) needs --msc RSUM_DIR")
        turns = turns_by_source[prefix][int(dialogue)]
        row["text"] = "\n".join(turns[int(side) :: 2])
        print(json.dumps(row))


if __name__ == "__main__":
    main()
