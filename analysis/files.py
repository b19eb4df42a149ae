"""Write files atomically: all of them or none, never half a file.

Every file the package writes (figures and their CSVs, the count command's tables, the
cache) goes through :func:`atomic_paths`: the content is written to temporary files in
the target folder, which are renamed over the targets only when all were written, with
the permissions a new file gets under the umask.  A failure, or Ctrl-C, leaves the old
files as they were and no temporary file behind.

>>> import tempfile
>>> from pathlib import Path
>>> target = Path(tempfile.mkdtemp()) / "terms.csv"
>>> with atomic_paths([target]) as (tmp,):
...     _ = tmp.write_text("term,count\\nبغداد,3\\n", encoding="utf-8")
>>> target.read_text(encoding="utf-8").splitlines()[1]
'بغداد,3'
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Sequence


@contextmanager
def atomic_paths(targets: Sequence[str | Path]) -> Iterator[list[Path]]:
    """Temporary paths to write ``targets`` to, renamed over them when the block succeeds.

    Parameters
    ----------
    targets : sequence of str or Path
        The files to write; their folders are created if missing.

    Yields
    ------
    list of Path
        One temporary path per target, in the same folder (so the rename is atomic).
    """
    targets = [Path(t) for t in targets]
    temps: list[Path] = []
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            os.close(handle)
            temps.append(Path(name))
        yield temps
        mode = _file_mode()
        for tmp, target in zip(temps, targets):
            os.chmod(tmp, mode)
            os.replace(tmp, target)
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)


def write_atomic(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(temporary_path)``, then rename the result over ``path``.

    Examples
    --------
    >>> import tempfile
    >>> p = write_atomic(Path(tempfile.mkdtemp()) / "x.txt", lambda tmp: tmp.write_text("بغداد", encoding="utf-8"))
    >>> p.read_text(encoding="utf-8")
    'بغداد'
    """
    with atomic_paths([path]) as (tmp,):
        write(tmp)
    return Path(path)


def _file_mode() -> int:
    """The permissions a newly created file gets under the current umask (mkstemp uses 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
