# %% [markdown]
# # 03 · Assemble to order
#
# In this notebook you will:
# 1. Say what assemble to order (ATO) is, in the article's words, and watch the PC maker do it
# 2. Place ATO between make to stock and make to order on one picture: lead time against inventory
# 3. Check with the catalog's numbers why assembly is cheap and quick while components are not
# 4. See what made ATO practical, and what a slower world would cost, with a widget to try it
#
# **Prerequisites:** [01 · Make to stock](01_make_to_stock.ipynb), [02 · Make to order](02_make_to_order.ipynb) · **Time:** about 20 minutes

# %%
import matplotlib.pyplot as plt
import numpy as np

import ato_lessons as ato
from ato_lessons import plots
from ato_lessons.widgets.ato import TradeoffExplorer

print(ato.check_setup("1.1"))

# %% [markdown]
# ## 1. What assemble to order means
#
# The source article, *Assemblage à la commande (ATO)*, defines it as a production strategy in which
# the products customers order are **built quickly** and can be **customised to a certain extent**.
# The basic parts are usually **already made but not yet assembled**; when the order arrives they are
# **assembled quickly** and the finished product is **shipped** to the customer.
#
# So there are three ingredients: parts waiting on the shelves, assembly that starts only with an
# order, and a short trip to the customer. Let us watch the PC maker's first order of the year.

# %%
pc = ato.load_instance("pc_maker")
orders = pc.orders()                      # one year of orders, class seed
ato_run = pc.run("ATO", orders)

first = ato_run.orders.iloc[0]
print(f"Order {first['order_id']} arrives on day {first['day']}: {first['product']}")
print(f"  all its parts on the shelf? {first['from_stock']}")
print(f"  delivered on day {first['delivered_day']}: lead time {first['lead_time']} day")
print(f"Finished PCs in stock, ever: {ato_run.inventory['finished_units'].max()}")
print(f"Component units on the shelves at the end of day 0: "
      f"{ato_run.inventory['component_units'].iloc[0]:,}")

# %% [markdown]
# No finished PC is ever kept: only components wait on the shelves, and the order ships the day
# after it arrives.
#
# "Customisable *to a certain extent*" matters too: the customer picks from a menu of options, not
# from anything imaginable. With 17 components the menu already offers this many different PCs:

# %%
for category in pc.catalog.categories:
    print(f"{category:14} {[c.name for c in pc.catalog.options(category)]}")
print(f"\n{len(pc.catalog.components)} components -> {pc.catalog.n_configurations} configurations")

# %% [markdown]
# ## 2. A hybrid of make to stock and make to order
#
# The article calls ATO a **hybrid** of the two strategies of lessons 1 and 2:
#
# * **make to stock (MTS)** builds finished products in advance, to match expected demand;
# * **make to order (MTO)** builds only once an order is confirmed: the supply chain does not move
#   until there is evidence of demand.
#
# ATO tries to **combine their advantages**: get the product into the customer's hands quickly (like
# MTS) while letting it be adapted to what the customer asks for (like MTO). Let us run the same
# year of orders through all three strategies (MTS stocks every one of the 288 configurations).

# %%
runs = {s: pc.run(s, orders) for s in ato.STRATEGIES}
table = ato.compare(runs)
shown = table.loc[["fill rate", "mean lead time (days)", "p95 lead time (days)"]].round(2)
shown.loc["avg inventory value (k€)"] = (table.loc["avg inventory value (€)"] / 1000).round(1)
shown

# %% [markdown]
# One picture says it: each strategy is a point, how long customers wait (across) against how
# much money sits on the shelves (up). The ideal corner, no wait and no stock, is bottom left.

# %%
with plots.course_style():
    fig, ax = plt.subplots(figsize=(9, 5.5))
    for s, run in runs.items():
        st = plots.strategy_style(s)
        lead = run.summary()["mean lead time (days)"]
        value = run.summary()["avg inventory value (€)"] / 1000
        ax.scatter(lead, value, s=220, color=st["color"], marker=st["marker"], label=s,
                   edgecolors="black", zorder=3)
        ax.annotate(f"{s}: {lead:.2f} days, {value:,.0f} k€", (lead, value),
                    xytext=(12, 12), textcoords="offset points", fontsize=14)
    ax.set_xlim(-2, 40)
    ax.set_ylim(-50, 850)
    ax.set_xlabel("Mean customer lead time (days)")
    ax.set_ylabel("Average inventory value (thousand €)")
    ax.set_title("Three strategies, one year of PC orders")
    ax.legend(title="Strategy", loc="center right")
    plt.show()

