"""The instructor kit stays in step with the course.

* every lesson of :data:`ato_lessons.course.LESSONS` has a live-demo script in the guide,
  in course order, under its real number and title;
* every relative link and in-page anchor in ``instructor/`` resolves;
* the lesson plans add up (each row starts when the previous one ends; 90 and 210 minutes);
* every **bold number** a demo script tells the instructor to point at is really shown by
  that lesson (its stored outputs or its text), so the guide cannot drift from the lessons;
* the class-seed section names the real environment variable and default seed.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from ato_lessons.course import DEFAULT_SEED, LESSONS, Lesson

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTOR = ROOT / "instructor"
GUIDE = INSTRUCTOR / "guide.md"

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
NUMBER = re.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a markdown heading."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def headings(markdown: str) -> list[str]:
    """Markdown headings (``#`` to ``######``) outside code blocks."""
    found, in_code = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        elif not in_code and (match := re.match(r"#{1,6}\s+(.*)", line)):
            found.append(match.group(1).strip())
    return found


def section(markdown: str, heading: str) -> str:
    """Text under ``heading`` up to the next heading of the same or a higher level."""
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        match = re.match(r"(#{1,6})\s+(.*)", line)
        if match and match.group(2).strip() == heading:
            level = len(match.group(1))
            body = []
            for following in lines[i + 1 :]:
                other = re.match(r"(#{1,6})\s", following)
                if other and len(other.group(1)) <= level:
                    break
                body.append(following)
            return "\n".join(body)
    raise AssertionError(f"no heading {heading!r} in the guide")


def demo_heading(lesson: Lesson) -> str:
    return f"Lesson {lesson.number:02d} · {lesson.title}"


def parse_number(token: str) -> tuple[float, int]:
    """``"1,234.50"`` → (1234.5, 2): the value and its number of decimals."""
    clean = token.replace("−", "-").replace(",", "")
    decimals = len(clean.split(".", 1)[1]) if "." in clean else 0
    return float(clean), decimals


def shown_numbers(notebook: Path) -> list[float]:
    """Every number a lesson shows: stored outputs (text, HTML) and markdown prose."""
    data = json.loads(notebook.read_text(encoding="utf-8"))
    texts = []
    for cell in data["cells"]:
        source = cell.get("source", "")
        if cell["cell_type"] == "markdown":
            texts.append(source if isinstance(source, str) else "".join(source))
        for output in cell.get("outputs", []):
            for key in ("text", "evalue"):
                if key in output:
                    value = output[key]
                    texts.append(value if isinstance(value, str) else "".join(value))
            for mime in ("text/plain", "text/html", "text/markdown"):
                value = output.get("data", {}).get(mime)
                if value:
                    texts.append(value if isinstance(value, str) else "".join(value))
    return [parse_number(t)[0] for t in NUMBER.findall("\n".join(texts))]


def is_shown(token: str, percent: bool, shown: list[float]) -> bool:
    """Whether the guide's ``token`` (maybe a percentage) matches a number shown."""
    value, decimals = parse_number(token)
    candidates = [value] + ([value / 100] if percent else [])
    for number in shown:
        for candidate in candidates:
            places = decimals + (2 if percent and candidate != value else 0)
            if math.isclose(round(number, places), candidate, abs_tol=10 ** (-places) / 2):
                return True
    return False


def bold_numbers(text: str) -> list[tuple[str, bool]]:
    """Numbers inside ``**bold**`` spans, with whether each is a percentage."""
    found = []
    for span in re.findall(r"\*\*(.+?)\*\*", text, flags=re.DOTALL):
        for match in NUMBER.finditer(span):
            rest = span[match.end() :].lstrip()
            found.append((match.group(0), rest.startswith("%")))
    return found


# --- helpers (a check that cannot fail is no check) ----------------------------------------


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("90-minute plan", "90-minute-plan"),
        (
            "The class seed: same numbers on every screen",
            "the-class-seed-same-numbers-on-every-screen",
        ),
        ("Lesson 03 · Assemble to order", "lesson-03--assemble-to-order"),
    ],
)
def test_github_slug_table(heading: str, slug: str) -> None:
    assert github_slug(heading) == slug


@pytest.mark.parametrize(
    ("token", "percent", "shown", "expected"),
    [
        ("0.96", False, [0.9612], True),  # rounded like the table shows it
        ("0.96", False, [0.9512], False),
        ("691,648", False, [691648.27], True),  # thousands separator in the guide
        ("42", True, [0.42264973], True),  # 42 % shown as a fraction
        ("42", True, [0.45], False),
        ("−140", False, [-140.0], True),  # typographic minus
        ("29.54", False, [29.5], False),
    ],
)
def test_is_shown_table(token: str, percent: bool, shown: list[float], expected: bool) -> None:
    assert is_shown(token, percent, shown) is expected


