"""Feedback on phones in the room: the form served from this computer on the local network,
behind an unguessable address, only while collecting. No Qt, no ReportLab: the window (or a
test) starts it and is handed each response to store."""
