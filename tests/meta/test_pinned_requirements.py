"""Every dependency pyproject.toml declares is installed from a version and sha256 pinned in scripts/."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==\S+ \\\n(?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+", re.MULTILINE)


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _pinned(lock: str) -> set[str]:
    return {m.group(1).lower().replace("_", "-") for m in PIN.finditer((ROOT / "scripts" / lock).read_text())}


def test_every_dependency_is_pinned_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    test = {_name(r) for r in project["optional-dependencies"]["test"]}
    assert runtime - _pinned("requirements.txt") == set()
    assert (runtime | test) - _pinned("requirements-test.txt") == set()


def test_every_pin_carries_a_hash() -> None:
    for lock in ("requirements.txt", "requirements-test.txt"):
        text = (ROOT / "scripts" / lock).read_text()
        pins = [line for line in text.splitlines() if re.match(r"^[A-Za-z0-9].*==", line)]
        assert len(pins) == len(PIN.findall(text)) > 50, lock
