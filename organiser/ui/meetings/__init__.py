"""Meetings and action items in the Planning tab: notes typed offline, decisions, who does what."""