# %% [markdown]
# MTS is fast (0.25 days on average) but keeps about 692 k€ of finished PCs; MTO keeps nothing but
# makes customers wait 29.5 days. ATO sits near the ideal corner: 1.3 days for 55 k€ of components,
# and every one of the 288 configurations on offer. It is not free: only 86 % of orders find all
# their parts on the shelf (MTS: 96 %), and the others wait for a supplier.

# %% [markdown]
# ## 3. Assembly is cheap and quick, components are not
#
# The article explains why ATO works: in most cases the **time and cost of putting the product
# together are minimal**, while the **time and cost of making the components**, usually bought from
# suppliers, **can be considerable**. The catalog shows it. Take the most popular PC:

# %%
cat, factory = pc.catalog, pc.factory
popular = cat.product_names[0]
hours = cat.assembly_hours(popular)
labour = hours * factory.labour_rate
material = cat.material_cost(popular)
print(popular)
print(f"assembly: {hours:.2f} h x {factory.labour_rate:.0f} €/h = {labour:.2f} €")
print(f"components: {material:.2f} €  -> "
      f"assembly is {labour / (labour + material):.1%} of the cost")
print(f"time: assembly and shipping {factory.assembly_days} day, "
      f"slowest supplier {cat.supply_lead_time(popular)} days")

# %% [markdown]
# The same split for three PCs, the cheapest, the most popular and the dearest, with the
# suppliers' lead times (5 to 35 days) next to the single day of assembly:

# %%
costs = {p: cat.product_cost(p, factory.labour_rate) for p in cat.product_names}
picks = {"cheapest": min(costs, key=costs.get), "most popular": popular,
         "dearest": max(costs, key=costs.get)}
lead_times = [c.lead_time for c in cat.components]
print(f"supplier lead times: {min(lead_times)} to {max(lead_times)} days")

with plots.course_style():
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5))
    y = np.arange(len(picks))
    mat = [cat.material_cost(p) for p in picks.values()]
    lab = [cat.assembly_hours(p) * factory.labour_rate for p in picks.values()]
    left.barh(y, mat, color=plots.OKABE_ITO[0], hatch="//", edgecolor="black", label="components")
    left.barh(y, lab, left=mat, color=plots.OKABE_ITO[3], hatch="..", edgecolor="black",
              label="assembly labour")
    for i, (m, a) in enumerate(zip(mat, lab, strict=True)):
        left.annotate(f"{a:.1f} € of {m + a:,.0f} €", (m + a, i), xytext=(5, 0),
                      textcoords="offset points", va="center", fontsize=13)
    left.set_yticks(y, list(picks))
    left.set_xlim(0, 3100)
    left.set_xlabel("Cost of one PC (€)")
    left.set_title("Cost split")
    left.legend(loc="lower right")
    supply = [cat.supply_lead_time(p) for p in picks.values()]
    right.barh(y + 0.2, supply, height=0.4, color=plots.OKABE_ITO[1], hatch="xx",
               edgecolor="black", label="slowest supplier")
    right.barh(y - 0.2, [factory.assembly_days] * len(picks), height=0.4,
               color=plots.OKABE_ITO[2], hatch="\\\\", edgecolor="black",
               label="assembly + shipping")
    right.set_yticks(y, list(picks))
    right.set_xlim(0, 55)
    right.set_xlabel("Time (days)")
    right.set_title("Time split")
    right.legend(loc="lower right")
    fig.tight_layout()
    plt.show()

# %% [markdown]
# Assembly costs 28.50 € (0.95 h at 30 €/h) on every PC: 5.5 % of the cheapest one and about
# 1 % of the dearest; it takes one day, against 28 to 35 days for the slowest part. That is the
# whole trick of ATO: do the slow, expensive part (getting components) **ahead** of demand, and only
# the quick, cheap part (assembly) **after** the order.

# %% [markdown]
# ## 4. What made ATO practical
#
# The article credits **technology**: progress in production processes and in
# **inventory-management systems** made the strategy workable, and **cheaper ways of shipping**
# products made it a boon for customisation. In our simulation those are the things we take for
# granted: the factory knows every shelf's stock each day and re-orders each part it uses
# (a target stock, or base-stock, policy), suppliers deliver in days or weeks, and a finished PC
# reaches the customer a day after assembly.
#
# What if suppliers were slower, as with slow sea freight and paper-based ordering? Multiply every
# supplier lead time and let the same policy (95 % per component) set the targets:

