"""The version of the course package (one place; the package and ``check_setup`` read it)."""

from __future__ import annotations

__version__ = "1.1.0"
