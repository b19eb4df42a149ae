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
