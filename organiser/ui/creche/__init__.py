"""The Creche tab: bookings, check-in, children, staff, the creche's settings and privacy."""
