"""The table of contents, the class seed and the set-up check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ato_lessons
from ato_lessons.course import (
    DEFAULT_SEED,
    LESSONS,
    Lesson,
    check_setup,
    class_seed,
    class_seed_file,
    lesson,
    set_class_seed,
)


# ------------------------------------------------------------------------------------
# LESSONS
# ------------------------------------------------------------------------------------
def test_lessons_numbered_contiguously_from_zero() -> None:
    assert [x.number for x in LESSONS] == list(range(len(LESSONS)))


def test_lesson_stems_unique_and_numbered() -> None:
    stems = [x.stem for x in LESSONS]
    assert len(set(stems)) == len(stems)
    for x in LESSONS:
        assert x.stem.startswith(f"{x.number:02d}_"), x
        assert re.fullmatch(r"\d\d_[a-z0-9_]+", x.stem), x
        assert x.filename == f"{x.stem}.ipynb"
        assert x.title.strip() and x.minutes > 0


@pytest.mark.parametrize("number", [0, 3, 8])  # first, middle, last
def test_lesson_lookup(number: int) -> None:
    assert lesson(number) == LESSONS[number]
    assert isinstance(lesson(number), Lesson)


@pytest.mark.parametrize(
    "number",
    [
        -1,  # before the first lesson
        len(LESSONS),  # after the last
        True,  # a bool is not a lesson number
        "3",  # a string
        None,  # missing
    ],
)
def test_lesson_rejects(number: object) -> None:
    with pytest.raises(ValueError, match=rf"number\(={re.escape(repr(number))}\) is not a lesson"):
        lesson(number)  # type: ignore[arg-type]


def test_lesson_rejects_float() -> None:
    with pytest.raises((TypeError, ValueError), match=r"number\(=1.0\)"):
        lesson(1.0)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------
# class_seed
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, DEFAULT_SEED),  # not set: the course's seed
        ("", DEFAULT_SEED),  # set but empty
        ("   ", DEFAULT_SEED),  # blanks only
        ("42", 42),  # the instructor's seed
        (" 7 \n", 7),  # surrounding white space from a shell
        ("0", 0),  # zero is a valid seed
        ("123456789012", 123456789012),  # large seeds are fine
    ],
)
def test_class_seed_reads_environment(monkeypatch: pytest.MonkeyPatch, raw: str | None,
                                      expected: int) -> None:
    if raw is None:
        monkeypatch.delenv("ATO_CLASS_SEED", raising=False)
    else:
        monkeypatch.setenv("ATO_CLASS_SEED", raw)
    assert class_seed() == expected


@pytest.mark.parametrize(
    "raw",
    [
        "abc",  # not a number
        "-1",  # negative
        "1.5",  # fractional
        "1e3",  # scientific notation
        "0x10",  # hexadecimal
        "4 2",  # two numbers
        pytest.param("²"),  # superscript
    ],
)
def test_class_seed_rejects_garbage(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("ATO_CLASS_SEED", raw)
    with pytest.raises(ValueError, match=rf"ATO_CLASS_SEED\(={re.escape(repr(raw.strip()))}\)"):
        class_seed()


# ------------------------------------------------------------------------------------
# check_setup
# ------------------------------------------------------------------------------------
@pytest.mark.parametrize("minimum", ["1.0", "1.0.0", "0.9", "1", "0.1.5"])  # all <= 1.0.0
def test_check_setup_accepts_older_minimum(monkeypatch: pytest.MonkeyPatch, minimum: str) -> None:
    monkeypatch.setattr(ato_lessons.course, "__version__", "1.0.0")
    monkeypatch.setenv("ATO_CLASS_SEED", "11")
    assert check_setup(minimum) == "Setup OK: ato_lessons 1.0.0, class seed 11"


@pytest.mark.parametrize("minimum", ["1.0.1", "1.1", "2", "10.0"])  # all newer than 1.0.0
def test_check_setup_refuses_newer_minimum(monkeypatch: pytest.MonkeyPatch, minimum: str) -> None:
    monkeypatch.setattr(ato_lessons.course, "__version__", "1.0.0")
    with pytest.raises(RuntimeError, match=rf"ato_lessons 1.0.0 is older than {minimum}"):
        check_setup(minimum)


def test_check_setup_compares_numbers_not_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # As text "1.10.0" < "1.9" and "1.2.3" > "1.10"; as versions it is the other way round.
    monkeypatch.setattr(ato_lessons.course, "__version__", "1.10.0")
    assert check_setup("1.9").startswith("Setup OK")
    monkeypatch.setattr(ato_lessons.course, "__version__", "1.2.3")
    with pytest.raises(RuntimeError):
        check_setup("1.10")


@pytest.mark.parametrize(
    ("minimum", "error"),
    [
        ("abc", ValueError),  # not a version
        ("", ValueError),  # empty
        ("1.x", ValueError),  # letters in a part
        ("1..0", ValueError),  # empty part
        (1.0, TypeError),  # a float, not a string
        (None, TypeError),  # missing
    ],
)
def test_check_setup_rejects(minimum: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=rf"min_version\(={re.escape(repr(minimum))}\)"):
        check_setup(minimum)  # type: ignore[arg-type]


def test_installed_version_passes_default_check() -> None:
    assert check_setup() == check_setup("1.0")
    assert ato_lessons.__version__ in check_setup()


# ------------------------------------------------------------------------------------
# The class seed kept in a file by set_class_seed()
# ------------------------------------------------------------------------------------
@pytest.fixture
def seed_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "sub" / "class_seed.txt"
    monkeypatch.setenv("ATO_CLASS_SEED_FILE", str(path))
    # Empty counts as unset; monkeypatch then restores the variable after the test,
    # even when set_class_seed() falls back to setting it for this kernel.
    monkeypatch.setenv("ATO_CLASS_SEED", "")
    return path


def test_set_class_seed_is_kept_for_every_notebook(seed_file: Path) -> None:
    assert class_seed() == DEFAULT_SEED
    message = set_class_seed(4711)
    assert "4711" in message and seed_file.read_text(encoding="utf-8").strip() == "4711"
    assert class_seed() == 4711  # a new kernel reads the same file
    assert "2026" in set_class_seed(None)
    assert not seed_file.exists() and class_seed() == DEFAULT_SEED


def test_environment_variable_wins_over_the_file(seed_file: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    set_class_seed(4711)
    monkeypatch.setenv("ATO_CLASS_SEED", "11")
    assert class_seed() == 11
    assert "wins" in set_class_seed(99)


def test_corrupt_seed_file_is_named(seed_file: Path) -> None:
    seed_file.parent.mkdir(parents=True)
    seed_file.write_text("forty-two", encoding="utf-8")
    with pytest.raises(ValueError, match=r"class seed file .*\(='forty-two'\)"):
        class_seed()


def test_unwritable_seed_file_falls_back_to_this_kernel(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ATO_CLASS_SEED_FILE", str(blocker / "class_seed.txt"))
    # Empty counts as unset; monkeypatch then restores the variable after the test,
    # even when set_class_seed() falls back to setting it for this kernel.
    monkeypatch.setenv("ATO_CLASS_SEED", "")
    message = set_class_seed(5)
    assert "this notebook only" in message
    assert class_seed() == 5


def test_seed_file_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATO_CLASS_SEED_FILE", "off")
    # Empty counts as unset; monkeypatch then restores the variable after the test,
    # even when set_class_seed() falls back to setting it for this kernel.
    monkeypatch.setenv("ATO_CLASS_SEED", "")
    assert class_seed_file() is None
    assert "this notebook only" in set_class_seed(8)


@pytest.mark.parametrize(
    ("seed", "error", "pattern"),
    [
        (-1, ValueError, r"seed\(=-1\) must be >= 0"),  # negative
        (2.0, TypeError, r"seed\(=2.0\)"),  # a float, even whole
        ("4711", TypeError, r"seed\(='4711'\)"),  # a string
        (True, TypeError, r"seed\(=True\)"),  # a bool is not a seed
    ],
)
def test_set_class_seed_rejects(seed: object, error: type[Exception], pattern: str,
                                seed_file: Path) -> None:
    with pytest.raises(error, match=pattern):
        set_class_seed(seed)  # type: ignore[arg-type]
    assert not seed_file.exists()
