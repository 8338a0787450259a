"""Distant labels for the local profiler from Persona-Chat personas (issue #3, session 9).

Persona-Chat gives each speaker a persona ("i work as a museum tour guide.", "i live in colorado.")
and the speaker then chats in their own words. A persona job or place whose key word the speaker
also writes is taken as a label for that speaker's lines. The labels are noisy (a persona place
"a small town" or a persona job the speaker only hints at), so they serve to find what the rules
miss, never to report quality; hand labels (human_chat_labels.jsonl) do that.

The speakers come from the ParlAI Persona-Chat validation split and the test-split speakers not
hand-labelled, as kept in the public repository Patrick-Ni/KnowEE; their text is not in this
repository (its licence is not stated there):

    data/preprocess_data/persona_chat/valid_original.json    (ids pcv-<dialogue>-<side>)
    data/preprocess_data/persona_chat/test_original.json     (ids pct-<dialogue>-<side>)

Usage (writes the held-out file profile_quality scores separately):
    python3 data/eval/build_persona_distant.py KNOWEE_DIR > data/eval/spc_explicit_facts_heldout.jsonl
    python3 data/eval/build_persona_distant.py KNOWEE_DIR --narrow LOCAL_RS > ...

The default (wide) set takes any persona job phrase, workplaces too ("i work at a supermarket"),
from both splits. --narrow gives the first, smaller set: the validation split only, jobs only when
the title's last word is one of the occupation words (JOB_HEADS) of the local.rs given, e.g. the
one of commit 678f2e4 (`git show 678f2e4:udfs/src/profile_llm/local.rs > old_local.rs`).
"""

import json
import re
import sys
from pathlib import Path

SPLITS = {
    "pcv": "data/preprocess_data/persona_chat/valid_original.json",
    "pct": "data/preprocess_data/persona_chat/test_original.json",
}
LABELLED = Path(__file__).with_name("human_chat_labels.jsonl")

TITLE = [
    r"^i (?:am|'m|m) (?:a|an) (.+?)(?: by trade| for a living)?\s*\.?$",
    r"^i work as (?:a|an) (.+?)\s*\.?$",
    r"^my job is (?:a |an |being a |being an )?(.+?)\s*\.?$",
    r"^i (?:am|'m) a (.+?) by profession\s*\.?$",
]
WORKPLACE = [r"^i work (?:at|in|for) (?:a |an |the )?(.+?)\s*\.?$"]
PLACE = [r"^i live in (.+?)\s*\.?$", r"^i am from (.+?)\s*\.?$", r"^i (?:grew up|was born) in (.+?)\s*\.?$"]

# "i am a vegan", "i am a mother": persona sentences of the title shape that name no job
NOT_A_JOB = set(
    """vegan vegetarian mother mom dad father parent grandmother grandfather woman man girl boy guy
    lady person fan lover child kid baby twin christian catholic jew muslim atheist buddhist
    republican democrat liberal conservative introvert extrovert female male adult teen teenager
    senior widow widower bachelor carnivore owl dog cat animal sister brother daughter son wife
    husband friend loner optimist pessimist perfectionist nerd geek gamer reader runner swimmer
    dancer hiker cook meat eater night morning""".split()
)
# unnamed places ("a small town", "a cloud", "the music industry")
NOT_A_PLACE = ("house", "apartment", "town", "city", "cloud", "farm")
NOT_A_PLACE_EITHER = {"industry", "trailer", "van", "car", "mansion", "studio", "condo", "suburbs", "country"}


def says(text, word):
    return re.search(r"\b" + re.escape(word) + r"s?\b", text) is not None


def jobs(persona, text, heads):
    found = []
    for sentence in persona:
        for pattern in TITLE + ([] if heads else WORKPLACE):
            match = re.match(pattern, sentence)
            if not match:
                continue
            title = match.group(1)
            words = title.split()
            if heads is not None:
                if words[-1] in heads and says(text, words[-1]):
                    found.append(title)
            elif (
                len(words) <= 4
                and words[-1] not in NOT_A_JOB
                and not set(words) & {"and", "but", "who", "that", "with", "of"}
                and says(text, words[-1])
            ):
                found.append(title)
    return found


def places(persona, text, narrow):
    found = []
    for sentence in persona:
        for pattern in PLACE:
            match = re.match(pattern, sentence)
            if not match:
                continue
            if narrow:
                # the first set dropped only "an apartment" this way
                place = re.sub(r"^(?:the |a )", "", match.group(1))
                unnamed = place == "an apartment"
            else:
                place = re.sub(r"^(?:the |a |an )", "", match.group(1))
                unnamed = place in NOT_A_PLACE_EITHER or any(word in place for word in NOT_A_PLACE)
            if len(place.split()) <= 3 and not unnamed and re.search(r"\b" + re.escape(place) + r"\b", text):
                found.append(place)
    return found


def main():
    if len(sys.argv) not in (2, 4) or (len(sys.argv) == 4 and sys.argv[2] != "--narrow"):
        sys.exit("usage: build_persona_distant.py KNOWEE_DIR [--narrow LOCAL_RS]")
    root = Path(sys.argv[1])
    heads = None
    if len(sys.argv) == 4:
        source = Path(sys.argv[3]).read_text()
        listed = re.search(r'const JOB_HEADS: &str = "(.*?)";', source, re.S)
        if not listed:
            sys.exit(f"{sys.argv[3]}: no JOB_HEADS list found")
        heads = set(listed.group(1).replace("\\\n", "").split("|"))
    labelled = {json.loads(line)["id"] for line in LABELLED.open()}
    for prefix, path in SPLITS.items():
        if heads is not None and prefix != "pcv":
            continue
        try:
            dialogues = json.loads((root / path).read_text())
        except (OSError, ValueError) as error:
            sys.exit(f"{root / path}: {error}")
        for index, dialogue in enumerate(dialogues):
            for side, key in ((0, "speaker persona"), (1, "listener persona")):
                speaker = f"{prefix}-{index}-{side}"
                if speaker in labelled:
                    continue
                text = "\n".join(turn for k, turn in enumerate(dialogue["dialogue"]) if k % 2 == side)
                persona = [sentence.strip().lower() for sentence in dialogue[key]]
                job = jobs(persona, text.lower(), heads)
                location = places(persona, text.lower(), heads is not None)
                if job or location:
                    row = {"id": speaker, "text": text, "age": [], "job": job, "location": location}
                    print(json.dumps({**row, "relationship": [], "life_events": []}))


if __name__ == "__main__":
    main()
