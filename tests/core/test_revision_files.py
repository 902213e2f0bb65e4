"""The app reads schema revisions from file names (fast start); they must agree with Alembic."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from organiser.core import migrate


def test_file_names_give_alembic_revisions_and_head() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in scripts.walk_revisions()}


def test_revisions_form_one_chain_in_file_order() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    chain = [r.revision for r in reversed(list(scripts.walk_revisions()))]
    assert tuple(chain) == migrate._revisions()
