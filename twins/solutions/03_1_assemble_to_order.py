# %% [markdown]
# # Solution 3.1 · Assemble to order
#
# Back to the lesson: [03 · Assemble to order](../notebooks/03_assemble_to_order.ipynb)
#
# Two classification exercises: which strategy (MTS, MTO or ATO) a statement describes, then which strategy fits ten real businesses, from bakery bread to cruise ships.
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
# ## 3.1a · Which strategy does each statement describe?

# %% [markdown]
# For each statement choose MTS (make to stock), MTO (make to order) or ATO (assemble to order).
#
# Answer with the buttons below (press **Check** as often as you like; **Hint** gives a clue)…

# %%
# NBVAL_IGNORE_OUTPUT
choice_quiz("3.1a")

# %% [markdown]
# …or in code: `list_items` shows the ids, then write a dict `id → choice` and check it.

# %%
list_items("3.1a")

# %%
answer_3_1a = {  # solution
    "s1": "MTS",
    "s10": "MTS",
    "s2": "MTO",
    "s3": "ATO",
    "s4": "MTO",
    "s5": "MTS",
    "s6": "ATO",
    "s7": "MTS",
    "s8": "MTO",
    "s9": "ATO",
}
check("3.1a", answer_3_1a)

# %% [markdown]
# ## 3.1b · Which strategy fits each business?

# %% [markdown]
# For each business choose the strategy that fits it best. The feedback gives the reasoning for every case you get wrong.
#
# Answer with the buttons below (press **Check** as often as you like; **Hint** gives a clue)…

# %%
# NBVAL_IGNORE_OUTPUT
choice_quiz("3.1b")

# %% [markdown]
# …or in code: `list_items` shows the ids, then write a dict `id → choice` and check it.

# %%
list_items("3.1b")

# %%
answer_3_1b = {  # solution
    "bread": "MTS",
    "car": "ATO",
    "furniture": "MTO",
    "jet": "MTO",
    "paint": "ATO",
    "pc": "ATO",
    "sandwich": "ATO",
    "ship": "MTO",
    "toothpaste": "MTS",
    "water": "MTS",
}
check("3.1b", answer_3_1b)

# %% [markdown] tags=["solution"]
# **Discussion.** Three questions decide: how long the customer will wait, how many variants exist, and what an unsold unit would cost. Standard, cheap, wanted-now goods are stocked; unique, expensive ones are built on order; many variants from shared parts, assembled quickly, call for ATO.