def test_bold_numbers_finds_percentages() -> None:
    text = "a **42 %** saving, **€691,648** and **(6, 6)** but not 17"
    assert bold_numbers(text) == [("42", True), ("691,648", False), ("6", False), ("6", False)]


# --- the guide -----------------------------------------------------------------------------


def test_every_lesson_has_a_demo_script_in_order() -> None:
    demo = section(guide_text(), "Live-demo scripts")
    titles = [h for h in headings(demo) if h.startswith("Lesson ")]
    assert titles == [demo_heading(lesson) for lesson in LESSONS]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.stem)
def test_demo_script_says_what_to_run_and_point_at(lesson: Lesson) -> None:
    script = section(guide_text(), demo_heading(lesson))
    for part in ("**Goal**", "**Run**"):
        assert part in script, f"the demo script of {lesson.stem} lacks {part}"
    assert "**Point at**" in script or "**Move**" in script, (
        f"the demo script of {lesson.stem} should say what to point at or move"
    )


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.stem)
def test_demo_numbers_are_shown_by_the_lesson(lesson: Lesson) -> None:
    notebook = ROOT / "notebooks" / lesson.filename
    if not notebook.is_file():
        pytest.skip(f"{notebook.name} is not written yet")
    shown = shown_numbers(notebook)
    script = section(guide_text(), demo_heading(lesson))
    missing = [
        token + (" %" if percent else "")
        for token, percent in bold_numbers(script)
        if not is_shown(token, percent, shown)
    ]
    assert not missing, f"the guide tells instructors to point at {missing}, not in {lesson.stem}"


def test_required_sections() -> None:
    found = set(headings(guide_text()))
    for required in (
        "Learning outcomes",
        "90-minute plan",
        "Half-day plan",
        "Live-demo scripts",
        "Discussion questions with model answers",
        "Common misconceptions",
        "The class seed: same numbers on every screen",
        "Presenting a lesson",
        "Hosting",
    ):
        assert required in found, f"instructor/guide.md lacks a '{required}' section"


def test_every_discussion_question_has_a_model_answer() -> None:
    questions = section(guide_text(), "Discussion questions with model answers")
    asked = re.findall(r"^\d+\.\s", questions, flags=re.MULTILINE)
    answered = questions.count("*Model answer*")
    assert len(asked) >= 5
    assert answered == len(asked), f"{len(asked)} questions, {answered} model answers"


def _plan_rows(heading: str) -> list[tuple[int, int]]:
    """(start in minutes, duration) for each row of a plan table."""
    rows = []
    for line in section(guide_text(), heading).splitlines():
        match = re.match(r"\|\s*(\d+):(\d\d)\s*\|\s*(\d+)\s*\|", line)
        if match:
            hours, minutes, duration = (int(g) for g in match.groups())
            rows.append((60 * hours + minutes, duration))
    return rows


@pytest.mark.parametrize(("heading", "total"), [("90-minute plan", 90), ("Half-day plan", 210)])
def test_plan_timings_add_up(heading: str, total: int) -> None:
    rows = _plan_rows(heading)
    assert rows, f"no timed rows under {heading}"
    assert rows[0][0] == 0
    for (start, duration), (next_start, _) in zip(rows, rows[1:], strict=False):
        assert start + duration == next_start, f"{heading}: row at {start} min overlaps or gaps"
    assert rows[-1][0] + rows[-1][1] == total
    assert f"Total: {total} minutes" in section(guide_text(), heading)


def test_class_seed_section_matches_the_library() -> None:
    text = section(guide_text(), "The class seed: same numbers on every screen")
    assert "ATO_CLASS_SEED" in text
    assert f"**{DEFAULT_SEED}**" in text


def test_binder_limits_are_stated() -> None:
    text = section(guide_text(), "Hosting")
    for fact in ("1–2 GB", "10 minutes", "6 hours", "100"):
        assert fact in text, f"the hosting section should state Binder's limit {fact!r}"


# --- links ---------------------------------------------------------------------------------


@pytest.mark.parametrize("page", sorted(INSTRUCTOR.glob("*.md")), ids=lambda p: p.name)
def test_relative_links_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    anchors = {github_slug(h) for h in headings(text)}
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        if path:
            if not (page.parent / path).exists():
                broken.append(target)
        elif anchor not in anchors:
            broken.append(target)
    assert not broken, f"{page.name}: broken links {broken}"
