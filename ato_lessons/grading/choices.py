"""Choice exercises: items to classify, read from data files, and their grader.

A choice exercise is a list of items (statements, business cases, questions),
each to be given one of a few choices. Its texts, explanations and answers live
side by side in a TOML file of ``ato_lessons/grading/data/`` (one file per
lesson), read with the standard library's :mod:`tomllib`::

    [[exercise]]
    id = "3.1a"
    title.en = "Which strategy does each statement describe?"
    title.fr = "Quelle stratégie chaque phrase décrit-elle ?"
    hint.en = "..."
    hint.fr = "..."
    choices = "strategies"          # a set of data/choice_sets.toml, or a list of choices

    [[exercise.item]]
    key = "s1"
    answer = "MTS"
    text.en = "Finished units wait on the shelves before any customer asks for them."
    text.fr = "Des produits finis attendent en rayon avant qu'un client les demande."
    why.en = "..."
    why.fr = "..."

An item may carry its own choices (``choices = [{code = ..., en = ..., fr = ...}, ...]``),
as the questions of the wrap-up quiz do; such an item also accepts the letter of a
choice (``"a"``, ``"b"``, ...) in the order listed. The files are checked when they
are read: an unknown key, a missing language, an answer that is not one of the
choices or an id used twice raises :class:`ChoiceDataError` naming the file and
the place.

The course is self-checked: these answers are in clear, like the answered
notebooks in ``solutions/``.

Examples
--------
>>> from ato_lessons.i18n import set_language
>>> set_language("en")
>>> true_false = (Choice("true", "true", "vrai"), Choice("false", "false", "faux"))
>>> exercise = ChoiceExercise(
...     "9.1a", "Test", "Test", true_false,
...     (Item("t1", "Water is wet.", "L'eau mouille.", "It is.", "C'est ainsi.", "true"),),
...     "Touch it.", "Touchez-la.")
>>> grade_choices(exercise, {"t1": "vrai"}).status
'correct'
>>> grade_choices(exercise, {"t1": False}).message
'0 of 1 right.'
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ato_lessons.grading.verdict import EXERCISE_ID, Verdict, describe
from ato_lessons.i18n import tr

__all__ = [
    "Choice",
    "ChoiceDataError",
    "ChoiceExercise",
    "Item",
    "grade_choices",
    "load_choice_exercises",
    "load_choice_sets",
]

_MAX_ITEMS_LISTED = 5
_MAX_ANSWER_CHARS = 120  # longer than any label: longer text is not a choice
_LETTERS = "abcdefghij"


def _nonempty(name: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name}(={value!r}) must be a non-empty str")


@dataclass(frozen=True)
class Choice:
    """One possible answer: a code, its labels and other accepted spellings.

    Parameters
    ----------
    code : str
        What the answer dict holds, e.g. ``"MTS"`` or ``"true"``.
    en, fr : str
        The label shown in English and in French.
    aliases : tuple of str, optional
        Other spellings accepted (compared in lower case).

    Raises
    ------
    ValueError
        If ``code``, ``en`` or ``fr`` is empty, or an alias is not a str.
    """

    code: str
    en: str
    fr: str
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("code", "en", "fr"):
            _nonempty(name, getattr(self, name))
        if not isinstance(self.aliases, tuple) or not all(
            isinstance(a, str) and a.strip() for a in self.aliases
        ):
            raise ValueError(f"aliases(={self.aliases!r}) must be a tuple of non-empty str")

    @property
    def label(self) -> str:
        """The label in the current language."""
        return tr(self.en, self.fr)

    def spellings(self) -> set[str]:
        """Every accepted spelling, in lower case."""
        return {self.code.lower(), self.en.lower(), self.fr.lower(),
                *(a.lower() for a in self.aliases)}


def _check_choices(name: str, choices: object) -> None:
    if not isinstance(choices, tuple) or not all(isinstance(c, Choice) for c in choices):
        raise TypeError(f"{name}(={choices!r}) must be a tuple of Choice")
    codes = [c.code for c in choices]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{name}(={codes!r}) must have distinct codes")


@dataclass(frozen=True)
class Item:
    """One statement, business case or question to answer, with its explanation.

    Parameters
    ----------
    key : str
        Short id used in the answer dict, e.g. ``"s3"``.
    en, fr : str
        The statement in English and French.
    why_en, why_fr : str
        The reasoning shown when the item is answered wrongly.
    answer : str
        The code of the right choice.
    choices : tuple of Choice, optional
        The item's own choices (2 or more); empty: the exercise's choices.

    Raises
    ------
    ValueError
        If a text is empty, or the item's own choices are fewer than two, share a
        code, or do not include ``answer``.
    """

    key: str
    en: str
    fr: str
    why_en: str
    why_fr: str
    answer: str
    choices: tuple[Choice, ...] = ()

    def __post_init__(self) -> None:
        for name in ("key", "en", "fr", "why_en", "why_fr", "answer"):
            _nonempty(name, getattr(self, name))
        _check_choices("choices", self.choices)
        if self.choices:
            codes = [c.code for c in self.choices]
            if len(codes) < 2:
                raise ValueError(f"choices(={codes!r}) of item {self.key!r} must offer at "
                                 "least two answers")
            if self.answer not in codes:
                raise ValueError(f"answer(={self.answer!r}) of item {self.key!r} must be one "
                                 f"of its choices {codes!r}")

    @property
    def text(self) -> str:
        """The statement in the current language."""
        return tr(self.en, self.fr)

    @property
    def why(self) -> str:
        """The explanation in the current language."""
        return tr(self.why_en, self.why_fr)


@dataclass(frozen=True)
class ChoiceExercise:
    """A set of items, each to be given one of a few choices.

    Parameters
    ----------
    exercise_id : str
        E.g. ``"3.1a"``.
    title_en, title_fr : str
        Short title in English and French.
    choices : tuple of Choice
        The possible answers of every item without choices of its own (empty
        when every item has its own).
    items : tuple of Item
        What to classify, with the right answers.
    hint_en, hint_fr : str
        A hint shown on demand.
    explain_all : bool, default False
        Also give the reasoning of the items answered right (for business
        cases, where the reasoning is the lesson).

    Raises
    ------
    ValueError
        If the id is malformed, a text is empty, there are no items or two share
        a key, an item has fewer than two choices, or an answer is not one of
        its item's choices.
    """

    exercise_id: str
    title_en: str
    title_fr: str
    choices: tuple[Choice, ...]
    items: tuple[Item, ...]
    hint_en: str
    hint_fr: str
    explain_all: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.exercise_id, str) or not EXERCISE_ID.match(self.exercise_id):
            raise ValueError(f"exercise_id(={self.exercise_id!r}) must look like '3.1' or '3.1a'")
        for name in ("title_en", "title_fr", "hint_en", "hint_fr"):
            _nonempty(name, getattr(self, name))
        _check_choices("choices", self.choices)
        if not isinstance(self.items, tuple) or not all(isinstance(i, Item) for i in self.items):
            raise TypeError(f"items(={self.items!r}) must be a tuple of Item")
        keys = [item.key for item in self.items]
        if len(set(keys)) != len(keys) or not keys:
            raise ValueError(f"items(={keys!r}) must have distinct keys and not be empty")
        for item in self.items:
            codes = [c.code for c in self.choices_of(item)]
            if len(codes) < 2:
                raise ValueError(f"choices(={codes!r}) of item {item.key!r} must offer at "
                                 "least two answers")
            if item.answer not in codes:
                raise ValueError(f"answer(={item.answer!r}) of item {item.key!r} must be one "
                                 f"of {codes!r}")

    @property
    def hint(self) -> str:
        """The hint in the current language."""
        return tr(self.hint_en, self.hint_fr)

    @property
    def title(self) -> str:
        """The title in the current language."""
        return tr(self.title_en, self.title_fr)

    def choices_of(self, item: Item) -> tuple[Choice, ...]:
        """The choices offered for ``item``: its own, or else the exercise's."""
        return item.choices or self.choices

    def answer_key(self) -> dict[str, str]:
        """The right answers, ``{item key: choice code}`` (for tests and instructors)."""
        return {item.key: item.answer for item in self.items}

    def normalise(self, value: object, item: Item | None = None) -> str | None:
        """Return the choice code ``value`` stands for, or None if it is not one.

        Parameters
        ----------
        value : object
            A code, an English or French label or an alias, in any case and
            spacing; a bool for true/false choices; for an item with its own
            choices, also the letter of a choice (``"a"`` is the first).
        item : Item, optional
            The item answered (default: the exercise's own choices).
        """
        choices = self.choices if item is None else self.choices_of(item)
        if isinstance(value, bool):
            if {"true", "false"} <= {c.code for c in choices}:
                return "true" if value else "false"
            return None
        if not isinstance(value, str) or len(value) > _MAX_ANSWER_CHARS:
            return None
        text = " ".join(value.strip().lower().split())
        for choice in choices:
            if text in choice.spellings():
                return choice.code
        if item is not None and item.choices and len(text) == 1 and text in _LETTERS:
            index = _LETTERS.index(text)
            if index < len(item.choices):
                return item.choices[index].code
        return None

    def label_of(self, code: str, item: Item | None = None) -> str:
        """The label of a choice code in the current language."""
        for choice in self.choices if item is None else self.choices_of(item):
            if choice.code == code:
                return choice.label
        return code

    def options_text(self, item: Item) -> str:
        """The choices of ``item`` for a message: codes (shared choices) or labels (own)."""
        if item.choices:
            return " / ".join(c.label for c in item.choices)
        return " / ".join(c.code for c in self.choices)

    def example(self) -> str:
        """A short example answer, for messages."""
        first = self.items[0]
        options = " / ".join(c.code for c in self.choices_of(first))
        return f"{{'{first.key}': '{self.choices_of(first)[0].code}', ...}} ({options})"


