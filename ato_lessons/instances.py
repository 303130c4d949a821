"""THE registry of named instances, for both of the course's models.

Two models, one registry, unambiguous names:

* ``"factory"`` instances (lessons 01-07) are :class:`Scenario` objects: a
  :class:`~ato_lessons.factory.Factory` simulated day by day with its usual demand.
* ``"lab"`` instances (lesson 08) are :class:`~ato_lessons.lab.system.LabSystem`
  objects: the continuous-review ATO lab. Their names start with ``lab_``: the lab's
  ``"lab_pc_maker"`` (4 parts, hours) is not the factory's ``"pc_maker"`` (17 parts,
  days).

:func:`list_instances` shows every name with its model and a one-line description;
:func:`load_instance` builds one, fresh.

>>> from ato_lessons.instances import load_instance, list_instances
>>> list_instances()  # doctest: +NORMALIZE_WHITESPACE
                   model                                   description
name
lab_hong_nelson      lab  Hong & Nelson benchmark: 8 parts, 5 products
lab_pc_maker         lab    PC maker in the lab: 4 parts, 2 PCs, hours
lab_pc_tiny          lab              2-part PC maker to check by hand
pc_maker         factory         The PC maker: 17 parts, 288 PCs, days
pooling          factory    n products sharing one part (n_products=3)
two_products     factory          One board, two screens: two products
>>> pc = load_instance("pc_maker")
>>> pc.catalog.n_configurations
288
>>> load_instance("lab_pc_maker").n_components
4
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, overload

import pandas as pd

from .catalog import Catalog, Component, Product
from .course import class_seed
from .demand import DemandModel, generate_orders
from .factory import STRATEGIES, Factory, SimulationResult, Strategy, simulate
from .lab.system import LAB_DESCRIPTIONS, LAB_SYSTEMS, LabSystem, load_lab_system
from .metrics import compare
from .policies import suggest_targets
from .validation import check_int, check_name

__all__ = [
    "Scenario",
    "load_instance",
    "list_instances",
    "pc_maker_components",
    "FactoryInstance",
    "LabInstance",
]

#: Names of the factory instances (a :class:`Scenario` each).
FactoryInstance = Literal["pc_maker", "pooling", "two_products"]
#: Names of the lab instances (a :class:`~ato_lessons.lab.system.LabSystem` each).
LabInstance = Literal["lab_hong_nelson", "lab_pc_maker", "lab_pc_tiny"]


@dataclass(frozen=True)
class Scenario:
    """A factory with its usual demand: everything a lesson needs to simulate.

    Parameters
    ----------
    name : str
        Registry name.
    description : str
        One sentence for people.
    factory : Factory
        The factory.
    demand : DemandModel
        Its usual demand (also the forecast used for target stock levels).
    horizon : int, default 365
        Days simulated by default.
    """

    name: str
    description: str
    factory: Factory
    demand: DemandModel
    horizon: int = 365

    def __post_init__(self) -> None:
        check_name("name", self.name)
        if not isinstance(self.factory, Factory):
            raise TypeError(f"factory(={self.factory!r}) must be a Factory")
        if not isinstance(self.demand, DemandModel):
            raise TypeError(f"demand(={self.demand!r}) must be a DemandModel")
        object.__setattr__(self, "horizon", check_int("horizon", self.horizon, minimum=1))

    @property
    def catalog(self) -> Catalog:
        """The factory's catalog."""
        return self.factory.catalog

    def with_(
        self, *, factory: Factory | None = None, demand: DemandModel | None = None,
        horizon: int | None = None,
    ) -> Scenario:
        """A copy with another factory, demand or horizon."""
        return Scenario(
            self.name,
            self.description,
            factory if factory is not None else self.factory,
            demand if demand is not None else self.demand,
            horizon if horizon is not None else self.horizon,
        )

    def orders(
        self,
        horizon: int | None = None,
        seed: Any = None,
        demand: DemandModel | None = None,
    ) -> pd.DataFrame:
        """An order stream (default: the usual demand, the class seed)."""
        return generate_orders(
            self.catalog,
            demand if demand is not None else self.demand,
            horizon if horizon is not None else self.horizon,
            class_seed() if seed is None else seed,
        )

    def targets(
        self,
        strategy: Strategy | str,
        service_level: float = 0.95,
        offer: int | Iterable[str] | None = None,
    ) -> dict[str, int]:
        """Target stock levels from the usual demand (see
        :func:`ato_lessons.policies.suggest_targets`)."""
        return suggest_targets(self.factory, self.demand, strategy, service_level, offer)

    def run(
        self,
        strategy: Strategy | str,
        orders: pd.DataFrame | None = None,
        targets: Mapping[str, int] | None = None,
        *,
        service_level: float = 0.95,
        offer: int | Iterable[str] | None = None,
        **kwargs: Any,
    ) -> SimulationResult:
        """Simulate one strategy; orders and targets default to the usual ones.

        Extra keyword arguments go to :func:`ato_lessons.factory.simulate`.
        """
        if orders is None:
            orders = self.orders()
        if targets is None and str(strategy).upper() != "MTO":
            targets = self.targets(strategy, service_level, offer)
        horizon = kwargs.pop("horizon", None)
        if horizon is None:
            horizon = max(self.horizon, int(orders["day"].max()) + 1 if len(orders) else 1)
        return simulate(self.factory, orders, strategy, targets, horizon=horizon, **kwargs)

    def compare(
        self,
        orders: pd.DataFrame | None = None,
        *,
        service_level: float = 0.95,
        offer: int | Iterable[str] | None = None,
        **kwargs: Any,
    ) -> pd.DataFrame:
        """Summary table of MTS, MTO and ATO on the same orders."""
        if orders is None:
            orders = self.orders()
        results = [
            self.run(s, orders, service_level=service_level,
                     offer=offer if s == "MTS" else None, **kwargs)
            for s in STRATEGIES
        ]
        return compare(results)


