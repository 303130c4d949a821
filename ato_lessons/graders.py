"""Graders of the exercises of lessons 1-6.

Two families live here:

* **choice exercises** (classify statements or business cases): the answer is a
  dict ``{item_id: choice}``; every wrong item gets its own explanation;
* **hands-on exercises** (numbers computed with the library): the ``grade_*``
  functions at the end of this module recompute the truth with the library
  for the class seed in use and say how far off an answer is.

Every grader takes the student's answer and returns a
:class:`~ato_lessons.checking.Verdict`; it never raises on the answer. The
answer keys of choice exercises are stored encoded, so that reading a notebook
(or skimming this file) does not give them away.

Examples
--------
>>> from ato_lessons.checking import set_language
>>> set_language("en")
>>> grade_choices("3.1a", ...).status
'unanswered'
>>> grade_choices("3.1a", {"s1": "banana"}).status
'incorrect'
"""

from __future__ import annotations

import base64
import dataclasses
import json
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

import pandas as pd

from ato_lessons.catalog import Catalog
from ato_lessons.checking import Verdict, describe, register_grader
from ato_lessons.course import class_seed
from ato_lessons.i18n import fmt_euros as _euros
from ato_lessons.i18n import fmt_number as _num
from ato_lessons.i18n import fmt_percent as _pct
from ato_lessons.i18n import get_language, tr
from ato_lessons.instances import Scenario, load_instance

__all__ = [
    "CHOICE_EXERCISES",
    "ChoiceExercise",
    "Item",
    "grade_choices",
]

_MAX_ITEMS_LISTED = 5


