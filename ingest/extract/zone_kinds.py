"""Zone-kind endings (高新技术产业开发区, 经济开发区, 园区 …), the zone-name value and how names of one
zone are grouped and the fullest one chosen."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def _load_kinds() -> tuple[tuple[str, str | None, bool], ...]:
    """(ending, ontology subclass, weak) rows of ``resources/zone_kinds.tsv``, longest ending first."""
    rows = []
    for line in (RESOURCES / "zone_kinds.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ending, cls, strength = line.split("\t")
            rows.append((ending, None if cls == "-" else cls, strength == "weak"))
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


KINDS = _load_kinds()
# Zone-kind endings, longest first, with the ontology subclass they imply.
ZONE_KINDS: tuple[tuple[str, str | None], ...] = tuple((ending, cls) for ending, cls, _ in KINDS)
ENDING_RE = re.compile("|".join(kind for kind, _ in ZONE_KINDS))
# Endings that are also common nouns: the place must be a known place word.
WEAK_ENDINGS = frozenset(ending for ending, _, weak in KINDS if weak)
# Short forms of each ending: the ending a text may use for the same zone.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "高新技术产业开发区": ("高新区", "高新技术开发区", "高新技术产业开发区"),
    "高新技术开发区": ("高新区", "高新技术产业开发区", "高新技术开发区"),
    "经济技术开发区": ("开发区", "经开区", "经济开发区"),
    "经济开发区": ("开发区", "经开区"),
}
# Bare generic words a zone document uses for itself.
BARE_SELF = {"HighTechZone": ("高新区",), "EconomicTechnologicalZone": ("开发区", "经开区"),
             "EconomicDevelopmentZone": ("开发区", "经开区"), None: ("开发区",),
             "IndustrialPark": ("园区",), "InnovationZone": ("创新区",)}


@dataclass(frozen=True)
class ZoneName:
    """A zone name split into place prefix and kind ending."""

    place: str
    ending: str

    @property
    def name(self) -> str:
        return self.place + self.ending


def zone_class(name: str, aliases: tuple[str, ...] = ()) -> str | None:
    """Ontology subclass local name for a zone, from its name or aliases."""
    for form in (name, *aliases):
        for ending, cls in ZONE_KINDS:
            if form.endswith(ending) and cls is not None:
                return cls
    return None


def same_place(a: str, b: str) -> bool:
    """Places that name the same zone: equal, or one the other with a city before it (常德鼎城 / 鼎城)."""
    return a == b or (len(a) >= 2 and len(b) >= 2 and (a.endswith(b) or b.endswith(a)))


def clusters(names: list[ZoneName]) -> dict[str, list[ZoneName]]:
    """Group zone names by place prefix; a city-prefixed place joins its shorter form."""
    groups: dict[str, list[ZoneName]] = {}
    for zone in sorted(names, key=lambda z: len(z.place)):
        key = next((place for place in groups if zone.place.endswith(place)), zone.place)
        groups.setdefault(key, []).append(zone)
    return groups


def canonical_zone(forms: list[ZoneName]) -> ZoneName:
    """The fullest form: longest ending, then most frequent."""
    counts = Counter(forms)
    return max(counts, key=lambda z: (len(z.ending), counts[z]))


_ENDING_SET = frozenset(ending for ending, _ in ZONE_KINDS)
_LONGEST_ENDING = max(len(ending) for ending in _ENDING_SET)


def longest_ending(name: str, shortest_place: int) -> str | None:
    """The longest kind ending ``name`` ends with, leaving at least ``shortest_place`` characters before it."""
    for size in range(min(_LONGEST_ENDING, len(name) - shortest_place), 1, -1):
        if name[-size:] in _ENDING_SET:
            return name[-size:]
    return None


def ending_of(name: str) -> str | None:
    """The kind ending of a zone name with a place before it."""
    return longest_ending(name, 1)
