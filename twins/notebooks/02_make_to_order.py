# %% [markdown]
# # 02 · Make to order
#
# In this notebook you will:
# 1. Follow one order through make to order, where nothing is built before the customer orders
# 2. Measure how long customers wait, and predict it with a simple formula
# 3. Shorten the wait by changing a supplier's lead time or the assembly capacity
# 4. See the upside: no stock to pay for, and nothing left over when demand changes
#
# **Prerequisites:** [lesson 01](01_make_to_stock.ipynb) · **Time:** about 15 minutes

# %%
import matplotlib.pyplot as plt
import pandas as pd

import ato_lessons as ato
from ato_lessons import plots
from ato_lessons.experiments import mto_wait
from ato_lessons.widgets.basics import MTOWaitWidget

print(ato.check_setup("1.1"))
pc = ato.load_instance("pc_maker")
orders = pc.orders()

# %% [markdown]
# ## 1. Build only after the order
#
# Make to order (MTO) is the mirror image of make to stock: a product is built only once a customer has ordered it. Production is driven by demand, and nothing is made until the order is confirmed. The French article puts it this way: *« l'opération de la chaîne d'approvisionnement ne commence pas tant qu'il n'y a pas de preuve d'une demande suffisante des clients »*, the supply chain does not start until there is evidence of sufficient customer demand.
#
# The article names where it is used: **high-end products, and items made individually or in small batches**. The PC maker has such products. Its most expensive configuration costs about 2,270 € to build and was ordered only twice in the year; 59 of its 288 configurations were ordered twice or less. Building those ahead would leave expensive PCs waiting on a shelf for months.
#
# Because nothing is built in advance, make to order can also make each product to the customer's own specification, as a tailor, a cabinet maker or a shipyard does. (In the simulation the PC maker's customers still choose among its 288 configurations: only the timing changes.)

# %%
cost = pd.Series({p: pc.catalog.product_cost(p, pc.factory.labour_rate)
                  for p in pc.catalog.product_names})
yearly = orders["product"].value_counts().reindex(pc.catalog.product_names, fill_value=0)
priciest = cost.idxmax()
print(f"Most expensive PC: {priciest}")
print(f"  cost {cost[priciest]:,.1f} €, ordered {yearly[priciest]} times in the year")
print(f"Configurations ordered twice a year or less: {(yearly <= 2).sum()} of {len(yearly)}")

# %% [markdown]
# Let us run the year of orders through the PC maker under make to order and follow the very first order. On the day it arrives, the factory orders each component from its supplier; assembly can start only when the last one has arrived.

# %%
mto = pc.run("MTO", orders)
first = mto.orders.iloc[0]
parts = pc.catalog.to_frame().loc[list(pc.catalog.product(first["product"]).bom),
                                  ["supplier", "lead time (days)"]]
parts["arrives on day"] = first["day"] + parts["lead time (days)"]
print(f"Order {first['order_id']}: {first['product']}")
print(f"received on day {first['day']}, delivered on day {first['delivered_day']}")
parts

# %% [markdown]
# The processor is the slowest part: it arrives on day 28. The PC is assembled that day and shipped one day later (testing and packing), on day 29. The customer waited 29 days for a computer that is assembled in less than an hour.
#
# ## 2. Measure and predict the wait
#
# Here is the wait of every customer over the year, next to make to stock (all 288 configurations stocked, as in lesson 1):

# %%
mts = pc.run("MTS", orders)
with plots.course_style():
    fig, ax = plt.subplots(figsize=(10, 4.5))
    plots.plot_lead_times([mts, mto], ax=ax)
    ax.set_xlim(-0.5, 40)
    plt.show()

# %%
summary = ato.compare([mts, mto])
summary.loc[["mean lead time (days)", "p95 lead time (days)", "still waiting"]].round(2)

# %% [markdown]
# The customer's wait, from the order to the delivery, is called the customer's **lead time**: the same word as for a supplier, the time between ordering and receiving. Make-to-stock customers leave with their PC on the day (mean 0.25 days); make-to-order customers wait 29.54 days on average, and 95 % of them are served within 36 days. The 381 orders "still waiting" arrived during the last month of the year: their parts had not all arrived when the simulation stopped.
#
# The wait is easy to predict. With enough assembly capacity, an order waits for its slowest supplier, then for the assembly days:
#
# $$\text{wait} = \max_{\text{parts of the PC}} (\text{supplier lead time}) + \text{assembly days}$$
#
# Every PC has a ChipCo processor (28 days) except those with the top CPU-9 from Silicon Forge (35 days), so the formula gives 28 + 1 = 29 days or 35 + 1 = 36 days. A simulation with unlimited assembly capacity confirms it exactly:

