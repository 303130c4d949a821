# %% [markdown]
# # 00 · Start here
#
# In this notebook you will:
# 1. Find out how the course works: where to run it, how to run cells, how exercises are checked
# 2. Run your first simulation of the course's running example, a PC maker, and move your first slider
# 3. See the map of the course and what you will be able to do at the end
#
# **Prerequisites:** none · **Time:** about 10 minutes

# %%
import matplotlib.pyplot as plt
import pandas as pd

import ato_lessons as ato
from ato_lessons import plots

print(ato.check_setup("1.1"))

# %% [markdown]
# If the line above says **Setup OK**, everything is installed. If it shows an error instead, the message says what to do (usually: reinstall the course package with `python -m pip install -e .` from the course folder).
#
# ## 1. How this course works
#
# The course is a set of Jupyter notebooks, one per lesson, plus one exercise notebook for most lessons. Every idea comes with a small piece of Python that you run yourself: the code is short and you never need to write a program from scratch.
#
# ### Where to run it
#
# * **In your browser, nothing to install:** click the *Binder* badge at the top of the course's README. Binder gives you a free, temporary copy of the course. It shuts down after about 10 minutes without activity and forgets your changes, so download anything you want to keep.
# * **On your own computer** (Python 3.11 or newer): from the course folder, one command creates a virtual environment, installs the course and opens this notebook. The same command starts the course again next time.
#
# **macOS / Linux**
#
# ```bash
# python3 -m venv .venv && .venv/bin/python -m pip install -r requirements.txt -e . && .venv/bin/python -m jupyter lab notebooks/00_start_here.ipynb
# ```
#
# **Windows** (Command Prompt or PowerShell 7)
#
# ```bat
# py -m venv .venv && .venv\Scripts\python -m pip install -r requirements.txt -e . && .venv\Scripts\python -m jupyter lab notebooks/00_start_here.ipynb
# ```
#
# ### Running cells
#
# Click a grey code cell and press **Shift+Enter**: the cell runs, its result appears below it, and the next cell is selected. Run the cells from top to bottom, because later cells use what earlier ones computed. To run a whole lesson at once, use **Run → Run All Cells**. If something looks strange, **Kernel → Restart Kernel and Run All Cells…** starts again from a clean state. Try it on the cell below.

# %%
lesson_minutes = [lesson.minutes for lesson in ato.LESSONS]
print(f"The course has {len(lesson_minutes)} lessons "
      f"and takes about {sum(lesson_minutes)} minutes.")

# %% [markdown]
# ### Exercises and their checks
#
# Most lessons have an exercise notebook in the `exercises/` folder (answered versions are in `solutions/`, for after you have tried). You write your answer in place of a `...` placeholder and run a check cell, such as `check("4.1a", answer)`. The checker explains what is right or wrong: it never just says "wrong". Each checked answer is saved on your computer (in `~/.ato_lessons/progress.json`), so a restart of the kernel or of your laptop loses nothing, and the wrap-up lesson shows your progress.
#
# Here is what a checker says before you answer, and when it cannot read an answer (`grade` only shows the verdict; `check` also saves it):

# %%
from ato_lessons.grading import grade, set_language

set_language("en")
print(grade("4.1a", ...).text())
print()
print(grade("4.1a", "many").text())

# %% [markdown]
# The feedback also comes in French. In an exercise notebook, the first code cell has a line `# set_language("fr")`: delete the `#` and run that cell again, and from then on the verdicts, hints and buttons are in French (`set_language("en")` switches back). To have French everywhere without editing anything, set the environment variable `ATO_LANG=fr` before starting JupyterLab, the same way as the class seed below. Here is the same verdict in French:

# %%
set_language("fr")
print(grade("4.1a", "many").text())
set_language("en")

