"""Start the Redactor desktop app: `python main.py [FILE...]`."""

import sys

from redactor.gui.app import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
