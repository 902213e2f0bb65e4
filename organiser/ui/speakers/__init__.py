"""The Speakers tab: invitations for the open event and the directory of all speakers."""
