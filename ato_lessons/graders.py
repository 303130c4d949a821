"""Graders of the exercises of lessons 1-6 (work in progress)."""
