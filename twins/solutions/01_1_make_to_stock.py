# %% [markdown]
# # Solution 1.1 · Make to stock
#
# Back to the lesson: [01 · Make to stock](../notebooks/01_make_to_stock.ipynb)
#
# Two exercises: six statements about make-to-stock (MTS) to judge true or false, then a hands-on question on the PC maker: how many of its configurations can MTS afford to stock?
#
# **How to work.** Replace every `...` with your answer and run the cell: the checker prints a verdict and explains what is off. Your answers are saved (in `~/.ato_lessons/progress.json`), so a kernel restart loses nothing; the wrap-up lesson shows your progress. *Les messages existent aussi en français : exécutez `set_language("fr")`.*

# %% [markdown]
# Run this cell first: it loads the course library and the checkers.

# %%
import ato_lessons as ato
from ato_lessons.grading import check, set_language  # noqa: F401 (set_language: the line below)
from ato_lessons.widgets.quiz import choice_quiz, list_items

assert ato.__version__.split(".")[0] == "1", f"ato_lessons {ato.__version__}: run pip install -e ."
# set_language("fr")  # messages en français

# %% [markdown]
# ## 1.1a · True or false?

# %% [markdown]
# Each statement is about make-to-stock. Is it true or false?
#
# Answer with the buttons below (press **Check** as often as you like; **Hint** gives a clue)…

# %%
# NBVAL_IGNORE_OUTPUT
choice_quiz("1.1a")

# %% [markdown]
# …or in code: `list_items` shows the ids, then write a dict `id → choice` and check it.

# %%
list_items("1.1a")

# %%
answer_1_1a = {  # solution
    "t1": "true",
    "t2": "false",
    "t3": "true",
    "t4": "false",
    "t5": "true",
    "t6": "true",
}
check("1.1a", answer_1_1a)

# %% [markdown]
# ## 1.1b · How many PCs can MTS offer?
#
# The PC maker sells 288 configurations. Under MTS every configuration it offers needs its own shelf of finished PCs. `pc.run("MTS", orders, offer=k)` stocks only the `k` most popular configurations (at a 95 % target service level); orders for the others are lost.
#
# **What is the smallest `k` for which at least 80 % of the class's orders are served from stock** (`summary()["fill rate"] >= 0.80`)?

# %%
pc = ato.load_instance("pc_maker")
orders = pc.orders()  # one year of the class's orders (class seed)
print(len(orders), "orders")
print("fill rate with the 10 most popular PCs:",
      round(pc.run("MTS", orders, offer=10).summary()["fill rate"], 3))

# %%
k_needed = ...  # your answer here
# solution
k_needed = next(
    k for k in range(1, pc.catalog.n_configurations + 1)
    if pc.run("MTS", orders, offer=k).summary()["fill rate"] >= 0.80
)
print("smallest k:", k_needed)

# %%
check("1.1b", k_needed)

# %% [markdown] tags=["solution"]
# **Discussion.** About a third of the catalogue must be stocked as finished PCs to serve four orders in five: the long tail of rare configurations is what makes MTS expensive when variety is high. Lesson 3 shows how ATO avoids it.
