"""The Flyer tab: the draft with its live preview and checklist, versions and sign-off."""
