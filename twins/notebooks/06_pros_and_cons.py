# %% [markdown]
# # 06 · Pros and cons
#
# The article introduces the advantages and disadvantages of assemble-to-order "like many middle-way methods" — and then its box is empty (a placeholder, "TTT"). This lesson fills the box. Each item is not only stated: it is measured on the PC maker with a small experiment, so you can see how large it is.
#
# In this notebook you will:
# 1. measure the advantages of ATO: variety without finished stock, less capital at risk, fast delivery, pooled risk;
# 2. measure its disadvantages: waiting for assembly, component stock that loses value, dependence on suppliers, capped assembly capacity, limited choice, more to manage;
# 3. gather everything in one balance sheet with its numbers, and run "what if" experiments yourself;
# 4. decide which strategy fits which business, from bakery bread to jet engines.
#
# **Prerequisites:** [03 · Assemble to order](03_assemble_to_order.ipynb) and [05 · Comparing strategies](05_comparing_strategies.ipynb) · **Time:** about 25 minutes

# %%
import matplotlib.pyplot as plt
import pandas as pd

import ato_lessons as ato
from ato_lessons import experiments, plots
from ato_lessons.widgets.tradeoffs import WhatIfPanel

print(ato.check_setup("1.1"))
pc = ato.load_instance("pc_maker")
orders = pc.orders()
print(f"{len(orders):,} orders over {pc.horizon} days, "
      f"{pc.catalog.n_configurations} configurations")

# %% [markdown]
# ## 1. The advantages, measured
#
# We run the same year of orders through four set-ups: make-to-stock offering **every** configuration, make-to-stock offering only the **20 most popular** ones (the others' customers go elsewhere), make-to-order, and assemble-to-order.

# %%
runs = {
    "MTS (all 288)": pc.run("MTS", orders),
    "MTS (top 20)": pc.run("MTS", orders, offer=20),
    "MTO": pc.run("MTO", orders),
    "ATO": pc.run("ATO", orders),
}
table = ato.compare(runs)
shown = ["configurations offered", "fill rate", "lost rate", "mean lead time (days)",
         "p95 lead time (days)", "avg inventory value (€)", "holding cost (€)"]
table.loc[shown].round(2)

# %% [markdown]
# ### Variety without stocking every finished variant
#
# To serve every configuration from the shelf, make-to-stock keeps on average **691,648 €** of finished PCs. Stocking only the 20 favourites cuts that to 80,657 €, but **43 %** of the customers then leave without a PC. Assemble-to-order offers all 288 configurations with **55,484 €** of parts: 12.5 times less than the first figure. As AccountingTools puts it, the business "does not have to invest in a wide array of stock keeping units"; the Corporate Finance Institute counts the "customizability of orders" among ATO's advantages.

# %%
mts_all, ato_run = runs["MTS (all 288)"], runs["ATO"]
ratio = mts_all.summary()["avg inventory value (€)"] / ato_run.summary()["avg inventory value (€)"]
print(f"MTS needs {ratio:.1f} times the inventory of ATO to offer the same 288 configurations")

# %% [markdown]
# ### Less capital tied up, less risk of unsold products
#
# A useful way to read an inventory is in **days**: its value divided by the value of material used per day. Dell, the textbook ATO company, held 32 days of inventory in 1995 against 73 at Compaq, which built to stock (HBS case *Dell's Working Capital*, 1996). The Corporate Finance Institute lists "lower capital costs" first among ATO's advantages.
#
# Then comes the risk: what if tastes change? We let the popularity ranking of the configurations flip on day 180 (what sold well now sells badly, and the reverse) and measure the stock left at the end that would take **more than 60 days** to sell at the new pace: stock without buyers in sight.

# %%
for label in ("MTS (all 288)", "ATO"):
    days = experiments.days_of_inventory(runs[label])
    print(f"{label:>14}: {days:5.1f} days of inventory")

shifted = pc.orders(demand=pc.demand.with_(shift_day=180))
after_shift = {"MTS (all 288)": pc.run("MTS", shifted), "ATO": pc.run("ATO", shifted)}
at_risk = {label: experiments.stock_at_risk(res, after_day=180, cover_days=60)
           for label, res in after_shift.items()}
for label, value in at_risk.items():
    print(f"{label:>14}: {value:>9,.0f} € of stock with no buyer in sight after the change")

