"""``python -m eval.scale``: write a scale corpus (see ``--help``)."""

import sys

from eval.scale.cli import main

if __name__ == "__main__":
    sys.exit(main())
