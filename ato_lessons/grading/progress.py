"""The student's progress across exercises, kept in a small JSON file.

Every checked answer is saved, so a kernel restart (or a closed laptop) loses
nothing. The file is ``~/.ato_lessons/progress.json`` unless the environment
variable ``ATO_PROGRESS_FILE`` names another file; ``ATO_PROGRESS_FILE=off``
(or empty) keeps the progress in memory only, as the course's tests do.

Nothing here ever raises on a bad file: a file that cannot be written gives a
one-line message and the progress stays in memory; a corrupt file is renamed
aside (``progress.json.corrupt-1``, ...) with a message, never erased.

Examples
--------
>>> import os
>>> os.environ["ATO_PROGRESS_FILE"] = "off"
>>> from ato_lessons.grading import progress
>>> progress.reset()
>>> progress.status_of("3.1")
'unanswered'
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ato_lessons.grading.registry import registered_exercises
from ato_lessons.grading.verdict import Verdict, status_label
from ato_lessons.i18n import fmt_number, tr

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ENV_VAR",
    "progress_file",
    "progress_table",
    "record",
    "reset",
    "saved_answer",
    "show_progress",
    "status_of",
    "summary",
]

#: Environment variable naming the progress file (``off`` or empty: memory only).
ENV_VAR = "ATO_PROGRESS_FILE"
_FORMAT_VERSION = 1
_MAX_ANSWER_CHARS = 5_000
_STATUSES = ("correct", "partial", "incorrect", "unanswered", "invalid")


def progress_file() -> Path | None:
    """Return the progress file in use, or None when progress stays in memory."""
    raw = os.environ.get(ENV_VAR)
    if raw is None:
        return Path.home() / ".ato_lessons" / "progress.json"
    raw = raw.strip()
    if raw == "" or raw.lower() == "off":
        return None
    return Path(raw).expanduser()


@dataclass
class _Store:
    """In-memory copy of the records plus where (if anywhere) they are saved."""

    records: dict[str, dict[str, Any]]
    path: Path | None
    loaded: bool = False
    write_failed: bool = False


_store = _Store(records={}, path=None)


def _say(message: str) -> None:
    print(message)


def _valid_record(value: object) -> bool:
    if not isinstance(value, dict):
        return False
    score = value.get("score")
    return (
        value.get("status") in _STATUSES
        and isinstance(score, int | float)
        and not isinstance(score, bool)
        and math.isfinite(score)
        and 0.0 <= score <= 1.0
        and isinstance(value.get("answered_at", ""), str)
    )


def _parse(text: str) -> dict[str, dict[str, Any]] | None:
    """Return the records in ``text``, or None when the file is not a progress file."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), dict):
        return None
    exercises: dict[str, Any] = data["exercises"]
    if not all(isinstance(k, str) and _valid_record(v) for k, v in exercises.items()):
        return None
    return {k: dict(v) for k, v in exercises.items()}


def _set_aside(path: Path) -> None:
    """Rename a corrupt progress file to ``<name>.corrupt-<n>`` (never delete it)."""
    n = 1
    while path.with_name(f"{path.name}.corrupt-{n}").exists():
        n += 1
    target = path.with_name(f"{path.name}.corrupt-{n}")
    try:
        path.replace(target)
    except OSError as error:
        _say(
            tr(
                f"Progress file {path} is unreadable and could not be set aside ({error}); "
                "your progress is kept in memory only for this session.",
                f"Le fichier de progression {path} est illisible et n'a pas pu être mis de côté "
                f"({error}) ; votre progression est gardée en mémoire pour cette session.",
            )
        )
        _store.write_failed = True
        return
    _say(
        tr(
            f"Progress file {path} was unreadable; it was kept as {target.name} "
            "and a new progress file is started.",
            f"Le fichier de progression {path} était illisible ; il est conservé sous "
            f"{target.name} et un nouveau fichier est commencé.",
        )
    )


def _read_file(path: Path) -> dict[str, dict[str, Any]]:
    """Read the records saved at ``path`` (empty when there is no file yet)."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except OSError as error:
        _say(
            tr(
                f"Could not read your progress file {path} ({type(error).__name__}); "
                "your progress is kept in memory only for this session.",
                f"Impossible de lire votre fichier de progression {path} "
                f"({type(error).__name__}) ; votre progression est gardée en mémoire pour "
                "cette session.",
            )
        )
        _store.write_failed = True
        return {}
    try:
        records = _parse(raw.decode("utf-8"))
    except UnicodeDecodeError:
        records = None
    if records is None:
        _set_aside(path)
        return {}
    return records


def _merge(
    older: dict[str, dict[str, Any]], newer: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Per exercise, keep the most recent attempt and the best score of both."""
    merged = dict(older)
    for key, entry in newer.items():
        other = merged.get(key)
        if other is None or str(entry.get("answered_at", "")) >= str(
            other.get("answered_at", "")
        ):
            merged[key] = dict(entry)
        if other is not None:
            best = max(float(entry.get("best_score", 0.0)), float(other.get("best_score", 0.0)))
            merged[key]["best_score"] = best
    return merged


def _ensure_loaded() -> None:
    path = progress_file()
    if _store.loaded and _store.path == path:
        return
    _store.path = path
    _store.loaded = True
    _store.write_failed = False
    if path is not None:
        _store.records = _merge(_read_file(path), _store.records)