# %% [markdown]
# Make-to-stock holds **66.4 days** of inventory, close to Compaq; assemble-to-order holds **5.3 days**, even leaner than Dell. After the change of tastes, make-to-stock is left with **509,877 €** of finished PCs nobody wants soon; assemble-to-order with **55,592 €** of parts. Parts are more flexible than finished products: a motherboard that no longer sells in one configuration still goes into others.

# %%
labels = ["MTS (all 288)", "MTS (top 20)", "ATO"]
with plots.course_style():
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5.5))
    for i, label in enumerate(labels):
        st = plots.strategy_style(label, i)
        value = table.loc["avg inventory value (€)", label] / 1000
        left.bar(i, value, color=st["color"], hatch=st["hatch"] if i != 1 else "..",
                 edgecolor="black", label=label)
        left.annotate(f"{value:,.0f}", (i, value), ha="center", va="bottom")
    left.set_xticks(range(len(labels)), labels)
    left.set_ylabel("Average inventory (thousand €)")
    left.set_title("Capital tied up in stock")
    for i, (label, value) in enumerate(at_risk.items()):
        st = plots.strategy_style(label)
        right.bar(i, value / 1000, color=st["color"], hatch=st["hatch"], edgecolor="black",
                  label=label)
        right.annotate(f"{value / 1000:,.0f}", (i, value / 1000), ha="center", va="bottom")
    right.set_xticks(range(len(at_risk)), list(at_risk))
    right.set_ylabel("Stock with no buyer in sight (thousand €)")
    right.set_title("After tastes change on day 180")
    for ax in (left, right):
        ax.legend(loc="upper right")
    fig.tight_layout()
    plt.show()

# %% [markdown]
# ### Much faster delivery than make-to-order
#
# Both strategies offer all 288 configurations; the difference is what happens before the order. Under make-to-order the customer waits for the slowest supplier (the processor, 28 to 35 days) and then for assembly.

# %%
for label in ("MTO", "ATO"):
    s = runs[label].summary()
    print(f"{label}: mean lead time {s['mean lead time (days)']:.2f} days, "
          f"95 % of orders within {s['p95 lead time (days)']:.0f} days")

# %% [markdown]
# About **1.31 days** instead of **29.54**: the long part of the supply chain happens before the order, so the customer only waits for assembly (and, now and then, for a missing part).
#
# ### Shared components pool demand risk
#
# Take three products built from one shared core component, each with the same independent demand. Make-to-stock keeps safety stock for each product; assemble-to-order keeps it for the shared core only. The square-root law predicts a saving of $1 - 1/\sqrt{3}$ on safety stock. We measure the average stock actually on hand in both runs.

# %%
pool = ato.load_instance("pooling", n_products=3)
pool_orders = pool.orders()
pool_runs = {"MTS": pool.run("MTS", pool_orders), "ATO": pool.run("ATO", pool_orders)}
on_hand = {label: res.stock.sum(axis=1).mean() for label, res in pool_runs.items()}
for label, res in pool_runs.items():
    print(f"{label}: targets {res.targets}, on hand {on_hand[label]:.1f} units on average, "
          f"fill rate {res.summary()['fill rate']:.1%}")
print(f"measured saving {1 - on_hand['ATO'] / on_hand['MTS']:.1%}, "
      f"square-root law {ato.pooling_saving(3):.1%}")

# %% [markdown]
# The shared core needs **18.2** units on hand on average against **32.6** finished units, with an even better fill rate: a **44.3 %** saving, close to the law's 42.3 %. The ups and downs of the three products partly cancel out on the part they share.
#
# ## 2. The disadvantages, measured
#
# ### The customer still waits for assembly
#
# Make-to-stock hands most customers a PC the day they order; assemble-to-order never can, because every PC is assembled after its order (here, a day of assembly and testing). AccountingTools warns that ATO "does not work well when customers expect immediate delivery".

# %%
for label in ("MTS (all 288)", "ATO"):
    o = runs[label].orders
    same_day = (o["lead_time"] == 0).mean()
    mean = runs[label].summary()["mean lead time (days)"]
    print(f"{label:>14}: {same_day:6.1%} of orders delivered the day they arrive, "
          f"mean lead time {mean:.2f} days")

# %% [markdown]
# **95.8 %** same-day deliveries for make-to-stock, **0.0 %** for assemble-to-order, whose mean lead time is 1.31 days against 0.25.
#
# ### Component stock still costs money and loses value
#
# Assemble-to-order keeps less stock, not none. Electronic parts also lose value fast: Michael Dell said components were about 75 % of Dell's revenue and lost about 1 % of their value per week (*Harvard Business Review*, 1998). We let the stock lose 1 % a week and add up the loss over the year.

