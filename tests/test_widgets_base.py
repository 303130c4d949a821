"""The one widget protocol (LessonWidget) and the figure updated in place (InPlaceFigure):
every lesson widget follows the protocol, a move updates once, pictures are reproducible."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.lines import Line2D
from PIL import Image

import ato_lessons as ato
from ato_lessons.i18n import set_language
from ato_lessons.lab import load_lab_system
from ato_lessons.lab.display import LabSliders
from ato_lessons.widgets import InPlaceFigure, LessonWidget, nice_ceiling, nice_limit
from ato_lessons.widgets.ato import Configurator, ShortageExplorer, TradeoffExplorer
from ato_lessons.widgets.base import png_bytes
from ato_lessons.widgets.basics import MTOWaitWidget, OrdersWidget, ProductionRunWidget
from ato_lessons.widgets.dashboard import StrategyDashboard
from ato_lessons.widgets.tradeoffs import WhatIfPanel


@pytest.fixture(scope="module")
def pc() -> ato.Scenario:
    return ato.load_instance("pc_maker")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


# Every lesson widget, built small (short runs) so the table stays quick.
BUILDERS: dict[str, Callable[[ato.Scenario], LessonWidget]] = {
    "OrdersWidget": lambda pc: OrdersWidget(pc, horizon=20, seed=3),
    "ProductionRunWidget": lambda pc: ProductionRunWidget(pc, season=30, offer=5, seed=3),
    "MTOWaitWidget": lambda pc: MTOWaitWidget(pc, pc.orders(horizon=30, seed=3)),
    "TradeoffExplorer": lambda pc: TradeoffExplorer(pc, horizon=60, seed=3),
    "Configurator": lambda pc: Configurator(pc, horizon=60, mts_offer=20),
    "ShortageExplorer": lambda pc: ShortageExplorer(pc, horizon=60),
    "StrategyDashboard": lambda pc: StrategyDashboard(pc, horizon=30, seed=3),
    "WhatIfPanel": lambda pc: WhatIfPanel(pc, horizon=120),
    "LabSliders": lambda pc: LabSliders(load_lab_system("lab_hong_nelson"), n_reps=20, seed=3),
}


def _descendants(box: widgets.Widget) -> list[widgets.Widget]:
    found = [box]
    for child in getattr(box, "children", ()):
        found.extend(_descendants(child))
    return found


def _shown(widget: LessonWidget) -> tuple[Any, ...]:
    """What the student sees: every picture and every text of the widget's box."""
    return tuple(
        bytes(w.value) if isinstance(w, widgets.Image) else w.value
        for w in _descendants(widget.widget) if isinstance(w, widgets.Image | widgets.HTML)
    )


def _another_value(control: Any) -> Any:
    if isinstance(control, widgets.Dropdown):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return values[(values.index(control.value) + 1) % len(values)]
    up = control.value + control.step
    return up if up <= control.max else control.value - control.step


