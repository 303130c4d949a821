"""Which strategy fits which business (lesson 06's last section).

A rule of thumb, :func:`fit_strategy`, compares how long customers accept to
wait with how long getting the parts and assembling takes; :data:`BUSINESSES`
holds rough, illustrative figures for six businesses and
:func:`business_table` lays them out.

Examples
--------
>>> fit_strategy(customer_wait_days=3, supply_days=35, assembly_days=1)
'ATO'
>>> business_table().loc["jet engines", "strategy"]
'MTO'
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..validation import check_name, check_real

__all__ = ["fit_strategy", "Business", "BUSINESSES", "business_table"]


def fit_strategy(customer_wait_days: float, supply_days: float, assembly_days: float) -> str:
    """The strategy a business can use, from how long its customers accept to wait.

    A rule of thumb (the "P:D ratio" of lean manufacturing): compare the time
    customers accept to wait (D) with the time it takes to get the parts and to
    assemble them (P).

    * customers wait at least the whole lead time: nothing needs to be built
      ahead, **MTO**;
    * they wait for assembly but not for the parts: keep the parts, **ATO**;
    * they will not even wait for assembly: finished products on the shelf, **MTS**.

    Examples
    --------
    >>> fit_strategy(0, 14, 0.2), fit_strategy(3, 35, 1), fit_strategy(540, 365, 60)
    ('MTS', 'ATO', 'MTO')
    """
    wait = check_real("customer_wait_days", customer_wait_days, minimum=0.0)
    supply = check_real("supply_days", supply_days, minimum=0.0)
    assembly = check_real("assembly_days", assembly_days, minimum=0.0)
    if wait >= supply + assembly:
        return "MTO"
    if wait >= assembly:
        return "ATO"
    return "MTS"


@dataclass(frozen=True)
class Business:
    """A business of lesson 06's last section (rough, illustrative figures).

    Parameters
    ----------
    name : str
        What is sold.
    customer_wait_days : float
        How long a customer accepts to wait (days).
    supply_days, assembly_days : float
        Days to get the parts, days to make or assemble the product.
    variants : str
        How many variants customers can choose from (in words).
    reason : str
        Why the strategy fits, in one sentence.
    """

    name: str
    customer_wait_days: float
    supply_days: float
    assembly_days: float
    variants: str
    reason: str

    def __post_init__(self) -> None:
        check_name("name", self.name)
        for field_name in ("customer_wait_days", "supply_days", "assembly_days"):
            check_real(field_name, getattr(self, field_name), minimum=0.0)

    @property
    def strategy(self) -> str:
        """The strategy :func:`fit_strategy` gives."""
        return fit_strategy(self.customer_wait_days, self.supply_days, self.assembly_days)


#: The six businesses of lesson 06, from bread to jet engines.
BUSINESSES: tuple[Business, ...] = (
    Business("bakery bread", 0, 2, 0.2, "a dozen",
             "bought on the way to work: the loaf must be there, and leftovers are cheap"),
    Business("bottled water", 0, 14, 0.01, "a few",
             "standard, cheap, steady demand; nobody waits for water to be bottled"),
    Business("jet engines", 540, 365, 60, "each one specified with the airline",
             "a firm contract comes years ahead; an unsold engine would cost millions"),
    Business("custom furniture", 56, 14, 28, "unlimited (made to measure)",
             "each piece is designed with the client, who expects to wait weeks"),
    Business("PCs configured online", 3, 35, 1, "288 configurations here",
             "too many configurations to stock, parts shared, assembly takes hours"),
    Business("cars with options", 42, 90, 3, "millions of combinations",
             "options come from a fixed list of parts; the car is built once chosen"),
)


def business_table(businesses: tuple[Business, ...] = BUSINESSES) -> pd.DataFrame:
    """One row per business: the times compared, the variants, the strategy and why."""
    rows = [
        {
            "business": b.name,
            "customer waits (days)": b.customer_wait_days,
            "parts (days)": b.supply_days,
            "assembly (days)": b.assembly_days,
            "variants": b.variants,
            "strategy": b.strategy,
            "why": b.reason,
        }
        for b in businesses
    ]
    return pd.DataFrame(rows).set_index("business")
