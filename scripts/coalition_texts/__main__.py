"""`python -m coalition_texts [--root DIR] [--check-anchors]`: run the conversion outside MkDocs."""

import sys

from coalition_texts.build import main

sys.exit(main())
