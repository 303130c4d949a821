# %% [markdown]
# # Solution 5.1 · Comparing strategies
#
# Back to the lesson: [05 · Comparing strategies](../notebooks/05_comparing_strategies.ipynb)
#
# Two measurements with the simulation: whether ATO's trade-off against MTS (far less stock, a little more waiting) survives jumpier demand, then the risk-pooling saving of a shared component for a number of products the lesson did not try, compared with the square-root law.
#
# **How to work.** Replace every `...` with your answer and run the cell: the checker prints a verdict and explains what is off. Your answers are saved (in `~/.ato_lessons/progress.json`), so a kernel restart loses nothing; the wrap-up lesson shows your progress. *Les messages existent aussi en français : exécutez `set_language("fr")`.*

# %% [markdown]
# Run this cell first: it loads the course library and the checkers.

# %%
import ato_lessons as ato
from ato_lessons.grading import check, set_language  # noqa: F401 (set_language: the line below)

assert ato.__version__.split(".")[0] == "1", f"ato_lessons {ato.__version__}: run pip install -e ."
# set_language("fr")  # messages en français

# %% [markdown]
# ## 5.1a · What ATO saves, and what it costs
#
# Under the PC maker's usual demand (the table below, as in the lesson), ATO's holding cost is about a twelfth of MTS's and its customers wait about one day more. Does that trade-off survive when the number of orders jumps much more from day to day? Build the PC maker with a demand **variability of 0.6** instead of 0.2 (so that its target stock levels are set for the jumpier demand too) and compare the three strategies on its own orders:
#
# ```python
# jumpy = pc.with_(demand=pc.demand.with_(variability=0.6))
# jumpy_table = jumpy.compare(jumpy.orders())
# ```
#
# In that jumpier world, give **`holding_ratio`**: ATO's holding cost divided by MTS's (row `holding cost (€)`), and **`extra_days`**: ATO's mean lead time minus MTS's, in days (row `mean lead time (days)`), as a dict `{"holding_ratio": ..., "extra_days": ...}`.

# %%
pc = ato.load_instance("pc_maker")
orders = pc.orders()  # the class's orders (class seed)
table = pc.compare(orders)  # usual demand (variability 0.2), for comparison
table.round(2)

# %%
gaps = ...  # your answer here
# solution
jumpy = pc.with_(demand=pc.demand.with_(variability=0.6))
jumpy_table = jumpy.compare(jumpy.orders())
holding = jumpy_table.loc["holding cost (€)"]
lead = jumpy_table.loc["mean lead time (days)"]
gaps = {
    "holding_ratio": holding["ATO"] / holding["MTS"],
    "extra_days": lead["ATO"] - lead["MTS"],
}
print({k: round(float(v), 3) for k, v in gaps.items()})

# %%
check("5.1a", gaps)

# %% [markdown]
# ## 5.1b · Measure the risk-pooling saving
#
# The `pooling` instance has `n` products with independent demand, all made from one shared component. MTS stocks the `n` finished products; ATO stocks the one component. The square-root law predicts that ATO needs a share `1 - 1/√n` less stock.
#
# For **n = 5** (the lesson tried 1, 2, 3, 4, 6 and 9), run MTS and ATO on the same orders and **measure the saving** `1 - (ATO average units on the shelves) / (MTS average units on the shelves)`, where the units on the shelves on a day are `component_units + finished_units` in the result's `inventory` table. Give a fraction (0.25 for 25 %).

# %%
pooling = ato.load_instance("pooling", n_products=5)
pool_orders = pooling.orders()  # class seed
print("square-root law:", round(1 - 1 / 5 ** 0.5, 3))

# %%
saving = ...  # your answer here
# solution
def shelf_units(strategy):
    inventory = pooling.run(strategy, pool_orders).inventory
    return (inventory["component_units"] + inventory["finished_units"]).mean()

saving = 1 - shelf_units("ATO") / shelf_units("MTS")
print(round(saving, 3))

# %%
check("5.1b", saving)

# %% [markdown] tags=["solution"]
# **Discussion.** The simulation lands within a few points of 1 − 1/√5 = 55 %: the ups and downs of five independent products partly cancel on the shared component. The law is only the safety-stock part; rounding of targets and the finished goods' extra day of lead time move the measured figure a little. In 5.1a, jumpier demand makes both strategies keep more safety stock; ATO's holding cost rises from about 8 % to about 11 % of MTS's, so its edge shrinks a little but stays large.