# %%
for label in ("MTS (all 288)", "ATO"):
    lost = experiments.value_lost(runs[label], weekly_rate=0.01).iloc[-1]
    holding = runs[label].summary()["holding cost (€)"]
    print(f"{label:>14}: {lost:>9,.0f} € of value lost in a year (holding cost {holding:,.0f} €)")

# %% [markdown]
# Even the lean ATO stock loses **28,931 €** a year this way, twice its holding cost of 13,871 € (and the change of tastes above left 55,592 € of parts without buyers). Much less than make-to-stock's 360,645 €, but not zero: only make-to-order has no stock to lose.
#
# ### It depends on reliable suppliers: one missing part stops many products
#
# Every PC needs a processor. Suppose the supplier of the most popular one, CPU-5, becomes **28 days late** on every delivery, while the factory keeps its usual target stocks.

# %%
needs_cpu5 = experiments.products_using(pc.catalog, "CPU-5")
usual_lead = pc.catalog.component("CPU-5").lead_time
late_catalog = pc.catalog.with_lead_times({"CPU-5": usual_lead + 28})
late_factory = pc.factory.with_(catalog=late_catalog)
late_run = ato.simulate(late_factory, orders, "ATO", pc.targets("ATO"), horizon=pc.horizon)
print(f"{len(needs_cpu5)} of {pc.catalog.n_configurations} configurations use CPU-5, "
      f"{orders['product'].isin(needs_cpu5).mean():.1%} of the orders")
for name, res in (("usual supplier", ato_run), ("CPU-5 28 days late", late_run)):
    o = res.orders
    uses = o["product"].isin(needs_cpu5)
    on_time = o["on_time"].dropna().astype(bool)
    print(f"{name:>18}: on time {on_time[uses].mean():.1%} of CPU-5 orders, "
          f"{on_time[~uses].mean():.1%} of the others; "
          f"mean lead time {res.summary()['mean lead time (days)']:.2f} days")

# %% [markdown]
# One late part, and the on-time rate of every order that needs it falls from **82.5 %** to **7.5 %**: 72 configurations, but 62.7 % of the orders, since CPU-5 is the popular choice. The mean lead time of the whole factory jumps from 1.31 to **14.39 days**. The other orders are barely touched (81.0 % → 76.4 %). An order needs *all* its parts: ATO needs good component forecasts and suppliers that deliver.
#
# ### Assembly capacity limits what a demand surge can get
#
# With no finished stock to draw from, every order goes through the assembly line: 16 hours of work a day, and a PC takes 0.95 hours, so at most about 17 PCs a day. Suppose a promotion brings **50 % more orders** for 30 days (days 60 to 89), and the company has even planned enough components for it.

# %%
surge = experiments.surge_orders(pc, 0.5, start=60, length=30, horizon=180)
normal = experiments.surge_orders(pc, 0.0, horizon=180)
planned = experiments.planned_targets(pc, 0.5)
surge_runs = {
    "no surge, 16 h/day": ato.simulate(pc.factory, normal, "ATO", pc.targets("ATO"), horizon=180),
    "surge, 16 h/day": ato.simulate(pc.factory, surge, "ATO", planned, horizon=180),
    "surge, 24 h/day": ato.simulate(pc.factory.with_(assembly_capacity=24.0), surge, "ATO",
                                    planned, horizon=180),
}
during = {}
for label, res in surge_runs.items():
    o = res.orders
    window = o[(o["day"] >= 60) & (o["day"] < 90)]
    during[label] = window["lead_time"].astype(float).mean()
    print(f"{label:>18}: {len(window)} orders on days 60-89, mean lead time "
          f"{during[label]:.2f} days, longest {window['lead_time'].max()} days")

# %%
markers = {"no surge, 16 h/day": ("black", "o", ":"),
           "surge, 16 h/day": (plots.OKABE_ITO[1], "s", "--"),
           "surge, 24 h/day": (plots.OKABE_ITO[2], "^", "-.")}
with plots.course_style():
    fig, ax = plt.subplots()
    ax.axvspan(60 / 7, 90 / 7, color=plots.OKABE_ITO[6], alpha=0.25, label="surge (+50 % orders)")
    for label, res in surge_runs.items():
        weekly = experiments.weekly_lead_time(res)
        colour, marker, line = markers[label]
        ax.plot(weekly.index, weekly.to_numpy(), color=colour, marker=marker, linestyle=line,
                label=label)
    ax.set_xlabel("Week of the order's arrival")
    ax.set_ylabel("Mean lead time (days)")
    ax.set_title("A demand surge meets the assembly line")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper right")
    plt.show()

