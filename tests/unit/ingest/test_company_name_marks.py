"""Company names with a space between Latin words or a middle dot inside (invented sentences)."""

from __future__ import annotations

from ingest.extract.entities import find_legal_companies


def test_space_between_latin_words_stays_inside_the_name() -> None:
    hits = find_legal_companies("世界知名的AB XYZ公司在本区设立的研发中心已完成注册。")
    assert [hit.name for hit in hits] == ["ABXYZ公司"]


def test_space_before_a_latin_name_still_bounds_it() -> None:
    hits = find_legal_companies("据了解 XYZ公司在本区设立研发中心。")
    assert [hit.name for hit in hits] == ["XYZ公司"]


def test_middle_dot_between_a_parent_brand_and_the_firm_stays_inside() -> None:
    hits = find_legal_companies("据悉,白鹭轮胎有限公司、青松·远航门业有限公司入选名单。")
    assert [hit.name for hit in hits] == ["白鹭轮胎有限公司", "青松·远航门业有限公司"]


def test_electronics_firm_is_no_subsidiary() -> None:
    hits = find_legal_companies("其中,青松电子公司拟投资3000万美元。")
    assert [hit.name for hit in hits] == ["青松电子公司"]


def test_subsidiary_alone_is_no_name() -> None:
    assert find_legal_companies("其中,该集团子公司拟投资3000万美元。") == ()


def test_japanese_legal_form_ends_a_company_name() -> None:
    hits = find_legal_companies("据悉,白鹭株式会社拟投资1亿美元。")
    assert [hit.name for hit in hits] == ["白鹭株式会社"]


def test_consortium_ends_a_company_name() -> None:
    hits = find_legal_companies("据悉,青松株式会社和白鹭财团拟在本区建设商务大厦。")
    assert [hit.name for hit in hits] == ["青松株式会社", "白鹭财团"]
