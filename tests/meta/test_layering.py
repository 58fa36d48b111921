"""Dependencies point inwards: kg/ never imports ingest/, api/ or viz/ at module level."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[2] / "kg"
OUTER = {"ingest", "api", "viz"}


def module_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted(KG.rglob("*.py")), ids=lambda p: str(p.relative_to(KG)))
def test_layering_kg_does_not_import_outer_packages(path: Path) -> None:
    assert not module_level_imports(path) & OUTER
