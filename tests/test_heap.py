import subprocess
import sys

import pytest

from analysis.forked import can_fork

#: Arrays of a few megabytes made and freed in turn, as counting partitions does.
CHURN = """
import resource, sys
import numpy as np
from analysis.heap import steady_heap
if sys.argv[1] == "steady":
    assert steady_heap() is True
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for i in range(50):
    a = np.ones((i % 7 + 1) << 20, dtype=np.uint8)
    b = np.ones(300 << 10, dtype=np.uint8)
    del a
    c = np.ones((i % 5 + 1) << 19, dtype=np.uint8)
    del b, c
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


@pytest.mark.skipif(not can_fork(), reason="glibc's mallopt: Linux only")
def test_a_steady_heap_reuses_freed_blocks_instead_of_faulting_in_fresh_pages():
    def faults(mode: str) -> int:
        done = subprocess.run([sys.executable, "-c", CHURN, mode], check=True, capture_output=True, text=True)
        return int(done.stdout)

    default, steady = faults("default"), faults("steady")
    assert steady < 0.75 * default, (steady, default)
