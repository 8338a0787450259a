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

Rounds 117 and later come from the EmpatheticDialogues test split (Rashkin et al., 2019) as kept,
preprocessed, in the public repository HLTCHKUST/MoEL:

    empathetic-dialogue/sys_dialog_texts.test.npy              (ids edt-<dialogue>-<side>)

a NumPy object array of dialogue contexts, one per turn of the situation's teller: each context is
the one before it plus two turns, so a dialogue is a run of contexts that extend each other, read
to its longest (the listener's last answer is not in the file). Side 0 is the teller, who opens.
The file is read without NumPy, by an unpickler that accepts only the array's own record.

Usage (writes the held-out file profile_quality scores separately):
    python3 data/eval/build_human_chat.py KNOWEE_DIR [--msc RSUM_DIR] [--ed MOEL_DIR] [ROUND ...] > data/eval/spc_explicit_facts_heldout.jsonl
where KNOWEE_DIR holds the three files at the paths above (e.g. a checkout of Patrick-Ni/KnowEE),
RSUM_DIR a checkout of Nitrogen216/Rsum (needed only for rounds 92–116) and MOEL_DIR a checkout of
HLTCHKUST/MoEL (needed only for rounds 117 and later).
"""

import codecs
import io
import json
import pickle
import sys
from pathlib import Path

KNOWEE_SOURCES = {
    "pct": "data/preprocess_data/persona_chat/test_original.json",
    "bst": "data/preprocess_data/blended_skill_talk/test.json",
    "bsv": "data/preprocess_data/blended_skill_talk/val.json",
}
MSC_SESSION_1_TEST = "data/msc/msc/msc_personasummary/session_1/test.txt"
ED_TEST = "empathetic-dialogue/sys_dialog_texts.test.npy"


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        sys.exit(f"build_human_chat: cannot read {path}: {error.strerror}")


def read(path: Path) -> str:
    try:
        return read_bytes(path).decode()
    except UnicodeDecodeError as error:
        sys.exit(f"build_human_chat: {path} is not UTF-8 text: {error.reason} at byte {error.start}")


def parse_json(text: str, where: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        at = f"line {error.lineno}, column {error.colno}"
        sys.exit(f"build_human_chat: {where} is not JSON: {error.msg} ({at})")


def field(record, key: str, where: str):
    """`record[key]`, or a one-line exit naming `where` when the record has no such key."""
    try:
        return record[key]
    except (KeyError, TypeError):
        sys.exit(f"build_human_chat: {where} has no {key!r} field")


class _ArrayRecord:
    """What the unpickler builds for NumPy's array-making calls: it keeps the array's state."""

    def __init__(self, *_args):
        self.state = None

    def __setstate__(self, state):
        self.state = state


class _ArrayUnpickler(pickle.Unpickler):
    """Unpickles a NumPy object array without NumPy, and nothing else: any other callable is
    refused, so the file cannot run code."""

    def find_class(self, module, name):
        if module.split(".")[0] == "numpy" and name in ("_reconstruct", "ndarray", "dtype"):
            return _ArrayRecord
        # how protocol 2 writes the array's byte strings
        if (module, name) == ("_codecs", "encode"):
            return codecs.encode
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a NumPy object array")


def npy_objects(path: Path) -> list:
    """The elements of a one-dimensional NumPy object array saved with numpy.save."""
    data = read_bytes(path)
    if data[:6] != b"\x93NUMPY":
        sys.exit(f"build_human_chat: {path} is not a .npy file")
    # version 1 headers give their size in two bytes, later ones in four
    size_bytes = 2 if data[6:7] == b"\x01" else 4
    header_size = int.from_bytes(data[8 : 8 + size_bytes], "little")
    start = 8 + size_bytes
    try:
        array = _ArrayUnpickler(io.BytesIO(data[start + header_size :]), encoding="latin1").load()
        # the array's state: (version, shape, dtype, is_fortran, elements)
        return list(array.state[4])
    except (pickle.UnpicklingError, AttributeError, IndexError, TypeError, EOFError) as error:
        sys.exit(f"build_human_chat: {path} is not a NumPy object array: {error}")


def msc_turns(line: str, where: str) -> list:
    """The turns of one Multi-Session Chat dialogue line."""
    return [field(turn, "text", where) for turn in field(parse_json(line, where), "dialog", where)]


def ed_dialogues(contexts: list) -> list:
    """Dialogues from EmpatheticDialogues contexts: each context that extends the one before it
    replaces it; any other starts a dialogue."""
    dialogues: list = []
    for context in map(list, contexts):
        last = dialogues[-1] if dialogues else None
        if last is not None and len(context) > len(last) and context[: len(last)] == last:
            dialogues[-1] = context
        else:
            dialogues.append(context)
    return dialogues


def option_dir(args: list, option: str, what: str):
    """The directory given after `option` (taken out of args), or None."""
    if option not in args:
        return None
    at = args.index(option)
    if at + 1 >= len(args):
        sys.exit(f"build_human_chat: {option} needs the directory of {what}")
    directory = Path(args[at + 1])
    del args[at : at + 2]
    return directory


def main() -> None:
    args = sys.argv[1:]
    msc_root = option_dir(args, "--msc", "a Nitrogen216/Rsum checkout")
    ed_root = option_dir(args, "--ed", "a HLTCHKUST/MoEL checkout")
    if not args:
        sys.exit(__doc__)
    root = Path(args[0])
    rounds = {int(r) for r in args[1:]}
    turns_by_source = {
        prefix: [field(dialogue, "dialogue", root / path) for dialogue in parse_json(read(root / path), root / path)]
        for prefix, path in KNOWEE_SOURCES.items()
    }
    if msc_root is not None:
        msc = msc_root / MSC_SESSION_1_TEST
        turns_by_source["msc1t"] = [msc_turns(line, f"{msc}:{at}") for at, line in enumerate(read(msc).splitlines(), 1)]
    if ed_root is not None:
        turns_by_source["edt"] = ed_dialogues(npy_objects(ed_root / ED_TEST))
    labels = Path(__file__).with_name("human_chat_labels.jsonl")
    for at, line in enumerate(read(labels).splitlines(), start=1):
        where = f"{labels}:{at}"
        row = parse_json(line, where)
        row_id, round_number = field(row, "id", where), field(row, "round", where)
        if rounds and round_number not in rounds:
            continue
        parts = str(row_id).split("-")
        if len(parts) != 3 or not parts[1].isdigit() or parts[2] not in ("0", "1"):
            sys.exit(f"build_human_chat: {where}: id {row_id!r} is not SOURCE-DIALOGUE-SIDE")
        prefix, dialogue, side = parts[0], int(parts[1]), int(parts[2])
        if prefix not in turns_by_source:
            needed = "--ed MOEL_DIR" if prefix == "edt" else "--msc RSUM_DIR"
            sys.exit(f"build_human_chat: {row_id} (round {round_number}) needs {needed}")
        if dialogue >= len(turns_by_source[prefix]):
            sys.exit(f"build_human_chat: {row_id} (round {round_number}) names a dialogue its source lacks")
        row["text"] = "\n".join(turns_by_source[prefix][dialogue][side::2])
        print(json.dumps(row))


if __name__ == "__main__":
    main()
