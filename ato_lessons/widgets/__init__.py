"""Widgets for the lessons: controls, and a figure that follows them.

Every lesson widget follows one protocol, :class:`~ato_lessons.widgets.base.LessonWidget`:
``.controls`` (name -> ipywidgets control), ``.widget`` (the box to display)
and ``.update()`` (redraw from the controls' current values). Their figures
are :class:`~ato_lessons.widgets.base.InPlaceFigure`: built once, updated in
place, shown as a PNG in an ``ipywidgets.Image``.

What the widgets compute lives in :mod:`ato_lessons.experiments` (no user
interface there); this package only draws it. One module per lesson topic:
:mod:`~ato_lessons.widgets.basics` (lessons 00-02), :mod:`~ato_lessons.widgets.ato`
(03-04), :mod:`~ato_lessons.widgets.dashboard` (05),
:mod:`~ato_lessons.widgets.tradeoffs` (06-07).

Examples
--------
>>> from ato_lessons.instances import load_instance
>>> from ato_lessons.widgets.basics import OrdersWidget
>>> orders = OrdersWidget(load_instance("pc_maker"), horizon=30, seed=1)
>>> isinstance(orders, LessonWidget), sorted(orders.controls)
(True, ['orders_per_day', 'variability'])
>>> orders.controls["orders_per_day"].value = 20
>>> orders.live.caption.value.split(" · ")[0]
'<b>590 orders</b> in 30 days'
"""

from __future__ import annotations

from .base import (
    InPlaceFigure,
    LessonWidget,
    LiveFigure,
    check_scenario,
    figure_to_png,
    new_figure,
    nice_ceiling,
    nice_limit,
    png_bytes,
)

__all__ = [
    "InPlaceFigure",
    "LessonWidget",
    "LiveFigure",
    "check_scenario",
    "figure_to_png",
    "new_figure",
    "nice_ceiling",
    "nice_limit",
    "png_bytes",
]
