"""Probe (issue #3, session 12): can a lexicon *learned* from chat beat the hand-written rules' job recall?

The rules of the local profiler find about 0.6 of the jobs new people state in human-written chat
(blind rounds in BENCHMARKS.md). This probe asks whether a weighted context lexicon, learned
instead of written, does better. It is not shipped; it reports numbers for BENCHMARKS.md.

Training data, distant labels with no hand label: every Persona-Chat (test, validation) and Blended
Skill Talk (test, validation) speaker *not* in human_chat_labels.jsonl. A persona job sentence
("i work as a nurse.", "i am a teacher.", "i work at a bank.") gives the key word (its last word);
each occurrence of that word in the speaker's own statements is a positive, every other content
word of their statements a negative. Side 0 of a dialogue has the "speaker persona", side 1 the
"listener persona" (checked by word overlap).

Model: logistic regression over the word, its suffixes, the three words before and two after, the
work cue words of its sentence and whether the writer ("i", "my") comes just before: a weight per
context feature, that is, a learned lexicon. A word whose probability passes a threshold is a job
found (the word alone; the scoring below counts a match when either value contains the other, as
profile_quality does). The threshold is the best F1 on a fifth of the training speakers held
out (distant labels), never on the hand labels.

Test data: the hand-labelled speakers of human_chat_labels.jsonl, scored once, by round groups.

Usage (needs numpy and scikit-learn):
    python3 data/eval/learned_lexicon_probe.py KNOWEE_DIR
where KNOWEE_DIR holds data/preprocess_data/{persona_chat,blended_skill_talk}/ of Patrick-Ni/KnowEE
(see build_human_chat.py).
"""

import json
import random
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

SOURCES = {
    "pct": "data/preprocess_data/persona_chat/test_original.json",
    "pcv": "data/preprocess_data/persona_chat/valid_original.json",
    "bst": "data/preprocess_data/blended_skill_talk/test.json",
    "bsv": "data/preprocess_data/blended_skill_talk/val.json",
}
LABELS = Path(__file__).with_name("human_chat_labels.jsonl")

# the persona job sentences and non-jobs of the distant labels the rules were revised on
sys.path.insert(0, str(Path(__file__).parent))
from build_persona_distant import NOT_A_JOB, TITLE, WORKPLACE  # noqa: E402

PERSONA_JOB = TITLE + WORKPLACE
STOP_WORDS = set(
    """i me my mine we our us you your he she it its they them their a an the and or but so if then
    than to of in on at for with from by as is am are was were be been being do does did have has had
    not no yes just really very too also that this these those there here what which who whom how why
    when where all any some can could would should will shall may might must i'm im i've i'd i'll it's
    that's don't dont can't cant lol haha oh ok okay well like get got go going one much many more most
    about up out over into because only even still yeah""".split()
)
FIRST_PERSON = {"i", "i'm", "im", "i've", "my", "me", "i'd"}
WORK_CUES = {
    "work", "working", "job", "career", "living", "retired", "student", "school", "college", "business",
    "company", "shift", "boss", "hired", "paid", "pay", "income", "profession", "trade", "employed",
}
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+|[.,!?;:]")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def key(word):
    """A word without its plural s, as persona key words and found words are compared."""
    return word.rstrip("s") if len(word) > 4 else word


def persona_jobs(persona):
    found = set()
    for sentence in persona:
        for pattern in PERSONA_JOB:
            match = re.match(pattern, sentence)
            if not match:
                continue
            words = re.findall(r"[a-z][a-z'-]*", match.group(1))
            if not words or len(words) > 5 or set(words) & {"and", "but", "who", "that", "with", "of"}:
                continue
            if key(words[-1]) not in NOT_A_JOB:
                found.add(key(words[-1]))
    return found


