"""A document title written without 《》: "<issuer>关于<subject>的(若干/实施/试行)意见|办法|措施…".

Pages often give a policy's title as a heading or in running text without book-title marks. The
name is the whole title, issuer included, as written. The zone issued it when the issuer is the zone
(高新区, 经开区, 管委会 …); a government above the zone (国务院, 省, 市人民政府, 办公厅) did not.
A notice wrapping another document (关于印发…的通知) is no policy of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extract.asset_text import Candidate
from kg.model import EntityType

_TITLE = re.compile(
    r"(?P<issuer>[\u4e00-\u9fff]{2,16}?)关于(?P<subject>[^，。；;,:：《》“”\n]{4,40}?)的"
    r"(?:若干|实施|试行|指导|暂行)*(?:意见|办法|措施|规定|方案|细则|政策)(?![\u4e00-\u9fff])")
# Verbs and discourse words that open the clause before a title's issuer (为贯彻落实X关于…).
_LEAD = re.compile(r"^.*?(?:贯彻落实|贯彻|落实|根据|按照|依据|结合|出台|印发|制定|发布|对照|执行|参照)")
_ZONE_ISSUER = re.compile(r"高新区|经开区|开发区|园区|管委会|新区|保税区|自贸区|片区")
_HIGHER_ISSUER = re.compile(r"国务院|中共|中央|国家|部|厅|省|[市县]人民政府|[市县]政府|[市县]委")


def find_document_titles(sentence: str) -> Iterator[Candidate]:
    """Policy titles written without 《》 in one sentence."""
    if "关于" not in sentence:
        return
    for m in _TITLE.finditer(sentence):
        if "《" in sentence[max(0, m.start() - 20):m.start()] and "》" not in sentence[m.start():m.end() + 1]:
            continue  # inside a 《…》 title: read there
        lead = _LEAD.match(m.group("issuer"))
        start = m.start() + (lead.end() if lead else 0)
        issuer = sentence[start:m.start("subject") - 2]
        if len(issuer) < 2 or "印发" in m.group("subject"):
            continue
        own = _ZONE_ISSUER.search(issuer) is not None and not _HIGHER_ISSUER.search(issuer)
        yield Candidate(EntityType.POLICY, sentence[start:m.end()], start, m.end(), own)