# ----------------------------------------------------------------------------------------
# The PC maker of the source article
# ----------------------------------------------------------------------------------------
def pc_maker_components() -> list[Component]:
    """The PC maker's parts: options per category, most popular first.

    Prices are rough 2026 euro figures; lead times are the suppliers' (days);
    assembly times are hours of work to fit the part (the case includes the
    final test). Assembly is quick and cheap next to the parts, as the article says.
    """
    c = Component
    return [
        c("Case", "case", 60.0, "BoxWorks (PL)", 7, 0.50),
        c("MB-office", "motherboard", 90.0, "Taipei Boards (TW)", 14, 0.25),
        c("MB-pro", "motherboard", 150.0, "Taipei Boards (TW)", 14, 0.25),
        c("MB-gamer", "motherboard", 230.0, "Hsinchu Circuits (TW)", 21, 0.25),
        c("CPU-5", "processor", 200.0, "ChipCo (US)", 28, 0.10),
        c("CPU-3", "processor", 120.0, "ChipCo (US)", 28, 0.10),
        c("CPU-7", "processor", 330.0, "ChipCo (US)", 28, 0.10),
        c("CPU-9", "processor", 540.0, "Silicon Forge (IE)", 35, 0.10),
        c("GPU-basic", "graphics card", 80.0, "PixelWorks (CN)", 21, 0.10),
        c("GPU-mid", "graphics card", 260.0, "PixelWorks (CN)", 21, 0.10),
        c("GPU-high", "graphics card", 480.0, "RenderLab (KR)", 21, 0.10),
        c("GPU-pro", "graphics card", 900.0, "RenderLab (KR)", 28, 0.10),
        c("MON-24", "monitor", 120.0, "ViewPanel (KR)", 10, 0.0),
        c("MON-27", "monitor", 230.0, "ViewPanel (KR)", 10, 0.0),
        c("MON-32", "monitor", 420.0, "ViewPanel (KR)", 12, 0.0),
        c("KB-std", "keyboard", 20.0, "KeyCo (DE)", 5, 0.0),
        c("KB-mech", "keyboard", 90.0, "KeyCo (DE)", 5, 0.0),
    ]


def _pc_maker() -> Scenario:
    catalog = Catalog.from_options(pc_maker_components())
    return Scenario(
        "pc_maker",
        "A PC maker assembling computers from stocked motherboards, processors, "
        "graphics cards, monitors and keyboards (288 configurations).",
        Factory(catalog, assembly_capacity=16.0, assembly_days=1, holding_rate=0.25,
                labour_rate=30.0),
        DemandModel(orders_per_day=12.0, variability=0.2, concentration=1.0),
    )


def _pooling(n_products: int = 3) -> Scenario:
    n = check_int("n_products", n_products, minimum=1)
    core = Component("Core", "core", 500.0, "CoreSupplier", 10, 0.5)
    products = [Product(f"Model-{chr(65 + i)}" if i < 26 else f"Model-{i}", {"Core": 1})
                for i in range(n)]
    return Scenario(
        "pooling",
        f"{n} products with independent demand, all built from one shared component.",
        Factory(Catalog((core,), tuple(products)), assembly_days=1),
        DemandModel(orders_per_day=4.0 * n, variability=0.0, concentration=0.0),
    )


