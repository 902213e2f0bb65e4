"""The Feedback tab: the form, entering paper forms, responses, figures, themes and quotes."""
