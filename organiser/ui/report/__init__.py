"""The summary report window, where its words are edited before printing; the series report."""
