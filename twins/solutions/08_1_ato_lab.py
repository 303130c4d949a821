# %% [markdown]
# # Solution 8.1 · Find good base-stock levels
#
# Back to the lesson: [08 · ATO lab: base-stock optimisation](../notebooks/08_ato_lab.ipynb)
#
# The benchmark ATO system of the lesson (`load_lab_system("hong_nelson")`: 8 components, 5 products) starts with 10 units of every component and earns about 79 per unit time. **Find base-stock levels with the highest profit you can.**
#
# * A base-stock level is what the shelf and the component's machine hold together: every unit used is made again at once (lesson 8, section 1). Lower levels save holding cost; a key component that runs out loses the whole order.
# * Your answer is a list of 8 whole numbers between 0 and 20, one per component `c1` … `c8`, for example `[5, 5, 5, 5, 5, 5, 5, 5]`.
# * The checker simulates your levels on **200 fresh replications with its own seed** (not the one you used). The answer is correct when the mean profit is **at least 132 per unit time**; beating the starting levels earns partial credit. Because the replications are fresh, levels tuned closely to your own seed may earn a little less there: confirm them on other replications first, as in section 5 of the lesson.
# * Tools from the lesson: `simulate_lab`, `level_sweep`, the sliders `LabSliders`, and `coordinate_search`.

# %%
import ato_lessons
from ato_lessons.grading import check
from ato_lessons.lab import coordinate_search, load_lab_system, simulate_lab

hn = load_lab_system("lab_hong_nelson")
SEED = ato_lessons.class_seed()
print(simulate_lab(hn, None, n_reps=200, seed=SEED))

# %% [markdown]
# Replace the `...` with your levels. You may compute them (for example with `coordinate_search`) or type them. Then confirm them on replications the search did not see, e.g. `print(simulate_lab(hn, levels, n_reps=200, seed=SEED + 1))`: if they earn 132 or more there too, they should pass the check.

# %%
levels = ...  # your answer here
# solution
# A coordinate search from the starting levels, 50 replications per evaluation:
# every component ends well below 10; c4 stays highest: it is key for three products
# (7.8 orders per unit time, 0.15 per unit to make), so its machine is the busiest.
search = coordinate_search(hn, None, n_reps=50, seed=SEED)
levels = list(search.levels)
print("levels:", levels, f"({search.evaluations} level vectors simulated)")
print("on fresh replications:", simulate_lab(hn, levels, n_reps=200, seed=SEED + 1))

# %% [markdown]
# Run the check (it takes a moment: 200 fresh replications):

# %%
check("8.1", levels)
