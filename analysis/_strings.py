"""Element-wise string operations on arrays, for :mod:`analysis.clitics`.

With numpy 2.3 or later these are numpy's own (``numpy.strings`` on ``StringDType``
arrays, compiled loops); with an older numpy, the same operations on object arrays, one
Python call per element (same results, slower).  ``dtype`` is the array type to build.

>>> words = asarray(["والحكومة", "بغداد"])
>>> slice(words, 1, None).tolist(), str_len(words).tolist()
(['الحكومة', 'غداد'], [8, 5])
"""

from __future__ import annotations

import operator

import numpy as np

__all__ = ["NATIVE", "dtype", "asarray", "add", "endswith", "find", "isdecimal", "slice", "startswith", "str_len"]

#: Whether numpy's compiled string operations are used (numpy 2.3+).
NATIVE = hasattr(getattr(np, "strings", None), "slice")


def _as_bool(func):
    return lambda *args: func(*args).astype(bool)


def _as_int(func):
    return lambda *args: func(*args).astype(np.int64)


if NATIVE:
    from numpy.dtypes import StringDType

    dtype = StringDType()
    add, endswith, find = np.strings.add, np.strings.endswith, np.strings.find
    isdecimal, slice, startswith, str_len = (np.strings.isdecimal, np.strings.slice, np.strings.startswith,
                                             np.strings.str_len)
else:  # pragma: no cover - exercised by tests/test_clitics.py with NATIVE forced off
    dtype = np.dtype(object)
    add = np.frompyfunc(operator.add, 2, 1)
    endswith = _as_bool(np.frompyfunc(str.endswith, 2, 1))
    find = _as_int(np.frompyfunc(str.find, 2, 1))
    isdecimal = _as_bool(np.frompyfunc(str.isdecimal, 1, 1))
    slice = np.frompyfunc(lambda word, start, stop: word[start:stop], 3, 1)
    startswith = _as_bool(np.frompyfunc(str.startswith, 2, 1))
    str_len = _as_int(np.frompyfunc(len, 1, 1))


def asarray(words) -> np.ndarray:
    """An array of ``words`` (any sequence of str) of :data:`dtype`."""
    return np.asarray(list(words), dtype=dtype)