# %% [markdown]
# During the surge the mean lead time climbs from **1.43** to **3.59 days** (the longest wait is 7 days) although every part is on the shelf: the line is the bottleneck. A second shift (24 hours a day) brings it back to **1.07 days**. Make-to-stock would have served the surge from its finished stock — if it had guessed it.
#
# ### Customisation is limited to the predefined options
#
# Assemble-to-order lets customers *combine* what is on the shelves: 288 configurations here. A make-to-order workshop can go further and build what the customer designs. Ask the ATO factory for something outside its menu and it simply cannot take the order:

# %%
special = pd.DataFrame({"day": [0], "product": ["PC with two graphics cards"], "quantity": [1]})
try:
    pc.run("ATO", special)
except ValueError as error:
    print("Refused:", error)

# %% [markdown]
# ### More complex order and inventory management
#
# Make-to-stock moves one finished box per order. Assemble-to-order picks every part of every order from its own shelf, re-orders each part from its own supplier with its own lead time, and must hold the parts already picked while a missing one arrives.

# %%
picks = {label: runs[label].flows["used"].sum() / len(orders) for label in ("MTS (all 288)", "ATO")}
suppliers = pc.catalog.to_frame()["supplier"].nunique()
waited = (~ato_run.orders["from_stock"]).mean()
print(f"items picked per order: MTS {picks['MTS (all 288)']:.2f}, ATO {picks['ATO']:.2f}")
print(f"ATO plans {len(pc.catalog.components)} components from {suppliers} suppliers "
      f"(lead times {pc.catalog.to_frame()['lead time (days)'].min()} to "
      f"{pc.catalog.to_frame()['lead time (days)'].max()} days)")
print(f"{waited:.1%} of ATO orders waited for a part while holding the others")

# %% [markdown]
# Six parts per order instead of one box, 17 components from 9 suppliers to forecast and re-order, and 13.7 % of the orders half-assembled on the shelf waiting for a part: this is the work that inventory-management systems made practical (the article's point about technology).
#
# ## 3. The balance sheet
#
# Here is the article's missing box, with every item and the number our experiments measured.

# %%
s = {label: res.summary() for label, res in runs.items()}
cpu5_on_time = {name: res.orders.loc[res.orders["product"].isin(needs_cpu5), "on_time"]
                .dropna().astype(bool).mean()
                for name, res in (("usual", ato_run), ("late", late_run))}
balance = pd.DataFrame(
    [
        ("advantage", "variety without finished stock",
         "offer all 288 configurations: average stock",
         f"ATO {s['ATO']['avg inventory value (€)']:,.0f} € vs MTS "
         f"{s['MTS (all 288)']['avg inventory value (€)']:,.0f} €"),
        ("advantage", "less capital tied up",
         "days of inventory", f"ATO {experiments.days_of_inventory(ato_run):.1f} d vs MTS "
         f"{experiments.days_of_inventory(mts_all):.1f} d"),
        ("advantage", "less risk of unsold products",
         "tastes flip on day 180: stock with no buyer",
         f"ATO {at_risk['ATO']:,.0f} € vs MTS {at_risk['MTS (all 288)']:,.0f} €"),
        ("advantage", "much faster than MTO", "mean lead time",
         f"ATO {s['ATO']['mean lead time (days)']:.2f} d vs MTO "
         f"{s['MTO']['mean lead time (days)']:.2f} d"),
        ("advantage", "shared parts pool risk", "3 products, 1 shared part: stock on hand",
         f"{1 - on_hand['ATO'] / on_hand['MTS']:.1%} less"),
        ("disadvantage", "customer waits for assembly", "orders delivered the same day",
         f"ATO {(ato_run.orders['lead_time'] == 0).mean():.1%} vs MTS "
         f"{(mts_all.orders['lead_time'] == 0).mean():.1%}"),
        ("disadvantage", "component stock loses value", "1 % per week for a year",
         f"ATO loses {experiments.value_lost(ato_run, 0.01).iloc[-1]:,.0f} €"),
        ("disadvantage", "needs reliable suppliers", "CPU-5 supplier 28 days late",
         f"on time {cpu5_on_time['usual']:.1%} → {cpu5_on_time['late']:.1%} of CPU-5 orders"),
        ("disadvantage", "assembly capacity caps a surge", "+50 % orders for 30 days",
         f"mean lead {during['no surge, 16 h/day']:.2f} → {during['surge, 16 h/day']:.2f} d"),
        ("disadvantage", "choice limited to the menu", "an order outside the catalogue",
         "refused"),
        ("disadvantage", "more to manage", "items picked per order",
         f"ATO {picks['ATO']:.2f} vs MTS {picks['MTS (all 288)']:.2f}"),
    ],
    columns=["side", "item", "experiment", "measured"],
)
balance.set_index(["side", "item"])

