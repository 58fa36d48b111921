"""Titles of section heads and Latin company titles before a person's name (invented sentences)."""

from __future__ import annotations

from ingest.extract.people import find_people
from kg.model import EntityType

HOME = (EntityType.ZONE, "青松高新区")


def test_section_head_title_marks_a_person() -> None:
    hits = find_people("市委组织部干部一科副科长王青松参加会议。", HOME)
    assert [hit.name for hit in hits] == ["王青松"]


def test_latin_chief_executive_title_marks_a_person() -> None:
    hits = find_people("白鹭婴童用品有限公司CEO李远航介绍了项目进展。", HOME)
    assert [hit.name for hit in hits] == ["李远航"]
