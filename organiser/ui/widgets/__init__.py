"""Reusable widgets: labelled fields, row editors."""
