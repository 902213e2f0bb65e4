"""Working as a team: a shared database, others' changes, events taken offline."""
