"""``python -m smedesk``: the same as the ``smedesk`` command."""

import sys

from smedesk.cli import main

sys.exit(main())
