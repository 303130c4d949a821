# %% [markdown]
# # 05 · Comparing strategies
#
# In this notebook you will:
# 1. Run make to stock, make to order and assemble to order on the same factory and the same orders, and compare lead time, fill rate and inventory
# 2. Make the comparison fair: decide which products make to stock offers (all 288, or only the best-sellers)
# 3. See what is left on the shelves when customers' tastes change halfway through the year
# 4. Measure by simulation how a shared component pools demand risk, then explain it with the square-root law
# 5. Try your own settings in a dashboard: demand variability, number of options, supplier lead times, assembly time
#
# **Prerequisites:** [03 · Assemble to order](03_assemble_to_order.ipynb), [04 · The PC maker](04_pc_maker.ipynb) · **Time:** about 30 minutes

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import ato_lessons as ato
from ato_lessons import plots
from ato_lessons.widgets.dashboard import StrategyDashboard

print(ato.check_setup("1.1"))

# %% [markdown]
# ## 1. Same factory, same orders, three strategies
#
# A fair race changes one thing only. We take the PC maker of lesson 4, draw **one** year of customer
# orders (the class seed), and send exactly these orders through the factory three times:
#
# * **MTS** keeps finished PCs of every configuration, each at a target set for a 95 % service level;
# * **MTO** keeps nothing and orders the parts when a customer orders a PC;
# * **ATO** keeps the 17 components, each at a target set for the same 95 % service level.

# %%
pc = ato.load_instance("pc_maker")
orders = pc.orders()
runs = {s: pc.run(s, orders) for s in ato.STRATEGIES}
table = ato.compare(runs)


def show(table):
    """The key rows of a comparison table, rounded and in thousand euros."""
    out = table.loc[["configurations offered", "fill rate", "lost rate",
                     "mean lead time (days)", "p95 lead time (days)"]].copy()
    for row in ["avg inventory value (€)", "end stock value (€)"]:
        out.loc[row.replace("(€)", "(k€)")] = table.loc[row] / 1000
    return out.round(2)


print(f"{len(orders):,} orders over {pc.horizon} days")
show(table)

# %% [markdown]
# The **fill rate** is the share of orders whose goods (MTS) or parts (ATO) were on the shelf when the
# order came in. The same numbers as bars:

# %%
fig = plots.plot_comparison(table)
plt.show()

# %% [markdown]
# Read it panel by panel:
#
# * **Lead time.** MTS ships from the shelf (0.25 days on average), ATO assembles first (1.31 days),
#   MTO waits for the slowest supplier (29.54 days).
# * **Fill rate.** 96 % of MTS orders find their PC ready; 86 % of ATO orders find all their parts.
#   That is below the 95 % each component's target aims at: an ATO order needs six parts at once,
#   and one missing part is enough to make it wait.
#   MTO has no shelf, so its fill rate is 0 by design: every order waits.
# * **Inventory.** MTS ties up about 692 k€ on average, ATO about 55 k€: more than twelve times less.
#
# Averages hide the spread. Here is how long customers actually wait:

# %%
ax = plots.plot_lead_times(runs)
plt.show()

# %% [markdown]
# Almost every MTS order leaves on the day it arrives; most ATO orders leave the next day, a few wait
# some days for a missing part; MTO orders all wait four to five weeks. And here is the money on the
# shelves, day by day, for the three strategies on one axis:

# %%
ax = plots.plot_inventory(runs)
plt.show()

# %% [markdown]
# Both stock curves start high: on day 0 the shelves hold the full targets and nothing is on its way
# from the suppliers yet. After about a month (the suppliers' lead times) part of each target is in
# transit, and the shelves settle around 690 k€ for MTS and around 55 k€ for ATO.

# %% [markdown]
# ## 2. A fair comparison: which products does make to stock offer?
#
# Section 1 let MTS stock **every one of the 288 configurations**. That is why it serves so well, and
# why it costs so much: a few units of hundreds of rarely ordered PCs. A real make-to-stock maker
# offers a short list of best-sellers instead; a customer who wants anything else goes elsewhere
# (a lost sale). Here MTS offers only the 20 most popular PCs (`offer=20`), on the same orders:

# %%
mts_top20 = pc.run("MTS", orders, offer=20)
fair = ato.compare({"MTS all 288": runs["MTS"], "MTS top 20": mts_top20, "ATO": runs["ATO"]})
show(fair)

# %% [markdown]
# With 20 products, MTS loses 43 % of the orders and still holds 80.66 k€ of stock on average, more
# than ATO's 55.48 k€, while ATO sells all 288 configurations. Between the two extremes, the size of
# the MTS catalog trades lost customers against money on the shelves:

