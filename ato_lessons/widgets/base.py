"""The one widget protocol of the course, and the figures its widgets draw in.

Every lesson widget is a :class:`LessonWidget`:

* ``controls``: a dict of named ipywidgets controls (sliders, dropdowns);
* ``widget``: the box to display (built once, the same box every time);
* ``update()``: redraw from the controls' current values. It is called once when
  the widget is built and whenever a control moves: the base class observes
  every control, once, in :meth:`LessonWidget._watch`.

Pictures are PNGs in an ``ipywidgets.Image``. :class:`InPlaceFigure` keeps one
matplotlib figure for the widget's whole life and updates its artists in place
(``set_data``, ``set_height``, ``set_text``, axis limits): what does not depend
on the data (axes, ticks, labels) is drawn once and kept as a background
picture per set of axis limits; a move only draws the artists marked as
animated over it and encodes the PNG. That keeps a move to a few tens of
milliseconds, where redrawing a fresh figure took 100-135 ms.
:class:`LiveFigure` (a fresh figure per update) remains for quick sketches.

Examples
--------
>>> import ipywidgets as widgets
>>> class Square(LessonWidget):
...     def __init__(self):
...         self.result = 0
...         self._watch({"x": widgets.IntSlider(value=2, min=0, max=9)})
...     def update(self):
...         self.result = self.controls["x"].value ** 2
...     def _views(self):
...         return []
>>> square = Square()
>>> square.result
4
>>> square.controls["x"].value = 3
>>> square.result, square.widget is square.widget
(9, True)
"""

from __future__ import annotations

import io
import struct
import zlib
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any, cast

import ipywidgets as widgets
import numpy as np
import numpy.typing as npt
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from ..experiments import check_scenario
from ..plots import STYLE, course_style

__all__ = [
    "LessonWidget",
    "InPlaceFigure",
    "LiveFigure",
    "check_scenario",
    "figure_to_png",
    "new_figure",
    "nice_ceiling",
    "nice_limit",
    "png_bytes",
]


# ------------------------------------------------------------------------------------------
# The protocol
# ------------------------------------------------------------------------------------------
class LessonWidget(ABC):
    """Base class of the lesson widgets: ``controls``, ``widget``, ``update()``.

    A subclass builds its state and its controls, then calls :meth:`_watch`
    with the controls: the base class keeps them in :attr:`controls`, observes
    each one once and draws the first picture with :meth:`update`. A subclass
    implements :meth:`update` and :meth:`_views` (what is shown under the
    controls), or :meth:`_layout` for another arrangement; it may override
    :meth:`_moved` to react to one control in particular.

    Attributes
    ----------
    controls : dict
        Control name -> ipywidgets control (each has a ``value``).
    """

    controls: dict[str, Any]

    def _watch(self, controls: Mapping[str, Any]) -> None:
        """Keep ``controls``, observe each of them once, and draw the first picture.

        Raises
        ------
        RuntimeError
            If called twice (every control would then trigger two updates).
        TypeError
            If a control is not an ipywidgets control with a ``value``.
        """
        if getattr(self, "_started", False):
            raise RuntimeError(f"{type(self).__name__}._watch() must be called once")
        if not isinstance(controls, Mapping) or not controls:
            raise TypeError(f"controls(={controls!r}) must be a non-empty dict name -> control")
        for name, control in controls.items():
            if not isinstance(control, widgets.ValueWidget):
                raise TypeError(f"controls[{name!r}](={control!r}) must be an ipywidgets control")
        self.controls = dict(controls)
        self._held = 0
        for name, control in self.controls.items():
            control.observe(partial(self._observed, name), names="value")
        self._started = True
        self.update()

    def _observed(self, name: str, change: Mapping[str, Any]) -> None:
        if not self._held:
            self._moved(name)

    def _moved(self, name: str) -> None:
        """React to a move of control ``name``: by default, :meth:`update`."""
        self.update()

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Change several controls without an update for each (call :meth:`update` after)."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1

    @abstractmethod
    def update(self) -> object:
        """Redraw from the controls' current values."""

    def _views(self) -> Sequence[widgets.Widget]:
        """What is shown under the controls (pictures, captions, tables)."""
        return []

    def _layout(self) -> widgets.Box:
        """The box shown by :attr:`widget`: the controls above the views."""
        return widgets.VBox([*self.controls.values(), *self._views()])

    @property
    def widget(self) -> widgets.Box:
        """The controls and the picture, ready to display (the same box every time)."""
        box: widgets.Box | None = getattr(self, "_box", None)
        if box is None:
            box = self._box = self._layout()
        return box


