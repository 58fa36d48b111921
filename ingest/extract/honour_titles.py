"""One name for an honour a document names in short and in full (省级企业技术中心 / <省名>企业技术中心)."""

from __future__ import annotations

import re

from ingest.extract.patterns import HAN

# A title's level prefix (国家级, 省级, 安徽省, 苏州市) and a generic tail (类企业, 企业) around its core.
_LEVEL = re.compile(rf"^(?:国家级|国家|全国|省级|市级|[{HAN}]{{2,3}}?(?:省|市)(?!级))")
_CORE_TAIL = re.compile(r"(?:类企业|企业)$")


def _level(prefix: str) -> str:
    return next((kind for kind in ("国", "省", "市") if kind in prefix), "")


def fuller_titles(names: list[str]) -> dict[str, str]:
    """Short forms of an honour named in full elsewhere in the document: 省级企业技术中心 → <省名>企业技术中心,
    潜在独角兽 → <省名>潜在独角兽类企业. Only an unambiguous, level-compatible fuller form counts."""
    parts = {}
    for name in set(names):
        prefix = _LEVEL.match(name)
        head = prefix.group() if prefix else ""
        parts[name] = (head, _CORE_TAIL.sub("", name[len(head):]))
    renamed = {}
    for name, (head, core) in parts.items():
        fuller = [other for other, (other_head, other_core) in parts.items()
                  if other_core == core and len(core) >= 3 and len(other) > len(name) and other_head != head
                  and _level(head) in ("", _level(other_head))]
        if len(fuller) == 1:
            renamed[name] = fuller[0]
    return renamed
