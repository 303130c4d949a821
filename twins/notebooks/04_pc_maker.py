# %% [markdown]
# # 04 · The PC maker
#
# In this notebook you will:
# 1. Read the PC maker's catalog and count the configurations it offers
# 2. Watch the orders arrive, day by day, and see which PCs people want
# 3. Follow one order from the shelves to the customer, and see that only orders move components
# 4. See what happens when one component runs out: its PCs wait, the others flow
# 5. Build a PC with a configurator: its cost, its popularity, its lead time under each strategy
#
# **Prerequisites:** [03 · Assemble to order](03_assemble_to_order.ipynb) · **Time:** about 25 minutes

# %%
import matplotlib.pyplot as plt
import numpy as np

import ato_lessons as ato
from ato_lessons import plots
from ato_lessons.experiments import lead_time_split
from ato_lessons.widgets.ato import Configurator, ShortageExplorer

print(ato.check_setup("1.1"))

# %% [markdown]
# ## 1. The catalog
#
# The article's example is a maker of personal computers that keeps all the essential parts in
# stock, already made: **motherboards, graphics cards, processors, monitors, keyboards**, bought from
# **various suppliers**. Our PC maker adds a case (every PC needs the same one). Here is everything it
# buys, with the price, the supplier, the supplier's lead time and the hours of work to fit the part:

# %%
pc = ato.load_instance("pc_maker")
pc.catalog.to_frame()

# %% [markdown]
# A customer picks **one option per category**. How many different PCs is that? Multiply the
# numbers of options:

# %%
options = {category: len(pc.catalog.options(category)) for category in pc.catalog.categories}
print(options)
print(" x ".join(str(n) for n in options.values()), "=", ato.count_configurations(options))
print("configurations in the catalog:", pc.catalog.n_configurations)
suppliers = pc.catalog.to_frame()["supplier"].nunique()
print(f"{len(pc.catalog.components)} components from {suppliers} suppliers")

# %% [markdown]
# Seventeen parts give 288 PCs. Each new option **multiplies** the count instead of adding to it:
# a fourth monitor adds one part but 96 PCs; a new category (say, two memory sizes) doubles
# everything.

# %%
more_monitors = {**options, "monitor": options["monitor"] + 1}
with_memory = {**options, "memory": 2}
print("one more monitor:   ", ato.count_configurations(more_monitors), "configurations")
print("plus a memory choice:", ato.count_configurations(with_memory), "configurations")

# %% [markdown]
# Stocking 288 (or 576) finished PCs would be hopeless; stocking 17 (or 19) kinds of part is easy.
# That is why the PC maker assembles to order.
#
# ## 2. Orders arriving
#
# Customers order about 12 PCs a day, more on some days than others (a "market mood" that varies
# from day to day). One year of orders, drawn with the class seed:

# %%
orders = pc.orders()
print(f"{len(orders):,} orders over {pc.horizon} days")
orders.head()

# %%
with plots.course_style():
    fig, ax = plt.subplots(figsize=(12, 4.5))
    plots.plot_daily_orders(orders, horizon=pc.horizon, ax=ax)
    plt.show()

# %% [markdown]
# Which PCs? A few configurations are very popular and most are rare: the demand model ranks the
# 288 PCs and gives the first (the first option of every category) the largest share.

# %%
counts = orders["product"].value_counts()
share = pc.demand.probabilities(pc.catalog.n_configurations)
print(f"most ordered PC: {counts.index[0]} ({counts.iloc[0]} orders)")
print(f"the 10 most ordered PCs: {counts.iloc[:10].sum() / len(orders):.0%} of all orders")
print(f"configurations ordered at least once: {len(counts)} of {pc.catalog.n_configurations}")
print(f"expected share of the most popular PC: {share[0]:.1%}, "
      f"of the least popular: {share[-1]:.2%}")

# %% [markdown]
# ## 3. Assembling from the shelves
#
# Now run the year under assemble to order. Each component has a **target stock** (computed from
# the forecast, lesson 3); every unit used is re-ordered from its supplier at once. Let us follow the
# first order that needs the top processor, CPU-9.

# %%
result = pc.run("ATO", orders)
o = result.orders
order = o[o["product"].str.contains("CPU-9")].iloc[0]
day = int(order["day"])
print(f"Order {order['order_id']} arrives on day {day}: {order['product']}")
for part in pc.catalog.product(order["product"]).bom:
    before, after = result.stock[part].iloc[day - 1], result.stock[part].iloc[day]
    lead = pc.catalog.component(part).lead_time
    print(f"  {part:10} on the shelf {before:3} -> {after:3}; "
          f"replacement arrives on day {day + lead}")