def _two_products() -> Scenario:
    board = Component("Board", "board", 100.0, "BoardCo", 5, 0.5)
    screen = Component("Screen", "screen", 50.0, "ScreenCo", 3, 0.25)
    screen_hd = Component("Screen-HD", "screen", 80.0, "ScreenCo", 8, 0.25)
    catalog = Catalog.from_options([board, screen, screen_hd])
    return Scenario(
        "two_products",
        "A tiny factory: one board, two screens, so two products (for tests and warm-ups).",
        Factory(catalog, assembly_days=1),
        DemandModel(orders_per_day=3.0, variability=0.0, concentration=1.0),
        horizon=60,
    )


@dataclass(frozen=True)
class _Entry:
    """One registered instance: its model, what it is, how to build it."""

    model: Literal["factory", "lab"]
    description: str
    build: Callable[..., Scenario | LabSystem]


def _lab_builder(name: str) -> Callable[[], LabSystem]:
    def build() -> LabSystem:
        return load_lab_system(name)

    return build


_REGISTRY: dict[str, _Entry] = {
    "pc_maker": _Entry("factory", "The PC maker: 17 parts, 288 PCs, days", _pc_maker),
    "pooling": _Entry("factory", "n products sharing one part (n_products=3)", _pooling),
    "two_products": _Entry("factory", "One board, two screens: two products", _two_products),
    **{
        name: _Entry("lab", LAB_DESCRIPTIONS[name], _lab_builder(name))
        for name in LAB_SYSTEMS
    },
}


def list_instances() -> pd.DataFrame:
    """Every named instance: its model and a one-line description (short enough to show
    whole in a notebook; the objects carry more, e.g. ``Scenario.description``).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``name`` (sorted), columns ``model`` (``"factory"``: a
        :class:`Scenario` of lessons 01-07; ``"lab"``: a
        :class:`~ato_lessons.lab.system.LabSystem` of lesson 08) and ``description``.
        The names alone: ``list(list_instances().index)``.

    Examples
    --------
    >>> table = list_instances()
    >>> list(table.columns), table.loc["pc_maker", "model"], table.loc["lab_pc_tiny", "model"]
    (['model', 'description'], 'factory', 'lab')
    """
    names = sorted(_REGISTRY)
    return pd.DataFrame(
        {
            "model": [_REGISTRY[n].model for n in names],
            "description": [_REGISTRY[n].description for n in names],
        },
        index=pd.Index(names, name="name"),
    )


@overload
def load_instance(name: FactoryInstance, **options: Any) -> Scenario: ...
@overload
def load_instance(name: LabInstance, **options: Any) -> LabSystem: ...
@overload
def load_instance(name: str, **options: Any) -> Scenario | LabSystem: ...
def load_instance(name: str, **options: Any) -> Scenario | LabSystem:
    """A named instance, built fresh: a :class:`Scenario` or a lab ``LabSystem``.

    Parameters
    ----------
    name : str
        One of ``list_instances().index``.
    **options
        Builder options: ``n_products`` for ``"pooling"``; no other instance takes any.

    Returns
    -------
    Scenario or LabSystem
        A :class:`Scenario` for a ``"factory"`` instance, a
        :class:`~ato_lessons.lab.system.LabSystem` for a ``"lab"`` one (see
        :func:`list_instances`).

    Raises
    ------
    TypeError
        ``name`` is not a string; an unknown option.
    ValueError
        ``name`` is empty or unknown; an option out of range.

    Examples
    --------
    >>> load_instance("pooling", n_products=5).catalog.n_configurations
    5
    >>> load_instance("hong_nelson")
    Traceback (most recent call last):
    ...
    ValueError: name(='hong_nelson') is not a known instance; known: ['lab_hong_nelson', ...]
    """
    check_name("name", name)
    if name not in _REGISTRY:
        raise ValueError(
            f"name(={name!r}) is not a known instance; known: {sorted(_REGISTRY)!r}"
        )
    try:
        return _REGISTRY[name].build(**options)
    except TypeError as exc:
        if "unexpected keyword" in str(exc):
            raise TypeError(f"load_instance({name!r}) got unknown option(s) {sorted(options)!r}")\
                from None
        raise
