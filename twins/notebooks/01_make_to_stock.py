# %% [markdown]
# # 01 · Make to stock
#
# In this notebook you will:
# 1. Build PCs ahead of demand from a forecast, and sell them from the shelf
# 2. Decide which products to stock, and see what it costs to stock them all
# 3. Trade stock-outs against leftovers by choosing the production level
# 4. See what a change in demand does to the stock left on the shelf
#
# **Prerequisites:** [lesson 00](00_start_here.ipynb) · **Time:** about 20 minutes

# %%
import matplotlib.pyplot as plt
import pandas as pd

import ato_lessons as ato
from ato_lessons import plots
from ato_lessons.experiments import (
    level_sweep,
    one_off_targets,
    production_run,
    run_figures,
    season_orders,
)
from ato_lessons.widgets.basics import ProductionRunWidget, plot_level_tradeoff

print(ato.check_setup("1.1"))
pc = ato.load_instance("pc_maker")
orders = pc.orders()

# %% [markdown]
# ## 1. Build ahead of demand
#
# Make to stock (MTS) is the oldest way to run a factory: finished products are built *before* anyone orders them, so that the stock matches the demand the company expects. In the words of the French article the course is built on, the method consists *« à fixer un niveau de production, à constituer des stocks, puis à tenter de vendre autant de produits assemblés que possible »*: set a production level, build up stock, then try to sell as many of the finished products as possible.
#
# Everything starts with a forecast. Here is the PC maker's expected demand for its five best-selling PCs (units per day, with the standard deviation `std`, which measures how much the daily sales typically swing around that mean) and the time needed to build one more: the slowest supplier's lead time plus one day of assembly.

# %%
forecast = ato.daily_demand(pc.factory, pc.demand, "MTS")
forecast.head(5).round(2)

# %% [markdown]
# The best-seller sells about 1.92 units a day, but a replacement takes 29 days to build (four weeks for the processor, one day of assembly). The shelf must therefore hold about a month of demand, plus a safety margin for busy weeks. The library turns the forecast into such a **target stock** for each product (the production level), with the margin sized so that the shelf covers the sales of one rebuild time in 95 % of cases (`service_level=0.95`): for the best-seller, 29 days × 1.92 PCs ≈ 56 PCs, plus 13 of margin, gives 69. Here for the 20 best-selling configurations:

# %%
targets = pc.targets("MTS", service_level=0.95, offer=20)
print(f"{len(targets)} products, {sum(targets.values())} PCs on the shelves in total")
pd.Series(targets, name="target stock (units)").head(5)

# %% [markdown]
# The factory starts with these stocks and rebuilds every unit it sells, so that the PCs on the shelf plus those being built always add up to the target (a one-for-one or *base-stock* policy; the target is also called the *base-stock level*). Let us run the year of orders through it and follow the shelves of the three best-sellers:

# %%
mts = pc.run("MTS", orders, offer=20)
top3 = list(targets)[:3]
with plots.course_style():
    fig, ax = plt.subplots(figsize=(10, 4.5))
    plots.plot_item_stock(mts, items=top3, ax=ax)
    ax.legend(["best-seller", "second", "third"], title="PC configuration", loc="upper right")
    ax.set_ylabel("PCs on the shelf (units)")
    ax.set_title("Shelves of the three best-sellers (MTS, 20 configurations stocked)")
    plt.show()

# %% [markdown]
# On day 0 each shelf holds its target. Every sale takes a PC off the shelf, and its replacement only arrives about a month later: during the first month the shelves empty fast. After that, sales and arrivals balance, and the shelf hovers around its safety margin (the target minus the month of demand still being built), touching zero now and then. A customer who asks for a stocked PC usually leaves with it the same day. The share of orders served straight from the shelf is the **fill rate**, the course's main measure of service:

# %%
stocked = mts.orders["product"].isin(targets)
served_at_once = mts.orders.loc[stocked, "from_stock"].mean()
print(f"Orders for stocked PCs served from the shelf: {served_at_once:.1%}")