print(f"Assembled, shipped and delivered on day {order['delivered_day']} "
      f"(lead time {order['lead_time']} day)")

# %% [markdown]
# The shelves in the printout are counted at the end of days 0 and 1, so they also show the other
# orders of day 1. The customer gets a custom PC one day after ordering; the processor that went
# into it will be replaced 35 days later.
#
# Between orders nothing happens: the parts **stay on the shelves until an order arrives** — the
# process is driven by customer demand, as the article says. Look at CPU-9 over the first 90 days:
# the shelf only drops on days when orders for it arrive, and refills as the re-ordered units come
# back, 35 days after each of those orders.

# %%
days = 90
need = o["product"].str.contains("CPU-9")
per_day = np.bincount(o.loc[need, "day"], weights=o.loc[need, "quantity"], minlength=days)[:days]
with plots.course_style():
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(12, 6.5), sharex=True,
                                      gridspec_kw={"height_ratios": [1, 2]})
    top.bar(np.arange(days), per_day, color=plots.OKABE_ITO[1], edgecolor="black",
            hatch="xx", label="units ordered")
    top.set_ylabel("CPU-9 ordered")
    top.set_title("CPU-9: orders (top) and units on the shelf (bottom)")
    shelf = result.stock["CPU-9"].iloc[:days]
    bottom.step(shelf.index, shelf, where="post", color=plots.OKABE_ITO[0], label="on the shelf")
    bottom.axhline(result.targets["CPU-9"], color="black", linestyle="--",
                   label=f"target ({result.targets['CPU-9']})")
    bottom.axvline(35, color=plots.OKABE_ITO[2], linestyle=":", label="day 35: first returns")
    bottom.set_xlabel("Day")
    bottom.set_ylabel("Units on the shelf")
    bottom.set_ylim(0, result.targets["CPU-9"] * 1.15)
    bottom.legend(loc="lower left")
    fig.tight_layout()
    plt.show()

# %% [markdown]
# For the first 35 days the shelf only goes down, one step per order; after that, the units ordered
# 35 days earlier come back and the shelf hovers well below the target, since the rest of the
# target is on its way from the supplier. Over the year:

# %%
print(result.flows.loc[["CPU-9", "CPU-5", "KB-std"]])
print(f"\norders served from the shelves: {result.summary()['fill rate']:.1%}; "
      f"mean lead time {result.summary()['mean lead time (days)']:.2f} days")

# %% [markdown]
# `used` is exactly what the orders took and `received` is what was re-ordered and has already
# arrived: no order, no movement.
#
# ## 4. When one component runs out
#
# The article's PC maker depends on its suppliers: a part that is missing stops **every** PC that
# needs it. Set the target of CPU-9 to zero (the maker stops stocking it: each one is bought when an
# order arrives, as in make to order) and run the same orders again:

# %%
starved_targets = {**result.targets, "CPU-9": 0}
starved = pc.run("ATO", orders, starved_targets)
split = {"normal targets": lead_time_split(result, "CPU-9"),
         "CPU-9 target 0": lead_time_split(starved, "CPU-9")}
for label, s in split.items():
    print(f"{label:15}: orders needing CPU-9 wait {s['needing']:5.2f} days "
          f"({s['n needing']:.0f} orders, {s['waiting needing']:.0f} still waiting at the end), "
          f"the other {s['n others']:.0f} wait {s['others']:.2f} days")

# %%
with plots.course_style():
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5), gridspec_kw={"width_ratios": [2, 1]})
    plots.plot_item_stock(starved, ["CPU-9", "CPU-5"], ax=left)
    left.set_title("Shelves with the CPU-9 target at 0")
    x = np.arange(2)
    for i, (label, s) in enumerate(split.items()):
        colour, hatch = (plots.OKABE_ITO[0], "//") if i == 0 else (plots.OKABE_ITO[1], "xx")
        bars = right.bar(x + (i - 0.5) * 0.38, [s["needing"], s["others"]], width=0.38,
                         color=colour, hatch=hatch, edgecolor="black", label=label)
        right.bar_label(bars, fmt="%.1f", fontsize=12)
    right.set_xticks(x, ["need CPU-9", "others"])
    right.set_ylabel("Mean lead time (days)")
    right.set_title("Who waits?")
    right.legend(loc="upper right", fontsize=12)
    fig.tight_layout()
    plt.show()

