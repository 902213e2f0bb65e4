"""In-app help: a plain-words page for every page of the window (F1), and the glossary."""
