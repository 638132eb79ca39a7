"""What ccq-stats does with each file of red team 8: read right, wrong figures with exit 0, refused, crashed.

    .venv/bin/python tests/data/redteam8/summarize.py [-v] [NAME ...]

Runs `ccq-stats classify FILE --format csv` on each file of files/ (the ccq-stats beside this
Python), compares with expected.json (written by make_redteam8.py from its own model) and prints
one line per file, then the totals. `-v` adds the first differing figures and the error line.
The verdicts are tests/redteam_corpus.py's, which tests/test_red_teams.py uses too.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # tests/, where redteam_corpus.py is

from redteam_corpus import Corpus, main  # noqa: E402 - after tests/ is on the path

if __name__ == "__main__":
    sys.exit(main(Corpus(HERE), sys.argv[1:]))
