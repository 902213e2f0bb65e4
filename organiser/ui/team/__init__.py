"""Working as a team: connect to a shared database, see others' changes, settle clashes."""
