# %% [markdown]
# # 08 · ATO lab: base-stock optimisation (advanced)
#
# Our PC maker keeps motherboards, processors and monitors on the shelf and assembles a computer when an order arrives. How many of each part should it keep? Too few and orders are lost; too many and money sleeps on the shelf. This lab answers the question with the model that researchers use for it.
#
# In this notebook you will:
#
# 1. **describe** a whole assemble-to-order system as a few lines of plain data (section 1);
# 2. **estimate** the profit of a base-stock policy with a confidence interval, and compare two policies fairly with common random numbers (section 2);
# 3. **see the trade-off** between holding cost and lost sales when one level moves (section 3);
# 4. **tune the levels by hand** with one slider per component (section 4);
# 5. **search automatically** for better levels, and check them on fresh replications (section 5).
#
# **Prerequisites:** [03 · Assemble to order](03_assemble_to_order.ipynb), [04 · The PC maker](04_pc_maker.ipynb), [05 · Comparing strategies](05_comparing_strategies.ipynb); the mean and standard deviation of a sample · **Time:** about 40 minutes. This lesson is optional and more advanced than the others.

# %%
import ato_lessons as ato

print(ato.check_setup("1.1"))

import matplotlib.pyplot as plt
import pandas as pd

from ato_lessons.lab import (
    LabSliders,
    coordinate_search,
    lab_system_from_dict,
    level_sweep,
    load_lab_system,
    mean_ci,
    plot_level_sweep,
    simulate_lab,
)

SEED = ato.class_seed()

# %% [markdown]
# ## 1. The model as data
#
# Researchers have studied assemble-to-order systems for decades. Song & Zipkin's survey
# ("Supply Chain Operations: Assemble-to-Order Systems", *Handbooks in OR & MS*, 2003) sets out the
# classic model, and a 2017 review in the *European Journal of Operational Research* (Atan et al.)
# counts over 100 papers on it since. Choosing its stock levels is a standard test problem of
# simulation optimisation (Hong & Nelson, *Operations Research* 54(1), 2006). The model has exactly
# the parts of our PC maker:
#
# * **Components** are kept on the shelf with a **base-stock level** $s_j$ (the *target* of lessons
#   3 to 5): every unit used is re-ordered at once, so the units on the shelf plus the units being
#   made always add up to $s_j$. Each component has its own machine, which makes one unit at a time,
#   in the order the requests came in (**first come, first served**), each unit taking a random time
#   (normal, cut at 0). After a burst of orders the machine has a queue, so a part takes longer to
#   come back.
# * **Products** are ordered by customers who arrive at random (a Poisson process with a given
#   **rate**, in orders per unit of time). An order needs **all** its **key** components (motherboard,
#   processor): if even one is missing, the customer leaves and the sale is lost. If every key
#   component is there, the order also takes each **optional** component (an extra monitor) that is
#   on the shelf, and goes without those that are not.
# * **Money.** Each component sold earns its **profit** (its margin), so an order earns the sum over
#   the components it takes. Each unit on the shelf costs its **holding cost** $h_j$ per unit of
#   time: over a period, component $j$ costs $h_j$ times the area under its stock curve.
# * **Profit per unit time.** The run starts with full shelves and idle machines, which is not what
#   the system usually looks like, so everything before the **warm-up** time $w$ is ignored. From $w$
#   to the end of the run $T$:
#   $$\text{profit per unit time} = \frac{\text{revenue} - \sum_j h_j \int_w^T \text{stock}_j(t)\,dt}{T - w}.$$
#
# Compared with lessons 4 and 5, the base-stock idea is the same, but the parts come from a machine
# with a queue instead of a supplier with a fixed lead time, a customer who finds a key part missing
# leaves instead of waiting, and one number, the profit, weighs lost sales against holding cost.
#
# A system is a dictionary. Here is a tiny PC maker with one key and one optional component:

# %%
tiny_pc = lab_system_from_dict({
    "name": "tiny PC maker",
    "run_length": 30, "warm_up": 5,
    "components": [
        {"name": "motherboard", "profit": 5, "holding_cost": 1,
         "production_mean": 0.6, "production_sd": 0.15, "base_stock": 2},
        {"name": "monitor", "profit": 3, "holding_cost": 1,
         "production_mean": 1.0, "production_sd": 0.25, "base_stock": 1},
    ],
    "products": [
        {"name": "home PC", "rate": 1.0, "key": ["motherboard"], "optional": ["monitor"]},
        {"name": "office PC", "rate": 0.5, "key": ["motherboard"]},
    ],
})
print(tiny_pc.component_names, "total order rate:", tiny_pc.total_rate)

