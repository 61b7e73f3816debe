"""``python -m annotated_edition``: see :mod:`annotated_edition.cli`."""

import os
import sys

from .cli import main

try:
    sys.exit(main())
except BrokenPipeError:  # ('make check | head' closed the pipe: the rest is not wanted; no traceback)
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # (as the Python docs' signal page advises)
    sys.exit(1)
