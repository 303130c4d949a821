# %% [markdown]
# # Solution 4.1 · The PC maker
#
# Back to the lesson: [04 · The PC maker](../notebooks/04_pc_maker.ipynb)
#
# Two hands-on exercises with the course's PC maker: count the configurations that one supplier's failure would stop, then choose how many units of each component to keep so that 95 % of orders are served from stock, at the least inventory value.
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
# ## 4.1a · Count the PC configurations
#
# A PC is one option in each category of components, so the numbers of options multiply (lesson 4). Lesson 4 also showed that under ATO a missing part stops every PC that needs it.
#
# Suppose the supplier **Taipei Boards (TW)** cannot deliver for a few months, and its parts run out. **How many of the PC maker's configurations can no longer be built?** The cell below lists every category's options with their supplier (`component.supplier`); compute the answer from `pc.catalog.categories` and `pc.catalog.options(category)`. Hint: first count the configurations that can *still* be built.

# %%
pc = ato.load_instance("pc_maker")
for category in pc.catalog.categories:
    print(f"{category:14}", {c.name: c.supplier for c in pc.catalog.options(category)})

# %%
n_stopped = ...  # your answer here
# solution
supplier = "Taipei Boards (TW)"
still_possible = 1
for category in pc.catalog.categories:
    still_possible *= len([c for c in pc.catalog.options(category) if c.supplier != supplier])
n_stopped = pc.catalog.n_configurations - still_possible
print(f"{still_possible} configurations can still be built, {n_stopped} cannot")

# %%
check("4.1a", n_stopped)

# %% [markdown]
# ## 4.1b · Target levels for a 95 % fill rate
#
# Under ATO the PC maker keeps a target stock of every component (a base-stock level) and re-orders each unit used. `pc.targets("ATO", service_level)` suggests targets that keep *each component* on the shelf with that probability; but an order needs *all* its components, so the share of orders served from stock (the fill rate) is lower.
#
# **Choose targets `{component: units}` that serve at least 95 % of orders from stock with as little inventory value as you can.**
#
# The fill rate of given targets changes a lot from one year of orders to the next (a bad stretch of shortages can pull a whole year down), so judge your targets on **five years** of the class's orders pooled, as `pooled_fill` below does. The checker runs your targets on eight *other* years: the pooled fill rate must reach 95 % (one point of slack for randomness), and the average inventory value must be at most 15 % above a reference solution it computes.

# %%
years = [pc.orders(seed=ato.class_seed() + r) for r in range(5)]  # five years of orders


def pooled_fill(targets):
    """Share of the orders of all five years served from stock."""
    results = [pc.run("ATO", orders, targets) for orders in years]
    return sum(r.orders["from_stock"].sum() for r in results) / sum(len(r.orders) for r in results)


print("fill rate with 95 % per component:", round(pooled_fill(pc.targets("ATO", 0.95)), 3))

# %%
targets = ...  # your answer here
# solution
# Raise one service level for all components until the pooled fill rate reaches 95.5 %
# (half a point of margin for the fresh years), by bisection.
low, high = 0.9, 0.9999
for _ in range(12):
    level = (low + high) / 2
    low, high = (low, level) if pooled_fill(pc.targets("ATO", level)) >= 0.955 else (level, high)
targets = pc.targets("ATO", high)
print(f"service level per component {high:.4f}: pooled fill rate {pooled_fill(targets):.3f}")

# %%
check("4.1b", targets)

# %% [markdown] tags=["solution"]
# **Discussion.** 4.1a: 96 configurations avoid both Taipei Boards motherboards (1 × 1 × 4 × 4 × 3 × 2), so 288 − 96 = 192 are stopped. Losing one supplier of two parts halts two thirds of the range while fifteen other components sit on the shelf: ATO depends on reliable suppliers, one of its drawbacks in lesson 6.
#
# 4.1b: The per-component service level has to be well above 95 % (about 99 %) because an order needs five components at once. One common level is a simple, decent answer; cheaper components deserve higher levels and expensive ones (processors, graphics cards) lower ones, which beats the reference.
