"""Choice exercises: the data files, their checks at load time, and the grader.

Every choice exercise of the course (lessons 1, 2, 3 and 6, and the wrap-up quiz
7.1 whose questions have their own choices) is graded right, wrong, partly right
and with garbage; a malformed data file is refused with a message that says where.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ato_lessons.grading import Verdict, check, choice_exercises, grade, progress, set_language
from ato_lessons.grading.choices import (
    ChoiceDataError,
    ChoiceExercise,
    Item,
    load_choice_exercises,
    load_choice_sets,
)
from ato_lessons.grading.registry import CHOICE_FILES, CHOICE_SETS_FILE, course_registry

ROOT = Path(__file__).resolve().parents[1]
GARBAGE = [
    None,
    True,
    float("nan"),
    float("inf"),
    -1,
    10**100,
    "x" * 100_000,
    "",
    b"bytes",
    [1, [2, [3, [4]]]],
    {"nested": {"junk": [None, {...}]}},
    {1, 2},
    object(),
    complex(1, 2),
    print,
]
CHOICE_EXERCISES = choice_exercises()
CHOICE_IDS = sorted(CHOICE_EXERCISES)


@pytest.fixture(autouse=True)
def _english_memory_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATO_PROGRESS_FILE", "off")
    set_language("en")
    progress.reset()
    yield
    set_language("en")


def direct(exercise_id: str, answer: object) -> Verdict:
    """Call the grader itself: grade() would hide an exception as 'invalid'."""
    return course_registry().exercises[exercise_id].grader(answer)


def key_of(exercise_id: str) -> dict[str, str]:
    return CHOICE_EXERCISES[exercise_id].answer_key()


def wrong_choice(exercise_id: str, item_key: str) -> str:
    exercise = CHOICE_EXERCISES[exercise_id]
    item = next(i for i in exercise.items if i.key == item_key)
    return next(c.code for c in exercise.choices_of(item) if c.code != item.answer)


def test_the_course_has_these_choice_exercises() -> None:
    assert CHOICE_IDS == ["1.1a", "2.1a", "3.1a", "3.1b", "6.1a", "7.1"]
    assert all(item.choices for item in CHOICE_EXERCISES["7.1"].items)
    assert CHOICE_EXERCISES["7.1"].choices == ()


# --- grading --------------------------------------------------------------------------------
@pytest.mark.parametrize("exercise_id", CHOICE_IDS)
def test_choice_right_answer_is_correct(exercise_id: str) -> None:
    exercise = CHOICE_EXERCISES[exercise_id]
    verdict = direct(exercise_id, key_of(exercise_id))
    assert (verdict.status, verdict.score) == ("correct", 1.0)
    if exercise.explain_all:  # the reasoning of every business case, in order
        assert [d.split(":")[0] for d in verdict.details] == [i.key for i in exercise.items]
        assert all(i.why_en in d for i, d in zip(exercise.items, verdict.details, strict=True))
    else:
        assert verdict.details == ()


@pytest.mark.parametrize("exercise_id", CHOICE_IDS)
def test_choice_all_wrong_explains_every_item(exercise_id: str) -> None:
    exercise = CHOICE_EXERCISES[exercise_id]
    answer = {item.key: wrong_choice(exercise_id, item.key) for item in exercise.items}
    verdict = direct(exercise_id, answer)
    assert verdict.status == "incorrect"
    assert len(verdict.details) == len(exercise.items)
    for item, detail in zip(exercise.items, verdict.details, strict=True):
        assert detail.startswith(item.key) and item.why_en in detail


@pytest.mark.parametrize("exercise_id", CHOICE_IDS)
def test_choice_one_wrong_is_partial(exercise_id: str) -> None:
    answer = key_of(exercise_id)
    first = next(iter(answer))
    answer[first] = wrong_choice(exercise_id, first)
    verdict = direct(exercise_id, answer)
    n = len(answer)
    assert verdict.status == "partial"
    assert verdict.score == pytest.approx((n - 1) / n, abs=1e-4)
    wrong = [d for d in verdict.details if ": right." not in d]
    assert len(wrong) == 1 and wrong[0].startswith(f"{first} ")


@pytest.mark.parametrize("exercise_id", CHOICE_IDS)
def test_choice_accepts_french_labels_and_loose_spelling(exercise_id: str) -> None:
    exercise = CHOICE_EXERCISES[exercise_id]
    answer = {}
    for item in exercise.items:
        label = next(c.fr for c in exercise.choices_of(item) if c.code == item.answer)
        answer[item.key] = f"  {label.upper()} "
    assert direct(exercise_id, answer).status == "correct"


def test_true_false_accepts_python_booleans() -> None:
    answer = {k: v == "true" for k, v in key_of("1.1a").items()}
    assert direct("1.1a", answer).status == "correct"


def test_own_choices_accept_letters_labels_and_codes() -> None:
    quiz = CHOICE_EXERCISES["7.1"]
    letters = {item.key: "abcd"[[c.code for c in item.choices].index(item.answer)]
               for item in quiz.items}
    assert direct("7.1", letters).status == "correct"
    labels = {item.key: next(c.en for c in item.choices if c.code == item.answer)
              for item in quiz.items}
    assert direct("7.1", labels).status == "correct"
    assert direct("7.1", key_of("7.1")).status == "correct"
    # A letter beyond the item's choices is not an answer; q3 has two choices.
    beyond = direct("7.1", {**letters, "q3": "c"})
    assert beyond.status == "partial" and "is not one of" in beyond.details[0]
    # Another item's choice is not one of this item's.
    assert direct("7.1", {"q1": "PCs configured online"}).details[0].startswith("q1 ")


@pytest.mark.parametrize("exercise_id", CHOICE_IDS)
def test_choice_placeholders_are_not_answered_yet(exercise_id: str) -> None:
    keys = [item.key for item in CHOICE_EXERCISES[exercise_id].items]
    assert direct(exercise_id, ...).status == "unanswered"
    assert direct(exercise_id, {}).status == "unanswered"
    assert direct(exercise_id, dict.fromkeys(keys)).status == "unanswered"  # untouched toggles
    assert direct(exercise_id, dict.fromkeys(keys, ...)).status == "unanswered"


@pytest.mark.parametrize("exercise_id", CHOICE_IDS)
@pytest.mark.parametrize("garbage", GARBAGE, ids=repr)
def test_choice_garbage_gets_a_clear_message(exercise_id: str, garbage: object) -> None:
    verdict = direct(exercise_id, garbage)
    assert verdict.status in ("invalid", "unanswered")
    assert verdict.status != "unanswered" or garbage == {}
    assert len(verdict.text()) < 2_000  # a huge answer is not echoed back


@pytest.mark.parametrize("exercise_id", CHOICE_IDS)
@pytest.mark.parametrize("garbage", GARBAGE, ids=repr)
def test_choice_garbage_values_count_as_wrong(exercise_id: str, garbage: object) -> None:
    answer: dict[str, object] = dict(key_of(exercise_id))
    first = next(iter(answer))
    if isinstance(garbage, bool) and CHOICE_EXERCISES[exercise_id].normalise(garbage):
        pytest.skip("True/False are answers of the true-or-false exercises")
    answer[first] = garbage
    verdict = direct(exercise_id, answer)
    if garbage is None:
        assert "Not answered yet: " + first in verdict.message
    else:
        assert verdict.status == "partial"
        assert "is not one of" in verdict.details[0]
        assert verdict.details[0].startswith(first)


def test_unknown_item_ids_are_named() -> None:
    verdict = direct("3.1a", {"s1": "MTS", "s99": "ATO"})
    assert verdict.status == "invalid"
    assert "'s99'" in verdict.message and "s10" in verdict.message


@pytest.mark.parametrize("exercise_id", CHOICE_IDS)
def test_every_item_is_explained_in_both_languages(exercise_id: str) -> None:
    exercise = CHOICE_EXERCISES[exercise_id]
    for item in exercise.items:
        assert item.en != item.fr and item.why_en != item.why_fr
        assert all(c.en != c.fr for c in item.choices)  # own choices are phrases
    assert exercise.hint_en != exercise.hint_fr and exercise.title_en != exercise.title_fr


def test_french_feedback() -> None:
    set_language("fr")
    verdict = grade("3.1b", {"bread": "MTO"})
    assert verdict.text().startswith("Exercice 3.1b · pas encore juste")
    assert "boulanger" in verdict.details[0]


def test_the_wrap_up_quiz_speaks_only_french_in_french() -> None:
    quiz = CHOICE_EXERCISES["7.1"]
    set_language("fr")
    answer = {"q1": "assemble to order", "q2": "about a month", "q3": 42, "q4": "b"}
    text = grade("7.1", answer).text()
    assert text.startswith("Exercice 7.1 · en partie juste (note 0,33)\n"
                           "Réponses justes : 2 sur 6. Pas encore de réponse : q5, q6.")
    assert "« environ un mois »" in text and "les composants / le travail d'assemblage" in text
    english = [item.en for item in quiz.items] + [item.why_en for item in quiz.items] + [
        c.en for item in quiz.items for c in item.choices]
    assert not [phrase for phrase in english if phrase in text]
    assert not re.search(r"\b(right|not|answered|of|score)\b", text)


def test_the_wrap_up_quiz_is_recorded(capsys: pytest.CaptureFixture[str]) -> None:
    check("7.1", {"q1": "assemble to order", "q2": "about a month"})
    out = capsys.readouterr().out
    assert out.startswith("Exercise 7.1 · partly right (score 0.17)\n"
                          "1 of 6 right. Not answered yet: q3, q4, q5, q6.\n"
                          "  - q2 “In the PC maker's reference run")
    assert progress.status_of("7.1") == "partial"
    assert progress.saved_answer("7.1") == {"q1": "assemble to order", "q2": "about a month"}


# --- the data files: answers in clear, checked when read ---------------------------------------
def test_answers_sit_in_clear_next_to_their_items() -> None:
    lesson03 = (CHOICE_SETS_FILE.parent / "lesson03.toml").read_text(encoding="utf-8")
    assert 'key = "s1"\nanswer = "MTS"\n' in lesson03
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "ato_lessons").rglob("*.py")]
    assert not [s for s in sources if "base64" in s], "answer keys are not hidden any more"


def test_every_data_file_is_listed_by_the_registry() -> None:
    on_disk = {p.name for p in CHOICE_SETS_FILE.parent.glob("*.toml")}
    assert on_disk == {p.name for p in CHOICE_FILES} | {CHOICE_SETS_FILE.name}


GOOD = '''
[[exercise]]
id = "9.1a"
title.en = "A test"
title.fr = "Un test"
hint.en = "Think."
hint.fr = "Réfléchissez."
choices = "true_false"

[[exercise.item]]
key = "t1"
answer = "true"
text.en = "Water is wet."
text.fr = "L'eau mouille."
why.en = "It is."
why.fr = "C'est ainsi."
'''


def _load(tmp_path: Path, text: str) -> tuple[ChoiceExercise, ...]:
    path = tmp_path / "lesson09.toml"
    path.write_text(text, encoding="utf-8")
    return load_choice_exercises(path, load_choice_sets(CHOICE_SETS_FILE))


def test_a_good_file_loads(tmp_path: Path) -> None:
    (exercise,) = _load(tmp_path, GOOD)
    assert exercise.exercise_id == "9.1a" and exercise.answer_key() == {"t1": "true"}
    assert [c.code for c in exercise.choices] == ["true", "false"]


OWN_CHOICES = ('choices = [{ code = "a1", en = "one", fr = "un" }, '
               '{ code = "a2", en = "two", fr = "deux" }]')


@pytest.mark.parametrize(
    ("change", "words"),
    [
        # (old text, new text) applied to GOOD; the message must name the place and the fault
        (('answer = "true"', 'anwser = "true"'),
         "lesson09.toml: exercise '9.1a': item 't1': unknown key(s) 'anwser'"),
        (('choices = "true_false"', 'choices = "true_false"\nlevel = 3'),
         "exercise '9.1a': unknown key(s) 'level'"),
        (("[[exercise]]", "colour = 1\n[[exercise]]"), "lesson09.toml: unknown key(s) 'colour'"),
        (("why.fr = \"C'est ainsi.\"", ""), "item 't1': why: missing language(s) 'fr'"),
        (('text.en = "Water is wet."', 'text.de = "Wasser ist nass."'),
         "text: unknown language(s) 'de'"),
        (('title.en = "A test"\ntitle.fr = "Un test"', 'title = "A test"'),
         "exercise '9.1a': title: expected title.en and title.fr"),
        (('answer = "true"', 'answer = "maybe"'),
         "item 't1': answer 'maybe' is not one of the choices true, false"),
        (('answer = "true"', ""), "item 't1': missing key(s) 'answer'"),
        (('choices = "true_false"', 'choices = "yes_no"'), "unknown choice set 'yes_no'"),
        (('choices = "true_false"', ""), "item 't1' has no choices"),
        (('choices = "true_false"', 'choices = [{ code = "x", en = "x", fr = "x" }]'),
         "a list of at least two choices"),
        (('choices = "true_false"', OWN_CHOICES.replace('"a2"', '"a1"')),
         "choice code(s) 'a1' used twice"),
        (('answer = "true"', 'answer = "true"\n' + OWN_CHOICES),
         "item 't1': answer 'true' is not one of the choices a1, a2"),
        (('text.en = "Water is wet."', 'text.en = " "'), "text.en: expected a non-empty string"),
        (('id = "9.1a"', 'id = "9-1"'), "exercise_id(='9-1') must look like"),
        (('id = "9.1a"', "id = 91"), "lesson09.toml: exercise: id: expected a non-empty string"),
        (("explain_all", "x"), None),  # no such text: GOOD unchanged, loads (the table can pass)
        (('key = "t1"', 'key = "t1"\nexplain_all = "yes"'), "unknown key(s) 'explain_all'"),
        (("[[exercise.item]]", "[exercise.item]"), "expected one or more [[exercise.item]]"),
        (('title.en = "A test"', 'title.en = "A test'), "not valid TOML"),
    ],
)
def test_a_malformed_file_is_refused_with_a_clear_message(
    tmp_path: Path, change: tuple[str, str], words: str | None
) -> None:
    old, new = change
    text = GOOD.replace(old, new, 1)
    if words is None:
        assert text == GOOD
        assert _load(tmp_path, text)
        return
    assert text != GOOD
    with pytest.raises(ChoiceDataError) as caught:
        _load(tmp_path, text)
    assert words in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (GOOD, "exercise id(s) '9.1a' used twice"),
        (GOOD.split("[[exercise.item]]")[1].join(["[[exercise.item]]", ""]),
         "item key(s) 't1' used twice"),
    ],
)
def test_ids_and_keys_used_twice_are_refused(tmp_path: Path, extra: str, words: str) -> None:
    with pytest.raises(ChoiceDataError, match=re.escape(words)):
        _load(tmp_path, GOOD + extra)


def test_a_malformed_choice_set_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sets.toml"
    path.write_text('[[yes_no]]\ncode = "yes"\nen = "yes"\nfr = "oui"\nlabel = "x"\n',
                    encoding="utf-8")
    with pytest.raises(ChoiceDataError, match=r"sets.toml: set 'yes_no'"):
        load_choice_sets(path)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"answer": ""}, ValueError),  # an item needs its answer
        ({"choices": ("a", "b")}, TypeError),  # choices are Choice objects
    ],
)
def test_item_checks_its_fields(kwargs: dict[str, object], error: type) -> None:
    fields: dict[str, object] = {"key": "t1", "en": "a", "fr": "b", "why_en": "c", "why_fr": "d",
                                 "answer": "true", **kwargs}
    with pytest.raises(error):
        Item(**fields)  # type: ignore[arg-type]
