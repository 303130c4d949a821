# %% [markdown]
# # 07 · Wrap-up
#
# You have met the three strategies, simulated the PC maker under each of them and weighed the pros and cons of assembling to order. This last short lesson ties the source article's summary to the numbers you have seen, lets you check yourself, and shows where to go from here.
#
# In this notebook you will:
# 1. revisit the article's four key points, each backed by a number recomputed here;
# 2. check your understanding with a six-question quiz;
# 3. see your progress across all the exercises of the course;
# 4. find further reading, and the way to the advanced ATO lab.
#
# **Prerequisites:** lessons [01](01_make_to_stock.ipynb) to [06](06_pros_and_cons.ipynb) · **Time:** about 15 minutes

# %%
import matplotlib.pyplot as plt
import numpy as np

import ato_lessons as ato
from ato_lessons import experiments, plots
from ato_lessons.grading import check, show_progress
from ato_lessons.widgets.quiz import choice_quiz

print(ato.check_setup("1.1"))
pc = ato.load_instance("pc_maker")
orders = pc.orders()
table = pc.compare(orders)   # MTS (every configuration), MTO and ATO on the same year of orders

# %% [markdown]
# ## 1. The article's key points, with numbers
#
# ### "Assemble-to-order combines make-to-order and make-to-stock"
#
# It takes its speed from make-to-stock and its lean shelves from make-to-order. On the same 4,425 orders:

# %%
table.loc[["configurations offered", "fill rate", "mean lead time (days)",
           "p95 lead time (days)", "avg inventory value (€)"]].round(2)

# %%
fig = plots.plot_comparison(table, ["mean lead time (days)", "avg inventory value (€)"])
fig.suptitle("ATO: close to MTS on speed, close to MTO on stock", fontsize=17)
fig.tight_layout()
plt.show()

# %% [markdown]
# A mean wait of **1.31 days** (make-to-stock: 0.25, make-to-order: 29.54) with **55 k€** of stock on average (make-to-stock: 692 k€, make-to-order: none). Neither extreme, and near the better end on both counts.
#
# ### "A PC maker assembling customised computers from stocked parts uses ATO"
#
# Our PC maker keeps one case, three motherboards, four processors, four graphics cards, three monitors and two keyboards on its shelves. A customer picks one option in each category:

# %%
options = {category: len(pc.catalog.options(category)) for category in pc.catalog.categories}
print(options)
print(f"{len(pc.catalog.components)} components on the shelves → "
      f"{ato.count_configurations(options)} configurations for the customer")

# %% [markdown]
# **17 parts, 288 computers**: stocking parts instead of products is what makes the variety affordable (lesson 4).
#
# ### "Products are built quickly from components once the order is confirmed"
#
# Nothing is assembled before the order; after it, only assembly is left:

# %%
ato_orders = pc.run("ATO", orders).orders
hours = pc.catalog.assembly_hours(pc.catalog.product_names[0])
print(f"assembly work per PC: {hours:.2f} hours")
print(f"delivered within 1 day: {(ato_orders['lead_time'] <= 1).mean():.1%} of ATO orders, "
      f"within 3 days: {(ato_orders['lead_time'] <= 3).mean():.1%}")

# %% [markdown]
# Less than an hour of work per PC, and **82.3 %** of the orders leave the day after they arrive; most of the others waited for a part that was out of stock.
#
# ### "Assembly costs are negligible, component costs can be substantial"
#
# Price the work and the parts of every configuration (assembly at the factory's labour rate of 30 € an hour):

# %%
material = np.array([pc.catalog.material_cost(p) for p in pc.catalog.product_names])
labour = np.array([pc.catalog.assembly_hours(p) * pc.factory.labour_rate
                   for p in pc.catalog.product_names])
share = labour / (labour + material)
print(f"parts: {material.min():,.0f} € to {material.max():,.0f} € per PC "
      f"(median {np.median(material):,.0f} €)")
print(f"assembly: {labour.min():.2f} € per PC, i.e. {share.min():.1%} to {share.max():.1%} "
      "of the cost")

# %% [markdown]
# Assembly is **28.50 €** against 490 € to 2,240 € of parts: between **1.3 %** and **5.5 %** of the cost of a PC. That is why waiting to assemble costs almost nothing, while stocking parts — or worse, finished PCs — is where the money goes.
#
# ## 2. Check yourself
#
# Six questions on the whole course. Pick an answer in each row, then press **Check**; every wrong answer gets an explanation. The quiz is exercise 7.1: your answers are saved with your progress, like every exercise's, and are still there after a restart.

# %%
# NBVAL_IGNORE_OUTPUT
choice_quiz("7.1")

