"""Generated malformed documents: truncations, bit flips, bad zips, wrong magic, deep nesting, bad charsets, odd names.

``malformed_inputs(count, seed)`` gives ``(kind, filename, bytes)`` triples; the same seed gives the same inputs.
Used by ``bench.bench_malformed`` (1,000+ inputs through upload and the CLI) and by a smaller unit test.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable

# Invented text: no name in it is a real company or person.
TEXT = (
    "青禾经济开发区位于江川市东部，是省级经济开发区。\n"
    "2023年，星澜新材料有限公司年产5万吨高性能纤维项目在青禾经济开发区开工，总投资18亿元。\n"
    "开发区管委会主任周启明出席开工仪式。\n"
)
HTML = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>园区动态</title></head>'
    '<body><div class="nav">首页 园区概况</div><div class="news_content">'
    + "".join(f"<p>{line}</p>" for line in TEXT.splitlines())
    + '</div><div class="footer">版权所有</div></body></html>'
)
BAD_CHARSETS = ("undefined", "x-unknown", "utf-7", "utf-16", "utf-32", "hz", "rot13", "base64", "idna", "punycode",
                "", "gb2312\x00", "ascii", "latin-1", "utf_8_sig", "mbcs", "cp65001", "x" * 300)
ODD_NAMES = ("报告\n.txt", "a\nb.txt", "x.txt\n", "line\r.txt", "tab\t.txt", "nul\x00.txt", "../../etc/passwd.txt",
             "..\\..\\win.txt", "\u202egnp.txt", ".txt", "   .txt", "a" * 400 + ".txt", "名" * 200 + ".txt",
             "trailing.txt.", "UPPER.TXT", "no_extension", "dot.", "\ufeffbom.txt", "emoji😀.txt", "a/b/c.txt",
             "x" * 199 + ".txt", "con.txt", "-rf.txt", "%00.txt", "doc\u2028sep.txt", "\udcff.txt")


def base_documents() -> dict[str, bytes]:
    """One small valid document of each format."""
    return {"txt": TEXT.encode("utf-8"), "html": HTML.encode("gb18030"), "docx": _docx(TEXT), "pdf": _pdf()}


def malformed_inputs(count: int = 1000, seed: int = 13) -> list[tuple[str, str, bytes]]:
    rng = random.Random(seed)
    bases = base_documents()
    makers: list[tuple[str, Callable[[random.Random, dict[str, bytes]], tuple[str, bytes]]]] = [
        ("truncated", _truncated), ("bit-flipped", _bit_flipped), ("nul-bearing", _nul_bearing),
        ("wrong-magic", _wrong_magic), ("bad-zip", _bad_zip), ("docx-part", _bad_docx_part),
        ("deep-nesting", _deep_nesting), ("bad-charset", _bad_charset), ("odd-name", _odd_name),
        ("garbage", _garbage),
    ]
    out = []
    for index in range(count):
        kind, make = makers[index % len(makers)]
        name, data = make(rng, bases)
        out.append((kind, name, data))
    return out


# -- makers ----------------------------------------------------------------------


def _pick(rng: random.Random, bases: dict[str, bytes], formats: tuple[str, ...] = ("txt", "html", "docx")) -> tuple[
        str, bytes]:
    # PDFs are read in a child process (slow): one input in eight.
    fmt = "pdf" if rng.random() < 0.125 else rng.choice(formats)
    return fmt, bases[fmt]


def _truncated(rng: random.Random, bases: dict[str, bytes]) -> tuple[str, bytes]:
    fmt, data = _pick(rng, bases)
    return f"truncated.{fmt}", data[: rng.randrange(0, len(data))]


def _bit_flipped(rng: random.Random, bases: dict[str, bytes]) -> tuple[str, bytes]:
    fmt, data = _pick(rng, bases)
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        buffer[rng.randrange(len(buffer))] ^= 1 << rng.randrange(8)
    return f"flipped.{fmt}", bytes(buffer)


def _nul_bearing(rng: random.Random, bases: dict[str, bytes]) -> tuple[str, bytes]:
    fmt, data = _pick(rng, bases, ("txt", "html"))
    at = rng.randrange(len(data))
    return f"nul.{fmt}", data[:at] + b"\x00" * rng.randint(1, 4000) + data[at:]


def _wrong_magic(rng: random.Random, bases: dict[str, bytes]) -> tuple[str, bytes]:
    source, target = rng.sample(["txt", "html", "docx", "pdf"], 2)
    data = bases[source]
    if rng.random() < 0.5:
        data = rng.choice([b"PK\x03\x04", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"MZ\x90\x00", b"\x1f\x8b\x08"]) + data
    return f"wrong.{target}", data


def _bad_zip(rng: random.Random, bases: dict[str, bytes]) -> tuple[str, bytes]:
    data = bytearray(bases["docx"])
    how = rng.randrange(4)
    if how == 0:  # unknown compression method in local and central headers
        for marker in (b"PK\x03\x04", b"PK\x01\x02"):
            at = data.find(marker)
            while at >= 0:
                field = at + (8 if marker == b"PK\x03\x04" else 10)
                data[field:field + 2] = struct.pack("<H", rng.choice([1, 6, 9, 12, 14, 93, 95, 99]))
                at = data.find(marker, at + 4)
    elif how == 1:  # corrupt the deflate stream of one entry, keeping the zip directory intact
        at = data.find(b"PK\x03\x04", rng.randrange(len(data) // 2))
        at = at if at >= 0 else 0
        for offset in range(rng.randint(1, 8)):
            position = min(len(data) - 1, at + 60 + offset * 7)
            data[position] ^= 0xFF
    elif how == 2:  # central directory cut off
        data = data[: data.rfind(b"PK\x01\x02") + rng.randint(0, 40)]
    else:  # end-of-central-directory record claiming more entries than exist
        at = data.rfind(b"PK\x05\x06")
        data[at + 10:at + 12] = struct.pack("<H", rng.randint(100, 65535))
    return "badzip.docx", bytes(data)


def _bad_docx_part(rng: random.Random, bases: dict[str, bytes]) -> tuple[str, bytes]:
    """A well-formed zip whose document.xml (or another part) is broken XML."""
    xml = _document_xml(TEXT)
    part = rng.choice(["word/document.xml", "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"])
    how = rng.randrange(5)
    if how == 0:
        broken = xml[: rng.randrange(len(xml))]
    elif how == 1:
        at = rng.randrange(len(xml))
        broken = xml[:at] + b"\x00" + xml[at:]
    elif how == 2:
        broken = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "' + b"a" * 100 + b'">]>' + xml
    elif how == 3:
        broken = b"\xff\xfe" + xml
    else:
        broken = b""
    return "brokenpart.docx", _docx(TEXT, replace={part: broken})


def _deep_nesting(rng: random.Random, bases: dict[str, bytes]) -> tuple[str, bytes]:
    depth = rng.choice([1_000, 10_000, 100_000, 300_000])
    if rng.random() < 0.5:
        body = "<div>" * depth + "园区" + "</div>" * depth
        return "deep.html", f"<html><body>{body}</body></html>".encode()
    inner = "<w:p>" * min(depth, 50_000) + "<w:r><w:t>园区</w:t></w:r>" + "</w:p>" * min(depth, 50_000)
    return "deep.docx", _docx(TEXT, replace={"word/document.xml": _document_xml_raw(inner)})


def _bad_charset(rng: random.Random, bases: dict[str, bytes]) -> tuple[str, bytes]:
    label = rng.choice(BAD_CHARSETS)
    markup = HTML.replace("charset=gb2312", f"charset={label}")
    if rng.random() < 0.5:
        markup = markup.replace('<meta http-equiv="Content-Type" content="text/html; charset=' + label + '">',
                                f'<meta charset="{label}">')
    encoding = rng.choice(["gb18030", "utf-8", "big5hkscs", "utf-16-le"])
    return "charset.html", markup.encode(encoding, "replace")


def _odd_name(rng: random.Random, bases: dict[str, bytes]) -> tuple[str, bytes]:
    return rng.choice(ODD_NAMES), bases["txt"]


def _garbage(rng: random.Random, bases: dict[str, bytes]) -> tuple[str, bytes]:
    fmt = rng.choice(["txt", "html", "htm", "docx", "pdf"])
    size = rng.choice([0, 1, 2, 3, 17, 1000, 100_000])
    return f"garbage.{fmt}", rng.randbytes(size)


# -- valid bases -------------------------------------------------------------------


def _document_xml_raw(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()


def _document_xml(text: str) -> bytes:
    return _document_xml_raw("".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.splitlines()))


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships '
    b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)
_DOC_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships '
    b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
)


def _docx(text: str, replace: dict[str, bytes] | None = None) -> bytes:
    parts = {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS,
             "word/_rels/document.xml.rels": _DOC_RELS, "word/document.xml": _document_xml(text)}
    parts.update(replace or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _pdf() -> bytes:
    """A one-page PDF whose text is ASCII (a valid base for byte-level damage)."""
    stream = b"BT /F1 12 Tf 72 720 Td (Qinghe Economic Development Zone, 2023 report.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()
