"""The course's two languages, and the one way it writes numbers.

Everything the library says to a student (checker feedback, widget captions,
table labels) is written in the current language, English or French, chosen
per kernel with :func:`set_language` (or the environment variable ``ATO_LANG``).
Numbers are written the same way everywhere, in the style of the current
language:

========================  ================  ==================
what                      English           French
========================  ================  ==================
:func:`fmt_number`        ``1,234.5``       ``1 234,5``
:func:`fmt_percent`       ``95.3%``         ``95,3 %``
:func:`fmt_euros`         ``55,484 €``      ``55 484 €``
========================  ================  ==================

(French groups thousands with a narrow no-break space, U+202F.)

This module sits at the bottom of the library's layers: it imports nothing from
the rest of the package.

Examples
--------
>>> set_language("en")
>>> fmt_number(1234.5, 1), fmt_percent(0.953, 1), fmt_euros(55484.2)
('1,234.5', '95.3%', '55,484 €')
>>> set_language("fr")
>>> fmt_number(1234.5, 1) == "1\\u202f234,5", fmt_percent(0.953, 1), tr("yes", "oui")
(True, '95,3 %', 'oui')
>>> set_language("en")
"""

from __future__ import annotations

import os
from typing import Literal, TypeAlias, cast, get_args

__all__ = [
    "Language",
    "LANGUAGES",
    "fmt_euros",
    "fmt_number",
    "fmt_percent",
    "get_language",
    "set_language",
    "tr",
]

Language: TypeAlias = Literal["en", "fr"]
#: The languages of the course.
LANGUAGES: tuple[str, ...] = get_args(Language)


def _language_from_env() -> Language:
    raw = os.environ.get("ATO_LANG", "").strip().lower()[:2]
    return cast(Language, raw) if raw in LANGUAGES else "en"


_state: dict[str, Language] = {"language": _language_from_env()}


def set_language(language: str) -> None:
    """Choose the language of everything the library says to a student.

    Parameters
    ----------
    language : {"en", "fr"}
        ``"en"`` for English (the default, or the environment variable
        ``ATO_LANG``), ``"fr"`` for French.

    Raises
    ------
    ValueError
        If ``language`` is not ``"en"`` or ``"fr"``.
    """
    if not isinstance(language, str) or language.strip().lower() not in LANGUAGES:
        shown = repr(language) if isinstance(language, str) and len(language) <= 40 else (
            type(language).__name__)
        raise ValueError(f"language(={shown}) must be 'en' or 'fr'")
    _state["language"] = cast(Language, language.strip().lower())


def get_language() -> Language:
    """Return the current language (``"en"`` or ``"fr"``)."""
    return _state["language"]


def tr(en: str, fr: str) -> str:
    """Return ``en`` or ``fr``, whichever matches the current language."""
    return fr if _state["language"] == "fr" else en


def fmt_number(value: float, decimals: int = 0) -> str:
    """A number with thousands grouped, in the current language's style.

    Parameters
    ----------
    value : float
        The number.
    decimals : int, default 0
        Digits after the decimal mark.

    Examples
    --------
    >>> set_language("en")
    >>> fmt_number(12345.678, 2)
    '12,345.68'
    """
    text = f"{value:,.{decimals}f}"
    if get_language() == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def fmt_percent(fraction: float, decimals: int = 0) -> str:
    """A fraction as a percentage: ``0.953`` -> ``95%`` (``95 %`` in French).

    Examples
    --------
    >>> set_language("en")
    >>> fmt_percent(0.953, 1)
    '95.3%'
    """
    number = fmt_number(100 * fraction, decimals)
    return tr(f"{number}%", f"{number} %")


def fmt_euros(value: float, decimals: int = 0) -> str:
    """An amount in euros, sign after the number in both languages.

    Examples
    --------
    >>> set_language("en")
    >>> fmt_euros(67577.4)
    '67,577 €'
    """
    return f"{fmt_number(value, decimals)} €"
