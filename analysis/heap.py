"""The C library's heap: how the counting processes keep and give back freed memory.

Counting makes and frees many arrays of a few megabytes (a partition's tokens, ids and
counts).  glibc's ``malloc`` gives such blocks straight back to the system when they are
freed and asks for fresh pages for the next one, and each fresh page costs a page fault:
half the system time of ``python -m analysis count`` went to them (about 370,000 faults on
the ANT folder).  :func:`steady_heap` has freed blocks of up to
:data:`HEAP_MMAP_THRESHOLD` reused instead, and keeps at most :data:`HEAP_TRIM_THRESHOLD`
free at the top of the heap; :func:`release_freed_memory` gives the free pages back at
the points where a process has just freed much.  Elsewhere than glibc both do nothing.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache

#: Blocks larger than this are still mapped apart (and unmapped when freed): 16 MB.
HEAP_MMAP_THRESHOLD = 16 << 20
#: At most this much free memory stays at the top of the heap: 32 MB.
HEAP_TRIM_THRESHOLD = 32 << 20
#: ``mallopt`` parameters (glibc's malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


@lru_cache(maxsize=1)
def _libc():
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def steady_heap() -> bool:
    """Keep freed blocks for reuse (see the module's docstring) in this process and the
    processes it forks from now on; returns whether the C library took the settings.

    Examples
    --------
    >>> steady_heap() in (True, False)
    True
    """
    libc = _libc()
    if libc is None:
        return False
    return bool(libc.mallopt(_M_MMAP_THRESHOLD, HEAP_MMAP_THRESHOLD)) and \
        bool(libc.mallopt(_M_TRIM_THRESHOLD, HEAP_TRIM_THRESHOLD))


def release_freed_memory() -> None:
    """Give the heap's free pages back to the system (glibc's ``malloc_trim``; elsewhere
    nothing): merging frees many small objects, whose pages the C library keeps."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
