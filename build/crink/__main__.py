from crink.cli import main

raise SystemExit(main())