# %% [markdown]
# ### The course's words in English and French
#
# The lessons are in English; the article the course is built on is in French. Here are the words you will meet, with the French terms used in the *En français* summary that ends each lesson. Do not worry if they mean nothing yet: lessons 1 to 4 explain every one of them. Come back here when you need a translation.
#
# | English | Français |
# |---|---|
# | make to stock (MTS) | fabrication sur stock |
# | make to order (MTO) | fabrication sur commande |
# | assemble to order (ATO) | assemblage à la commande (ou sur commande) |
# | supply chain | chaîne d'approvisionnement |
# | inventory management | gestion des stocks |
# | component, part | composant, pièce |
# | finished goods, finished products | produits finis |
# | lead time (the wait for a delivery) | délai (de livraison, d'approvisionnement) |
# | fill rate, service level | taux de service |
# | base-stock level, target stock | niveau de stock cible (niveau de recomplètement) |
# | holding cost | coût de possession (de stockage) |
# | lost sale / backorder (an order that waits) | vente perdue / commande en attente |

# %% [markdown]
# ### The class seed
#
# The simulations draw random customer orders, but always from a fixed *seed*, so everyone sees the same numbers and the text of the lessons can quote them. The default seed is 2026. An instructor may announce a seed for the class: run `ato.set_class_seed(7)` once, in any notebook, and every lesson uses it from then on (re-run the notebooks already open; `ato.set_class_seed(None)` goes back to 2026). On a hub, the administrator can instead set the environment variable `ATO_CLASS_SEED` for everyone. The numbers on your screen then differ from the ones written in the text, but they are the same for the whole class.

# %%
print("This session uses the class seed", ato.class_seed())

# %% [markdown]
# ## 2. Your first simulation
#
# The course follows one example from start to finish, taken from the French article *Assemblage à la commande (ATO)* that the course is built on: a maker of personal computers. It keeps the essential parts (motherboards, processors, graphics cards, monitors, keyboards) on its shelves, bought from various suppliers, and assembles and customises a PC when a customer's order arrives.
#
# In the course's version, the PC maker buys 17 components; a customer picks one option in each category:

# %%
pc = ato.load_instance("pc_maker")
pc.catalog.to_frame()

# %% [markdown]
# Picking one case, one of 3 motherboards, one of 4 processors, one of 4 graphics cards, one of 3 monitors and one of 2 keyboards gives 1 × 3 × 4 × 4 × 3 × 2 = 288 different PCs:

# %%
print(pc.catalog.n_configurations, "configurations")

# %% [markdown]
# Now the simulation: one year of customer orders, drawn at random around the PC maker's usual demand of 12 orders a day. Each row is one order: the day it arrives, the configuration asked for and how many units.

# %%
orders = pc.orders()
print(f"{len(orders)} orders in {pc.horizon} days")
orders.head()

# %% [markdown]
# The year brings 4425 orders. Here is the first month, day by day: some days are busy, others quiet. That uncertainty is what every strategy in this course has to cope with.

# %%
first_month = orders[orders["day"] < 30]
with plots.course_style():
    fig, ax = plt.subplots(figsize=(10, 4.5))
    plots.plot_daily_orders(first_month, horizon=30, ax=ax)
    ax.set_xlabel("Day of the month")
    ax.set_ylabel("Orders received per day")
    ax.set_ylim(0, 30)
    plt.show()

# %% [markdown]
# ### Your first widget
#
# Some cells show sliders. Moving one re-runs the simulation and redraws the picture (let go of the handle, then wait a moment). Try it: raise the mean number of orders per day, then raise the day-to-day variability and watch the busy and quiet days drift further apart.

# %%
# NBVAL_IGNORE_OUTPUT
from ato_lessons.widgets.basics import OrdersWidget

OrdersWidget(pc).widget

# %% [markdown]
# A teaser of where the course goes: the same year of orders, run through the PC maker's factory under the three strategies you will meet. Building every PC ahead (MTS) ships almost at once but ties up about 692 k€ (thousand euros) in stock on average; building after the order (MTO) holds no stock but makes customers wait about a month; assembling stocked parts on order (ATO) delivers in about a day with less than a tenth of MTS's stock. Lessons 1 to 5 explain every number.

# %%
table = pc.compare(orders)
pd.DataFrame({
    "mean wait (days)": table.loc["mean lead time (days)"].round(1),
    "orders served from stock": table.loc["fill rate"].map("{:.0%}".format),
    "average inventory (k€)": (table.loc["avg inventory value (€)"] / 1000).round().astype(int),
})

