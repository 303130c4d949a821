# %% [markdown]
# # Solution 6.1 · Pros and cons
#
# Back to the lesson: [06 · Pros and cons](../notebooks/06_pros_and_cons.ipynb)
#
# Twelve statements about assemble-to-order: sort them into advantages and disadvantages. The feedback explains every wrong answer.
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
# ## 6.1a · Advantage or disadvantage of ATO?

# %% [markdown]
# For each statement choose *advantage* or *disadvantage* (of ATO, compared with MTS and MTO).
#
# Answer with the buttons below (press **Check** as often as you like; **Hint** gives a clue)…

# %%
# NBVAL_IGNORE_OUTPUT
choice_quiz("6.1a")

# %% [markdown]
# …or in code: `list_items` shows the ids, then write a dict `id → choice` and check it.

# %%
list_items("6.1a")

# %%
answer_6_1a = {  # solution
    "p1": "advantage",
    "p10": "advantage",
    "p11": "disadvantage",
    "p12": "disadvantage",
    "p2": "advantage",
    "p3": "advantage",
    "p4": "advantage",
    "p5": "disadvantage",
    "p6": "disadvantage",
    "p7": "disadvantage",
    "p8": "disadvantage",
    "p9": "disadvantage",
}
check("6.1a", answer_6_1a)

# %% [markdown] tags=["solution"]
# **Discussion.** ATO's advantages are variety without finished stock, less capital tied up, faster delivery than MTO and risk pooling; its drawbacks are the remaining wait for assembly, component stock that can become obsolete, dependence on forecasts and suppliers (one missing part blocks many products), assembly capacity, limited customisation and more complex management.