# %%
for factor in (0.5, 1.0, 2.0, 3.0):
    slower = pc.catalog.with_lead_times(scale=factor)  # every supplier x factor
    world = pc.with_(factory=pc.factory.with_(catalog=slower))
    s = world.run("ATO", orders).summary()
    units = sum(world.targets("ATO").values())
    print(f"lead times x{factor:<3}: target stock {units:5,} units, "
          f"average inventory {s['avg inventory value (€)'] / 1000:6.1f} k€, "
          f"fill rate {s['fill rate']:.0%}, mean lead time {s['mean lead time (days)']:.2f} days")

# %% [markdown]
# Doubling the suppliers' lead times nearly doubles the target stock (1,276 → 2,414 units) and
# raises the average inventory from 55.5 to 91.1 k€: the shelves must cover a longer wait. And if
# the last step, from the assembly line to the customer, took longer, every customer would feel it:

# %%
for days in (1, 3, 5):
    slow_ship = pc.with_(factory=pc.factory.with_(assembly_days=days))
    lead = slow_ship.run("ATO", orders).summary()["mean lead time (days)"]
    print(f"{days} day(s) from assembly to the customer: mean lead time {lead:.2f} days")

# %% [markdown]
# With five days of shipping ATO's mean lead time grows to 5.3 days and its edge over MTO shrinks.
# Fast component supply and fast, cheap delivery are what make ATO attractive.
#
# ### Try it: service level and supplier speed
#
# Move the sliders. The **component service level** sets every component's target stock (higher
# means more parts on the shelves); **supplier lead times ×** makes suppliers faster or slower.
# The filled triangle is ATO with your settings; MTS and MTO stay where they were in section 2
# (on the first 180 days of orders, so the numbers differ a little from the full year).

# %%
# NBVAL_IGNORE_OUTPUT
explorer = TradeoffExplorer(pc, horizon=180)
explorer.widget

# %% [markdown]
# Things to try: push the service level to 0.99 (fill rate up, inventory up), drop it to 0.60
# (cheaper shelves, more customers waiting), then double the lead times at 0.95.

# %% [markdown]
# ## Recap
#
# * ATO keeps **components** ready on the shelves and assembles a product only when an order
#   arrives; customers choose from predefined options (288 PCs from 17 components).
# * It is a **hybrid** of MTS and MTO: here 1.3 days of lead time for 55 k€ of stock, against
#   0.25 days and 692 k€ (MTS) or 29.5 days and no stock (MTO).
# * It works because **assembly is cheap and quick** (28.50 €, one day) while **components are
#   expensive and slow** (490 € to 2,240 €, 5 to 35 days).
# * Inventory-management systems, faster suppliers and cheap shipping made it practical: slower
#   suppliers mean bigger target stocks, slower shipping means longer waits.
#
# **En français.** L'assemblage à la commande garde en stock les **composants** déjà fabriqués et
# n'assemble le produit qu'à l'arrivée de la commande ; le client choisit parmi des options
# prédéfinies. C'est un hybride de la **fabrication sur stock** (rapide, mais beaucoup de
# **produits finis** immobilisés) et de la **fabrication sur commande** (aucun stock, mais un long
# **délai**). L'assemblage coûte peu et va vite, alors que les composants coûtent cher et mettent des
# semaines à arriver des fournisseurs : on les commande donc à l'avance, selon un **niveau de stock
# cible**. Des systèmes de **gestion des stocks** et une **chaîne d'approvisionnement** rapide,
# avec une expédition bon marché, rendent la stratégie possible ; plus les fournisseurs sont lents,
# plus le stock et son **coût de possession** augmentent, et un composant manquant fait baisser le
# **taux de service**.

# %% [markdown]
# <!-- nav -->
# ---
#
# **Next:** [04 · The PC maker](04_pc_maker.ipynb)
#
# **Previous:** [02 · Make to order](02_make_to_order.ipynb)
#
# **Practise:** [Exercise 3.1 · Assemble to order](../exercises/03_1_assemble_to_order.ipynb)
#
# [Course map](00_start_here.ipynb)
