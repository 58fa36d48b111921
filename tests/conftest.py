"""The only fixtures file: every fixture a test uses is defined here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from kg.settings import MEMORY, Settings
from kg.store.oxigraph import OxigraphStore

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.jsonl"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for an in-memory store with no token and no corpus bootstrap."""
    return Settings(store=MEMORY, corpus=tmp_path / "no-corpus", _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
def memory_store() -> Iterator[OxigraphStore]:
    store = OxigraphStore(None)
    yield store
    store.close()


@pytest.fixture
def disk_store(tmp_path: Path) -> Iterator[OxigraphStore]:
    store = OxigraphStore(tmp_path / "store")
    yield store
    store.close()


@pytest.fixture
def sample_store(memory_store: OxigraphStore) -> OxigraphStore:
    """The in-memory store loaded with tests/data/sample.trig."""
    memory_store.raw.load(path=str(DATA / "sample.trig"), format=RdfFormat.TRIG)
    return memory_store


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture
def gold_path() -> Path:
    if not GOLD.exists():
        pytest.skip("shared/gold/seeds.jsonl is not beside this checkout")
    return GOLD
