"""The progress file: survives restarts, never crashes, never erases a student's work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ato_lessons.grading import Verdict, progress, registered_exercises, set_language


@pytest.fixture
def progress_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "store" / "progress.json"
    monkeypatch.setenv("ATO_PROGRESS_FILE", str(path))
    set_language("en")
    progress.reset()
    yield path
    monkeypatch.setenv("ATO_PROGRESS_FILE", "off")
    progress.reset()


def restart() -> None:
    """What a kernel restart does to the module: forget everything held in memory."""
    progress.reset()


def test_default_location_is_in_the_home_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ATO_PROGRESS_FILE", raising=False)
    assert progress.progress_file() == Path.home() / ".ato_lessons" / "progress.json"


@pytest.mark.parametrize("value", ["off", "OFF", "", "  "])
def test_off_or_empty_keeps_progress_in_memory(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("ATO_PROGRESS_FILE", value)
    assert progress.progress_file() is None


def test_answers_survive_a_restart(progress_path: Path) -> None:
    progress.record(Verdict("3.1a", "partial", 0.5, "half"), {"s1": "MTS"})
    assert progress_path.exists()
    restart()
    assert progress.status_of("3.1a") == "partial"
    assert progress.saved_answer("3.1a") == {"s1": "MTS"}


def test_file_is_plain_json_without_leftover_temp_files(progress_path: Path) -> None:
    progress.record(Verdict("4.1a", "correct", 1.0, ""), 288)
    data = json.loads(progress_path.read_text(encoding="utf-8"))
    assert data["exercises"]["4.1a"]["status"] == "correct"
    assert [p.name for p in progress_path.parent.iterdir()] == ["progress.json"]


def test_memory_only_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ATO_PROGRESS_FILE", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    progress.reset()
    progress.record(Verdict("4.1a", "correct", 1.0, ""))
    assert progress.status_of("4.1a") == "correct"
    assert list(tmp_path.iterdir()) == []


def test_unanswered_never_overwrites_earlier_work(progress_path: Path) -> None:
    progress.record(Verdict("4.1a", "correct", 1.0, ""))
    progress.record(Verdict.unanswered("4.1a"))
    restart()
    assert progress.status_of("4.1a") == "correct"


def test_best_score_is_kept(progress_path: Path) -> None:
    progress.record(Verdict("3.1a", "partial", 0.8, ""))
    progress.record(Verdict("3.1a", "incorrect", 0.0, ""))
    table = progress.progress_table(include_time=False)
    assert table.loc["3.1a", "score"] == 0.0
    assert table.loc["3.1a", "best score"] == 0.8


@pytest.mark.parametrize(
    "content",
    [
        "{not json",  # truncated write
        '{"exercises": []}',  # wrong shape
        '{"exercises": {"3.1a": {"status": "great", "score": 1}}}',  # unknown status
        '{"exercises": {"3.1a": {"status": "correct", "score": NaN}}}',  # NaN score
        "\udcff",  # not UTF-8 once written with surrogateescape
    ],
)
def test_corrupt_file_is_set_aside_with_a_message(
    progress_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    progress_path.parent.mkdir(parents=True)
    progress_path.write_bytes(content.encode("utf-8", "surrogateescape"))
    restart()
    assert progress.status_of("3.1a") == "unanswered"
    out = capsys.readouterr().out
    assert "unreadable" in out and "progress.json.corrupt-1" in out
    aside = progress_path.with_name("progress.json.corrupt-1")
    assert aside.read_bytes() == content.encode("utf-8", "surrogateescape")  # not erased
    progress.record(Verdict("4.1a", "correct", 1.0, ""))
    assert json.loads(progress_path.read_text(encoding="utf-8"))["exercises"]["4.1a"]


def test_second_corrupt_file_gets_the_next_number(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True)
    progress_path.with_name("progress.json.corrupt-1").write_text("old", encoding="utf-8")
    progress_path.write_text("garbage", encoding="utf-8")
    restart()
    assert progress_path.with_name("progress.json.corrupt-2").read_text(encoding="utf-8") == (
        "garbage"
    )
    assert progress_path.with_name("progress.json.corrupt-1").read_text(encoding="utf-8") == "old"


def test_unwritable_location_falls_back_to_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ATO_PROGRESS_FILE", str(blocker / "progress.json"))  # parent is a file
    progress.reset()
    progress.record(Verdict("4.1a", "correct", 1.0, ""))
    progress.record(Verdict("3.1a", "partial", 0.5, ""))
    out = capsys.readouterr().out
    assert out.count("Could not save your progress") == 1  # said once, in one line
    assert out.count("\n") == 1
    assert progress.status_of("4.1a") == "correct"
    assert progress.status_of("3.1a") == "partial"
    monkeypatch.setenv("ATO_PROGRESS_FILE", "off")
    progress.reset()


def test_two_notebooks_writing_the_same_file_merge(progress_path: Path) -> None:
    progress.record(Verdict("1.1a", "correct", 1.0, ""))
    # Another kernel saves 2.1a in the meantime.
    data = json.loads(progress_path.read_text(encoding="utf-8"))
    data["exercises"]["2.1a"] = {"status": "partial", "score": 0.5, "best_score": 0.5,
                                 "answered_at": "2026-01-01T00:00:00+00:00"}
    progress_path.write_text(json.dumps(data), encoding="utf-8")
    progress.record(Verdict("3.1a", "correct", 1.0, ""))
    restart()
    assert [progress.status_of(i) for i in ("1.1a", "2.1a", "3.1a")] == [
        "correct", "partial", "correct"
    ]


def test_a_newer_attempt_from_another_notebook_is_not_overwritten(progress_path: Path) -> None:
    progress.record(Verdict("3.1a", "partial", 0.5, ""))  # this kernel, earlier
    data = json.loads(progress_path.read_text(encoding="utf-8"))
    data["exercises"]["3.1a"] = {"status": "correct", "score": 1.0, "best_score": 1.0,
                                 "answered_at": "2999-01-01T00:00:00+00:00"}  # later, elsewhere
    progress_path.write_text(json.dumps(data), encoding="utf-8")
    progress.record(Verdict("4.1a", "incorrect", 0.0, ""))
    restart()
    assert progress.status_of("3.1a") == "correct"
    assert progress.status_of("4.1a") == "incorrect"


@pytest.mark.parametrize(
    "answer",
    [float("nan"), "x" * 10_000, object(), {"a": {1, 2}}],
)
def test_unstorable_answers_are_not_saved_but_the_verdict_is(
    progress_path: Path, answer: object
) -> None:
    progress.record(Verdict("5.1b", "incorrect", 0.0, ""), answer)
    restart()
    assert progress.status_of("5.1b") == "incorrect"
    assert progress.saved_answer("5.1b") is None


def test_record_rejects_non_verdicts(progress_path: Path) -> None:
    with pytest.raises(TypeError, match="verdict"):
        progress.record("correct")  # type: ignore[arg-type]


def test_progress_table_lists_every_exercise_in_course_order(progress_path: Path) -> None:
    progress.record(Verdict("5.1b", "correct", 1.0, ""))
    table = progress.progress_table(include_time=False)
    assert list(table.index) == list(registered_exercises())
    assert list(table.columns) == ["title", "status", "score", "best score"]
    assert table.loc["5.1b", "status"] == "correct"
    assert table.loc["1.1a", "status"] == "not answered yet"
    assert "last answered (UTC)" in progress.progress_table().columns


def test_show_progress_summarises(
    progress_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    progress.record(Verdict("4.1a", "correct", 1.0, ""))
    progress.record(Verdict("3.1a", "partial", 0.5, ""))
    progress.show_progress(include_time=False)
    first = capsys.readouterr().out.splitlines()[0]
    total = len(registered_exercises())
    assert first == (
        f"Exercises answered: 2 of {total}; right: 1; total of best scores: 1.5 of {total}."
    )


def test_summary_in_french_writes_numbers_the_french_way(progress_path: Path) -> None:
    progress.record(Verdict("4.1a", "correct", 1.0, ""))
    progress.record(Verdict("3.1a", "partial", 0.5, ""))
    total = len(registered_exercises())
    set_language("fr")
    try:
        assert progress.summary() == (
            f"Exercices faits : 2 sur {total} ; justes : 1 ; "
            f"total des meilleures notes : 1,5 sur {total}."
        )
    finally:
        set_language("en")


def test_progress_table_lists_the_wrap_up_quiz_and_the_lab() -> None:
    """7.1 (a data file) and 8.1 (lesson08) are listed without importing anything else."""
    ids = list(progress.progress_table(include_time=False).index)
    assert ids[-2:] == ["7.1", "8.1"]
    assert len(ids) == 13