# %% [markdown]
# Every number comes from a cell above, so the table changes with them if you change a setting. Now try the experiments yourself: pick one, move its severity, and watch the consequence against the usual run (180 days, to keep it quick). Which disadvantage grows fastest?

# %%
# NBVAL_IGNORE_OUTPUT
panel = WhatIfPanel(pc)
panel.widget

# %% [markdown]
# A few things to look for: the surge hurts little up to about +30 % and a lot beyond, because the line's spare capacity runs out; a late supplier hurts almost fully at once, because a week's delay is enough to empty the CPU-5 shelf; obsolescence grows in proportion to the rate, and make-to-stock's loss stays more than ten times ATO's.
#
# ## 4. Which strategy fits which business
#
# The advantages and disadvantages boil down to one comparison: **how long does the customer accept to wait**, against how long it takes to get the parts and to assemble them? If customers wait for the whole process, nothing needs to be built ahead (MTO). If they wait for assembly but not for the parts, keep the parts (ATO). If they will not even wait for assembly, the finished product must be on the shelf (MTS). Lean manufacturing calls this the *P:D ratio* (production lead time against demand lead time). The figures below are rough, for illustration.

# %%
businesses = experiments.business_table()
businesses[["customer waits (days)", "parts (days)", "assembly (days)", "variants", "strategy"]]

# %%
for name, row in businesses.iterrows():
    print(f"{name} → {row['strategy']}: {row['why']}")

# %% [markdown]
# Time is not the only test; variety and the cost of an unsold unit point the same way here:
#
# * **Bakery bread, bottled water**: no waiting and few variants, so stocking finished goods is cheap and unsold leftovers cost little: make-to-stock.
# * **Jet engines, custom furniture**: customers wait months or weeks, each unit is unique or very expensive, so nothing is built before the contract: make-to-order.
# * **PCs, cars with options**: customers wait days (PCs) or weeks (cars) but not for the months the parts take, and the number of variants is far too large to stock finished: assemble-to-order, with the menu of options as the price of speed.
#
# ## Recap
#
# * The article's empty box, filled and measured: ATO offers all 288 configurations with 12.5 times less inventory than make-to-stock (5.3 days of stock instead of 66.4), and keeps far less stock without buyers when tastes change.
# * It delivers in about 1.3 days instead of make-to-order's 29.5, and shared parts pool risk (44 % less stock on hand in the three-product test, close to the square-root law's 42 %).
# * The price: customers always wait for assembly (no same-day delivery), parts still lose value (29 k€ a year at 1 % a week), one late supplier makes most orders late, the assembly line caps a surge, choice is limited to the menu, and there is more to manage.
# * Which strategy fits depends on how long customers wait compared with the time to get parts and to assemble, and on how many variants there are.
#
# **En français.** L'article annonce des avantages et des inconvénients de l'assemblage à la commande sans les donner ; nous les avons mesurés. Avantages : une grande variété sans stocker chaque produit fini, peu de capital immobilisé (5,3 jours de stock contre 66,4 en fabrication sur stock) et peu d'invendus quand la demande change, un délai bien plus court qu'en fabrication sur commande (1,3 jour contre 29,5), et des composants communs qui mutualisent le risque. Inconvénients : le client attend toujours l'assemblage, le stock de composants a un coût de possession et se déprécie, un fournisseur en retard bloque tous les produits qui utilisent sa pièce, la capacité d'assemblage limite la réponse à un pic de demande, le choix se limite aux options prévues et la gestion des stocks et des commandes de la chaîne d'approvisionnement est plus complexe. Le bon choix dépend du délai que le client accepte.

# %% [markdown]
# <!-- nav -->
# ---
#
# **Next:** [07 · Wrap-up](07_wrap_up.ipynb)
#
# **Previous:** [05 · Comparing strategies](05_comparing_strategies.ipynb)
#
# **Practise:** [Exercise 6.1 · Pros and cons](../exercises/06_1_pros_and_cons.ipynb)
#
# [Course map](00_start_here.ipynb)