# --- grading -----------------------------------------------------------------


def _quote(text: str, limit: int = 70) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return tr(f"“{shown}”", f"« {shown} »")


def grade_choices(exercise: ChoiceExercise, answer: object) -> Verdict:
    """Grade an answer to a choice exercise.

    Parameters
    ----------
    exercise : ChoiceExercise
    answer : dict
        ``{item key: choice}``; an item left at ``None`` or ``...`` counts as
        not answered yet.

    Returns
    -------
    Verdict
        ``"correct"`` when every item is right, ``"partial"`` when some are,
        with one explanation per wrong or missing item; never raises on the
        answer (garbage gives ``"invalid"``).
    """
    exercise_id = exercise.exercise_id
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    if not isinstance(answer, Mapping):
        return Verdict.invalid(
            exercise_id,
            tr(
                f"Expected a dict such as {exercise.example()}, got {describe(answer)}.",
                f"Un dict était attendu, par exemple {exercise.example()} ; "
                f"reçu : {describe(answer)}.",
            ),
        )
    known = {item.key for item in exercise.items}
    try:
        unknown = [k for k in answer if k not in known]
    except TypeError:  # unhashable keys cannot come from a dict, but a Mapping may misbehave
        unknown = ["?"]
    if unknown:
        shown = ", ".join(describe(k, 20) for k in unknown[:_MAX_ITEMS_LISTED])
        valid = ", ".join(item.key for item in exercise.items)
        return Verdict.invalid(
            exercise_id,
            tr(
                f"Unknown item id(s): {shown}. The ids are: {valid}.",
                f"Identifiant(s) inconnu(s) : {shown}. Les identifiants sont : {valid}.",
            ),
        )
    right = 0
    missing: list[str] = []
    details: list[str] = []
    for item in exercise.items:
        given = answer.get(item.key)
        if given is None or given is Ellipsis:
            missing.append(item.key)
            continue
        code = exercise.normalise(given, item)
        if code is None:
            options = exercise.options_text(item)
            details.append(
                tr(
                    f"{item.key} {_quote(item.text)}: {describe(given, 30)} is not one of "
                    f"{options}.",
                    f"{item.key} {_quote(item.text)} : {describe(given, 30)} ne fait pas "
                    f"partie des choix {options}.",
                )
            )
        elif code == item.answer:
            right += 1
            if exercise.explain_all:
                details.append(
                    tr(f"{item.key}: right. {item.why}", f"{item.key} : juste. {item.why}")
                )
        else:
            label = exercise.label_of(code, item)
            details.append(
                tr(
                    f"{item.key} {_quote(item.text)}: not {label}. {item.why}",
                    f"{item.key} {_quote(item.text)} : la réponse n'est pas « {label} ». "
                    f"{item.why}",
                )
            )
    total = len(exercise.items)
    if len(missing) == total:
        return Verdict.unanswered(exercise_id)
    message = tr(f"{right} of {total} right.", f"Réponses justes : {right} sur {total}.")
    if missing:
        message += " " + tr(
            f"Not answered yet: {', '.join(missing)}.",
            f"Pas encore de réponse : {', '.join(missing)}.",
        )
    if right == total:
        message = tr(
            f"All {total} right. Well done!", f"Les {total} réponses sont justes. Bravo !"
        )
    return Verdict.from_score(exercise_id, right / total, message, tuple(details))


