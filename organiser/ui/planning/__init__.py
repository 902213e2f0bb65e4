"""The Planning tab: overview, details, working group, programme and budget."""