def candidates(lines):
    """(word, features) for each content word of the writer's statements (not questions)."""
    for line in lines:
        for sentence in SENTENCE.findall(line):
            if sentence.strip().endswith("?"):
                continue
            tokens = [t.replace("’", "'") for t in TOKEN.findall(sentence)]
            lower = [t.lower() for t in tokens]
            cues = WORK_CUES & set(lower)
            if not FIRST_PERSON & set(lower) and not cues:
                continue
            for i, word in enumerate(lower):
                if len(word) < 3 or word in STOP_WORDS or not word[0].isalpha():
                    continue
                features = {"w=" + word: 1, "s3=" + word[-3:]: 1, "s2=" + word[-2:]: 1}
                for k in (1, 2, 3):
                    features[f"p{k}=" + (lower[i - k] if i >= k else "<s>")] = 1
                for k in (1, 2):
                    features[f"n{k}=" + (lower[i + k] if i + k < len(lower) else "</s>")] = 1
                features["p12=" + " ".join(lower[max(0, i - 2) : i])] = 1
                features["p13=" + " ".join(lower[max(0, i - 3) : i])] = 1
                if i > 0 and tokens[i][0].isupper():
                    features["capitalized"] = 1
                if FIRST_PERSON & set(lower[max(0, i - 6) : i]):
                    features["writer_before"] = 1
                for cue in cues:
                    features["cue=" + cue] = 1
                yield word, features


def same_value(a, b):
    a, b = a.lower(), b.lower()
    return a in b or b in a


def score(found, truth):
    """Precision and recall summed over speakers, as profile_quality counts them."""
    stated = found_total = found_right = stated_found = 0
    for speaker, labels in truth.items():
        values = found.get(speaker, [])
        stated += len(labels)
        found_total += len(values)
        found_right += sum(1 for v in values if any(same_value(v, l) for l in labels))
        stated_found += sum(1 for l in labels if any(same_value(v, l) for v in values))
    return found_right / max(found_total, 1), stated_found / max(stated, 1), stated, found_total


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = Path(sys.argv[1])
    speakers = {}
    for prefix, path in SOURCES.items():
        try:
            dialogues = json.loads((root / path).read_text())
        except OSError as error:
            sys.exit(f"learned_lexicon_probe: cannot read {root / path}: {error.strerror}")
        for n, dialogue in enumerate(dialogues):
            for side, persona in ((0, "speaker persona"), (1, "listener persona")):
                lines = dialogue["dialogue"][side::2]
                speakers[f"{prefix}-{n}-{side}"] = (lines, [s.lower().strip() for s in dialogue.get(persona) or []])
    labelled = {row["id"]: row for row in map(json.loads, LABELS.read_text().splitlines())}

    training = sorted(s for s in speakers if s not in labelled)
    random.Random(7).shuffle(training)
    held_out = set(training[int(len(training) * 0.8) :])
    rows, targets, in_fit = [], [], []
    for speaker in training:
        jobs = persona_jobs(speakers[speaker][1])
        for word, features in candidates(speakers[speaker][0]):
            rows.append(features)
            targets.append(int(key(word) in jobs))
            in_fit.append(speaker not in held_out)
    vectorizer = DictVectorizer()
    matrix, targets, in_fit = vectorizer.fit_transform(rows), np.array(targets), np.array(in_fit)
    print(f"training: {len(training)} speakers, {len(rows)} words, {targets.sum()} persona job words")
    model = LogisticRegression(C=0.3, max_iter=3000, class_weight={0: 1, 1: 3})

    def found_jobs(speaker_ids, threshold):
        found = {}
        for speaker in speaker_ids:
            words = list(candidates(speakers[speaker][0]))
            probabilities = model.predict_proba(vectorizer.transform([f for _, f in words]))[:, 1] if words else []
            found[speaker] = sorted({key(w) for (w, _), p in zip(words, probabilities) if p >= threshold})
        return found

    model.fit(matrix[in_fit], targets[in_fit])
    distant = {s: sorted(persona_jobs(speakers[s][1]) & {key(w) for w, _ in candidates(speakers[s][0])}) for s in held_out}
    best = (-1.0, 0.5)
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        precision, recall, _, _ = score(found_jobs(held_out, threshold), distant)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"distant labels, held-out fifth, threshold {threshold}: precision {precision:.2f} recall {recall:.2f}")
        best = max(best, (f1, threshold))
    threshold = best[1]

    model.fit(matrix, targets)
    hand = {s: row["job"] for s, row in labelled.items()}
    for name, low, high in (("rounds 10-22", 10, 22), ("rounds 16-22", 16, 22)):
        truth = {s: jobs for s, jobs in hand.items() if low <= labelled[s]["round"] <= high}
        for t in sorted({threshold, 0.1, 0.05}, reverse=True):
            precision, recall, stated, found = score(found_jobs(truth, t), truth)
            chosen = "chosen on distant labels" if t == threshold else "lower, for the curve"
            print(f"hand labels, {name}, threshold {t} ({chosen}): precision {precision:.2f} recall {recall:.2f} "
                  f"({stated} stated, {found} found)")


if __name__ == "__main__":
    main()