# %% [markdown]
# ## 2. Choose what to stock
#
# The article says MTS is used mainly for **high-volume goods, consumables, and items that can be bought in bulk or as single units**: products that sell steadily, so the forecast is reliable and every unit finds a buyer. The PC maker is not quite like that: 288 configurations, most of them rarely ordered. The 20 best-sellers alone bring more than half of the orders:

# %%
share = orders["product"].value_counts(normalize=True)
for k in (5, 20, 50):
    print(f"the {k:3d} most popular configurations: {share.iloc[:k].sum():.0%} of the orders")

# %% [markdown]
# Under MTS a product that is not on the shelf is simply **not offered**: a customer who wants it goes elsewhere, and the order is lost. Offering more configurations wins those orders back, but every extra product needs its own stock. Here is the year for several choices, on the same orders:

# %%
rows = {}
for k in (5, 20, 50, 288):
    s = pc.run("MTS", orders, offer=k).summary()
    rows[k] = {
        "orders served from stock": f"{s['fill rate']:.0%}",
        "orders lost": f"{s['lost rate']:.0%}",
        "average inventory (k€)": round(s["avg inventory value (€)"] / 1000),
    }
pd.DataFrame(rows).T.rename_axis("configurations stocked")

# %% [markdown]
# With 20 configurations on the shelves, 43 % of the customers leave empty-handed. Stocking all 288 serves 96 % of them from the shelf, but it keeps about 692 k€ of finished PCs in the warehouse on average, more than eight times as much as for the 20 best-sellers, mostly for PCs that sell a few times a year. Stock is not free: the money tied up in it must be financed, the PCs stored and insured, and they lose value while they wait. This **holding cost** is often reckoned at about a quarter of the stock's value per year (the simulation uses 25 %), so 692 k€ of PCs cost about 170 k€ a year just to keep. That is why MTS fits standard, high-volume products and not a wide, customisable range.
#
# ## 3. Trade stock-outs against leftovers
#
# Now the purest form of MTS: a **one-off production run**. Before a 90-day season, the PC maker builds its 20 best-selling PCs once, then sells from that stock; nothing is rebuilt (`replenish=False`), and a customer who finds an empty shelf buys elsewhere (`backorder=False`). The only decision is the **production level**, as a percentage of the season's forecast. First, exactly the forecast (100 %):

# %%
season = season_orders(pc, season=90, offer=20)
run = production_run(pc, season, one_off_targets(pc, level=1.0), season=90)
f = run_figures(run)
print(f"PCs built before the season: {f['produced']:.0f}")
print(f"orders served from stock:    {f['fill rate']:.1%}")
print(f"PCs short (lost sales):      {f['units short']:.0f}")
print(f"PCs left over at the end:    {f['units left over']:.0f}, "
      f"worth {f['leftover value (€)'] / 1000:.1f} k€")

# %% [markdown]
# Even when the factory builds exactly the forecast (624 PCs), it misses on both sides: 15 PCs are short (those sales are lost) and 63 are left over at the end of the season, worth about 50 k€. Demand for each configuration scatters around its forecast: some sell out, others do not. Changing the level moves the balance:

# %%
sweep = level_sweep(pc, [x / 100 for x in range(25, 201, 5)], season=90, offer=20)
shown = sweep.loc[[50.0, 75.0, 100.0, 125.0, 150.0, 200.0]]
pd.DataFrame({
    "PCs built": shown["produced"].astype(int),
    "fill rate": shown["fill rate"].map("{:.0%}".format),
    "PCs short": shown["units short"].astype(int),
    "PCs left over": shown["units left over"].astype(int),
    "leftover value (k€)": (shown["leftover value (€)"] / 1000).round().astype(int),
})

# %%
with plots.course_style():
    fig, axes = plt.subplots(1, 2, figsize=(13, 5))
    plot_level_tradeoff(sweep, axes)
    fig.tight_layout()
    plt.show()

