"""Entry point frozen by PyInstaller: the same ``main`` as the ``drafting-app`` script."""

import sys

from drafting_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
