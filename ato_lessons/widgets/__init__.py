"""Widgets for the lessons: a figure that redraws itself when a control moves.

Each lesson's controls live in a small module of this package (one per lesson
topic). They share :class:`LiveFigure`: the figure is drawn with matplotlib's
object-oriented API (no pyplot, so nothing leaks into the cell's output) and
shown as a PNG in an ``ipywidgets.Image``, whose picture changes on every update.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from ..instances import Scenario
from ..plots import STYLE, course_style

__all__ = ["LiveFigure", "check_scenario", "figure_to_png", "new_figure"]


def check_scenario(scenario: Any) -> Scenario:
    """Return ``scenario`` if it is a :class:`~ato_lessons.instances.Scenario`, else raise."""
    if not isinstance(scenario, Scenario):
        raise TypeError(
            f"scenario(={scenario!r}) must be a Scenario, e.g. load_instance('pc_maker')"
        )
    return scenario


def new_figure(width: float | None = None, height: float | None = None) -> Figure:
    """A matplotlib Figure in the course style, not attached to pyplot."""
    w, h = STYLE["figure.figsize"]
    with course_style():
        return Figure(figsize=(width or w, height or h), dpi=STYLE["figure.dpi"])


def figure_to_png(fig: Figure, bbox: Bbox | None = None) -> bytes:
    """Render a figure to PNG bytes, cropped to ``bbox`` (inches) or to its content.

    Cropping to the content ("tight") draws the figure twice; a known ``bbox``
    draws it once, which is what :class:`LiveFigure` does after its first picture.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig(={fig!r}) must be a matplotlib Figure")
    buffer = io.BytesIO()
    with course_style():
        # Light compression: the picture is redrawn on every slider move.
        fig.savefig(buffer, format="png", bbox_inches=bbox if bbox is not None else "tight",
                    pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def _content_bbox(fig: Figure, pad: float) -> Bbox:
    """The figure's content box in inches, widened by ``pad`` inches on each side."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    box = fig.get_tightbbox(renderer)
    return Bbox.from_extents(box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)


class LiveFigure:
    """A figure shown in an ``ipywidgets.Image`` and redrawn by ``update``.

    Parameters
    ----------
    draw : callable
        ``draw(fig, **params)`` fills a fresh Figure (add axes, plot, label).
        It may return a short text (e.g. key figures), shown under the picture.
    width, height : float, optional
        Figure size in inches (default: the course style's).

    Examples
    --------
    >>> def draw(fig, level):
    ...     ax = fig.add_subplot()
    ...     ax.plot([0, 1], [0, level])
    ...     return f"level = {level}"
    >>> live = LiveFigure(draw)
    >>> live.update(level=3)
    >>> live.caption.value
    'level = 3'
    >>> len(live.image.value) > 1000
    True
    """

    def __init__(
        self,
        draw: Callable[..., Any],
        width: float | None = None,
        height: float | None = None,
    ) -> None:
        if not callable(draw):
            raise TypeError(f"draw(={draw!r}) must be callable")
        self._draw = draw
        self._size = (width, height)
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.caption = widgets.HTML(value="")
        self._bbox: Bbox | None = None

    def update(self, **params: Any) -> None:
        """Redraw with new parameters.

        The crop box is measured on the first picture (its content plus a margin
        for labels that grow) and reused, so each later move draws the figure once
        and the same parameters always give the same picture.
        """
        with course_style():
            fig = new_figure(*self._size)
            FigureCanvasAgg(fig)
            text = self._draw(fig, **params)
            if self._bbox is None:
                fig.canvas.draw()
                self._bbox = _content_bbox(fig, pad=0.2)
            self.image.value = figure_to_png(fig, self._bbox)
        self.caption.value = "" if text is None else str(text)

    @property
    def widget(self) -> widgets.VBox:
        """The picture with its caption, ready to display."""
        return widgets.VBox([self.image, self.caption])