# %%
offers = [5, 10, 20, 50, 100, 200, 288]
sweep = pd.DataFrame(
    [pc.run("MTS", orders, offer=n).summary() for n in offers], index=offers
)[["lost rate", "avg inventory value (€)"]]
sweep.index.name = "products offered by MTS"

ato_summary = runs["ATO"].summary()
mts, ato_style = plots.strategy_style("MTS"), plots.strategy_style("ATO")
with plots.course_style():
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5))
    left.plot(offers, 100 * sweep["lost rate"], color=mts["color"], marker=mts["marker"],
              label="MTS, top N only")
    left.axhline(100 * ato_summary["lost rate"], color=ato_style["color"],
                 linestyle=ato_style["linestyle"], label="ATO, all 288")
    left.set_ylabel("Orders lost (%)")
    right.plot(offers, sweep["avg inventory value (€)"] / 1000, color=mts["color"],
               marker=mts["marker"], label="MTS, top N only")
    right.axhline(ato_summary["avg inventory value (€)"] / 1000, color=ato_style["color"],
                  linestyle=ato_style["linestyle"], label="ATO, all 288")
    right.set_ylabel("Average inventory (thousand €)")
    for ax in (left, right):
        ax.set_xlabel("Configurations offered by MTS (N)")
        ax.legend(loc="best")
    left.set_ylim(bottom=-2)
    right.set_ylim(bottom=0)
    fig.tight_layout()
    plt.show()
(sweep.assign(**{"lost rate": sweep["lost rate"].round(3),
                 "avg inventory value (€)": sweep["avg inventory value (€)"].round(0)}))

# %% [markdown]
# No choice of N gives MTS what ATO gets: every configuration **and** little stock. Offering the top
# 200 still loses 6.1 % of the orders and costs 462 k€ of stock. That is the first advantage of ATO:
# variety without stocking every finished variant.

# %% [markdown]
# ## 3. When demand shifts: what is left on the shelves?
#
# Stock is a bet on a forecast. Suppose tastes change on day 182: the popularity ranking flips, so
# last season's best-sellers become the rarest orders (`shift_day=182`). Nobody updates the targets,
# and a customer who finds nothing on the shelf buys elsewhere (`backorder=False`), so nothing is
# held for waiting orders: whatever is on the shelves at the end is truly left over.

# %%
SHIFT = 182
shifted_orders = pc.orders(demand=pc.demand.with_(shift_day=SHIFT))
shift_runs = {s: pc.run(s, shifted_orders, backorder=False) for s in ato.STRATEGIES}
show(ato.compare(shift_runs))

# %%
with plots.course_style():
    fig, ax = plt.subplots()
    plots.plot_inventory(shift_runs, ax=ax)
    ax.axvline(SHIFT, color="black", linestyle=":", linewidth=2)
    ax.annotate("tastes change", (SHIFT, ax.get_ylim()[1] * 0.9), xytext=(8, 0),
                textcoords="offset points", fontsize=14)
    plt.show()


# %% [markdown]
# Both strategies lose customers after the shift: their targets follow the old forecast, so the new
# favourites run short. ATO even loses more than MTS (37 % of the year's orders against 32 %): a new
# favourite needs several parts that used to be rare, and one missing part is enough to lose the
# order. No strategy survives a forecast this wrong without new targets. The ATO stock even grows, from about 50 to 130 k€, because the parts of the
# old favourites are used less, so fewer are on their way and more sit on the shelf. But look at
# *what* stays behind, and whether it was still used after the shift:

# %%
def leftovers(run, since):
    """Units and value (€) left per stocked item at the end, and units used from day `since`."""
    cat = run.factory.catalog
    if run.strategy == "ATO":
        unit_value = {c.name: c.unit_cost for c in cat.components}
    else:
        unit_value = {p: cat.product_cost(p, run.factory.labour_rate) for p in run.stock.columns}
    late = run.orders[(run.orders["day"] >= since) & (run.orders["status"] == "served")]
    used = dict.fromkeys(run.stock.columns, 0)
    for product, qty in late.groupby("product")["quantity"].sum().items():
        for item, per_unit in (cat.product(product).bom.items() if run.strategy == "ATO"
                               else [(product, 1)]):
            used[item] += per_unit * qty
    out = pd.DataFrame({"left": run.flows["end"], "used after shift": pd.Series(used)})
    out["value left (€)"] = (out["left"] * pd.Series(unit_value)).round(0)
    return out.sort_values("value left (€)", ascending=False)


