import os

import pytest

from analysis.forked import can_fork, map_forked


def _shout(word: str) -> str:
    return word + "!"


def test_pieces_come_back_in_order_whatever_the_processes():
    words = ["قال", "أكد", "نفى", "زعم", "أفاد"]
    for processes in (1, 2, 3, 8):
        assert map_forked(_shout, words, processes=processes) == [w + "!" for w in words]
    assert map_forked(_shout, [], processes=2) == []


def _die_in_a_child(piece: int) -> int:
    if piece:
        os._exit(3)                    # as a process killed for want of memory would end
    return piece


@pytest.mark.skipif(not can_fork(), reason="forking is Linux-only here")
def test_a_child_that_dies_is_an_error_not_a_wait():
    with pytest.raises(RuntimeError, match="ended without sending its result back"):
        map_forked(_die_in_a_child, [0, 1], processes=2)


def _stop_with_a_half_written_result() -> None:
    import struct
    import time
    from concurrent.futures import ProcessPoolExecutor

    from analysis.forked import process_context, stop_executor

    executor = ProcessPoolExecutor(1, mp_context=process_context())
    assert executor.submit(_shout, "قال").result() == "قال!"
    # what a worker stopped in the middle of sending its result leaves in the pipe: the
    # length of a message and only part of it; the executor's thread reads it and waits
    os.write(executor._result_queue._writer.fileno(), struct.pack("!i", 1000) + "نصف".encode())
    time.sleep(0.2)
    stop_executor(executor)
    print("stopped")


@pytest.mark.skipif(not can_fork(), reason="forking is Linux-only here")
def test_stopping_at_once_does_not_wait_for_a_half_sent_result():
    # Ctrl-C or an error stops the workers at once; a result cut off mid-way must not keep
    # the executor's thread (and so this process) waiting for the rest for ever
    import subprocess
    import sys

    code = "from tests.test_forked import _stop_with_a_half_written_result as f; f()"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert done.returncode == 0 and done.stdout.strip() == "stopped", done.stderr