@dataclass(frozen=True)
class Item:
    """One statement or business case to classify, with its explanation.

    Parameters
    ----------
    key : str
        Short id used in the answer dict, e.g. ``"s3"``.
    en, fr : str
        The statement in English and French.
    why_en, why_fr : str
        The reasoning shown when the item is answered wrongly.
    """

    key: str
    en: str
    fr: str
    why_en: str
    why_fr: str

    def __post_init__(self) -> None:
        for name in ("key", "en", "fr", "why_en", "why_fr"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{name}(={value!r}) must be a non-empty str")

    @property
    def text(self) -> str:
        """The statement in the current language."""
        return tr(self.en, self.fr)

    @property
    def why(self) -> str:
        """The explanation in the current language."""
        return tr(self.why_en, self.why_fr)


@dataclass(frozen=True)
class Choice:
    """One possible answer: a code, its labels and other accepted spellings."""

    code: str
    en: str
    fr: str
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The label in the current language."""
        return tr(self.en, self.fr)


STRATEGIES = (
    Choice("MTS", "MTS", "MTS", ("make-to-stock", "make to stock", "fabrication sur stock")),
    Choice("MTO", "MTO", "MTO", ("make-to-order", "make to order", "fabrication sur commande")),
    Choice(
        "ATO",
        "ATO",
        "ATO",
        (
            "assemble-to-order",
            "assemble to order",
            "assemblage à la commande",
            "assemblage sur commande",
        ),
    ),
)
PROS_CONS = (
    Choice("advantage", "advantage", "avantage", ("pro", "+", "avantage")),
    Choice(
        "disadvantage",
        "disadvantage",
        "inconvénient",
        ("con", "-", "inconvénient", "inconvenient", "drawback"),
    ),
)
TRUE_FALSE = (
    Choice("true", "true", "vrai", ("vrai", "yes", "oui")),
    Choice("false", "false", "faux", ("faux", "no", "non")),
)


@dataclass(frozen=True)
class ChoiceExercise:
    """A set of items, each to be given one of a few choices.

    Parameters
    ----------
    exercise_id : str
        E.g. ``"3.1a"``.
    title_en, title_fr : str
        Short title in English and French.
    choices : tuple of Choice
        The possible answers.
    items : tuple of Item
        What to classify.
    hint_en, hint_fr : str
        A hint shown on demand.
    explain_all : bool, default False
        Also give the reasoning of the items answered right (for business
        cases, where the reasoning is the lesson).
    """

    exercise_id: str
    title_en: str
    title_fr: str
    choices: tuple[Choice, ...]
    items: tuple[Item, ...]
    hint_en: str
    hint_fr: str
    explain_all: bool = False

    def __post_init__(self) -> None:
        keys = [item.key for item in self.items]
        if len(set(keys)) != len(keys) or not keys:
            raise ValueError(f"items(={keys!r}) must have distinct keys and not be empty")
        if len(self.choices) < 2:
            raise ValueError(f"choices(={self.choices!r}) must offer at least two answers")

    @property
    def hint(self) -> str:
        """The hint in the current language."""
        return tr(self.hint_en, self.hint_fr)

    @property
    def title(self) -> str:
        """The title in the current language."""
        return tr(self.title_en, self.title_fr)

    def normalise(self, value: object) -> str | None:
        """Return the choice code ``value`` stands for, or None if it is not one."""
        if isinstance(value, bool) and self.choices == TRUE_FALSE:
            return "true" if value else "false"
        if not isinstance(value, str) or len(value) > 60:
            return None
        text = " ".join(value.strip().lower().split())
        for choice in self.choices:
            spellings = {choice.code.lower(), choice.en.lower(), choice.fr.lower()}
            if text in spellings or text in choice.aliases:
                return choice.code
        return None

    def label_of(self, code: str) -> str:
        """The label of a choice code in the current language."""
        for choice in self.choices:
            if choice.code == code:
                return choice.label
        return code

    def example(self) -> str:
        """A short example answer, for messages."""
        options = " / ".join(c.code for c in self.choices)
        return f"{{'{self.items[0].key}': '{self.choices[0].code}', ...}} ({options})"


# --- answer keys -------------------------------------------------------------
# Encoded (base64 of JSON) so that they are not readable at a glance; tests
# decode them with ``_answer_key``. tools/README.md says how to re-encode them.
_ENCODED_KEYS = (
    "eyIxLjFhIjogeyJ0MSI6ICJ0cnVlIiwgInQyIjogImZhbHNlIiwgInQzIjogInRydWUiLCAidDQiOiAiZmFsc2Ui"
    "LCAidDUiOiAidHJ1ZSIsICJ0NiI6ICJ0cnVlIn0sICIyLjFhIjogeyJtMSI6ICJ0cnVlIiwgIm0yIjogImZhbHNl"
    "IiwgIm0zIjogInRydWUiLCAibTQiOiAiZmFsc2UiLCAibTUiOiAidHJ1ZSIsICJtNiI6ICJ0cnVlIn0sICIzLjFh"
    "IjogeyJzMSI6ICJNVFMiLCAiczEwIjogIk1UUyIsICJzMiI6ICJNVE8iLCAiczMiOiAiQVRPIiwgInM0IjogIk1U"
    "TyIsICJzNSI6ICJNVFMiLCAiczYiOiAiQVRPIiwgInM3IjogIk1UUyIsICJzOCI6ICJNVE8iLCAiczkiOiAiQVRP"
    "In0sICIzLjFiIjogeyJicmVhZCI6ICJNVFMiLCAiY2FyIjogIkFUTyIsICJmdXJuaXR1cmUiOiAiTVRPIiwgImpl"
    "dCI6ICJNVE8iLCAicGFpbnQiOiAiQVRPIiwgInBjIjogIkFUTyIsICJzYW5kd2ljaCI6ICJBVE8iLCAic2hpcCI6"
    "ICJNVE8iLCAidG9vdGhwYXN0ZSI6ICJNVFMiLCAid2F0ZXIiOiAiTVRTIn0sICI2LjFhIjogeyJwMSI6ICJhZHZh"
    "bnRhZ2UiLCAicDEwIjogImFkdmFudGFnZSIsICJwMTEiOiAiZGlzYWR2YW50YWdlIiwgInAxMiI6ICJkaXNhZHZh"
    "bnRhZ2UiLCAicDIiOiAiYWR2YW50YWdlIiwgInAzIjogImFkdmFudGFnZSIsICJwNCI6ICJhZHZhbnRhZ2UiLCAi"
    "cDUiOiAiZGlzYWR2YW50YWdlIiwgInA2IjogImRpc2FkdmFudGFnZSIsICJwNyI6ICJkaXNhZHZhbnRhZ2UiLCAi"
    "cDgiOiAiZGlzYWR2YW50YWdlIiwgInA5IjogImRpc2FkdmFudGFnZSJ9fQ=="
)


@cache
def _all_keys() -> dict[str, dict[str, str]]:
    decoded = base64.b64decode("".join(_ENCODED_KEYS).encode("ascii")).decode("utf-8")
    keys: dict[str, dict[str, str]] = json.loads(decoded)
    return keys


def _answer_key(exercise_id: str) -> dict[str, str]:
    """The right answers of a choice exercise (for tests and instructors)."""
    return dict(_all_keys()[exercise_id])


def _encode_keys(keys: Mapping[str, Mapping[str, str]]) -> str:
    """Encode answer keys the way ``_ENCODED_KEYS`` stores them."""
    text = json.dumps({k: dict(v) for k, v in keys.items()}, sort_keys=True, ensure_ascii=False)
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


# --- grading -----------------------------------------------------------------


def _quote(text: str, limit: int = 70) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return tr(f"“{shown}”", f"« {shown} »")


def grade_choices(exercise_id: str, answer: object) -> Verdict:
    """Grade a choice exercise.

    Parameters
    ----------
    exercise_id : str
        One of :data:`CHOICE_EXERCISES`.
    answer : dict
        ``{item_id: choice}``; an item left at ``None`` or ``...`` counts as
        not answered yet.

    Returns
    -------
    Verdict
        ``"correct"`` when every item is right, ``"partial"`` when some are,
        with one explanation per wrong or missing item.

    Raises
    ------
    ValueError
        If ``exercise_id`` is not a choice exercise (the answer never raises).
    """
    if exercise_id not in CHOICE_EXERCISES:
        raise ValueError(
            f"exercise_id(={exercise_id!r}) must be one of {sorted(CHOICE_EXERCISES)}"
        )
    exercise = CHOICE_EXERCISES[exercise_id]
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    if not isinstance(answer, Mapping):
        return Verdict.invalid(
            exercise_id,
            tr(
                f"Expected a dict such as {exercise.example()}, got {describe(answer)}.",
                f"Un dict était attendu, par exemple {exercise.example()} ; "
                f"reçu : {describe(answer)}.",
            ),
        )
    known = {item.key for item in exercise.items}
    try:
        unknown = [k for k in answer if k not in known]
    except TypeError:  # unhashable keys cannot come from a dict, but a Mapping may misbehave
        unknown = ["?"]
    if unknown:
        shown = ", ".join(describe(k, 20) for k in unknown[:_MAX_ITEMS_LISTED])
        valid = ", ".join(item.key for item in exercise.items)
        return Verdict.invalid(
            exercise_id,
            tr(
                f"Unknown item id(s): {shown}. The ids are: {valid}.",
                f"Identifiant(s) inconnu(s) : {shown}. Les identifiants sont : {valid}.",
            ),
        )
    key = _answer_key(exercise_id)
    options = " / ".join(c.code for c in exercise.choices)
    right = 0
    missing: list[str] = []
    details: list[str] = []
    for item in exercise.items:
        given = answer.get(item.key)
        if given is None or given is Ellipsis:
            missing.append(item.key)
            continue
        code = exercise.normalise(given)
        if code is None:
            details.append(
                tr(
                    f"{item.key} {_quote(item.text)}: {describe(given, 30)} is not one of "
                    f"{options}.",
                    f"{item.key} {_quote(item.text)} : {describe(given, 30)} ne fait pas "
                    f"partie des choix {options}.",
                )
            )
        elif code == key[item.key]:
            right += 1
            if exercise.explain_all:
                details.append(
                    tr(f"{item.key}: right. {item.why}", f"{item.key} : juste. {item.why}")
                )
        else:
            details.append(
                tr(
                    f"{item.key} {_quote(item.text)}: not {exercise.label_of(code)}. {item.why}",
                    f"{item.key} {_quote(item.text)} : la réponse n'est pas "
                    f"« {exercise.label_of(code)} ». {item.why}",
                )
            )
    total = len(exercise.items)
    if len(missing) == total:
        return Verdict.unanswered(exercise_id)
    message = tr(
        f"{right} of {total} right.", f"Réponses justes : {right} sur {total}."
    )
    if missing:
        message += " " + tr(
            f"Not answered yet: {', '.join(missing)}.",
            f"Pas encore de réponse : {', '.join(missing)}.",
        )
    if right == total:
        message = tr(
            f"All {total} right. Well done!", f"Les {total} réponses sont justes. Bravo !"
        )
    return Verdict.from_score(exercise_id, right / total, message, tuple(details))


def _register_choice(exercise: ChoiceExercise) -> None:
    def grader(answer: object) -> Verdict:
        return grade_choices(exercise.exercise_id, answer)

    grader.__qualname__ = f"grade_choices[{exercise.exercise_id}]"
    register_grader(exercise.exercise_id, exercise.title_en, exercise.title_fr)(grader)


# --- the choice exercises ----------------------------------------------------

_EX_1_1A = ChoiceExercise(
    "1.1a",
    "Make to stock: true or false?",
    "Fabrication sur stock : vrai ou faux ?",
    TRUE_FALSE,
    (
        Item(
            "t1",
            "Under MTS, products are built before any customer orders them, to a forecast.",
            "En fabrication sur stock, les produits sont fabriqués avant toute commande, "
            "d'après une prévision.",
            "MTS sets a production level from expected demand and builds stock ahead of orders.",
            "La fabrication sur stock fixe un niveau de production d'après la demande attendue "
            "et constitue le stock avant les commandes.",
        ),
        Item(
            "t2",
            "MTS suits high-end products made one at a time.",
            "La fabrication sur stock convient aux produits haut de gamme fabriqués à l'unité.",
            "Unique, expensive items are rarely built ahead: nobody knows which variant will "
            "sell, and an unsold one ties up a lot of money. That is the territory of building "
            "on order. MTS is for high-volume, standard goods.",
            "Un article unique et cher est rarement fabriqué d'avance : on ignore quelle "
            "variante se vendra et un invendu immobilise beaucoup d'argent. C'est le domaine "
            "de la fabrication sur commande ; la fabrication sur stock convient aux produits "
            "standard vendus en grand volume.",
        ),
        Item(
            "t3",
            "With MTS a customer takes the product at once, as long as it is in stock.",
            "En fabrication sur stock, le client repart aussitôt avec le produit, s'il est "
            "en stock.",
            "The product already exists on the shelf: the lead time seen by the customer is "
            "zero unless the shelf is empty.",
            "Le produit existe déjà en rayon : le délai pour le client est nul, sauf si le rayon "
            "est vide.",
        ),
        Item(
            "t4",
            "MTS needs no forecast, because the stock absorbs every error.",
            "La fabrication sur stock n'a pas besoin de prévision, car le stock absorbe "
            "toutes les erreurs.",
            "The whole method rests on a forecast: too low and customers find empty shelves "
            "(lost sales), too high and unsold finished goods pile up.",
            "Toute la méthode repose sur une prévision : trop basse, les rayons se vident "
            "(ventes perdues) ; trop haute, les produits finis invendus s'accumulent.",
        ),
        Item(
            "t5",
            "When demand falls short of the forecast, MTS is left with unsold finished goods.",
            "Quand la demande est inférieure à la prévision, la fabrication sur stock laisse "
            "des produits finis invendus.",
            "Everything was built in advance; what is not sold stays in stock, costs holding "
            "cost and may become obsolete.",
            "Tout a été fabriqué d'avance ; ce qui ne se vend pas reste en stock, entraîne un "
            "coût de possession et peut devenir obsolète.",
        ),
        Item(
            "t6",
            "Raising a product's base-stock level never lowers its fill rate, but raises its "
            "holding cost.",
            "Relever le niveau de stock cible d'un produit ne baisse jamais son taux de "
            "service, mais augmente son coût de possession.",
            "More stock on the shelf can only serve more orders from stock, and every extra "
            "unit has to be paid for and kept: that is the MTS trade-off.",
            "Plus de stock en rayon ne peut que servir plus de commandes, et chaque unité en "
            "plus se paie et se stocke : c'est l'arbitrage de la fabrication sur stock.",
        ),
    ),
    "Ask yourself when the product is built: before or after the customer's order? "
    "And what happens when the forecast is wrong?",
    "Demandez-vous quand le produit est fabriqué : avant ou après la commande ? Et que "
    "se passe-t-il quand la prévision se trompe ?",
)

_EX_2_1A = ChoiceExercise(
    "2.1a",
    "Make to order: true or false?",
    "Fabrication sur commande : vrai ou faux ?",
    TRUE_FALSE,
    (
        Item(
            "m1",
            "Under MTO nothing is produced until a customer's order is confirmed.",
            "En fabrication sur commande, rien n'est produit avant qu'une commande soit "
            "confirmée.",
            "Production is driven by demand: the supply chain starts only when there is "
            "evidence of an order.",
            "La production est tirée par la demande : la chaîne d'approvisionnement ne "
            "démarre qu'avec une commande avérée.",
        ),
        Item(
            "m2",
            "MTO customers usually get their product sooner than MTS customers.",
            "Les clients de la fabrication sur commande reçoivent en général leur produit "
            "plus tôt qu'en fabrication sur stock.",
            "The MTO customer waits for production (and often for the supplier's parts); the "
            "MTS customer takes a finished unit off the shelf.",
            "Le client attend la production (et souvent les pièces du fournisseur), alors "
            "qu'en fabrication sur stock il prend un produit fini en rayon.",
        ),
        Item(
            "m3",
            "MTO keeps no finished-goods inventory, so unsold products are not a risk.",
            "La fabrication sur commande ne garde aucun stock de produits finis, donc les "
            "invendus ne sont pas un risque.",
            "Every unit built already has a buyer, so nothing finished waits for a customer.",
            "Chaque unité fabriquée a déjà un acheteur : aucun produit fini n'attend de client.",
        ),
        Item(
            "m4",
            "MTO suits cheap, high-volume consumables.",
            "La fabrication sur commande convient aux consommables bon marché vendus en "
            "grand volume.",
            "Customers of cheap everyday goods will not wait for them to be made: such goods "
            "are stocked in advance.",
            "Les clients de produits courants et bon marché n'attendent pas leur fabrication : "
            "ces produits sont stockés d'avance.",
        ),
        Item(
            "m5",
            "Under MTO the customer's waiting time includes getting the components as well as "
            "assembling them.",
            "En fabrication sur commande, l'attente du client comprend l'obtention des "
            "composants en plus de l'assemblage.",
            "Nothing is ready when the order arrives: parts must be made or bought first, "
            "which is usually the longest step.",
            "Rien n'est prêt à l'arrivée de la commande : il faut d'abord fabriquer ou acheter "
            "les pièces, souvent l'étape la plus longue.",
        ),
        Item(
            "m6",
            "MTO lets the customer specify the product almost freely.",
            "La fabrication sur commande laisse le client définir le produit presque librement.",
            "Since production starts from the order, it can follow the customer's wishes, "
            "within what the factory can make.",
            "Comme la production part de la commande, elle peut suivre les souhaits du client, "
            "dans la limite de ce que l'usine sait faire.",
        ),
    ),
    "Picture the factory the day before the order arrives: what is already made?",
    "Imaginez l'usine la veille de la commande : qu'est-ce qui est déjà fabriqué ?",
)

_EX_3_1A = ChoiceExercise(
    "3.1a",
    "Which strategy does each statement describe?",
    "Quelle stratégie chaque phrase décrit-elle ?",
    STRATEGIES,
    (
        Item(
            "s1",
            "Finished units wait on the shelves before any customer asks for them.",
            "Des produits finis attendent en rayon avant qu'un client les demande.",
            "Only one strategy finishes products before the order: the one that builds to a "
            "forecast.",
            "Une seule stratégie termine les produits avant la commande : celle qui produit "
            "d'après une prévision.",
        ),
        Item(
            "s2",
            "Nothing at all is produced until a customer order is confirmed.",
            "Rien du tout n'est produit avant qu'une commande soit confirmée.",
            "Not even the parts are ready in advance: the whole supply chain waits for the "
            "order.",
            "Même les pièces ne sont pas prêtes d'avance : toute la chaîne d'approvisionnement "
            "attend la commande.",
        ),
        Item(
            "s3",
            "Parts are made in advance and put together only when an order arrives.",
            "Les pièces sont fabriquées d'avance et assemblées seulement à l'arrivée d'une "
            "commande.",
            "Stock exists, but only as components; the final step waits for the order. That "
            "is the hybrid of the two other strategies.",
            "Il y a du stock, mais seulement sous forme de composants ; la dernière étape "
            "attend la commande. C'est l'hybride des deux autres stratégies.",
        ),
        Item(
            "s4",
            "Typical for high-end products made one at a time or in small batches.",
            "Typique des produits haut de gamme fabriqués à l'unité ou en petites séries.",
            "Unique, expensive items are not built on speculation: they are built for a "
            "confirmed buyer, from scratch.",
            "Un article unique et cher ne se fabrique pas sur spéculation : il est fabriqué "
            "de A à Z pour un acheteur confirmé.",
        ),
        Item(
            "s5",
            "Typical for high-volume consumables bought in bulk.",
            "Typique des consommables vendus en grand volume, achetés en gros.",
            "Demand for standard consumables is large and steady enough to forecast, and "
            "buyers expect them immediately.",
            "La demande de consommables standard est assez forte et régulière pour être "
            "prévue, et l'acheteur les veut tout de suite.",
        ),
        Item(
            "s6",
            "A PC maker keeps motherboards, processors and graphics cards on its shelves and "
            "builds a computer when the order comes in.",
            "Un fabricant de PC garde cartes mères, processeurs et cartes graphiques en stock "
            "et monte l'ordinateur quand la commande arrive.",
            "Components in stock, assembly on order: the article's own example of the hybrid.",
            "Composants en stock, montage à la commande : c'est l'exemple même de l'article "
            "pour la stratégie hybride.",
        ),
        Item(
            "s7",
            "The customer gets the product immediately but cannot change anything about it.",
            "Le client obtient le produit immédiatement mais ne peut rien y changer.",
            "Immediate delivery means the product was finished before the order, so it could "
            "not be adapted to this customer.",
            "Une livraison immédiate veut dire que le produit était fini avant la commande : "
            "il n'a pas pu être adapté à ce client.",
        ),
        Item(
            "s8",
            "The customer waits for the whole supply chain to run, from components onwards.",
            "Le client attend que toute la chaîne d'approvisionnement se déroule, à partir des "
            "composants.",
            "If even the components are made after the order, nothing was prepared in advance.",
            "Si même les composants sont fabriqués après la commande, rien n'a été préparé "
            "d'avance.",
        ),
        Item(
            "s9",
            "The customer waits only for a short final assembly step.",
            "Le client n'attend qu'une courte étape d'assemblage final.",
            "The long part (making or buying components) happened before the order; only "
            "assembly is left.",
            "La partie longue (fabriquer ou acheter les composants) a eu lieu avant la "
            "commande ; il ne reste que l'assemblage.",
        ),
        Item(
            "s10",
            "Set a production level, build stock, then try to sell as many finished units as "
            "possible.",
            "Fixer un niveau de production, constituer un stock, puis essayer de vendre le plus "
            "possible de produits finis.",
            "This is the article's own description of building ahead to expected demand.",
            "C'est la description que donne l'article de la production anticipée d'après la "
            "demande attendue.",
        ),
    ),
    "For each statement ask two questions: is anything built before the order? If so, the "
    "finished product or only its parts?",
    "Pour chaque phrase, posez-vous deux questions : fabrique-t-on quelque chose avant la "
    "commande ? Si oui, le produit fini ou seulement ses pièces ?",
)

_EX_3_1B = ChoiceExercise(
    "3.1b",
    "Which strategy fits each business?",
    "Quelle stratégie convient à chaque entreprise ?",
    STRATEGIES,
    (
        Item(
            "bread",
            "A bakery's everyday bread, sold from 7 a.m.",
            "Le pain de tous les jours d'une boulangerie, vendu dès 7 h.",
            "Customers want their loaf at once and there are few variants; the baker bakes "
            "before opening to the expected demand and accepts some leftovers.",
            "Le client veut son pain tout de suite et les variantes sont peu nombreuses : le "
            "boulanger cuit avant l'ouverture selon la demande attendue et accepte quelques "
            "invendus.",
        ),
        Item(
            "water",
            "Bottled water sold in supermarkets.",
            "L'eau en bouteille vendue en supermarché.",
            "A cheap, standard, high-volume good with steady demand: nobody waits for water "
            "to be bottled.",
            "Un produit bon marché, standard, vendu en grand volume avec une demande "
            "régulière : personne n'attend qu'on mette l'eau en bouteille.",
        ),
        Item(
            "jet",
            "Jet engines for airliners.",
            "Les moteurs d'avions de ligne.",
            "Each engine costs millions, is specified with the airline and takes months to "
            "make: nobody builds one, or its parts, without a firm contract.",
            "Chaque moteur coûte des millions, se définit avec la compagnie et demande des "
            "mois de fabrication : personne n'en fabrique un, ni ses pièces, sans contrat ferme.",
        ),
        Item(
            "furniture",
            "Custom-made furniture from a cabinet maker.",
            "Les meubles sur mesure d'un ébéniste.",
            "Every piece is designed with the client, so there is nothing to prepare in "
            "advance beyond raw wood.",
            "Chaque meuble est conçu avec le client : il n'y a rien à préparer d'avance à "
            "part le bois brut.",
        ),
        Item(
            "pc",
            "Personal computers configured online (processor, memory, screen).",
            "Des ordinateurs personnels configurés en ligne (processeur, mémoire, écran).",
            "Too many configurations to stock them all, but the parts are shared and assembly "
            "takes hours: keep the parts, assemble on order.",
            "Trop de configurations pour les stocker toutes, mais les pièces sont communes et "
            "le montage prend quelques heures : stocker les pièces, assembler à la commande.",
        ),
        Item(
            "car",
            "Cars ordered with a choice of engine, colour and options from a fixed list.",
            "Des voitures commandées avec un choix de moteur, de couleur et d'options dans "
            "une liste fixe.",
            "Options come from a predefined list of parts kept ready; the car is put "
            "together once the customer has chosen.",
            "Les options viennent d'une liste prédéfinie de pièces tenues prêtes ; la voiture "
            "est assemblée une fois le choix du client connu.",
        ),
        Item(
            "sandwich",
            "A sandwich bar where each customer picks bread, filling and sauce at the counter.",
            "Un bar à sandwichs où chaque client choisit pain, garniture et sauce au comptoir.",
            "The ingredients are prepared before opening; the sandwich is assembled in a "
            "minute, once the customer has chosen.",
            "Les ingrédients sont préparés avant l'ouverture ; le sandwich est assemblé en une "
            "minute, une fois le choix fait.",
        ),
        Item(
            "toothpaste",
            "Toothpaste in a standard tube.",
            "Le dentifrice en tube standard.",
            "A standard consumable bought in bulk, with demand easy to forecast.",
            "Un consommable standard acheté en grande quantité, à la demande facile à prévoir.",
        ),
        Item(
            "ship",
            "A cruise ship.",
            "Un navire de croisière.",
            "A one-off, enormous project: design and production start only with a signed "
            "order.",
            "Un projet unique et énorme : conception et production ne démarrent qu'avec une "
            "commande signée.",
        ),
        Item(
            "paint",
            "Wall paint mixed in the shop from a white base and tints to any of 2,000 colours.",
            "De la peinture murale teintée en magasin, à partir d'une base blanche et de "
            "colorants, au choix parmi 2 000 teintes.",
            "The shop stocks a few bases and tints (the components) and mixes the colour in "
            "minutes when asked: a textbook case of postponement, which leaves the step that "
            "makes the product specific until the order is known.",
            "Le magasin stocke quelques bases et colorants (les composants) et mélange la "
            "teinte en quelques minutes à la demande : un cas d'école de différenciation "
            "retardée, qui attend la commande pour faire l'étape qui rend le produit unique.",
        ),
    ),
    "Weigh three things: how long the customer is willing to wait, how many variants there "
    "are, and how costly an unsold unit would be.",
    "Pesez trois choses : combien de temps le client accepte d'attendre, combien de "
    "variantes existent, et ce que coûterait un invendu.",
    explain_all=True,
)

_EX_6_1A = ChoiceExercise(
    "6.1a",
    "Advantage or disadvantage of ATO?",
    "Avantage ou inconvénient de l'assemblage à la commande ?",
    PROS_CONS,
    (
        Item(
            "p1",
            "Customers choose among many variants, yet the company does not stock every "
            "finished variant.",
            "Le client choisit parmi de nombreuses variantes sans que l'entreprise stocke "
            "chaque variante finie.",
            "Variety comes from combining stocked components, which is the main reason firms "
            "adopt ATO.",
            "La variété vient de la combinaison de composants stockés : c'est la raison "
            "principale d'adopter l'assemblage à la commande.",
        ),
        Item(
            "p2",
            "Little or no finished-goods inventory, so less capital is tied up.",
            "Peu ou pas de stock de produits finis, donc moins de capital immobilisé.",
            "Money sits in a few shared components instead of every finished variant: lower "
            "capital costs.",
            "L'argent est immobilisé dans quelques composants communs plutôt que dans chaque "
            "variante finie : le coût du capital est plus faible.",
        ),
        Item(
            "p3",
            "Delivery is much faster than under make-to-order.",
            "La livraison est bien plus rapide qu'en fabrication sur commande.",
            "The long component lead time is taken before the order; the customer waits only "
            "for assembly.",
            "Le long délai d'approvisionnement des composants s'écoule avant la commande ; le "
            "client n'attend que l'assemblage.",
        ),
        Item(
            "p4",
            "Components shared by many products pool demand risk, so less safety stock is "
            "needed.",
            "Des composants communs à plusieurs produits mutualisent le risque de demande : "
            "il faut moins de stock de sécurité.",
            "Ups and downs of different products partly cancel out on a shared component "
            "(the square-root law).",
            "Les hausses et baisses des différents produits se compensent en partie sur un "
            "composant commun (loi de la racine carrée).",
        ),
        Item(
            "p5",
            "A customer who expects to leave with the product at once must wait for assembly.",
            "Un client qui veut repartir aussitôt avec le produit doit attendre l'assemblage.",
            "Assembly is short, but it is not zero: ATO does not work well when customers "
            "expect immediate delivery.",
            "L'assemblage est court mais pas nul : la méthode convient mal quand le client "
            "attend une livraison immédiate.",
        ),
        Item(
            "p6",
            "Component stock still costs money and can become obsolete (electronics lose "
            "value fast).",
            "Le stock de composants coûte toujours de l'argent et peut devenir obsolète (les "
            "composants électroniques se déprécient vite).",
            "Components are inventory too: holding cost and the risk of obsolescence remain.",
            "Les composants sont aussi du stock : le coût de possession et le risque "
            "d'obsolescence demeurent.",
        ),
        Item(
            "p7",
            "One missing component stops every product that needs it.",
            "Un seul composant manquant bloque tous les produits qui en ont besoin.",
            "An order needs all its key components: a shortage of one shared part blocks many "
            "products at once.",
            "Une commande a besoin de tous ses composants clés : la pénurie d'une pièce "
            "commune bloque beaucoup de produits à la fois.",
        ),
        Item(
            "p8",
            "Assembly capacity limits how many orders can be delivered during a demand surge.",
            "La capacité d'assemblage limite le nombre de commandes livrables lors d'un pic "
            "de demande.",
            "With no finished stock to draw on, every order goes through the assembly line: "
            "its capacity caps the output.",
            "Sans stock de produits finis, chaque commande passe par l'assemblage : sa "
            "capacité plafonne la production.",
        ),
        Item(
            "p9",
            "Customisation is limited to the predefined options.",
            "La personnalisation se limite aux options prédéfinies.",
            "The customer can only combine the components kept in stock: less freedom than "
            "building on order.",
            "Le client ne peut combiner que les composants en stock : moins de liberté qu'en "
            "fabrication sur commande.",
        ),
        Item(
            "p10",
            "Less risk of being left with unsold finished products when tastes change.",
            "Moins de risque de se retrouver avec des produits finis invendus quand les goûts "
            "changent.",
            "Components can be assembled into whatever is now in fashion; finished variants "
            "cannot.",
            "Les composants peuvent servir à assembler ce qui plaît aujourd'hui ; des variantes "
            "déjà finies, non.",
        ),
        Item(
            "p11",
            "It needs good component forecasts and reliable suppliers.",
            "Cette stratégie exige de bonnes prévisions pour les composants et des fournisseurs "
            "fiables.",
            "Components must be on the shelf before orders arrive; a late supplier means late "
            "customers.",
            "Les composants doivent être en stock avant les commandes ; un fournisseur en "
            "retard, ce sont des clients livrés en retard.",
        ),
        Item(
            "p12",
            "Order and inventory management become more complex.",
            "La gestion des commandes et des stocks devient plus complexe.",
            "Many components, shared across many products, each with its own supplier and "
            "lead time: more to plan and track.",
            "Beaucoup de composants, communs à beaucoup de produits, chacun avec son "
            "fournisseur et son délai : davantage à planifier et à suivre.",
        ),
    ),
    "Ask: does this statement make life easier for the company or its customers (advantage), "
    "or does it describe a cost, a risk or a limit (disadvantage)?",
    "Demandez-vous : la phrase facilite-t-elle la vie de l'entreprise ou du client "
    "(avantage), ou décrit-elle un coût, un risque ou une limite (inconvénient) ?",
)

#: Every choice exercise, by exercise id.
CHOICE_EXERCISES: dict[str, ChoiceExercise] = {
    ex.exercise_id: ex for ex in (_EX_1_1A, _EX_2_1A, _EX_3_1A, _EX_3_1B, _EX_6_1A)
}
for _exercise in CHOICE_EXERCISES.values():
    _register_choice(_exercise)


# --- hands-on exercises: helpers ---------------------------------------------


def _as_real(value: object) -> float | None:
    """``value`` as a finite float if it is a plain (or numpy) real number, else None."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _as_whole(value: object) -> int | None:
    """``value`` as an int if it is a whole number (``288`` or ``288.0``), else None."""
    number = _as_real(value)
    if number is None or not number.is_integer() or abs(number) > 1e15:
        return None
    return int(number)


def _expected_number(exercise_id: str, value: object, what_en: str, what_fr: str) -> Verdict:
    """The "invalid" verdict for something that should have been a number."""
    extra_en = extra_fr = ""
    if isinstance(value, str):
        extra_en, extra_fr = " (remove the quotes)", " (enlevez les guillemets)"
    elif isinstance(value, float) and not math.isfinite(value):
        extra_en, extra_fr = " (it is not finite)", " (ce n'est pas un nombre fini)"
    return Verdict.invalid(
        exercise_id,
        tr(
            f"Expected {what_en}, got {describe(value)}{extra_en}.",
            f"Attendu : {what_fr} ; reçu : {describe(value)}{extra_fr}.",
        ),
    )


def _gap(value: float, truth: float, tolerance: float, unit_en: str, unit_fr: str,
         decimals: int = 2) -> tuple[bool, str]:
    """Whether ``value`` is within ``tolerance`` of ``truth``, and what is off in words."""
    diff = value - truth
    if abs(diff) <= tolerance:
        return True, tr("right", "juste")
    size = _num(abs(diff), decimals)
    if get_language() == "fr" and abs(diff) < 2 and unit_fr.endswith("s"):
        unit_fr = unit_fr[:-1]  # French nouns stay singular below 2: "1,5 jour"
    unit = tr(unit_en, unit_fr)
    size = f"{size} {unit}" if unit else size
    share = f" ({_pct(abs(diff) / abs(truth))})" if truth else ""
    return False, tr(
        f"too {'high' if diff > 0 else 'low'} by {size}{share}",
        f"trop {'élevé' if diff > 0 else 'faible'} de {size}{share}",
    )


def _expected_dict(exercise_id: str, value: object, example: str) -> Verdict:
    return Verdict.invalid(
        exercise_id,
        tr(
            f"Expected a dict such as {example}, got {describe(value)}.",
            f"Un dict était attendu, par exemple {example} ; reçu : {describe(value)}.",
        ),
    )


def _named_numbers(
    exercise_id: str,
    answer: object,
    names: tuple[str, ...],
    example: str,
    bounds: tuple[float, float],
) -> dict[str, float] | Verdict:
    """Read a dict of named numbers within ``bounds``, or return the verdict explaining
    what is wrong."""
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    if not isinstance(answer, Mapping):
        return _expected_dict(exercise_id, answer, example)
    keys = list(answer.keys())
    if sorted(map(str, keys)) != sorted(names) or not all(isinstance(k, str) for k in keys):
        return Verdict.invalid(
            exercise_id,
            tr(
                f"The dict needs exactly the keys {', '.join(names)}; see the example "
                f"{example}.",
                f"Le dict doit avoir exactement les clés {', '.join(names)} ; voir l'exemple "
                f"{example}.",
            ),
        )
    values: dict[str, float] = {}
    for name in names:
        if answer[name] is Ellipsis or answer[name] is None:
            return Verdict.unanswered(exercise_id)
        number = _as_real(answer[name])
        low, high = bounds
        if number is None or not low <= number <= high:
            return _expected_number(
                exercise_id,
                answer[name],
                f"a number from {_num(low)} to {_num(high)} for {name!r}",
                f"un nombre de {_num(low)} à {_num(high)} pour {name!r}",
            )
        values[name] = number
    return values


# --- hands-on exercises: the reference computations --------------------------
# Each grader recomputes the truth with the library (no stored key) for the
# class seed in use; results are cached so checking twice is instant.

#: 1.1b: the fill rate MTS must reach by offering only the most popular PCs.
MTS_FILL_GOAL = 0.80
#: 1.1b: how far from the smallest number of products an answer may be.
MTS_OFFER_TOLERANCE = 2
#: 4.1b: the fill rate to reach, the slack allowed for randomness, and the
#: inventory value allowed above the grader's reference solution. (The fill rate of
#: given targets varies a lot from one year of orders to the next, so answers are
#: checked on several fresh years pooled, and tuning on several years is asked for.)
ATO_FILL_GOAL = 0.95
ATO_FILL_TOLERANCE = 0.01
ATO_VALUE_TOLERANCE = 0.15
#: 4.1b: the fresh simulations that check an answer: this many one-year order
#: streams, with seeds ``class_seed() + CHECK_SEED_OFFSET + r`` (none of them is
#: among the years a student simulates).
CHECK_YEARS = 8
CHECK_SEED_OFFSET = 1000
#: 4.1b: the check stops early once the pooled fill rate falls below this.
HOPELESS_FILL = 0.5
#: 4.1b: targets above this are refused (they only make the simulation slow).
MAX_TARGET = 100_000
#: 5.1a: the demand variability of the "jumpier demand" world (the lesson uses 0.2).
JUMPY_VARIABILITY = 0.6
#: 5.1b: the number of products sharing one component (the lesson prints 1, 2, 3, 4,
#: 6 and 9, so the answer cannot be copied from it).
POOLING_PRODUCTS = 5


def _pc_maker() -> Scenario:
    return load_instance("pc_maker")


@cache
def _class_orders(seed: int) -> pd.DataFrame:
    return _pc_maker().orders(seed=seed)


@cache
def _mts_offer_needed(seed: int) -> int:
    """Smallest number of most popular PCs that MTS must offer to reach the fill goal."""
    pc = _pc_maker()
    orders = _class_orders(seed)
    for k in range(1, pc.catalog.n_configurations + 1):
        if float(pc.run("MTS", orders, offer=k).summary()["fill rate"]) >= MTS_FILL_GOAL:
            return k
    return pc.catalog.n_configurations


@cache
def _mto_lead_times(seed: int) -> tuple[float, float]:
    """MTO mean and p95 wait when both processor makers deliver in ``FAST_CPU_DAYS``."""
    pc = _pc_maker()
    components = tuple(
        dataclasses.replace(c, lead_time=FAST_CPU_DAYS) if c.supplier in CPU_SUPPLIERS else c
        for c in pc.catalog.components
    )
    factory = pc.factory.with_(catalog=Catalog(components, pc.catalog.products))
    summary = pc.with_(factory=factory).run("MTO", _class_orders(seed)).summary()
    return float(summary["mean lead time (days)"]), float(summary["p95 lead time (days)"])


#: Exercise 2.1b: the processor makers and their promised lead time (days).
CPU_SUPPLIERS: tuple[str, ...] = ("ChipCo (US)", "Silicon Forge (IE)")
FAST_CPU_DAYS = 10


@cache
def _check_orders(seed: int) -> tuple[pd.DataFrame, ...]:
    pc = _pc_maker()
    return tuple(pc.orders(seed=seed + CHECK_SEED_OFFSET + r) for r in range(CHECK_YEARS))


@lru_cache(maxsize=256)
def _ato_check(targets: tuple[tuple[str, int], ...], seed: int) -> tuple[float, float, int]:
    """Pooled fill rate, mean average inventory value (€) and years simulated for ATO
    targets on the fresh check years (stops early when the answer is hopeless)."""
    pc = _pc_maker()
    served = total = 0
    values: list[float] = []
    for orders in _check_orders(seed):
        result = pc.run("ATO", orders, dict(targets))
        served += int(result.orders["from_stock"].sum())
        total += len(result.orders)
        values.append(float(result.summary()["avg inventory value (€)"]))
        if served < HOPELESS_FILL * total:
            break
    return served / max(total, 1), sum(values) / len(values), len(values)


@cache
def _ato_reference(seed: int) -> tuple[float, float]:
    """A reference answer to 4.1b: one service level for every component, as low as
    reaches the fill goal on the check years. Returns (fill rate, inventory value)."""
    pc = _pc_maker()
    low, high = 0.9, 0.9999
    best = _ato_check(tuple(sorted(pc.targets("ATO", high).items())), seed)
    for _ in range(12):
        middle = (low + high) / 2
        result = _ato_check(tuple(sorted(pc.targets("ATO", middle).items())), seed)
        if result[0] >= ATO_FILL_GOAL:
            high, best = middle, result
        else:
            low = middle
    return best[0], best[1]


@cache
def _strategy_gaps(seed: int, variability: float | None = JUMPY_VARIABILITY,
                   retarget: bool = True) -> tuple[float, float]:
    """ATO holding cost / MTS holding cost, and ATO - MTS mean lead time (days).

    With ``variability`` the orders come from the jumpier demand; ``retarget`` sets the
    target stock levels for that demand (the exercise), otherwise they stay those of the
    usual forecast (a likely slip). ``variability=None`` is the lesson's usual world.
    """
    pc = _pc_maker()
    if variability is None:
        table = pc.compare(_class_orders(seed))
    else:
        demand = pc.demand.with_(variability=variability)
        if retarget:
            pc = pc.with_(demand=demand)
        table = pc.compare(pc.orders(seed=seed, demand=demand))

    def cell(metric: str, strategy: str) -> float:
        return float(table[strategy].to_dict()[metric])

    ratio = cell("holding cost (€)", "ATO") / cell("holding cost (€)", "MTS")
    extra = cell("mean lead time (days)", "ATO") - cell("mean lead time (days)", "MTS")
    return ratio, extra


@cache
def _pooling_saving(seed: int, n_products: int = POOLING_PRODUCTS) -> float:
    """1 - (average units on the shelves under ATO) / (same under MTS), simulated."""
    scenario = load_instance("pooling", n_products=n_products)
    orders = scenario.orders(seed=seed)
    units = []
    for strategy in ("MTS", "ATO"):
        inventory = scenario.run(strategy, orders).inventory
        units.append(float((inventory["component_units"] + inventory["finished_units"]).mean()))
    return 1.0 - units[1] / units[0]


# --- hands-on exercises: the graders -----------------------------------------


@register_grader("1.1b", "How many PCs can MTS offer?", "Combien de PC la fabrication sur "
                 "stock peut-elle proposer ?")
def grade_mts_offer(answer: object) -> Verdict:
    """1.1b: the smallest number ``k`` of most popular configurations that MTS
    must stock (``pc.run("MTS", orders, offer=k)``) to serve at least 80 % of
    the orders from stock. Answers within 2 of the simulated value are right."""
    exercise_id = "1.1b"
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    k = _as_whole(answer)
    total = _pc_maker().catalog.n_configurations
    if k is None or not 1 <= k <= total:
        return _expected_number(
            exercise_id, answer, f"a whole number of products between 1 and {total}",
            f"un nombre entier de produits entre 1 et {total}",
        )
    truth = _mts_offer_needed(class_seed())
    ok, gap = _gap(k, truth, MTS_OFFER_TOLERANCE, "products", "produits", 0)
    if ok:
        return Verdict(exercise_id, "correct", 1.0, tr(
            f"Right: about {truth} of the {total} configurations are needed to serve "
            f"{_pct(MTS_FILL_GOAL)} of the orders from stock. The rare ones make up the rest: "
            "stocking every variant is what makes MTS expensive.",
            f"Juste : il faut environ {truth} des {total} configurations pour servir "
            f"{_pct(MTS_FILL_GOAL)} des commandes sur stock. Les configurations rares se partagent "
            "le reste : c'est de devoir stocker chaque variante qui rend la fabrication sur "
            "stock coûteuse.",
        ))
    return Verdict(exercise_id, "incorrect", 0.0, tr(
        f"{k} is {gap}. Run pc.run('MTS', orders, offer=k) for k = 1, 2, 3, ... and stop at "
        f"the first fill rate of at least {_pct(MTS_FILL_GOAL)}.",
        f"{k} est {gap}. Lancez pc.run('MTS', orders, offer=k) pour k = 1, 2, 3, ... et "
        f"arrêtez-vous au premier taux de service d'au moins {_pct(MTS_FILL_GOAL)}.",
    ))


@register_grader("2.1b", "Faster processors: how long does an MTO customer wait?",
                 "Processeurs livrés plus vite : combien de temps attend un client en "
                 "fabrication sur commande ?")
def grade_mto_wait(answer: object) -> Verdict:
    """2.1b: ``{"mean": ..., "p95": ...}``, the mean and 95th percentile of the
    MTO lead time (days) of the PC maker on the class orders, once both processor
    makers deliver in ``FAST_CPU_DAYS`` days."""
    exercise_id = "2.1b"
    values = _named_numbers(
        exercise_id, answer, ("mean", "p95"), "{'mean': 12.3, 'p95': 20.0}", (0.0, 10_000.0)
    )
    if isinstance(values, Verdict):
        return values
    mean, p95 = _mto_lead_times(class_seed())
    parts = [
        ("mean", *_gap(values["mean"], mean, 0.05, "days", "jours")),
        ("p95", *_gap(values["p95"], p95, 0.5, "days", "jours", 1)),
    ]
    right = sum(ok for _, ok, _ in parts)
    details = tuple(tr(f"{name}: {gap}", f"{name} : {gap}") for name, ok, gap in parts if not ok)
    if right == len(parts):
        message = tr(
            "Right. Faster processors help, but far less than their 18-25 days saved: the "
            "graphics cards and motherboards (three to four weeks) are now the slowest parts, "
            "and under MTO the customer always waits for the slowest supplier.",
            "Juste. Des processeurs livrés plus vite aident, mais bien moins que les 18 à 25 "
            "jours gagnés : les cartes graphiques et les cartes mères (trois à quatre "
            "semaines) sont maintenant les pièces les plus lentes, et en fabrication sur "
            "commande le client attend toujours le fournisseur le plus lent.",
        )
    else:
        message = tr(
            f"{right} of 2 right. Build the factory with both processor suppliers at "
            f"{FAST_CPU_DAYS} days (with_supplier_lead_time, twice), run MTO on the class "
            "orders and read both figures from .summary().",
            f"Valeurs justes : {right} sur 2. Construisez l'usine avec les deux fournisseurs de "
            f"processeurs à {FAST_CPU_DAYS} jours (with_supplier_lead_time, deux fois), "
            "simulez la fabrication sur commande sur les commandes de la classe et lisez les "
            "deux valeurs dans .summary().",
        )
    return Verdict.from_score(exercise_id, right / len(parts), message, details)


#: Exercise 4.1a: the supplier that cannot deliver for a while.
FAILED_SUPPLIER = "Taipei Boards (TW)"


def _configurations_stopped(catalog: Catalog, supplier: str) -> tuple[int, int]:
    """Configurations that need a part from ``supplier``, and those that do not."""
    still_possible = math.prod(
        sum(c.supplier != supplier for c in catalog.options(category))
        for category in catalog.categories
    )
    return catalog.n_configurations - still_possible, still_possible


@register_grader("4.1a", "Count the PC configurations", "Compter les configurations de PC")
def grade_configurations(answer: object) -> Verdict:
    """4.1a: how many PC configurations can no longer be built when
    ``FAILED_SUPPLIER`` cannot deliver (they need one of its parts)."""
    exercise_id = "4.1a"
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    n = _as_whole(answer)
    if n is None or n < 0:
        return _expected_number(
            exercise_id, answer, "a whole number of configurations",
            "un nombre entier de configurations",
        )
    catalog = _pc_maker().catalog
    total = catalog.n_configurations
    stopped, still_possible = _configurations_stopped(catalog, FAILED_SUPPLIER)
    parts = [c.name for c in catalog.components if c.supplier == FAILED_SUPPLIER]
    shown = ", ".join(parts)
    if n == stopped:
        return Verdict(exercise_id, "correct", 1.0, tr(
            f"Right: {stopped} of the {total} configurations need a part from "
            f"{FAILED_SUPPLIER} ({shown}); only {still_possible} can still be built. One "
            f"supplier stops {_pct(stopped / total)} of the range although the other "
            f"{len(catalog.components) - len(parts)} components are on the shelf: under ATO a "
            "missing component stops every product that needs it.",
            f"Juste : {stopped} des {total} configurations ont besoin d'une pièce de "
            f"{FAILED_SUPPLIER} ({shown}) ; seules {still_possible} peuvent encore être "
            f"assemblées. Un seul fournisseur bloque {_pct(stopped / total)} de la gamme alors "
            f"que les {len(catalog.components) - len(parts)} autres composants sont en stock : "
            "en assemblage à la commande, un composant manquant bloque tous les produits "
            "qui en ont besoin.",
        ))
    if n == still_possible:
        why = tr(
            f"{n} is the number of configurations that can still be built. The question asks "
            "for the ones that can no longer be built: subtract from the total.",
            f"{n} est le nombre de configurations encore possibles. La question porte sur "
            "celles qui ne peuvent plus être assemblées : soustrayez ce nombre du total.",
        )
    elif n == total:
        why = tr(
            f"{n} is every configuration. Only the PCs with a part from {FAILED_SUPPLIER} "
            f"({shown}) are stopped; the others can still be built.",
            f"{n} est le nombre total de configurations. Seuls les PC avec une pièce de "
            f"{FAILED_SUPPLIER} ({shown}) sont bloqués ; les autres restent possibles.",
        )
    elif n in (len(parts), len(catalog.components), len(catalog.components) - len(parts)):
        why = tr(
            f"{n} counts components, not configurations. A configuration picks one option in "
            "every category, so the counts per category multiply.",
            f"{n} compte des composants, pas des configurations. Une configuration choisit "
            "une option par catégorie : on multiplie donc entre eux les nombres d'options "
            "de chaque catégorie.",
        )
    else:
        _, gap = _gap(n, stopped, 0, "configurations", "configurations", 0)
        why = tr(
            f"{n} is {gap}. In each category count the options that do not come from "
            f"{FAILED_SUPPLIER} (each component has a .supplier), multiply those counts to get "
            "the PCs that can still be built, and subtract from the total.",
            f"{n} est {gap}. Dans chaque catégorie, comptez les options qui ne viennent pas "
            f"de {FAILED_SUPPLIER} (chaque composant a un .supplier), multipliez ces nombres "
            "pour obtenir les PC encore possibles, et soustrayez-les du total.",
        )
    return Verdict(exercise_id, "incorrect", 0.0, why)


@register_grader("4.1b", "Target levels for a 95 % fill rate",
                 "Niveaux cibles pour un taux de service de 95 %")
def grade_ato_targets(answer: object) -> Verdict:
    """4.1b: ATO target levels ``{component: units}`` for the PC maker that serve
    at least 95 % of orders from stock at the least inventory value.

    The answer is checked on eight fresh years of orders (other seeds), pooled:
    the fill rate must reach 95 % (1 point of slack for randomness) and the
    average inventory value must be within 15 % of a reference solution (one
    service level for all components, as low as reaches 95 % on those years),
    or below it.
    """
    exercise_id = "4.1b"
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    example = "{'Case': 40, 'MB-office': 30, ...}"
    if not isinstance(answer, Mapping):
        return _expected_dict(exercise_id, answer, example)
    names = _pc_maker().catalog.component_names
    unknown = [k for k in answer if k not in names]
    if unknown:
        shown = ", ".join(describe(k, 20) for k in unknown[:_MAX_ITEMS_LISTED])
        return Verdict.invalid(exercise_id, tr(
            f"Unknown component(s): {shown}. The components are pc.catalog.component_names.",
            f"Composant(s) inconnu(s) : {shown}. Les composants sont "
            "pc.catalog.component_names.",
        ))
    levels: dict[str, int] = {}
    for name in names:
        value = answer.get(name, 0)
        level = _as_whole(value)
        if level is None or not 0 <= level <= MAX_TARGET:
            most = _num(MAX_TARGET)
            return _expected_number(
                exercise_id,
                value,
                f"a whole number of units from 0 to {most} for {name!r}",
                f"un nombre entier d'unités de 0 à {most} pour {name!r}",
            )
        levels[name] = level
    seed = class_seed()
    fill, value, years = _ato_check(tuple(sorted(levels.items())), seed)
    _, reference = _ato_reference(seed)
    missing = [n for n in names if n not in answer]
    details: list[str] = []
    if missing:
        details.append(tr(
            f"Missing components count as target 0: {', '.join(missing[:_MAX_ITEMS_LISTED])}"
            + ("…" if len(missing) > _MAX_ITEMS_LISTED else "") + ".",
            f"Les composants absents comptent pour une cible de 0 : "
            f"{', '.join(missing[:_MAX_ITEMS_LISTED])}"
            + ("…" if len(missing) > _MAX_ITEMS_LISTED else "") + ".",
        ))
    measured = tr(
        f"Over {years} fresh year(s) of orders (other seeds) your targets serve "
        f"{_pct(fill, 1)} of orders from stock, with an average inventory of {_euros(value)}.",
        f"Sur {years} nouvelle(s) année(s) de commandes (autres graines), vos cibles "
        f"servent {_pct(fill, 1)} des commandes sur stock, pour une valeur moyenne du stock "
        f"de {_euros(value)}.",
    )
    goal = _pct(ATO_FILL_GOAL)
    if fill < ATO_FILL_GOAL - ATO_FILL_TOLERANCE:
        short = _pct(ATO_FILL_GOAL - fill, 1)
        return Verdict(exercise_id, "incorrect", 0.0, measured + " " + tr(
            f"That is {short} short of {goal}: raise the targets, first those of components "
            "many products share.",
            f"Il manque {short} pour atteindre {goal} : relevez les cibles, d'abord celles "
            "des composants communs à beaucoup de produits.",
        ), tuple(details))
    excess = value / reference - 1.0
    allowed = _pct(ATO_VALUE_TOLERANCE)
    if excess <= ATO_VALUE_TOLERANCE:
        return Verdict(exercise_id, "correct", 1.0, measured + " " + tr(
            f"Right: the fill rate is reached, and your inventory is {_pct(abs(excess))} "
            f"{'above' if excess > 0 else 'below'} the reference solution "
            f"({_euros(reference)}).",
            f"Juste : le taux de service est atteint, et votre stock est "
            f"{'supérieur' if excess > 0 else 'inférieur'} de {_pct(abs(excess))} à celui "
            f"de la solution de référence ({_euros(reference)}).",
        ), tuple(details))
    return Verdict(exercise_id, "partial", 0.5, measured + " " + tr(
        f"The fill rate is reached, but the inventory is {_pct(excess)} above the reference "
        f"solution ({_euros(reference)}; {allowed} is allowed): lower the targets, first "
        "those of expensive components.",
        f"Le taux de service est atteint, mais le stock dépasse de {_pct(excess)} celui de "
        f"la solution de référence ({_euros(reference)} ; tolérance : {allowed}) : baissez "
        "les cibles, d'abord celles des composants chers.",
    ), tuple(details))


@register_grader("5.1a", "What ATO saves, and what it costs",
                 "Ce que l'assemblage à la commande économise, et ce qu'il coûte")
def grade_strategy_gaps(answer: object) -> Verdict:
    """5.1a: ``{"holding_ratio": ATO holding cost / MTS holding cost,
    "extra_days": ATO mean lead time - MTS mean lead time}`` from
    ``jumpy.compare(jumpy.orders())`` where ``jumpy`` is the PC maker with demand
    variability :data:`JUMPY_VARIABILITY` (targets set for that demand)."""
    exercise_id = "5.1a"
    values = _named_numbers(
        exercise_id, answer, ("holding_ratio", "extra_days"),
        "{'holding_ratio': 0.5, 'extra_days': 2.0}",
        (-10_000.0, 10_000.0),
    )
    if isinstance(values, Verdict):
        return values
    ratio, extra = _strategy_gaps(class_seed())
    usual = _strategy_gaps(class_seed(), None)
    kept_targets = _strategy_gaps(class_seed(), JUMPY_VARIABILITY, retarget=False)
    parts = [
        ("holding_ratio", *_gap(values["holding_ratio"], ratio, 0.005, "", "", 3)),
        ("extra_days", *_gap(values["extra_days"], extra, 0.02, "days", "jours")),
    ]
    right = sum(ok for _, ok, _ in parts)
    details = [tr(f"{name}: {gap}", f"{name} : {gap}") for name, ok, gap in parts if not ok]
    given_ratio = values["holding_ratio"]
    if given_ratio > 0 and abs(1.0 / given_ratio - ratio) <= 0.005 and not parts[0][1]:
        details.append(tr(
            "holding_ratio is ATO divided by MTS, not the other way round.",
            "holding_ratio est ATO divisé par MTS, pas l'inverse.",
        ))

    def near(reference: tuple[float, float]) -> bool:
        return (abs(values["holding_ratio"] - reference[0]) <= 0.005
                and abs(values["extra_days"] - reference[1]) <= 0.02)

    if right < len(parts) and near(usual):
        details.append(tr(
            "These are the figures of the usual demand (variability 0.2, as in the lesson); "
            f"the exercise asks for variability {JUMPY_VARIABILITY}.",
            "Ce sont les chiffres de la demande habituelle (variabilité 0,2, comme dans la "
            f"leçon) ; l'exercice demande la variabilité {_num(JUMPY_VARIABILITY, 1)}.",
        ))
    elif right < len(parts) and near(kept_targets):
        details.append(tr(
            "Your orders are jumpier, but the target stock levels are still those of the usual "
            "forecast: build the scenario with pc.with_(demand=...) so that its targets are "
            "set for the jumpier demand.",
            "Vos commandes sont plus irrégulières, mais les niveaux de stock cibles restent "
            "ceux de la prévision habituelle : construisez le scénario avec "
            "pc.with_(demand=...) pour que ses cibles suivent la demande plus irrégulière.",
        ))
    if right == len(parts):
        message = tr(
            f"Right: with jumpier demand ATO costs about {_pct(ratio)} of the MTS holding "
            f"cost (usual demand: {_pct(usual[0])}) and makes customers wait about "
            f"{_num(extra, 1)} more day(s) (usual demand: {_num(usual[1], 1)}). Both need "
            "more safety stock when demand jumps; ATO's edge shrinks a little but stays large.",
            f"Juste : avec une demande plus irrégulière, l'assemblage à la commande coûte "
            f"environ {_pct(ratio)} du coût de possession de la fabrication sur stock (demande "
            f"habituelle : {_pct(usual[0])}) et fait attendre le client environ "
            f"{_num(extra, 1)} jour(s) de plus (demande habituelle : {_num(usual[1], 1)}). "
            "Les deux ont besoin de plus de stock de sécurité quand la demande varie davantage ; "
            "l'avantage de l'assemblage à la commande diminue un peu mais reste net.",
        )
    else:
        message = tr(
            f"{right} of 2 right. Build jumpy = pc.with_(demand=pc.demand.with_(variability="
            f"{JUMPY_VARIABILITY})) and use the rows 'holding cost (€)' and 'mean lead time "
            "(days)' of jumpy.compare(jumpy.orders()).",
            f"Valeurs justes : {right} sur 2. Construisez jumpy = pc.with_(demand=pc.demand.with_("
            f"variability={JUMPY_VARIABILITY})) et utilisez les lignes 'holding cost (€)' et "
            "'mean lead time (days)' de jumpy.compare(jumpy.orders()).",
        )
    return Verdict.from_score(exercise_id, right / len(parts), message, tuple(details))


@register_grader("5.1b", "Measure the risk-pooling saving",
                 "Mesurer l'économie de la mutualisation des risques")
def grade_pooling(answer: object) -> Verdict:
    """5.1b: the simulated saving ``1 - ATO units / MTS units`` (average units on the
    shelves) of the ``pooling`` instance with :data:`POOLING_PRODUCTS` products, as a
    fraction."""
    exercise_id = "5.1b"
    if answer is Ellipsis:
        return Verdict.unanswered(exercise_id)
    saving = _as_real(answer)
    if saving is None:
        return _expected_number(exercise_id, answer, "a number (a fraction such as 0.25)",
                                "un nombre (une fraction, par exemple 0.25 en Python)")
    if not -1.0 < saving <= 100.0:
        return _expected_number(exercise_id, answer, "a fraction between -1 and 1",
                                "une fraction entre -1 et 1")
    if saving > 1.0:
        return Verdict.invalid(exercise_id, tr(
            f"{saving:g} looks like a percentage: give a fraction (25 % is 0.25).",
            f"{saving:g} ressemble à un pourcentage : donnez une fraction "
            "(25 % s'écrit 0.25 en Python).",
        ))
    truth = _pooling_saving(class_seed())
    law = 1.0 - 1.0 / math.sqrt(POOLING_PRODUCTS)
    ok, gap = _gap(saving, truth, 0.01, "", "", 3)
    if ok:
        return Verdict(exercise_id, "correct", 1.0, tr(
            f"Right: the shared component saves {_pct(truth)} of the stock, close to the "
            f"square-root law 1 - 1/√{POOLING_PRODUCTS} = {_pct(law)}. The small gap comes "
            "from rounding the targets, from finished goods waiting one more day than "
            "components, and from randomness.",
            f"Juste : le composant commun économise {_pct(truth)} du stock, proche de la loi "
            f"de la racine carrée 1 - 1/√{POOLING_PRODUCTS} = {_pct(law)}. Le petit écart vient de "
            "l'arrondi des cibles, du jour d'attente de plus des produits finis par rapport aux "
            "composants, et du hasard.",
        ))
    hint = tr(
        " That is the square-root law itself; the exercise asks for the simulated saving."
        if abs(saving - law) < 1e-3 else "",
        " C'est la loi de la racine carrée elle-même ; l'exercice demande l'économie simulée."
        if abs(saving - law) < 1e-3 else "",
    )
    return Verdict(exercise_id, "incorrect", 0.0, tr(
        f"{_num(saving, 3)} is {gap}.{hint} Compare the mean of component_units + finished_units "
        "in the inventory of the MTS and ATO runs.",
        f"{_num(saving, 3)} est {gap}.{hint} Comparez la moyenne de component_units + "
        "finished_units dans le tableau .inventory des simulations MTS et ATO.",
    ))
