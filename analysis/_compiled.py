"""The compiled core, ``analysis._scan`` (``analysis/_scan.c``), or ``None`` where it was not built.

``pip install -e .`` builds it wherever a C compiler is found (``setup.py``); without it
every caller takes its pure-Python path, which gives the same results (tested), slower.
"""

try:
    from . import _scan
except ImportError:  # pragma: no cover - exercised where no compiler was available
    _scan = None

__all__ = ["_scan"]
