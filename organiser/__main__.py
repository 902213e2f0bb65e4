from organiser.app import main

raise SystemExit(main())