@pytest.mark.parametrize("name", list(BUILDERS))
def test_every_lesson_widget_follows_the_protocol(pc: ato.Scenario, name: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    w = BUILDERS[name](pc)
    assert isinstance(w, LessonWidget)
    assert w.controls and all(isinstance(c, widgets.ValueWidget) for c in w.controls.values())
    box = w.widget
    assert isinstance(box, widgets.Box) and w.widget is box, "one box, built once"
    inside = _descendants(box)
    assert all(any(c is x for x in inside) for c in w.controls.values()), "controls are shown"
    before = _shown(w)
    assert any(before), "something is drawn when the widget is built"
    w.update()
    assert _shown(w) == before, "same controls, same picture and text"
    calls: list[int] = []
    original = w.update
    monkeypatch.setattr(w, "update", lambda: calls.append(1) or original())
    for control in w.controls.values():
        start = control.value
        control.value = _another_value(control)
        control.value = start
    assert len(calls) == 2 * len(w.controls), "one update per move"
    assert _shown(w) == before, "back to the first values, back to the first picture"


# --- the base class ------------------------------------------------------------------------
class _Toy(LessonWidget):
    def __init__(self) -> None:
        self.moves: list[str] = []
        self.updates = 0
        self._watch({"a": widgets.IntSlider(value=1), "b": widgets.Dropdown(options=["x", "y"])})

    def update(self) -> None:
        self.updates += 1

    def _moved(self, name: str) -> None:
        self.moves.append(name)
        super()._moved(name)


def test_base_observes_each_control_once() -> None:
    toy = _Toy()
    assert toy.updates == 1  # the first picture
    toy.controls["a"].value = 2
    toy.controls["b"].value = "y"
    assert toy.moves == ["a", "b"] and toy.updates == 3
    with pytest.raises(RuntimeError, match="once"):
        toy._watch(toy.controls)
    toy.controls["a"].value = 3
    assert toy.updates == 4, "a second _watch must not add observers"


def test_hold_changes_several_controls_with_no_update() -> None:
    toy = _Toy()
    with toy.hold():
        toy.controls["a"].value = 5
        toy.controls["b"].value = "y"
    assert toy.updates == 1 and toy.moves == []
    toy.controls["a"].value = 6
    assert toy.updates == 2


def test_base_layout_and_checks() -> None:
    toy = _Toy()
    assert list(toy.widget.children) == list(toy.controls.values())
    with pytest.raises(TypeError):
        LessonWidget()  # type: ignore[abstract]

    class Bad(_Toy):
        def __init__(self, controls: Any) -> None:
            self._watch(controls)

    with pytest.raises(TypeError, match="non-empty"):
        Bad({})
    with pytest.raises(TypeError, match=r"controls\['a'\]"):
        Bad({"a": widgets.Button()})


# --- the figure updated in place -----------------------------------------------------------
def _figure() -> tuple[InPlaceFigure, Line2D]:
    live = InPlaceFigure(4, 3, backgrounds=2)
    ax = live.fig.add_subplot()
    (line,) = ax.plot([0, 1], [0, 1])
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    live.animate(line)
    return live, line


def test_in_place_figure_draws_the_background_once_per_key_and_limits() -> None:
    live, line = _figure()
    live.render("first")
    first = bytes(live.image.value)
    line.set_ydata([1, 0])
    live.render()
    assert live.full_draws == 1 and bytes(live.image.value) != first
    assert live.caption.value == "first", "no caption given: the caption stays"
    line.set_ydata([0, 1])
    live.render()
    assert bytes(live.image.value) == first, "the same state gives the same bytes"
    live.fig.axes[0].set_ylim(0, 2)
    live.render()
    assert live.full_draws == 2
    live.render(key="other")
    assert live.full_draws == 3
    live.fig.axes[0].set_ylim(0, 1)
    live.render()
    assert live.full_draws == 4, "only the last 2 backgrounds are kept"
    assert bytes(live.image.value) == first, "a redrawn background is the same picture"


def test_in_place_figure_forgets_and_checks() -> None:
    live, line = _figure()
    live.render()
    with_line = bytes(live.image.value)
    live.forget(line)
    live.render()
    assert bytes(live.image.value) != with_line and line.axes is None
    with pytest.raises(TypeError, match="Artist"):
        live.animate("line")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="backgrounds"):
        InPlaceFigure(backgrounds=0)


@pytest.mark.parametrize("opaque", [True, False])
def test_png_bytes_round_trip(opaque: bool) -> None:
    rng = np.random.default_rng(5)
    pixels = rng.integers(0, 256, size=(23, 41, 4), dtype=np.uint8)
    if opaque:
        pixels[..., 3] = 255
    decoded = np.asarray(Image.open(io.BytesIO(png_bytes(pixels))).convert("RGBA"))
    np.testing.assert_array_equal(decoded, pixels)


@pytest.mark.parametrize(
    "pixels",
    [
        np.zeros((2, 2, 3), dtype=np.uint8),  # no alpha channel
        np.zeros((2, 2, 4), dtype=np.float64),  # not bytes
        np.zeros((0, 2, 4), dtype=np.uint8),  # empty
    ],
)
def test_png_bytes_rejects(pixels: np.ndarray) -> None:
    with pytest.raises(ValueError, match="pixels"):
        png_bytes(pixels)


@pytest.mark.parametrize(
    ("value", "minimum", "expected"),
    [
        (0.0, 1.0, 1.0),  # nothing to show: the minimum
        (float("nan"), 5.0, 5.0),  # no data: the minimum
        (1.2, 1.0, 1.5),  # 1, 1.5, 2, 3, 4, 5, 6, 8 times a power of ten
        (2.0, 1.0, 2.0),  # exact values stay
        (21.9, 1.0, 30.0),
        (700.0, 1.0, 800.0),
        (81.0, 1.0, 100.0),  # past 8: the next power of ten
        (0.07, 0.01, 0.08),  # small values too
    ],
)
def test_nice_limit_table(value: float, minimum: float, expected: float) -> None:
    assert nice_limit(value, minimum) == pytest.approx(expected)


def test_nice_ceiling_and_limit_check_inputs() -> None:
    assert nice_ceiling(36.0, 7.0) == 42.0
    with pytest.raises(ValueError, match="step"):
        nice_ceiling(3.0, 0.0)
    with pytest.raises(ValueError, match="minimum"):
        nice_limit(3.0, 0.0)


def test_widget_numbers_follow_the_language(pc: ato.Scenario) -> None:
    """Numbers in widget views are written by ato_lessons.i18n (nbval ignores widget views)."""
    set_language("fr")
    panel = TradeoffExplorer(pc, horizon=60, seed=3)
    french = panel.figure.caption.value
    set_language("en")
    panel.update()
    english = panel.figure.caption.value
    assert panel.last is not None
    fill = 100 * float(panel.last["fill rate"])
    value = round(float(panel.last["avg inventory value (€)"]))
    assert f"{fill:.1f}%" in english and f"{value:,} €" in english
    assert f"{fill:.1f} %".replace(".", ",") in french
    assert f"{value:,} €".replace(",", "\u202f") in french
