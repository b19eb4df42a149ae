"""Distinct strings by id, kept compactly: the vocabularies of a large count.

A count of a large corpus keeps every distinct form it has seen: the workers theirs, the
merging process the whole corpus's.  As Python strings in a dict and a list that is well
over 100 bytes a short Arabic word; :class:`Interner` keeps them as UTF-8 in one buffer, with
a 32-bit offset and hash each (about 35 bytes), in the compiled core (``analysis/_scan.c``).
Where the core was not built, :class:`PyInterner` (a dict and a list) does the same, and
defines what the compiled one must do (tests/test_interner.py compares them).

Ids are given in order of first appearance, as :func:`pandas.factorize` numbers values.

>>> forms = Interner()
>>> forms.add(["قاآني", "بغداد", "قاآني"]).tolist(), forms.find(["بغداد", "الكاظمي"]).tolist()
([0, 1, 0], [1, -1])
>>> forms.strings(), forms.take([1, 0])
(['قاآني', 'بغداد'], ['بغداد', 'قاآني'])
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ._compiled import _scan


class PyInterner:
    """The reference definition: a dict from string to id and a list of the strings."""

    def __init__(self) -> None:
        self._ids: dict[str, int] | None = {}
        self._strings: list[str] = []

    def _index(self) -> dict[str, int]:
        if self._ids is None:
            raise RuntimeError("this Interner's index was dropped: it can no longer look strings up")
        return self._ids

    @staticmethod
    def _checked(keys: Sequence[str]) -> list[str]:
        keys = list(keys)
        for key in keys:
            if not isinstance(key, str):
                raise TypeError(f"Interner keys must be str, not {type(key).__name__}")
        return keys

    def add(self, keys: Sequence[str]) -> bytes:
        ids = self._index()
        keys = self._checked(keys)
        new = [key for key in dict.fromkeys(keys) if key not in ids]
        ids.update(zip(new, range(len(self._strings), len(self._strings) + len(new))))
        self._strings.extend(new)
        return np.array(list(map(ids.__getitem__, keys)), dtype=np.int64).tobytes()

    def find(self, keys: Sequence[str]) -> bytes:
        get = self._index().get
        return np.array([get(key, -1) for key in self._checked(keys)], dtype=np.int64).tobytes()

    def strings(self, start: int = 0, stop: int | None = None) -> list[str]:
        if start < 0 or (stop is not None and stop < 0):
            raise ValueError("strings(): start and stop are ids, not negative")
        return self._strings[start:stop]

    def take(self, ids) -> list[str]:
        strings, n = self._strings, len(self._strings)
        ids = np.asarray(ids, dtype=np.int64).tolist()
        for i in ids:
            if not 0 <= i < n:
                raise IndexError(f"string id {i} out of range ({n} strings)")
        return [strings[i] for i in ids]

    def order(self) -> bytes:
        return np.array(sorted(range(len(self._strings)), key=self._strings.__getitem__), dtype=np.int64).tobytes()

    def drop_index(self) -> None:
        self._ids = None

    def __len__(self) -> int:
        return len(self._strings)


class Interner:
    """Distinct strings, each with an id in order of first appearance.

    Methods take and give numpy arrays of ids (int64).  :meth:`drop_index` frees the lookup
    table once no more strings will be looked up (about half the memory); the strings stay.

    Examples
    --------
    >>> forms = Interner(); forms.add(["و", "في", "و"]).tolist(), len(forms)
    ([0, 1, 0], 2)
    >>> forms.order().tolist()                  # code-point order, as sorted() gives
    [1, 0]
    """

    def __init__(self, *, compiled: bool | None = None) -> None:
        use_c = _scan is not None and hasattr(_scan, "Interner") if compiled is None else compiled
        self._core = _scan.Interner() if use_c else PyInterner()

    def add(self, keys: Sequence[str]) -> np.ndarray:
        """The id of each key, adding those not seen before (in order of first appearance).
        Keys must be str (a TypeError otherwise; the compiled table may then keep the keys
        before the bad one)."""
        return np.frombuffer(self._core.add(keys), dtype=np.int64)

    def find(self, keys: Sequence[str]) -> np.ndarray:
        """The id of each key, -1 for a key not in the interner."""
        return np.frombuffer(self._core.find(keys), dtype=np.int64)

    def contains(self, keys: Sequence[str]) -> np.ndarray:
        """Whether each key is in the interner (a boolean array)."""
        return self.find(keys) >= 0

    def strings(self, start: int = 0, stop: int | None = None) -> list[str]:
        """The strings of ids ``start`` to ``stop`` (all by default), as a list."""
        return self._core.strings(start, len(self) if stop is None else stop)

    def take(self, ids) -> list[str]:
        """The strings of the given ids, as a list."""
        return self._core.take(np.ascontiguousarray(ids, dtype=np.int64))

    def order(self) -> np.ndarray:
        """Every id, sorted by its string in code-point order (Python's order of str)."""
        return np.frombuffer(self._core.order(), dtype=np.int64)

    def drop_index(self) -> None:
        """Free the lookup table: :meth:`add` and :meth:`find` raise from now on."""
        self._core.drop_index()

    def __len__(self) -> int:
        return len(self._core)

    def __iter__(self):
        """The strings in id order, a block at a time."""
        for start in range(0, len(self), 1 << 16):
            yield from self.strings(start, start + (1 << 16))
