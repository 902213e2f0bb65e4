"""The bundled executable's entry: the same `organiser` command as an installed one."""

from organiser.app import main

raise SystemExit(main())