def _write(path: Path) -> None:
    """Merge with what is on disk (another notebook may have saved) and replace atomically."""
    on_disk = _read_file(path)
    if _store.write_failed:  # the file could be neither read nor set aside
        return
    merged = _merge(on_disk, _store.records)
    _store.records = merged
    payload = json.dumps(
        {"version": _FORMAT_VERSION, "exercises": merged},
        indent=1,
        sort_keys=True,
        ensure_ascii=False,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    try:
        temporary.write_text(payload + "\n", encoding="utf-8", newline="\n")
        temporary.replace(path)
    finally:
        if temporary.exists():
            temporary.unlink()


def _storable(answer: object) -> object:
    """Return ``answer`` if it is small plain JSON data, else None (not saved)."""
    if answer is None or answer is Ellipsis:
        return None
    try:
        text = json.dumps(answer, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return None
    if len(text) > _MAX_ANSWER_CHARS:
        return None
    return json.loads(text)


def record(verdict: Verdict, answer: object = None) -> None:
    """Save ``verdict`` (and ``answer`` when it is small plain data) as the latest attempt.

    A ``"unanswered"`` verdict is not saved, so running an exercise notebook
    again never overwrites earlier work. If the file cannot be written, a
    one-line message is printed once and the progress stays in memory.
    """
    if not isinstance(verdict, Verdict):
        raise TypeError(f"verdict(={verdict!r}) must be a Verdict")
    if verdict.status == "unanswered":
        return
    _ensure_loaded()
    previous = _store.records.get(verdict.exercise_id, {})
    best = max(float(previous.get("best_score", 0.0)), verdict.score)
    entry: dict[str, Any] = {
        "status": verdict.status,
        "score": verdict.score,
        "best_score": best,
        "answered_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    stored = _storable(answer)
    if stored is not None:
        entry["answer"] = stored
    _store.records[verdict.exercise_id] = entry
    path = _store.path
    if path is None or _store.write_failed:
        return
    try:
        _write(path)
    except OSError as error:
        _store.write_failed = True
        _say(
            tr(
                f"Could not save your progress to {path} ({type(error).__name__}); "
                "it is kept in memory until the kernel restarts.",
                f"Impossible d'enregistrer votre progression dans {path} "
                f"({type(error).__name__}) ; elle est gardée en mémoire jusqu'au "
                "redémarrage du noyau.",
            )
        )


def status_of(exercise_id: str) -> str:
    """Return the latest status saved for ``exercise_id`` (``"unanswered"`` if none)."""
    _ensure_loaded()
    return str(_store.records.get(exercise_id, {}).get("status", "unanswered"))


def saved_answer(exercise_id: str) -> object:
    """Return the latest saved answer for ``exercise_id``, or None."""
    _ensure_loaded()
    return _store.records.get(exercise_id, {}).get("answer")


def reset() -> None:
    """Forget the progress held in memory and read the progress file again.

    The file itself is left untouched (delete it by hand to start over).
    """
    _store.records = {}
    _store.loaded = False
    _store.write_failed = False
    _ensure_loaded()


def progress_table(include_time: bool = True) -> pd.DataFrame:
    """Return one row per exercise: number, title, status, score, best score, last answer.

    Parameters
    ----------
    include_time : bool, default True
        Include the ``last answered`` column (UTC). Leave it out for outputs
        that must not change from one run to the next.

    Returns
    -------
    pandas.DataFrame
        Indexed by exercise number, in course order.
    """
    import pandas as pd

    _ensure_loaded()
    titles = registered_exercises()
    ids = list(titles) + sorted(set(_store.records) - set(titles))
    rows = []
    for key in ids:
        entry = _store.records.get(key, {})
        row: dict[str, object] = {
            tr("exercise", "exercice"): key,
            tr("title", "titre"): titles.get(key, ""),
            tr("status", "statut"): status_label(str(entry.get("status", "unanswered"))),
            tr("score", "note"): float(entry.get("score", 0.0)),
            tr("best score", "meilleure note"): float(entry.get("best_score", 0.0)),
        }
        if include_time:
            row[tr("last answered (UTC)", "dernière réponse (UTC)")] = (
                entry.get("answered_at", "").replace("T", " ").replace("+00:00", "")
            )
        rows.append(row)
    return pd.DataFrame(rows).set_index(tr("exercise", "exercice"))


def summary() -> str:
    """One sentence: how many exercises are answered and right, and the total score."""
    table = progress_table(include_time=False)
    total = len(table)
    status = table[tr("status", "statut")]
    unanswered = status_label("unanswered")
    correct = status_label("correct")
    answered = int((status != unanswered).sum())
    right = int((status == correct).sum())
    best = fmt_number(float(table[tr("best score", "meilleure note")].sum()), 1)
    return tr(
        f"Exercises answered: {answered} of {total}; right: {right}; "
        f"total of best scores: {best} of {total}.",
        f"Exercices faits : {answered} sur {total} ; justes : {right} ; "
        f"total des meilleures notes : {best} sur {total}.",
    )


def show_progress(include_time: bool = True) -> None:
    """Display the progress summary and table (for the wrap-up lesson)."""
    table = progress_table(include_time=include_time)
    print(summary())
    try:
        from IPython.display import display
    except ImportError:  # outside Jupyter
        print(table.to_string())
        return
    display(table)  # type: ignore[no-untyped-call]
