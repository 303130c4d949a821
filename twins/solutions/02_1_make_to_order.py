# %% [markdown]
# # Solution 2.1 · Make to order
#
# Back to the lesson: [02 · Make to order](../notebooks/02_make_to_order.ipynb)
#
# Two exercises: six statements about make-to-order (MTO) to judge true or false, then a measurement: how long does an MTO customer of the PC maker wait?
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
# ## 2.1a · True or false?

# %% [markdown]
# Each statement is about make-to-order. Is it true or false?
#
# Answer with the buttons below (press **Check** as often as you like; **Hint** gives a clue)…

# %%
# NBVAL_IGNORE_OUTPUT
choice_quiz("2.1a")

# %% [markdown]
# …or in code: `list_items` shows the ids, then write a dict `id → choice` and check it.

# %%
list_items("2.1a")

# %%
answer_2_1a = {  # solution
    "m1": "true",
    "m2": "false",
    "m3": "true",
    "m4": "false",
    "m5": "true",
    "m6": "true",
}
check("2.1a", answer_2_1a)

# %% [markdown]
# ## 2.1b · Faster processors: how long does an MTO customer wait?
#
# In the lesson, the processors (ChipCo: 28 days; Silicon Forge, for the top model: 35 days) set the MTO customer's wait. Suppose both processor makers now promise **10 days**. Build that factory with the catalog's `with_lead_times(suppliers=...)` (lesson 2), run the PC maker under MTO on the class's orders, and read two figures from the summary: the **mean** lead time and its **95th percentile** (`"p95 lead time (days)"`), in days. Answer with a dict `{"mean": ..., "p95": ...}`. Before you run it: will the wait drop by 18 days?

# %%

pc = ato.load_instance("pc_maker")
orders = pc.orders()  # the class's orders (class seed)

# %%
mto_wait = ...  # your answer here
# solution
faster = pc.catalog.with_lead_times(suppliers={"ChipCo (US)": 10, "Silicon Forge (IE)": 10})
factory = pc.factory.with_(catalog=faster)
summary = pc.with_(factory=factory).run("MTO", orders).summary()
mto_wait = {"mean": summary["mean lead time (days)"], "p95": summary["p95 lead time (days)"]}
print({k: round(float(v), 2) for k, v in mto_wait.items()})

# %%
check("2.1b", mto_wait)

# %% [markdown] tags=["solution"]
# **Discussion.** Processors ten days faster save the customer far less than 18 days: as soon as the processors stop being the slowest parts, the graphics cards (21 to 28 days) and the motherboards (14 to 21 days) take over. Under MTO the customer always waits for the *slowest* supplier of the order, so speeding up one supplier only helps until the next one becomes the bottleneck — the whole supply chain is in the customer's wait.