# %% [markdown]
# Prefer typing? The same checker works in code, and saves the attempt too: give each question's answer as its text or its letter (`"a"`, `"b"`, `"c"`). Here is an attempt with one right and one wrong answer; replace it with yours.

# %%
check("7.1", {"q1": "assemble to order", "q2": "about a month"})

# %% [markdown]
# ## 3. Your progress across the exercises
#
# Every exercise checker saves your latest verdict in a small file (`~/.ato_lessons/progress.json`), so this table shows what you have answered in any exercise notebook, even after a restart. The copy stored in this notebook was made on a fresh installation, so it shows only the example attempt at the quiz above (7.1): run the cell to see yours.

# %%
show_progress(include_time=False)  # show_progress() also says when you last answered each

# %% [markdown]
# ## 4. Further reading, and what next
#
# The course's facts come from these sources; each is worth reading in full.
#
# * **Dell.** The Harvard Business School case *Dell's Working Capital* (1996): Dell held 32 days of inventory against Compaq's 73, and at Compaq's level would have needed about $312 million more inventory. Michael Dell's interview with Joan Magretta, "The Power of Virtual Integration" (*Harvard Business Review*, 1998): components are about 75 % of revenue and lose about 1 % of their value a week.
# * **HP DeskJet printers.** Lee, Billington and Carter, "Hewlett-Packard gains control of inventory and service through design for localization" (*Interfaces*, 1993): building a generic printer and localising it in the European distribution centre (postponement, a close cousin of ATO) cut total inventory investment by about 18 %; supply to Europe took about one week of manufacturing plus five weeks of shipping.
# * **The research view.** Song and Zipkin, "Supply chain operations: assemble-to-order systems" (*Handbooks in Operations Research and Management Science*, vol. 11, 2003): the standard model with base-stock components and random replenishment times. Atan, Ahmadi, Stegehuis, de Kok and Adan, "Assemble-to-order systems: a review" (*European Journal of Operational Research*, 2017) surveys over a hundred papers since. Hong and Nelson, "Discrete optimization via simulation using COMPASS" (*Operations Research* 54(1), 2006) made the choice of ATO base-stock levels a standard benchmark.
#
# Dell's rule of thumb, applied to our PC maker: at 1 % a week, how much value does the average unit lose while it sits on the shelf?

# %%
weekly_loss = 0.01
print(f"Dell: 1 week of stock instead of 4 saves {(4 - 1) * weekly_loss:.0%} of component cost")
for label in ("MTS", "ATO"):
    days = experiments.days_of_inventory(pc.run(label, orders))
    print(f"PC maker, {label}: {days:.1f} days on the shelf → {days / 7 * weekly_loss:.1%} "
          "of its value lost before use")

# %% [markdown]
# Under make-to-stock, a unit waits 66.4 days and loses **9.5 %** of its value before it is sold; under assemble-to-order, a part waits 5.3 days and loses **0.8 %**.
#
# **Next:** the [ATO lab](08_ato_lab.ipynb) (lesson 8, advanced) takes the research model above and asks the question this course left open: *how many* of each part should the PC maker keep? You will estimate profits with confidence intervals and search for good base-stock levels, as in Hong and Nelson's benchmark.
#
# ## Recap
#
# * ATO sits between MTS and MTO: a 1.31-day mean wait (MTS 0.25, MTO 29.54) with 55 k€ of stock (MTS 692 k€, MTO none).
# * The PC maker is the article's example: 17 parts on the shelves give 288 configurations.
# * Only assembly waits for the order: 0.95 hours of work, and 82.3 % of orders leave the next day.
# * Assembly is cheap (1.3 % to 5.5 % of a PC's cost); parts are where the money, and the risk, sit.
# * Your progress table and the quiz show what to revisit; lesson 8 optimises the stock levels.
#
# **En français.** L'assemblage à la commande combine la fabrication sur commande et la fabrication sur stock : chez notre fabricant de PC, le délai moyen est de 1,31 jour (contre 0,25 en fabrication sur stock et 29,54 en fabrication sur commande) pour 55 k€ de stock de composants, au lieu de 692 k€ de produits finis. Dix-sept composants en stock permettent 288 configurations ; seul l'assemblage attend la commande, et il ne représente que 1,3 % à 5,5 % du coût d'un PC. Le coût de possession et le risque se trouvent dans les composants : la gestion des stocks, le niveau de stock cible de chaque pièce et la fiabilité de la chaîne d'approvisionnement décident du taux de service. La leçon 8 cherche les meilleurs niveaux de stock cible.

# %% [markdown]
# <!-- nav -->
# ---
#
# **Next:** [08 · ATO lab: base-stock optimisation (advanced)](08_ato_lab.ipynb)
#
# **Previous:** [06 · Pros and cons](06_pros_and_cons.ipynb)
#
# [Course map](00_start_here.ipynb)