# --- the data files ----------------------------------------------------------


class ChoiceDataError(ValueError):
    """A choice-exercise data file that cannot be used; the message says where and why."""


_EXERCISE_KEYS = {"id", "title", "hint", "choices", "explain_all", "item"}
_EXERCISE_REQUIRED = {"id", "title", "hint", "item"}
_ITEM_KEYS = {"key", "answer", "text", "why", "choices"}
_ITEM_REQUIRED = {"key", "answer", "text", "why"}
_CHOICE_KEYS = {"code", "en", "fr", "aliases"}
_CHOICE_REQUIRED = {"code", "en", "fr"}
_LANGUAGES = {"en", "fr"}


def _read_toml(path: Path) -> dict[str, object]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ChoiceDataError(f"{path}: cannot be read ({error})") from error
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ChoiceDataError(f"{Path(path).name}: not valid TOML ({error})") from error


def _table(value: object, where: str, required: set[str], allowed: set[str]) -> dict[str, object]:
    """``value`` as a TOML table with exactly the ``required`` keys and only ``allowed`` ones."""
    if not isinstance(value, dict):
        raise ChoiceDataError(f"{where}: expected a table, got {type(value).__name__}")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise ChoiceDataError(
            f"{where}: unknown key(s) {', '.join(map(repr, unknown))} "
            f"(the keys are: {', '.join(sorted(allowed))})"
        )
    absent = sorted(required - set(value))
    if absent:
        raise ChoiceDataError(f"{where}: missing key(s) {', '.join(map(repr, absent))}")
    return value