# %% [markdown]
# Build too little and customers leave (left panel: the fill rate falls; right panel: PCs short). Build too much and PCs stay on the shelf. The total mismatch, short plus left over, is smallest close to the forecast, and grows on both sides: the classic U of make to stock. Where exactly to stop depends on what each mistake costs: a lost sale costs the profit on the PC, a leftover costs what it can no longer be sold for.
#
# Try it yourself: move the production level, and watch the fill rate and the leftovers (the caption gives the numbers).

# %%
# NBVAL_IGNORE_OUTPUT
production = ProductionRunWidget(pc, season=90, offer=20)
production.widget

# %% [markdown]
# ## 4. When demand shifts
#
# A forecast is built from the past. When tastes change, the stock built from it no longer matches. In the simulation, from a chosen `shift_day` on, the popularity ranking is reversed: yesterday's best-sellers become rarities. Here is the same production (100 % of the forecast) with and without a change of taste during the season:

# %%
runs = {}
for label, day in [("no change of taste", None), ("tastes change on day 60", 60),
                   ("tastes change on day 30", 30)]:
    orders_s = season_orders(pc, season=90, offer=20, shift_day=day)
    runs[label] = production_run(pc, orders_s, one_off_targets(pc, level=1.0), season=90)
pd.DataFrame({
    label: {
        "fill rate": f"{f['fill rate']:.0%}",
        "PCs left over": int(f["units left over"]),
        "leftover value (k€)": round(f["leftover value (€)"] / 1000),
    }
    for label, f in ((label, run_figures(r)) for label, r in runs.items())
}).T

# %%
with plots.course_style():
    fig, ax = plt.subplots(figsize=(10, 4.5))
    plots.plot_inventory(runs, ax=ax, what="finished_units")
    ax.set_ylabel("Finished PCs on the shelf (units)")
    ax.set_title("Stock of a one-off production run (100 % of forecast)")
    ax.legend(title="Demand", loc="lower left")
    plt.show()

# %% [markdown]
# Without a change, the shelves are nearly empty after 90 days. When tastes change on day 60, the sales of the stocked PCs almost stop: 266 PCs (188 k€) are left at the end. When they change on day 30, 453 of the 624 PCs built (313 k€) are left. Every customer who still wants a stocked PC is served, so the fill rate looks perfect while the money sits on the shelf. Those leftovers must be sold at a discount or written off, and for electronics, whose value drops fast, they lose value every week they wait. The widget above has the same choice in its *Demand* menu.
#
# ## Recap
#
# * Make to stock builds finished products ahead, from a forecast: set a production level, build stock, then sell as much as possible; the customer gets the product at once.
# * It fits high-volume, steady goods (consumables, items bought in bulk or singly); with 288 configurations, stocking them all ties up about 692 k€ on average, and any product not stocked is not offered: its orders are lost.
# * The production level trades stock-outs (lost sales) against leftovers; even building exactly the forecast misses on both sides.
# * When demand shifts, the stock built for yesterday's best-sellers stays on the shelf: leftovers are the main risk of make to stock.
#
# **En français.** La fabrication sur stock fabrique les produits finis à l'avance, d'après une prévision : on fixe un niveau de production (un niveau de stock cible), on constitue des stocks, puis on vend autant que possible. Le client repart tout de suite, mais ce qui n'est pas en stock n'est pas proposé : c'est une vente perdue. Un niveau trop bas fait baisser le taux de service, un niveau trop haut laisse des invendus et augmente le coût de possession. Quand la demande change, le stock de produits finis risque de rester invendu : c'est le principal risque de cette gestion des stocks, surtout pour l'électronique.

# %% [markdown]
# <!-- nav -->
# ---
#
# **Next:** [02 · Make to order](02_make_to_order.ipynb)
#
# **Previous:** [00 · Start here](00_start_here.ipynb)
#
# **Practise:** [Exercise 1.1 · Make to stock](../exercises/01_1_make_to_stock.ipynb)
#
# [Course map](00_start_here.ipynb)