for s in ("MTS", "ATO"):
    left = leftovers(shift_runs[s], SHIFT)
    idle = left[(left["left"] > 0) & (left["used after shift"] == 0)]
    print(f"{s}: {left['value left (€)'].sum() / 1000:,.0f} k€ left in "
          f"{(left['left'] > 0).sum()} items; {len(idle)} of them not used once after the "
          f"shift ({idle['value left (€)'].sum() / 1000:,.0f} k€)")
leftovers(shift_runs["MTS"], SHIFT).head(5)

# %%
leftovers(shift_runs["ATO"], SHIFT).head(5)

# %% [markdown]
# MTS ends the year with 737 k€ of finished PCs, and 35 configurations worth 153 k€ did not sell a
# single unit in the second half. The most expensive leftovers are last season's favourites (office
# motherboard, CPU-5, basic graphics card, 24-inch monitor): 68 units of the former best-seller, of
# which only 2 more were sold after the shift. ATO ends with 117 k€ of components, and **every** one
# of them was still used after the shift (226 CPU-5 are left, but 95 more were used): a processor
# or a monitor goes into dozens of configurations, so when tastes move, the parts move with them.
# That is ATO's second advantage: less risk of unsold finished products. (Components can still age;
# lesson 6 comes back to that.)

# %% [markdown]
# ## 4. Risk pooling: one shared part instead of many finished products
#
# In section 1 ATO held about twelve times less stock than MTS, with a somewhat lower fill rate
# (86 % against 96 %). Much of that gap is **risk pooling**: a component serves many products, and
# their ups and downs partly cancel. To see
# it alone, take the smallest possible factory: *n* products with independent demand (4 units a day
# each, on average), all built from **one** shared component (500 €, supplier lead time 10 days).
#
# * MTS stocks each product at its own target;
# * ATO stocks the shared component at its target.
#
# Both targets aim at 95 %. We simulate 1,000 days for n = 1, 2, 3, 4, 6 and 9 and measure the
# **safety stock**: the units on the shelf on average (with a target S, the shelf holds S minus what
# is on its way, so on average what is left is S minus the mean demand during the lead time).

# %%
rows = []
for n in (1, 2, 3, 4, 6, 9):
    world = ato.load_instance("pooling", n_products=n)
    demand_days = world.orders(horizon=1000)
    row = {"n": n}
    for s in ("MTS", "ATO"):
        run = world.run(s, demand_days)
        daily = ato.daily_demand(world.factory, world.demand, s)
        planned = sum(level - daily.loc[item, "mean"] * daily.loc[item, "lead time (days)"]
                      for item, level in run.targets.items())
        row[f"{s} fill rate"] = run.summary()["fill rate"]
        row[f"{s} planned safety stock"] = planned
        row[f"{s} avg on hand"] = run.stock.sum(axis=1).mean()
    row["measured saving"] = 1 - row["ATO avg on hand"] / row["MTS avg on hand"]
    row["1 - 1/√n"] = ato.pooling_saving(n)
    rows.append(row)
pooling = pd.DataFrame(rows).set_index("n")
pooling.round(3)

# %% [markdown]
# Both strategies serve at least 94.5 % of the orders from the shelf, yet the shared component needs
# far less safety stock: for three products, 33.9 units of finished goods on the shelf on average
# against 19.5 units of the component, a saving of 42.6 %. The saving grows with the number of
# products sharing the part:

# %%
n_fine = np.linspace(1, 9, 200)
with plots.course_style():
    fig, ax = plt.subplots(figsize=(9, 5.5))
    ax.plot(n_fine, 100 * (1 - 1 / np.sqrt(n_fine)), color="black", linestyle="--",
            label="square-root law: 1 − 1/√n")
    st = plots.strategy_style("ATO")
    ax.plot(pooling.index, 100 * pooling["measured saving"], linestyle="none",
            marker=st["marker"], markersize=12, color=st["color"],
            label="measured in the simulation")
    ax.set_xlabel("Products sharing one component (n)")
    ax.set_ylabel("Safety stock saved by ATO (%)")
    ax.set_title("Risk pooling: less safety stock for a shared part")
    ax.set_ylim(0, 100)
    ax.legend(loc="upper left")
    plt.show()

# %% [markdown]
# ### Why: the square-root law
#
# Each product's demand over the lead time varies with a standard deviation σ, and a shelf aiming at
# a service level needs a cushion of z·σ above the mean (z = 1.645 for 95 %).
#
# * **Finished products (MTS):** n separate shelves, each with its own cushion: **n·z·σ**.
# * **One shared component (ATO):** the n demands add up, but independent ups and downs partly cancel:
#   variances add, so the standard deviation of the total is σ·√n, and the cushion is **z·σ·√n**.
#
# The saving is 1 − z·σ·√n / (n·z·σ) = **1 − 1/√n**: 29 % for two products, **42 % for three**,
# two thirds for nine. The simulation lands on the curve; the small gaps come from targets rounded
# up to whole units, and from chance.

