"""Paths of the workbook, built from this file's location (nothing else lives here).

>>> from analysis.config import SEEDS_DIR
>>> SEEDS_DIR.name
'seeds'
"""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (the folder that holds ``analysis/``).
ROOT = Path(__file__).resolve().parent.parent
#: The five seed articles and ``metadata.csv``; read-only for the code.
SEEDS_DIR = ROOT / "seeds"
#: Exported figures: ``NAME.png``, ``NAME.svg`` and ``NAME.csv``.
FIGURES_DIR = ROOT / "figures"
#: The numbered notebooks (paired ``.ipynb`` / ``.py``).
NOTEBOOKS_DIR = ROOT / "notebooks"
#: Word lists and tables shipped with the package.
DATA_DIR = Path(__file__).resolve().parent / "data"
#: Derived data worth keeping between runs (the folded word-frequency lexicon, the normalized
#: stopword lists; see :mod:`analysis.cache`):
#: ``$QAANI_CACHE_DIR``, else ``$XDG_CACHE_HOME/qaani-baghdad-workbook``, else
#: ``~/.cache/qaani-baghdad-workbook``.  Safe to delete; rebuilt when missing.
CACHE_DIR = Path(os.environ.get("QAANI_CACHE_DIR")
                 or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qaani-baghdad-workbook")