# %% [markdown]
# The same data can live in a JSON or TOML file (`read_lab_system(path)`). The course's PC maker ships as one: motherboard and processor are key for every PC, the graphics card is key for gaming PCs, and an extra monitor is optional. Its unit of time is one hour and its money is euros: 3.5 orders an hour, 12 to 30 minutes to make one part, and holding costs of 3 to 6 € per unit per hour, high on purpose (they stand for capital, space and electronics that lose value).

# %%
pc = load_lab_system("lab_pc_maker")
pd.DataFrame(pc.to_dict()["products"]).set_index("name")

# %% [markdown]
# A mistake in the data is caught at once, with the field and the value named:

# %%
try:
    lab_system_from_dict({**tiny_pc.to_dict(), "warm_up": 40})
except ValueError as error:
    print("ValueError:", error)

# %% [markdown]
# The classic benchmark of the simulation-optimisation literature (Hong & Nelson 2006, coded as the "ATO" problem of the SimOpt library) has 8 components and 5 products; orders arrive at a total rate of 12 per unit time, the run lasts 70 with a warm-up of 20. Components 7 and 8 are optional. Think of them as the PC maker's parts, from the cheap cable (profit 1) to the expensive extra monitor (profit 8).

# %%
hn = load_lab_system("lab_hong_nelson")
pd.DataFrame(hn.to_dict()["components"]).set_index("name")

# %%
pd.DataFrame(hn.to_dict()["products"]).set_index("name")

# %% [markdown]
# ## 2. Simulating a base-stock policy
#
# `simulate_lab` runs independent **replications** (the whole run repeated, each time with new
# customers and new production times) and reports, for each one, the profit, revenue and holding
# cost per unit time and the orders lost. The summary gives the mean over the replications and a
# **95 % confidence interval**: with $n$ replications whose profits have mean $\bar x$ and standard
# deviation $s$, the interval is $\bar x \pm t \cdot s/\sqrt{n}$, where $t \approx 1.97$ for $n = 200$
# (Student's $t$, close to the normal's 1.96). In 95 % of experiments run this way, the interval
# contains the true mean (the average over infinitely many replications of this run). Its half-width shrinks like $1/\sqrt{n}$: four times more
# replications halve it. We start from the description's levels: 10 of everything.

# %%
start = simulate_lab(hn, None, n_reps=200, seed=SEED)
start.summary().round(2)

# %% [markdown]
# With 10 of everything, holding cost eats more than half of the revenue (108.44 of 186.88 per unit time), and yet 13 % of the orders are lost: about 76 of the roughly 600 orders that arrive in the 50 counted units of time.
#
# The same seed always gives the same customers and the same production times, whatever the levels: **common random numbers**. So when we compare two policies, the difference comes from the policies, not from luck. Compare 10 of everything with 8 of everything, replication by replication:

# %%
lower = simulate_lab(hn, [8] * 8, n_reps=200, seed=SEED)
diff, low, high = mean_ci(lower.profit - start.profit)
print(f"levels 8 instead of 10: profit changes by {diff:.2f} per unit time "
      f"(95% CI {low:.2f} to {high:.2f})")
print(f"each estimate alone is only known to about ±{(start.ci[1] - start.ci[0]) / 2:.2f}")

# %% [markdown]
# Lowering every level from 10 to 8 earns 21.39 more per unit time: the starting levels are far too high. And that difference is known to within ±0.28 (21.11 to 21.67), three times more precisely than the profit of one policy alone (±0.93 for 10 of everything): on each replication both policies met the same customers, so most of the luck cancels in the difference. That is why we compare two policies replication by replication, with `mean_ci(a.profit - b.profit)`.

# %% [markdown]
# **Two engines, one truth.** The library has two engines that read the same random numbers: a plain event loop you can read line by line (`engine="reference"`, in `ato_lessons/lab/engines.py`) and a fast one that advances all replications together with numpy arrays. They give the same numbers; on the course machine the event loop needs about 5 ms per replication and the fast engine about 0.35 ms, random numbers included (one core, `benchmarks/bench_lab.py`). That speed is what makes the sliders below usable.

# %%
slow = simulate_lab(hn, None, n_reps=20, seed=SEED, engine="reference")
fast = simulate_lab(hn, None, n_reps=20, seed=SEED, engine="fast")
print(f"reference engine: {slow.mean:.6f}   fast engine: {fast.mean:.6f}")

# %% [markdown]
# ## 3. The trade-off: holding cost against lost sales
#
# Component `c6` is a key component of every product (like the motherboard). Let us move only its level and keep the others at 10. At level 0 every order is lost and the other parts sit on the shelf, costing money. Each extra unit of `c6` saves sales, until the shelf is deep enough and more stock only adds holding cost.

# %%
sweep = level_sweep(hn, None, "c6", range(0, 13), n_reps=200, seed=SEED)
sweep.round(2)

# %%
ax = plot_level_sweep(sweep, "c6")
plt.show()