# %%
for n in (2, 3, 4, 9):
    print(f"n = {n:>3}: safety stock saved {ato.pooling_saving(n):.1%}")

# %% [markdown]
# Real assemble-to-order companies live off this effect: in the mid-1990s Dell, building PCs to
# order from shared parts, held 32 days of inventory against Compaq's 73 (Harvard Business School
# case "Dell's Working Capital", 1996).

# %% [markdown]
# ## 5. Your turn: a dashboard of the three strategies
#
# Four sliders change the PC maker's world; every move re-runs MTS, MTO and ATO on the same orders
# and redraws the bars and the table. To answer instantly, each move simulates only 150 days (with
# their own orders), so the numbers differ from the full year above.
#
# * **Demand variability**: how much the number of orders jumps from day to day.
# * **Options per category**: keep only the *k* most popular options of each category (1 → a single PC,
#   2 → 32 configurations, 4 → all 288).
# * **Supplier lead times**: all component lead times times this factor.
# * **Assembly and test (days)**: days from assembly to shipment.
#
# Things to try: double the supplier lead times (who suffers most?); set one option per category
# (does ATO still beat MTS on stock?); push the variability to 1.0 (whose stock grows most?).

# %%
# NBVAL_IGNORE_OUTPUT
board = StrategyDashboard(pc, horizon=150)
board.widget

# %% [markdown]
# The controls can also be moved from code. Here the options slider goes from 4 to 2 per category,
# so the catalog shrinks from 288 to 32 PCs:

# %%
before = show(board.table)
board.controls["options"].value = 2
after = show(board.table)
board.controls["options"].value = 4  # back to the full catalog for the dashboard above
pd.concat({"288 PCs": before, "32 PCs": after}, axis=1)

# %% [markdown]
# With 32 PCs instead of 288, the MTS stock falls from 703 k€ to 140 k€: far fewer shelves to fill.
# ATO's falls less, from 61 k€ to 32 k€, since it still keeps 11 of the 17 components. MTO's slowest
# orders get faster (95 % within 30 days instead of 36) because the top processor, 35 days away at
# its supplier, is no longer on the menu. Note also the ATO fill rate of the 150-day run, 73 %, against
# 86 % over the full year: a short run is at the mercy of a few bad weeks, so compare settings with
# each other rather than with the year above.

# %% [markdown]
# ## Recap
#
# * On the same orders, MTS answers fastest (0.25 days, 96 % fill rate) but holds about 692 k€ of PCs;
#   MTO holds nothing but makes customers wait 29.5 days; ATO delivers in 1.3 days with 55 k€ of parts.
# * A fair MTS offers only best-sellers: with the top 20 it loses 43 % of the orders and still holds
#   more stock than ATO, which offers all 288 configurations.
# * When tastes change, MTS is left with finished PCs nobody wants (153 k€ unsold for half a year);
#   ATO's components keep finding uses in other configurations.
# * A shared component pools demand risk: n products need n·z·σ of safety stock, one shared part
#   z·σ·√n, a saving of 1 − 1/√n (42 % for n = 3), and the simulation shows it.
#
# **En français.** Sur les mêmes commandes, la fabrication sur stock livre tout de suite avec un bon
# taux de service, mais immobilise beaucoup de produits finis ; la fabrication sur commande ne garde
# aucun stock mais impose un long délai ; l'assemblage à la commande livre en un jour environ avec un
# petit stock de composants. Une comparaison équitable limite la fabrication sur stock aux meilleures
# ventes, et les autres commandes deviennent des ventes perdues. Quand la demande change, les produits
# finis restent invendus alors que les composants servent encore. Un composant commun mutualise le
# risque : son niveau de stock cible demande moins de stock de sécurité (loi de la racine carrée), ce
# qui réduit le coût de possession dans toute la chaîne d'approvisionnement et simplifie la gestion
# des stocks.

# %% [markdown]
# <!-- nav -->
# ---
#
# **Next:** [06 · Pros and cons](06_pros_and_cons.ipynb)
#
# **Previous:** [04 · The PC maker](04_pc_maker.ipynb)
#
# **Practise:** [Exercise 5.1 · Comparing strategies](../exercises/05_1_comparing_strategies.ipynb)
#
# [Course map](00_start_here.ipynb)
