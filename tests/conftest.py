"""Shared fixtures: the seed corpus and its token table, loaded once per test session."""
import pytest

from analysis import load_corpus, tokens_table
from analysis.config import SEEDS_DIR


@pytest.fixture(scope="session")
def seeds():
    return load_corpus(SEEDS_DIR)


@pytest.fixture(scope="session")
def seed_tokens(seeds):
    return tokens_table(seeds)