# %% [markdown]
# The best level of `c6` is where the profit curve peaks: level 6, with 83.72 per unit time against 78.43 at the starting level 10. Above it, revenue hardly moves, and each extra unit adds about 2 of holding cost (one more unit on the shelf almost all the time, at $h = 2$). The confidence intervals of neighbouring levels overlap in the table, yet the curve is smooth: every point sees the same customers (common random numbers), so the differences between neighbours are measured far more precisely than the levels themselves.
#
# ## 4. Tuning by hand
#
# Each slider sets one component's base-stock level; the estimate (200 replications, the same seed each time) updates when you let go of a slider. A second line gives the change against the starting levels, with its confidence interval, computed replication by replication as in section 2. One update takes well under 0.3 s on the course machine (about 0.06 s measured). Every component costs the same to hold (2 per unit per unit of time) but earns a different profit (1 to 8). Lower the levels one at a time, starting with the optional `c7` and `c8` (an order goes without them), and watch the profit and the share of orders lost.

# %%
# NBVAL_IGNORE_OUTPUT
sliders = LabSliders(hn, n_reps=200, seed=SEED)
sliders.widget

# %% [markdown]
# The levels on the sliders are available as `sliders.levels`, so you can reuse them in code:

# %%
print(simulate_lab(hn, sliders.levels, n_reps=200, seed=SEED))

# %% [markdown]
# ## 5. Searching automatically
#
# A **coordinate search** tries one more and one fewer unit of each component in turn, keeps a change whenever the mean profit rises, and stops when no single step helps. Every evaluation uses the same seed, so small improvements are not drowned in noise. Here it is on the PC maker, starting from its current levels (listed in the order motherboard, processor, graphics card, monitor):

# %%
search = coordinate_search(pc, None, n_reps=100, seed=SEED)
search.trace.round(2)

# %% [markdown]
# The search's own estimate can flatter the winner: among many candidates it kept the ones that looked best on these particular replications. Always confirm a winner on fresh replications with a different seed, and compare it with the starting levels on the same fresh replications:

# %%
fresh = simulate_lab(pc, search.levels, n_reps=400, seed=SEED + 1)
before = simulate_lab(pc, None, n_reps=400, seed=SEED + 1)
print(f"best levels {search.levels}: {search.profit:.2f} on the search's replications")
print(f"the same levels on 400 fresh replications: {fresh}")
print(f"starting levels {pc.default_levels}, same fresh replications: {before}")
gain, low, high = mean_ci(fresh.profit - before.profit)
print(f"gain on the fresh replications: {gain:.2f} € per hour (95% CI {low:.2f} to {high:.2f})")

# %% [markdown]
# On the fresh replications the new levels earn 431.13, a little less than the 432.14 the search saw (its own estimate flattered them slightly), and 8.58 € per hour more than the starting levels, with a confidence interval (8.24 to 8.92) far from 0: the gain is real.
#
# In [Exercise 8.1](../exercises/08_1_ato_lab.ipynb) you do the same for the 8-component benchmark: find base-stock levels that earn at least **132 per unit time** on 200 fresh replications (the checker uses its own seed, which this lesson never uses). The starting levels earn about 79.

# %% [markdown]
# ## Recap
#
# * The classic ATO model: components under base-stock levels, one machine each (first come, first served), Poisson orders per product, key components all-or-nothing, optional ones if on hand.
# * Profit per unit time = revenue of the components sold − holding cost (exact area under the stock curves), counted after the warm-up.
# * A policy is judged on many replications, with a 95 % confidence interval (mean ± t·s/√n); two policies are compared with common random numbers, replication by replication, which measures their difference far more precisely.
# * Each level trades holding cost against lost sales: a key component that runs short stops every product that needs it.
# * A coordinate search finds good levels quickly; its own estimate can be optimistic, so confirm on fresh replications.
#
# **En français.** Dans l'assemblage à la commande, chaque composant est géré avec un niveau de stock cible (niveau de recomplètement) : chaque pièce utilisée est aussitôt refabriquée. Un niveau trop bas crée des ventes perdues, car il manque un composant clé ; un niveau trop haut fait payer un coût de possession inutile. On estime le profit par unité de temps par simulation, avec un intervalle de confiance à 95 % et les mêmes nombres aléatoires pour comparer deux politiques ; une recherche coordonnée par coordonnée trouve de bons niveaux, à vérifier sur de nouvelles réplications.

# %% [markdown]
# <!-- nav -->
# ---
#
# **Next:** this is the last lesson.
#
# **Previous:** [07 · Wrap-up](07_wrap_up.ipynb)
#
# **Practise:** [Exercise 8.1 · Find good base-stock levels](../exercises/08_1_ato_lab.ipynb)
#
# [Course map](00_start_here.ipynb)