# %% [markdown]
# With no CPU-9 on the shelf, all 294 orders that need it wait 36 days (35 for the supplier, one to
# assemble), and 21 are still waiting at the end of the year; the other 4,131 orders still get
# their PC in about 1.3 days, since CPU-5 and the rest are untouched.
#
# ### Try it: change one component's target
#
# Pick a component and multiply its target stock (0 = none on the shelf, 1 = the usual target).
# The left panel shows that component's shelf, the right panel who waits (first 180 days).

# %%
# NBVAL_IGNORE_OUTPUT
shortage = ShortageExplorer(pc, component="CPU-9", horizon=180)
shortage.widget

# %% [markdown]
# Then try a cheap, popular part with a quick supplier, KB-std at ×0.3: ten times as many orders
# need it (1,444 in 180 days, against 141 for CPU-9), but its supplier delivers in 5 days, so they
# wait about 4 days rather than 20 (CPU-9 at ×0.3). How much a shortage hurts depends on how many
# PCs use the part *and* on how slow its supplier is.
#
# ## 5. A configurator
#
# Build your own PC: one dropdown per category (the case is always the same). The panel shows the
# configuration's name, what its parts and assembly cost, how popular it is, the lead time each
# strategy would promise, and whether all its parts were on the shelf on a given day of the ATO
# simulation (move the day slider). Here MTS is assumed to stock only the 20 most popular PCs, as a
# real make-to-stock maker would.

# %%
# NBVAL_IGNORE_OUTPUT
configurator = Configurator(pc, horizon=180, mts_offer=20)
configurator.widget

# %% [markdown]
# The same facts without the widget, for the most popular PC and for a high-end one:

# %%
from ato_lessons.experiments import configuration_facts

for choice in ({}, {"processor": "CPU-9", "graphics card": "GPU-pro", "monitor": "MON-32"}):
    f = configuration_facts(pc, choice, mts_offer=20)
    print(f"{f['name']}\n  rank {f['rank']} ({f['share']:.2%} of orders), "
          f"material {f['material cost']:.0f} € + assembly {f['assembly cost']:.2f} € "
          f"= {f['total cost']:.2f} €, promised lead time {f['quoted lead time']}")

# %% [markdown]
# Whatever you choose, assembly stays at 0.95 h (28.50 €) and ATO promises one day; what changes is
# the parts' cost and how long MTO would make you wait (29 or 36 days). Rare PCs are where ATO
# shines: MTS would not stock them, MTO would take a month.
#
# ## Recap
#
# * The PC maker buys 17 components from 9 suppliers; one option per category gives
#   1 × 3 × 4 × 4 × 3 × 2 = **288 configurations**, and each new option multiplies the count.
# * About 12 orders a day arrive; the 10 most ordered PCs make 46 % of them, but 286 of the 288
#   configurations are ordered at least once.
# * Under ATO an order takes its parts from the shelves, is assembled and delivered the next day;
#   every part used is re-ordered, and nothing moves until an order arrives.
# * A missing component stops every PC that needs it (36 days instead of about 1) while the others
#   flow: targets must be set part by part.
#
# **En français.** Le fabricant de PC de l'article pratique l'**assemblage à la commande** : il garde
# en stock des **composants** (cartes mères, processeurs, cartes graphiques, écrans, claviers)
# achetés à plusieurs fournisseurs, et n'assemble un ordinateur qu'à l'arrivée de la commande. Avec
# une option par catégorie, 17 pièces donnent 288 configurations, sans aucun stock de **produits
# finis**. Chaque composant a un **niveau de stock cible** ; chaque pièce utilisée est aussitôt commandée
# à nouveau au fournisseur (**gestion des stocks** pilotée par la demande). Si un composant manque, toutes les
# commandes qui en ont besoin deviennent des **commandes en attente** et leur **délai** passe à celui
# du fournisseur, comme en **fabrication sur commande** ; le **taux de service** baisse, alors que
# les autres commandes passent normalement. Un stock plus élevé augmente le **coût de
# possession** : le choix des niveaux est un compromis.

# %% [markdown]
# <!-- nav -->
# ---
#
# **Next:** [05 · Comparing strategies](05_comparing_strategies.ipynb)
#
# **Previous:** [03 · Assemble to order](03_assemble_to_order.ipynb)
#
# **Practise:** [Exercise 4.1 · The PC maker](../exercises/04_1_pc_maker.ipynb)
#
# [Course map](00_start_here.ipynb)