def _string(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ChoiceDataError(f"{where}: expected a non-empty string, got {value!r}")
    return value


def _bilingual(table: Mapping[str, object], key: str, where: str) -> tuple[str, str]:
    """``table[key]``, an ``{en = ..., fr = ...}`` table, as ``(en, fr)``: both are required."""
    value = table[key]
    where = f"{where}: {key}"
    if not isinstance(value, dict):
        raise ChoiceDataError(f"{where}: expected {key}.en and {key}.fr, got {value!r}")
    unknown = sorted(set(value) - _LANGUAGES)
    if unknown:
        raise ChoiceDataError(f"{where}: unknown language(s) {', '.join(map(repr, unknown))} "
                              "(the languages are: en, fr)")
    absent = sorted(_LANGUAGES - set(value))
    if absent:
        raise ChoiceDataError(f"{where}: missing language(s) {', '.join(map(repr, absent))}")
    return _string(value["en"], f"{where}.en"), _string(value["fr"], f"{where}.fr")


def _choice(value: object, where: str) -> Choice:
    table = _table(value, where, _CHOICE_REQUIRED, _CHOICE_KEYS)
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list):
        raise ChoiceDataError(f"{where}: aliases must be a list of strings, got {aliases!r}")
    return Choice(
        _string(table["code"], f"{where}: code"),
        _string(table["en"], f"{where}: en"),
        _string(table["fr"], f"{where}: fr"),
        tuple(_string(a, f"{where}: alias") for a in aliases),
    )


def _choice_list(value: object, where: str, sets: Mapping[str, tuple[Choice, ...]]
                 ) -> tuple[Choice, ...]:
    """A set name of ``sets`` or an array of choice tables, as choices."""
    if isinstance(value, str):
        if value not in sets:
            raise ChoiceDataError(f"{where}: unknown choice set {value!r} "
                                  f"(the sets are: {', '.join(sorted(sets))})")
        return sets[value]
    if not isinstance(value, list) or len(value) < 2:
        raise ChoiceDataError(f"{where}: expected the name of a choice set or a list of at "
                              f"least two choices, got {value!r}")
    choices = tuple(_choice(v, f"{where}[{i}]") for i, v in enumerate(value))
    codes = [c.code for c in choices]
    doubles = sorted({c for c in codes if codes.count(c) > 1})
    if doubles:
        raise ChoiceDataError(f"{where}: choice code(s) {', '.join(map(repr, doubles))} "
                              "used twice")
    return choices


def load_choice_sets(path: Path) -> dict[str, tuple[Choice, ...]]:
    """Read the named answer sets shared by several exercises (``data/choice_sets.toml``).

    Parameters
    ----------
    path : pathlib.Path
        A TOML file whose top-level keys are set names, each an array of choice
        tables ``{code, en, fr, aliases}``.

    Returns
    -------
    dict of str to tuple of Choice

    Raises
    ------
    ChoiceDataError
        If the file is not valid TOML or a set is malformed (unknown key,
        missing label, fewer than two choices, a code used twice).
    """
    data = _read_toml(path)
    name = Path(path).name
    return {key: _choice_list(value, f"{name}: set {key!r}", {}) for key, value in data.items()}