# ------------------------------------------------------------------------------------------
# Figures
# ------------------------------------------------------------------------------------------
def new_figure(width: float | None = None, height: float | None = None) -> Figure:
    """A matplotlib Figure in the course style, not attached to pyplot."""
    w, h = STYLE["figure.figsize"]
    with course_style():
        return Figure(figsize=(width or w, height or h), dpi=STYLE["figure.dpi"])


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png_bytes(pixels: npt.NDArray[np.uint8]) -> bytes:
    """PNG bytes of an RGBA pixel array (rows top to bottom), quick to encode.

    A widget's picture changes on every move, so speed beats size: each row is
    stored as its difference with the row above (PNG's "up" filter, cheap in
    numpy and good on charts) and compressed with zlib at level 1; an opaque
    picture is stored without its alpha channel. That takes about half the
    time of Pillow's encoder at its fastest setting, for pictures of the same
    size.

    Parameters
    ----------
    pixels : numpy.ndarray
        ``(height, width, 4)`` array of ``uint8`` (e.g. a canvas's ``buffer_rgba()``).

    Examples
    --------
    >>> picture = np.zeros((2, 3, 4), dtype=np.uint8)
    >>> picture[..., 3] = 255
    >>> data = png_bytes(picture)
    >>> data[:8], data[12:16]
    (b'\\x89PNG\\r\\n\\x1a\\n', b'IHDR')
    """
    array = np.asarray(pixels)
    if array.dtype != np.uint8 or array.ndim != 3 or array.shape[2] != 4 or 0 in array.shape:
        raise ValueError(
            f"pixels(shape={array.shape}, dtype={array.dtype}) must be a non-empty "
            "(height, width, 4) array of uint8"
        )
    height, width, _ = array.shape
    opaque = bool((array[:, :, 3] == 255).all())
    channels = 3 if opaque else 4
    rows = np.empty((height, width * channels + 1), dtype=np.uint8)
    rows[:, 0] = 2  # filter "up"
    flat = rows[:, 1:].reshape(height, width, channels)
    flat[...] = array[:, :, :channels]
    rows[1:, 1:] -= np.ascontiguousarray(array[:-1, :, :channels]).reshape(height - 1, -1)
    header = struct.pack(">IIBBBBB", width, height, 8, 2 if opaque else 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)) + _png_chunk(b"IEND", b""))


def figure_to_png(fig: Figure, bbox: Bbox | None = None) -> bytes:
    """Render a figure to PNG bytes, cropped to ``bbox`` (inches) or to its content.

    Cropping to the content ("tight") draws the figure twice; a known ``bbox``
    draws it once, which is what :class:`LiveFigure` does after its first picture.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig(={fig!r}) must be a matplotlib Figure")
    buffer = io.BytesIO()
    with course_style():
        fig.savefig(buffer, format="png", bbox_inches=bbox if bbox is not None else "tight",
                    pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def _content_bbox(fig: Figure, pad: float) -> Bbox:
    """The figure's content box in inches, widened by ``pad`` inches on each side."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    box = fig.get_tightbbox(renderer)
    return Bbox.from_extents(box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)


def nice_ceiling(value: float, step: float) -> float:
    """``value`` rounded up to a multiple of ``step`` (at least one step).

    Axis limits rounded this way change less often than the data, so a widget
    that moves its data redraws its axes (ticks, labels) only now and then.

    Examples
    --------
    >>> nice_ceiling(37.2, 10), nice_ceiling(0.0, 5), nice_ceiling(40, 10)
    (40.0, 5.0, 40.0)
    """
    if not step > 0:
        raise ValueError(f"step(={step!r}) must be > 0")
    if not np.isfinite(value) or value <= 0:
        return float(step)
    return float(np.ceil(value / step - 1e-9) * step)


_LADDER = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_limit(value: float, minimum: float = 1.0) -> float:
    """The smallest "round" number (1, 1.5, 2, 3, 4, 5, 6 or 8 times a power of ten) >= ``value``.

    Used as an axis limit: it leaves at most a third of the axis empty and takes
    few distinct values, so moving the data rarely changes the axes' ticks.

    Parameters
    ----------
    value : float
        What the axis must show (NaN or below ``minimum`` gives ``minimum``).
    minimum : float, default 1.0
        Smallest limit returned (> 0).

    Examples
    --------
    >>> nice_limit(21.9), nice_limit(0.0, 5.0), nice_limit(700), nice_limit(7.1)
    (30.0, 5.0, 800.0, 8.0)
    """
    if not minimum > 0:
        raise ValueError(f"minimum(={minimum!r}) must be > 0")
    if not np.isfinite(value) or value <= minimum:
        return float(minimum)
    power = 10.0 ** np.floor(np.log10(value))
    for step in _LADDER:
        if step * power >= value * (1 - 1e-12):
            return float(step * power)
    return float(10.0 * power)  # pragma: no cover - the ladder ends at 10


def _axes_of(fig: Figure) -> list[Axes]:
    found: list[Axes] = []
    for ax in fig.axes:
        found.append(ax)
        found.extend(getattr(ax, "child_axes", []))
    return found


