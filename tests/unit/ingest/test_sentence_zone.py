"""The zone a sentence reports on, on INVENTED sentences."""

from __future__ import annotations

from ingest.extract.indicator_subjects import sentence_zone
from kg.model import EntityType

HOME = (EntityType.ZONE, "青松高新区")


def test_a_verb_before_a_park_word_names_no_other_zone() -> None:
    assert sentence_zone("配合科学园区均衡发展政策,未来将带进4500个就业机会", HOME) == HOME


def test_a_park_named_at_the_opening_is_the_sentence_s_zone() -> None:
    assert sentence_zone("白鹭园区累计签约项目超过30个", HOME)[1] == "白鹭园区"