def _name(value: object, key: str) -> str | None:
    """The id or key of a table, when it has a usable one (to say where a fault is)."""
    if isinstance(value, dict) and isinstance(value.get(key), str) and value[key].strip():
        return str(value[key])
    return None


def _item(value: object, where: str, sets: Mapping[str, tuple[Choice, ...]]) -> Item:
    key = _name(value, "key")
    where = f"{where} {key!r}" if key else where
    table = _table(value, where, _ITEM_REQUIRED, _ITEM_KEYS)
    key = _string(table["key"], f"{where}: key")
    en, fr = _bilingual(table, "text", where)
    why_en, why_fr = _bilingual(table, "why", where)
    answer = _string(table["answer"], f"{where}: answer")
    own = _choice_list(table["choices"], f"{where}: choices", sets) if "choices" in table else ()
    if own and answer not in [c.code for c in own]:
        raise ChoiceDataError(f"{where}: answer {answer!r} is not one of the choices "
                              f"{', '.join(c.code for c in own)}")
    try:
        return Item(key, en, fr, why_en, why_fr, answer, own)
    except (TypeError, ValueError) as error:
        raise ChoiceDataError(f"{where}: {error}") from error


def _exercise(value: object, file: str, sets: Mapping[str, tuple[Choice, ...]]
              ) -> ChoiceExercise:
    name = _name(value, "id")
    where = f"{file}: exercise {name!r}" if name else f"{file}: exercise"
    table = _table(value, where, _EXERCISE_REQUIRED, _EXERCISE_KEYS)
    exercise_id = _string(table["id"], f"{where}: id")
    title_en, title_fr = _bilingual(table, "title", where)
    hint_en, hint_fr = _bilingual(table, "hint", where)
    choices = (_choice_list(table["choices"], f"{where}: choices", sets)
               if "choices" in table else ())
    explain_all = table.get("explain_all", False)
    if not isinstance(explain_all, bool):
        raise ChoiceDataError(f"{where}: explain_all must be true or false, got {explain_all!r}")
    raw_items = table["item"]
    if not isinstance(raw_items, list) or not raw_items:
        raise ChoiceDataError(f"{where}: expected one or more [[exercise.item]] tables")
    items = tuple(_item(v, f"{where}: item", sets) for v in raw_items)
    keys = [item.key for item in items]
    doubles = sorted({k for k in keys if keys.count(k) > 1})
    if doubles:
        raise ChoiceDataError(f"{where}: item key(s) {', '.join(map(repr, doubles))} used twice")
    for item in items:
        codes = [c.code for c in (item.choices or choices)]
        if not codes:
            raise ChoiceDataError(f"{where}: item {item.key!r} has no choices (give the "
                                  "exercise or the item a 'choices' key)")
        if item.answer not in codes:
            raise ChoiceDataError(f"{where}: item {item.key!r}: answer {item.answer!r} is not "
                                  f"one of the choices {', '.join(codes)}")
    try:
        return ChoiceExercise(exercise_id, title_en, title_fr, choices, items, hint_en, hint_fr,
                              explain_all)
    except (TypeError, ValueError) as error:
        raise ChoiceDataError(f"{where}: {error}") from error


def load_choice_exercises(
    path: Path, choice_sets: Mapping[str, tuple[Choice, ...]]
) -> tuple[ChoiceExercise, ...]:
    """Read and check the choice exercises of one data file.

    Parameters
    ----------
    path : pathlib.Path
        A TOML file with one ``[[exercise]]`` table per exercise, each with its
        ``[[exercise.item]]`` tables (see the module docstring).
    choice_sets : mapping of str to tuple of Choice
        The named sets an exercise may refer to (``choices = "strategies"``).

    Returns
    -------
    tuple of ChoiceExercise
        In file order.

    Raises
    ------
    ChoiceDataError
        If the file is not valid TOML, has an unknown or missing key, a text
        without both languages, an answer that is not one of its choices, or
        an exercise id or item key used twice. The message names the file, the
        exercise and the item.
    """
    data = _read_toml(path)
    name = Path(path).name
    _table(data, name, {"exercise"}, {"exercise"})
    raw = data["exercise"]
    if not isinstance(raw, list) or not raw:
        raise ChoiceDataError(f"{name}: expected one or more [[exercise]] tables")
    exercises = tuple(_exercise(v, name, choice_sets) for v in raw)
    ids = [e.exercise_id for e in exercises]
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    if doubles:
        raise ChoiceDataError(f"{name}: exercise id(s) {', '.join(map(repr, doubles))} "
                              "used twice")
    return exercises

