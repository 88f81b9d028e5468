"""The bundle's entry point: the same as the ``smedesk`` console script."""

import sys

from smedesk.cli import main

sys.exit(main())
