"""Organiser: plan, run and report small co-produced community events."""

__version__ = "0.1.0"