class InPlaceFigure:
    """A figure built once and updated in place, shown as a PNG with a caption.

    The owner draws on :attr:`fig` once, marks with :meth:`animate` every
    artist whose look depends on the data, and after changing them calls
    :meth:`render`. The rest of the figure (the *background*: axes, ticks,
    labels, anything not animated) is drawn in full only for a background not
    seen before: one per ``key`` and set of axis limits, the last
    ``backgrounds`` of them kept. Text is what costs most to draw (tick labels,
    legends, titles): keep it in the background where possible, and choose axis
    limits that change less often than the data (:func:`nice_limit`). The
    picture is the whole figure: the owner lays it out once (e.g.
    ``fig.tight_layout()``) so that every state fits. The same state always
    gives the same bytes.

    Parameters
    ----------
    width, height : float, optional
        Figure size in inches (default: the course style's).
    backgrounds : int, default 8
        How many backgrounds to keep (>= 1).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
        The figure, not attached to pyplot.
    image : ipywidgets.Image
        The picture; its value changes when the figure does.
    caption : ipywidgets.HTML
        A short text under the picture.
    full_draws : int
        How many times the background was drawn (for tests and benchmarks).

    Examples
    --------
    >>> live = InPlaceFigure(4, 3)
    >>> ax = live.fig.add_subplot()
    >>> (line,) = ax.plot([0, 1], [0, 1])
    >>> live.animate(line)
    >>> live.render("slope 1")
    >>> line.set_ydata([0, 0.5])
    >>> live.render("slope 0.5")
    >>> live.full_draws, live.caption.value, bytes(live.image.value[:4])
    (1, 'slope 0.5', b'\\x89PNG')
    """

    def __init__(
        self, width: float | None = None, height: float | None = None, *, backgrounds: int = 8
    ) -> None:
        if not isinstance(backgrounds, int) or isinstance(backgrounds, bool) or backgrounds < 1:
            raise ValueError(f"backgrounds(={backgrounds!r}) must be a whole number >= 1")
        self.fig = new_figure(width, height)
        # Agg's canvas methods carry no type hints.
        self.canvas: Any = cast(Any, FigureCanvasAgg(self.fig))
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.caption = widgets.HTML(value="")
        self.full_draws = 0
        self._animated: list[Artist] = []
        self._backgrounds: OrderedDict[Hashable, Any] = OrderedDict()
        self._keep = backgrounds

    def animate(self, *artists: Artist | None) -> None:
        """Mark ``artists`` as data: drawn on every render, over the background."""
        for artist in artists:
            if artist is None:
                continue
            if not isinstance(artist, Artist):
                raise TypeError(f"artist(={artist!r}) must be a matplotlib Artist")
            artist.set_animated(True)
            if artist not in self._animated:
                self._animated.append(artist)

    def forget(self, *artists: Artist | None) -> None:
        """Stop drawing ``artists`` (e.g. a legend replaced by a new one) and remove them."""
        for artist in artists:
            if artist is None:
                continue
            if artist in self._animated:
                self._animated.remove(artist)
            if artist.figure is not None:
                artist.remove()

    def _background_key(self, key: Hashable) -> Hashable:
        """``key`` and the limits of every axes (inset axes included)."""
        return (key, tuple((*ax.get_xlim(), *ax.get_ylim()) for ax in _axes_of(self.fig)))

    def render(self, caption: str | None = None, key: Hashable = None) -> None:
        """Draw the animated artists over the background and show the picture.

        Parameters
        ----------
        caption : str, optional
            New caption (HTML); ``None`` keeps the current one.
        key : hashable, optional
            Anything besides the axis limits the background depends on (e.g.
            the experiment shown); a new key draws the background in full.
        """
        with course_style():
            full_key = self._background_key(key)
            background = self._backgrounds.get(full_key)
            if background is None:
                self.canvas.draw()
                self.full_draws += 1
                background = self.canvas.copy_from_bbox(self.fig.bbox)
                self._backgrounds[full_key] = background
                while len(self._backgrounds) > self._keep:
                    self._backgrounds.popitem(last=False)
            else:
                self._backgrounds.move_to_end(full_key)
                self.canvas.restore_region(background)
            for artist in sorted(self._animated, key=lambda a: a.get_zorder()):
                if artist.figure is not None:
                    self.fig.draw_artist(artist)
            self.image.value = png_bytes(np.asarray(self.canvas.buffer_rgba()))
        if caption is not None:
            self.caption.value = str(caption)

    @property
    def widget(self) -> widgets.VBox:
        """The picture with its caption, ready to display."""
        return widgets.VBox([self.image, self.caption])


class LiveFigure:
    """A figure shown in an ``ipywidgets.Image`` and redrawn from scratch by ``update``.

    Simple and slow (a fresh figure per update, 100 ms and more): the lesson
    widgets use :class:`InPlaceFigure`; this one is for quick sketches.

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
