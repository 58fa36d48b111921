"""Projects named a key project of a province or a city ("该项目为省重点项目", "X项目是<省>重点工业工程").

FORMAT.md: a project named a 省重大产业项目 gives the Honour to its company. The sentence names the
project (or points back to it with 该项目); the company is found once the document's investors are
known: the project's investor, else a company named in the same sentence or the one after.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.extract.honour_titles import unquoted

_LEVEL = r"(?:国家|全国|省|市|自治区|[\u4e00-\u9fff]{2,4}?(?:省|市|自治区))"
_PROJECT_TITLE = re.compile(
    rf"(?P<subject>该项目|该工程|项目)(?:也|还|已)?(?:为|是|被列为|列为|列入|入选|纳入)(?:在建|新建|续建|今年|年度)?"
    rf"(?P<title>{_LEVEL}[^,，。;；]{{0,8}}?重[点大][^,，。;；]{{0,4}}?(?:项目|工程))(?![\u4e00-\u9fff])")


@dataclass(frozen=True)
class ProjectTitle:
    """A key-project title given to the project a sentence names (or points back to)."""

    honour: str
    start: int
    end: int
    subject_end: int
    """Where the project's name (or 该项目) ends in the sentence."""
    anaphoric: bool


def project_titles(sentence: str) -> Iterator[ProjectTitle]:
    """Key-project titles of a sentence, with where their project is named."""
    if "重" not in sentence:
        return
    for m in _PROJECT_TITLE.finditer(sentence):
        honour = unquoted(m.group("title"))
        yield ProjectTitle(honour, m.start("title"), m.end("title"), m.end("subject"),
                           m.group("subject").startswith("该"))
