"""The shared directory of organisations, used by members and speakers alike."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from organiser.core.parsing import name_key
from organiser.core.planning.models import Organisation


def organisation_id_for(session: Session, name: str) -> int | None:
    """The directory's entry for `name` (matched case- and accent-encoding-blind), created on
    first use; a blank name means no organisation."""
    if not name.strip():
        return None
    key = name_key(name)
    org = session.scalars(select(Organisation).where(Organisation.name_key == key)).first()
    if org is None:
        org = Organisation(name=" ".join(name.split()), name_key=key)
        session.add(org)
        session.flush()
    return int(org.id)


def organisation_name(session: Session, organisation_id: int | None) -> str:
    """The name of an organisation in the directory ("" for none)."""
    if organisation_id is None:
        return ""
    org = session.get(Organisation, organisation_id)
    return org.name if org is not None else ""
