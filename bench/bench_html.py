"""Article text kept and furniture let through on real saved web pages: old loader vs trafilatura.

    python -m bench.bench_html [--repeat N]

Pages and their reference articles are listed in ``bench/html_pages.json`` (see its notes: the pages stay in
local mirrors of their public repositories, outside this repository). Characters are counted without whitespace;
"kept" is the longest common subsequence of output and reference article, "furniture" is the rest of the output.
Times are the median of ``--repeat`` reads of the bytes (charset decoding included), after one warm-up read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

import lxml.html

from bench.html_baseline import html_main_text as old_main_text
from ingest.decode import decode_text
from ingest.formats import read_html

MANIFEST = Path(__file__).with_name("html_pages.json")
_SPACE = re.compile(r"\s+")
_TEMPLATE = re.compile(r"<%.*?%>|<\?.*?\?>", re.DOTALL)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def page_bytes(page: dict, mirrors: Path) -> bytes | None:
    """The page's bytes from the local mirror of its repository, or None when the mirror is absent."""
    git_dir = mirrors / page["repo"].replace("/", "+") / "repo"
    if not git_dir.is_dir():
        return None
    shown = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{page['commit']}:{page['path']}"],
                           capture_output=True, check=False)
    if shown.returncode != 0:
        return None
    if hashlib.sha256(shown.stdout).hexdigest() != page["sha256"]:
        raise SystemExit(f"{page['id']}: bytes differ from the pinned sha256")
    return shown.stdout


def visible_text(markup: str) -> str:
    """The page body's text without scripts, styles, template code or any whitespace."""
    root = lxml.html.document_fromstring(_TEMPLATE.sub("", markup))
    body = root.find("body")
    body = body if body is not None else root
    for el in body.xpath(".//script|.//style|.//noscript"):
        el.drop_tree()
    return _SPACE.sub("", body.text_content())


def reference_article(visible: str, spans: list[dict], page_id: str) -> str:
    parts, cursor = [], 0
    for span in spans:
        start = cursor
        for _ in range(span.get("occurrence", 1)):
            start = visible.find(span["start"], start if start == cursor else start + 1)
            if start < 0:
                raise SystemExit(f"{page_id}: start anchor {span['start']!r} not found")
        end = visible.find(span["end"], start)
        if end < 0:
            raise SystemExit(f"{page_id}: end anchor {span['end']!r} not found")
        cursor = end + len(span["end"])
        parts.append(visible[start:cursor])
    return "".join(parts)


def score(output: str, article: str) -> tuple[int, int]:
    """(article characters kept, furniture characters let through) of one output."""
    text = _SPACE.sub("", output)
    matcher = SequenceMatcher(None, article, text, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return kept, len(text) - kept


def read_old(data: bytes) -> str:
    match = _CHARSET.search(data[:4096])
    markup, _ = decode_text(data, "page.html", declared=match.group(1).decode("ascii") if match else None)
    return old_main_text(markup)


def read_new(data: bytes) -> str:
    return read_html(data, "page.html")[0]


def timed(read: Callable[[bytes], str], data: bytes, repeat: int) -> tuple[str, float]:
    output = read(data)
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        read(data)
        times.append(time.perf_counter() - began)
    return output, statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    mirrors = Path(os.environ.get("ZONEKG_PAGE_MIRRORS", "/work/.mirror"))
    header = _row("page", "article", "old kept", "furn", "ms", "new kept", "furn", "ms")
    print(header, "-" * len(header), sep="\n")
    totals = [0] * 5
    old_ms, new_ms, skipped = [], [], []
    for page in manifest["pages"]:
        data = page_bytes(page, mirrors)
        if data is None:
            skipped.append(f"{page['id']} ({page['repo']})")
            continue
        markup, _ = decode_text(data, page["id"], declared=_declared(data))
        article = reference_article(visible_text(markup), page["spans"], page["id"])
        old, old_t = timed(read_old, data, args.repeat)
        new, new_t = timed(read_new, data, args.repeat)
        row = (len(article), *score(old, article), *score(new, article))
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        old_ms.append(old_t)
        new_ms.append(new_t)
        print(_row(page["id"], *row[:3], f"{old_t:.1f}", *row[3:], f"{new_t:.1f}"))
    if skipped:
        print(f"skipped (mirror absent; fetch the repository into {mirrors}): {', '.join(skipped)}", file=sys.stderr)
    if not old_ms:
        raise SystemExit("no page available")
    print("-" * len(header))
    old_mean, new_mean = statistics.mean(old_ms), statistics.mean(new_ms)
    print(_row("total", *totals[:3], f"{old_mean:.1f}", *totals[3:], f"{new_mean:.1f}"))
    print(f"article kept: old {totals[1] / totals[0]:.1%}, new {totals[3] / totals[0]:.1%}; "
          f"furniture per kept article char: old {totals[2] / max(totals[1], 1):.3f}, "
          f"new {totals[4] / max(totals[3], 1):.3f}; new/old time {new_mean / old_mean:.1f}x")


def _row(*cells: object) -> str:
    page, article, old_kept, old_furniture, old_ms, new_kept, new_furniture, new_ms = (str(c) for c in cells)
    return (f"{page:28} {article:>7} | {old_kept:>8} {old_furniture:>5} {old_ms:>6} | "
            f"{new_kept:>8} {new_furniture:>5} {new_ms:>6}")


def _declared(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


if __name__ == "__main__":
    main()
