"""Verdicts: consistent fields, text and HTML in both languages, safe descriptions."""

from __future__ import annotations

import math

import pytest

from ato_lessons import i18n
from ato_lessons.grading import Verdict, describe, set_language, status_label, verdict_html


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")
    yield
    set_language("en")


# --- Verdict construction -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("3", "correct", 1.0, ""), ValueError),  # id without a dot
        (("3.1.2", "correct", 1.0, ""), ValueError),  # id with two dots
        ((31, "correct", 1.0, ""), ValueError),  # id not a str
        (("3.1", "right", 1.0, ""), ValueError),  # unknown status
        (("3.1", "correct", 0.5, ""), ValueError),  # correct must score 1
        (("3.1", "partial", 1.0, ""), ValueError),  # partial strictly between 0 and 1
        (("3.1", "partial", 0.0, ""), ValueError),
        (("3.1", "incorrect", 0.2, ""), ValueError),  # incorrect scores 0
        (("3.1", "unanswered", 0.5, ""), ValueError),
        (("3.1", "invalid", 1.0, ""), ValueError),
        (("3.1", "partial", math.nan, ""), ValueError),  # NaN score
        (("3.1", "partial", 1.5, ""), ValueError),  # score above 1
        (("3.1", "partial", True, ""), ValueError),  # bool is not a score
        (("3.1", "correct", 1.0, None), TypeError),  # message must be a str
        (("3.1", "correct", 1.0, "", ["a"]), TypeError),  # details must be a tuple
        (("3.1", "correct", 1.0, "", ("a", 1)), TypeError),  # of str
    ],
)
def test_verdict_rejects_inconsistent_fields(args: tuple[object, ...], error: type) -> None:
    with pytest.raises(error):
        Verdict(*args)  # type: ignore[arg-type]


def test_verdict_error_names_the_field() -> None:
    with pytest.raises(ValueError, match=r"score\(=0\.5\)"):
        Verdict("3.1", "correct", 0.5, "")


def test_from_score_picks_the_status() -> None:
    assert Verdict.from_score("1.1a", 1.0, "").status == "correct"
    assert Verdict.from_score("1.1a", 0.0, "").status == "incorrect"
    partial = Verdict.from_score("1.1a", 1 / 3, "")
    assert partial.status == "partial"
    assert partial.score == pytest.approx(1 / 3, abs=1e-4)


def test_text_is_deterministic_and_bilingual() -> None:
    verdict = Verdict("3.1a", "partial", 0.5, "Half.", ("s1: no", "s2: no"))
    assert verdict.text() == (
        "Exercise 3.1a · partly right (score 0.50)\nHalf.\n  - s1: no\n  - s2: no"
    )
    set_language("fr")
    assert verdict.text().startswith("Exercice 3.1a · en partie juste (note 0,50)")
    assert status_label("unanswered") == "pas encore de réponse"


def test_unanswered_text_says_not_answered_yet() -> None:
    assert "not answered yet" in Verdict.unanswered("2.1b").text()


@pytest.mark.parametrize("language", ["de", "", None, 3])
def test_set_language_rejects_unknown(language: object) -> None:
    with pytest.raises(ValueError, match="language"):
        set_language(language)  # type: ignore[arg-type]


@pytest.mark.parametrize(("env", "expected"), [("fr", "fr"), ("FR_fr", "fr"), ("xx", "en")])
def test_language_from_environment(
    monkeypatch: pytest.MonkeyPatch, env: str, expected: str
) -> None:
    monkeypatch.setenv("ATO_LANG", env)
    assert i18n._language_from_env() == expected


# --- describe: safe, short descriptions of garbage ------------------------------------------
class _Hostile:
    def __repr__(self) -> str:
        raise RuntimeError("repr must not be called")

    def __len__(self) -> int:
        raise RuntimeError("len must not be called")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "None"),
        (2.5, "2.5"),
        (10**40, "a huge int"),
        ("x" * 10_000, None),  # shortened, see the length assertion
        ([1, [2, [3]]], "a list of 2 items"),
        (_Hostile(), "an object of type _Hostile"),
    ],
)
def test_describe_is_short_and_safe(value: object, expected: str | None) -> None:
    text = describe(value)
    assert len(text) < 60
    if expected is not None:
        assert text == expected


def test_verdict_html_escapes_and_marks_status() -> None:
    html = verdict_html(Verdict("1.1a", "incorrect", 0.0, "<script>", ("a < b",)))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "&lt; b" in html
    assert "✘" in html
