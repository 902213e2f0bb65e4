"""Copying events to a team database, taking one offline and bringing it back."""