# %%
unlimited = pc.factory.with_(assembly_capacity=float("inf"))
mto_unlimited = ato.simulate(unlimited, orders, "MTO", horizon=pc.horizon)
formula = orders["product"].map(pc.catalog.supply_lead_time) + pc.factory.assembly_days
delivered = mto_unlimited.orders["lead_time"].notna()
print("simulated waits:", sorted(mto_unlimited.orders["lead_time"].dropna().unique().tolist()))
print("formula matches every delivered order:",
      bool((mto_unlimited.orders.loc[delivered, "lead_time"] == formula[delivered]).all()))

# %% [markdown]
# With the real assembly line (16 hours of work a day), a few orders also queue for a day at the line on busy days, which nudges the mean up to 29.54 days.
#
# ## 3. Shorten the wait
#
# If customers find a month too long, what helps? The formula says: only the *slowest* part matters. Suppose ChipCo, which makes three of the four processors, could deliver faster. The catalog's method `with_lead_times(suppliers={supplier: days})` returns a copy of the catalog in which every part from that supplier takes the new lead time (in days), and `factory.with_(catalog=...)` a factory with that catalog; the originals are unchanged:

# %%
rows = {}
for days in (35, 28, 21, 14):
    catalog = pc.catalog.with_lead_times(suppliers={"ChipCo (US)": days})
    factory = pc.factory.with_(catalog=catalog)
    wait = mto_wait(ato.simulate(factory, orders, "MTO", horizon=pc.horizon + 120))
    rows[days] = {"mean wait (days)": round(wait["mean"], 1), "p95 wait (days)": wait["p95"]}
pd.DataFrame(rows).T.rename_axis("ChipCo lead time (days)")

# %% [markdown]
# (To count every order, these runs continue 120 days after the last order.) Going from 28 to 21 days cuts the mean wait from 29.5 to 23.4 days, but going further to 14 days changes nothing: the graphics cards and the gamer motherboard (21 days, 28 for the top GPU-pro card) are now the slowest parts, and the CPU-9 customers still wait 36 days. A make-to-order wait is set by the slowest supplier of each product.
#
# Your turn: move ChipCo's lead time and the assembly capacity. Each PC takes about 0.95 hours to assemble, so 12 orders a day need about 11.5 hours of work; below that, orders pile up in front of it and the wait grows week after week.

# %%
# NBVAL_IGNORE_OUTPUT
waiting = MTOWaitWidget(pc, orders)
waiting.widget

# %% [markdown]
# ## 4. The upside: no stock, no leftovers
#
# What make to order gives in return for the wait: the factory holds no stock at all. Parts arrive for an order and leave with it, so nothing sits on a shelf and nothing can become obsolete. Compare the money tied up in inventory over the year:

# %%
with plots.course_style():
    fig, ax = plt.subplots(figsize=(10, 4.5))
    plots.plot_inventory([mts, mto], ax=ax)
    plt.show()
print(f"average inventory: MTS {summary.loc['avg inventory value (€)', 'MTS'] / 1000:,.0f} k€, "
      f"MTO {summary.loc['avg inventory value (€)', 'MTO'] / 1000:,.0f} k€")

# %% [markdown]
# And when tastes change in the middle of the year (from day 180, the popularity ranking is reversed), make to stock is left with the PCs nobody wants any more, while make to order simply builds what the new customers ask for:

# %%
shifted = pc.orders(demand=pc.demand.with_(shift_day=180))
for strategy in ("MTS", "MTO"):
    end = pc.run(strategy, shifted).summary()["end stock value (€)"]
    print(f"{strategy}: stock left at the end of the year {end / 1000:,.0f} k€")

# %% [markdown]
# ## Recap
#
# * Make to order builds a product only after the customer's order is confirmed: the supply chain starts with the evidence of demand.
# * It suits high-end products and items made one at a time or in small batches, like the PC maker's rare, expensive configurations.
# * The customer waits for the slowest supplier plus assembly: 29 days for most PCs, 36 with the top processor (mean 29.54 days over the year).
# * Speeding up one supplier helps only until another part becomes the slowest; too little assembly capacity makes the queue, and the wait, grow.
# * The upside: no inventory, no holding cost, no leftovers when demand changes.
#
# **En français.** En fabrication sur commande, rien n'est produit avant qu'une commande soit confirmée : la chaîne d'approvisionnement ne démarre qu'avec une demande avérée. Elle convient aux produits haut de gamme et aux articles fabriqués à l'unité ou en petites séries. Le client subit le délai du fournisseur le plus lent, puis celui de l'assemblage : environ 29 jours pour le fabricant de PC, 36 avec le processeur haut de gamme. En échange, il n'y a ni stock de produits finis, ni coût de possession, ni invendus quand la demande change.

# %% [markdown]
# <!-- nav -->
# ---
#
# **Next:** [03 · Assemble to order](03_assemble_to_order.ipynb)
#
# **Previous:** [01 · Make to stock](01_make_to_stock.ipynb)
#
# **Practise:** [Exercise 2.1 · Make to order](../exercises/02_1_make_to_order.ipynb)
#
# [Course map](00_start_here.ipynb)