# %% [markdown]
# ## 3. The map of the course
#
# The course's table of contents lives in the package, so you can print it:

# %%
pd.DataFrame(
    [{"lesson": f"{x.number:02d}", "title": x.title, "minutes": x.minutes} for x in ato.LESSONS]
).set_index("lesson")

# %% [markdown]
# | # | Lesson | Time | What you do | Exercise |
# |---|---|---|---|---|
# | 00 | [Start here](00_start_here.ipynb) | 10 min | How the course works; your first simulation; the map | — |
# | 01 | [Make to stock](01_make_to_stock.ipynb) | 20 min | Build ahead of demand; stock-outs against leftovers | [1.1](../exercises/01_1_make_to_stock.ipynb) |
# | 02 | [Make to order](02_make_to_order.ipynb) | 15 min | Build after the order; how long the customer waits | [2.1](../exercises/02_1_make_to_order.ipynb) |
# | 03 | [Assemble to order](03_assemble_to_order.ipynb) | 20 min | The hybrid: parts ahead, assembly on order | [3.1](../exercises/03_1_assemble_to_order.ipynb) |
# | 04 | [The PC maker](04_pc_maker.ipynb) | 25 min | The article's example end to end | [4.1](../exercises/04_1_pc_maker.ipynb) |
# | 05 | [Comparing strategies](05_comparing_strategies.ipynb) | 30 min | Same factory, same demand, three strategies; risk pooling | [5.1](../exercises/05_1_comparing_strategies.ipynb) |
# | 06 | [Pros and cons](06_pros_and_cons.ipynb) | 25 min | The article's missing list, each item shown by experiment | [6.1](../exercises/06_1_pros_and_cons.ipynb) |
# | 07 | [Wrap-up](07_wrap_up.ipynb) | 15 min | Key points, self-check quiz, your progress | — |
# | 08 | [ATO lab (advanced)](08_ato_lab.ipynb) | 40 min | The research model; optimise base-stock levels | [8.1](../exercises/08_1_ato_lab.ipynb) |
#
# Lessons 00 to 07 take about 160 minutes, plus the exercises; lesson 08 is optional and takes 40 minutes more.
#
# ### What you will be able to do at the end
#
# * Explain make to stock (MTS), make to order (MTO) and assemble to order (ATO) in your own words, and say where each one fits.
# * Simulate the PC maker under each strategy and read the key figures: how long customers wait, the share of orders served from stock, the money tied up in inventory.
# * Explain why stocking shared components needs less safety stock than stocking finished products (risk pooling).
# * Weigh the advantages and disadvantages of ATO, with evidence from your own experiments.
# * (Advanced) Choose target stock levels for components with a simulation.

# %% [markdown]
# ## Recap
#
# * Run cells from top to bottom with Shift+Enter, or all at once with Run → Run All Cells; restart the kernel when in doubt.
# * Run the course on Binder (nothing to install, nothing kept) or on your laptop with one command.
# * Exercises are checked with explanations, in English or French (`set_language("fr")`), and your answers are saved across restarts; the vocabulary table gives every term of the course in both languages.
# * Every simulation uses the class seed (2026 unless your instructor sets `ATO_CLASS_SEED`), so the whole class sees the same numbers.
# * The running example is a PC maker that assembles 288 possible configurations from 17 stocked components; it receives about 12 orders a day.
#
# **En français.** Ce cours se suit dans des carnets Jupyter : on exécute les cellules dans l'ordre (Maj+Entrée) et on déplace des curseurs pour voir la simulation changer. Les exercices sont corrigés avec des explications, en anglais ou en français (`set_language("fr")`), et les réponses sont conservées. L'exemple suivi tout au long du cours est un fabricant de PC qui garde ses composants en stock et assemble les ordinateurs à la commande. Le cours compare trois stratégies : la fabrication sur stock, la fabrication sur commande et l'assemblage à la commande, avec leurs délais, leur taux de service et leur coût de possession.

# %% [markdown]
# <!-- nav -->
# ---
#
# **Next:** [01 · Make to stock](01_make_to_stock.ipynb)
#
# **Previous:** this is the first lesson.
