"""The Availability page: polls, their options, and the grid of answers."""
