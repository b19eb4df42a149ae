"""Tables derived once and kept in :data:`analysis.config.CACHE_DIR` between runs.

A table is stored under a key made of everything it depends on: the versions of the
packages it is built from, the source of the modules and data files that build it, and
the Unicode and Python versions; a change to any of them builds it anew.  A cache file
that cannot be read, or holds something else, is rebuilt, never trusted; a folder that
cannot be written just means no cache.

>>> from analysis.cache import cached
>>> cached("doctest-example", build=lambda: {"بغداد": 1}, depends_on=(), check=dict.__instancecheck__)
{'بغداد': 1}
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable, TypeVar

from . import config
from .files import write_atomic

T = TypeVar("T")


def cache_path(name: str, depends_on: Iterable[str | Path | ModuleType]) -> Path:
    """The file of table ``name`` for these dependencies: strings (versions), or files and
    modules whose source bytes count."""
    key = hashlib.sha256()
    for part in (unicodedata.unidata_version, sys.version, *depends_on):
        if isinstance(part, ModuleType):
            part = Path(part.__file__)
        key.update(part.read_bytes() if isinstance(part, Path) else str(part).encode())
        key.update(b"\0")
    return config.CACHE_DIR / f"{name}-{key.hexdigest()[:16]}.pickle"


def cached(name: str, *, build: Callable[[], T], depends_on: Iterable[str | Path | ModuleType],
           check: Callable[[object], bool]) -> T:
    """Table ``name`` from the cache if it is there and passes ``check``; else ``build()``,
    written to the cache atomically (a temporary file, then a rename)."""
    path = cache_path(name, depends_on)
    try:
        with path.open("rb") as handle:
            table = pickle.load(handle)
        if check(table):
            return table
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError, IndexError):
        pass
    table = build()
    try:
        write_atomic(path, lambda tmp: tmp.write_bytes(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)))
    except OSError:
        pass
    return table
