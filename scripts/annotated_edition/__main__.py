"""``python -m annotated_edition``: see :mod:`annotated_edition.cli`."""

import sys

from .cli import main

sys.exit(main())
