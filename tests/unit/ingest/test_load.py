"""Loading documents: encodings, formats, limits and refusals, on real corpus text."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest
from opencc import OpenCC
from pypdf import PdfWriter

from ingest import formats
from ingest.load import check_zip, decode_text, load_bytes, load_path, plausibility
from kg.errors import DocumentRejected
from kg.settings import get_settings

CORPUS = Path(__file__).resolve().parents[3] / "data" / "corpus"
SIMPLIFIED = (CORPUS / "000_d6b4aef8aad70cf9.txt").read_text(encoding="utf-8")
LONG_SIMPLIFIED = (CORPUS / "003_7f17e41e8ac2efc3.txt").read_text(encoding="utf-8")
TRADITIONAL = (CORPUS / "004_f1fd57fe3eb58d42.txt").read_text(encoding="utf-8")
# The opening sentence of the traditional-script report.
TRADITIONAL_SENTENCE = TRADITIONAL.split("\n")[0]


# -- encodings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "data", "encoding"),
    [
        (SIMPLIFIED, SIMPLIFIED.encode("utf-8"), "utf-8"),
        (SIMPLIFIED, SIMPLIFIED.encode("gb18030"), "gb18030"),
        (LONG_SIMPLIFIED, LONG_SIMPLIFIED.encode("gbk"), "gb18030"),
        (TRADITIONAL, TRADITIONAL.encode("big5hkscs"), "big5hkscs"),
        (TRADITIONAL, TRADITIONAL.encode("big5"), "big5hkscs"),
        (SIMPLIFIED, b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8"),
        (TRADITIONAL, TRADITIONAL.encode("utf-16"), "utf-16"),
        (SIMPLIFIED, b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
        (TRADITIONAL, TRADITIONAL.encode("utf-16-le"), "utf-16-le"),
        (SIMPLIFIED, SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf-8", "gb18030", "gbk", "big5hkscs", "big5", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom",
         "utf-16-le-no-bom", "utf-16-be-no-bom"],
)
def test_load_decodes_corpus_text_in_each_encoding(text: str, data: bytes, encoding: str) -> None:
    doc = load_bytes(data, "report.txt")
    assert doc.raw == text
    assert doc.encoding == encoding
    assert "\ufeff" not in doc.raw


def test_load_gbk_outside_gb2312_characters_decode_via_gb18030() -> None:
    # 喆 is in GBK but not GB2312; a GB2312 decoder would fail on it.
    text = "张喆任开发区管委会主任，园区企业项目签约。"
    assert load_bytes(text.encode("gbk"), "a.txt").raw == text


@pytest.mark.parametrize(
    "snippet",
    [TRADITIONAL_SENTENCE[:16], "南通開發區", "開發區企業項目", TRADITIONAL_SENTENCE[-12:]],
)
def test_load_short_big5_that_also_decodes_as_gb18030_picks_big5(snippet: str) -> None:
    data = snippet.encode("big5hkscs")
    assert data.decode("gb18030") != snippet  # a strict GB18030 decode succeeds, into nonsense
    doc = load_bytes(data, "short.txt")
    assert (doc.raw, doc.encoding) == (snippet, "big5hkscs")


@pytest.mark.parametrize("snippet", [SIMPLIFIED[:12], "南通开发区", "园区企业项目"])
def test_load_short_gb18030_is_not_mistaken_for_big5(snippet: str) -> None:
    assert load_bytes(snippet.encode("gb18030"), "short.txt").encoding == "gb18030"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("한국어 텍스트입니다 경제 개발 구역 기업 유치", "euc-kr"),
        ("日本語のテキストです。これは経済開発区の報告ではありません", "shift_jis"),
        ("Ceci est un texte français très ordinaire, sans aucun caractère chinois", "latin-1"),
    ],
)
def test_load_refuses_mojibake_that_decodes_without_error(text: str, codec: str) -> None:
    with pytest.raises(DocumentRejected, match="plausibility|cannot decode"):
        load_bytes(text.encode(codec), "foreign.txt")


def test_load_plausibility_ranks_the_right_decoding_first() -> None:
    data = TRADITIONAL.encode("big5hkscs")
    right, wrong = plausibility(data.decode("big5hkscs")), plausibility(data.decode("gb18030"))
    assert right > 0.9 > 0.3 > wrong


def test_load_invalid_utf16_after_bom_is_refused() -> None:
    with pytest.raises(DocumentRejected, match="utf-16"):
        decode_text(b"\xff\xfe\x00\xd8A", "x.txt")  # a lone surrogate


def test_load_strips_control_characters_and_inner_bom() -> None:
    raw = "开发区\x00召开\x1b会议\ufeff。\r\n园区\x7f企业\x85\r项目"
    assert load_bytes(raw.encode("utf-8"), "c.txt").raw == "开发区召开会议。\n园区企业\n项目"


# -- document ids ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("000_d6b4aef8aad70cf9.txt", "000_d6b4aef8aad70cf9"),
        ("report-2021.v2.html", "report-2021.v2"),
        ("南通开发区年中会议.txt", None),
        ("my report.txt", None),
        ("-leading-dash.txt", None),
    ],
)
def test_load_doc_id_is_the_stem_or_a_text_hash(filename: str, expected: str | None) -> None:
    doc = load_bytes(SIMPLIFIED.encode("utf-8"), filename)
    assert doc.source_name == filename
    if expected is None:
        assert doc.doc_id.startswith("doc-") and len(doc.doc_id) == 20
    else:
        assert doc.doc_id == expected


@pytest.mark.parametrize(
    ("filename", "source_name"),
    [
        ("../../etc/报告.txt", "报告.txt"),
        ("C:\\uploads\\园区\x00简报.txt", "园区简报.txt"),
        ("年报\u202egpj.txt", "年报gpj.txt"),
        ("长" * 200 + ".txt", "长" * 83 + ".txt"),
    ],
)
def test_load_source_name_is_a_safe_base_name(filename: str, source_name: str) -> None:
    doc = load_bytes(SIMPLIFIED.encode("utf-8"), filename)
    assert doc.source_name == source_name
    assert len(doc.source_name.encode("utf-8")) <= 255


def test_load_hash_id_is_the_same_for_any_encoding_of_the_same_text() -> None:
    ids = {load_bytes(TRADITIONAL.encode(c), "南通.txt").doc_id for c in ("utf-8", "big5hkscs", "utf-16")}
    assert len(ids) == 1


def test_load_path_reads_a_corpus_file(corpus_dir: Path) -> None:
    path = corpus_dir / "004_f1fd57fe3eb58d42.txt"
    doc = load_path(path)
    assert (doc.doc_id, doc.source_name, doc.raw) == (path.stem, path.name, TRADITIONAL)


# -- HTML --------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_门户网站</title><script>var menu = "首页 园区概况";</script><style>.x{{}}</style></head>
<body><div class="header"><a href="/">首页</a><a href="/news">新闻中心</a></div>
<div id="nav"><ul><li>园区概况</li><li>招商引资</li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 新闻动态</div>
<div class="article-content"><h1>{title}</h1>
{paragraphs}
<div class="bdshare_t">分享到：微信 微博</div>
<p>【打印】【关闭】【收藏】</p>
<p>上一篇：开发区举办人才招聘会</p><p>下一篇：园区企业座谈会</p></div>
<div class="footer">版权所有 管理委员会 ICP备案</div></body></html>"""


def _page(sentences: list[str], charset: str, template: str = PAGE) -> str:
    body = "\n".join(f"<p>{s}</p>" for s in sentences)
    return template.format(charset=charset, title=sentences[0][:12], paragraphs=body)


@pytest.mark.parametrize(
    ("text", "charset", "codec", "encoding"),
    [
        (SIMPLIFIED, "gb2312", "gbk", "gb18030"),
        (SIMPLIFIED, "utf-8", "utf-8", "utf-8"),
        (TRADITIONAL, "big5", "big5hkscs", "big5hkscs"),
    ],
)
def test_load_html_keeps_main_text_only(text: str, charset: str, codec: str, encoding: str) -> None:
    sentences = [line for line in text.split("\n") if line.strip()][:4]
    to_script = OpenCC("s2t").convert if codec.startswith("big5") else str
    doc = load_bytes(_page(sentences, charset, to_script(PAGE)).encode(codec), "page.html")
    assert doc.encoding == encoding
    for sentence in sentences:
        assert sentence.strip() in doc.raw
    chrome_words = ("新闻中心", "招商引资", "当前位置", "分享到", "打印", "上一篇", "下一篇", "版权所有",
                    "var menu", ".x{")
    for chrome in chrome_words:
        assert to_script(chrome) not in doc.raw


TABLE_PAGE = """<html><head><meta charset="gbk"><title>{title}</title></head><body>
<table width="1000"><tr><td class="logo"><img src="logo.png">管理委员会</td></tr>
<tr><td><table><tr><td class="left_menu"><a>机构设置</a><br><a>领导信息</a><br><a>政策法规</a></td>
<td><table><tr><td class="position">您现在的位置：首页 &gt; 园区动态</td></tr>
<tr><td align="center"><b>{title}</b></td></tr>
<tr><td>来源：管委会办公室 发布时间：2022-08-12</td></tr>
<tr><td>【字体：大 中 小】【打印本页】【关闭窗口】</td></tr>
<tr><td><div class="TRS_Editor">{paragraphs}</div></td></tr>
<tr><td>扫一扫在手机打开当前页</td></tr></table></td></tr></table></td></tr>
<tr><td class="copyright">主办单位：管理委员会 技术支持：网络公司</td></tr></table></body></html>"""


def test_load_html_table_layout_page_keeps_the_article() -> None:
    # The last line merely starts with 打印 and must stay.
    sentences = [line for line in LONG_SIMPLIFIED.split("\n") if len(line) > 40][:3] + ["打印机外壳项目当日签约。"]
    doc = load_bytes(_page(sentences, "gbk", TABLE_PAGE).encode("gbk"), "news.htm")
    for sentence in sentences:
        assert sentence in doc.raw
    for chrome in ("机构设置", "您现在的位置", "字体", "打印本页", "扫一扫", "技术支持"):
        assert chrome not in doc.raw


def test_load_html_prefers_the_article_inside_a_content_wrapper() -> None:
    sentences = [line for line in LONG_SIMPLIFIED.split("\n") if len(line) > 40][:3]
    related = "".join(f"<li><a>园区新闻标题{i}：企业座谈会召开</a></li>" for i in range(6))
    markup = (
        f'<html><body><div class="main-content"><div class="article">{"".join(f"<p>{s}</p>" for s in sentences)}'
        f'</div><div class="xgxw"><h3>相关新闻</h3><ul>{related}</ul></div></div></body></html>'
    )
    doc = load_bytes(markup.encode("utf-8"), "wrapped.html")
    assert doc.raw.split("\n") == sentences


def test_load_html_wrong_single_byte_declaration_is_overruled() -> None:
    sentence = SIMPLIFIED.split("\n")[3]
    markup = f'<html><head><meta charset="windows-1252"></head><body><p>{sentence}</p></body></html>'
    doc = load_bytes(markup.encode("gbk"), "page.html")
    assert (doc.raw, doc.encoding) == (sentence, "gb18030")


def test_load_html_without_content_block_falls_back_to_body() -> None:
    markup = f"<html><body><nav>首页 新闻</nav><p>{TRADITIONAL_SENTENCE}</p><footer>版权所有</footer></body></html>"
    doc = load_bytes(markup.encode("utf-8"), "plain.htm")
    assert doc.raw == TRADITIONAL_SENTENCE


# -- DOCX and PDF ------------------------------------------------------------------


def _docx(paragraphs: list[str], table: list[list[str]]) -> bytes:
    document = docx.Document()
    document.add_paragraph(paragraphs[0])
    grid = document.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    for paragraph in paragraphs[1:]:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_load_docx_paragraphs_and_table_cells_in_order() -> None:
    lines = [line for line in SIMPLIFIED.split("\n") if line.strip()][:3]
    data = _docx(lines, [["指标", "数值"], ["地区生产总值", "428亿元"]])
    doc = load_bytes(data, "report.docx")
    assert doc.encoding == "docx"
    assert doc.raw.split("\n") == [lines[0], "指标 数值", "地区生产总值 428亿元", lines[1], lines[2]]


def test_load_docx_external_entity_is_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密口令", encoding="utf-8")
    source = zipfile.ZipFile(io.BytesIO(_docx(["开发区召开会议MARK"], [["a"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                head, body = data.decode("utf-8").split("?>", 1)
                doctype = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
                data = f"{head}?>{doctype}{body.replace('MARK', '&x;')}".encode()
            archive.writestr(info.filename, data)
    doc = load_bytes(buffer.getvalue(), "entity.docx")
    assert "开发区召开会议" in doc.raw
    assert "机密" not in doc.raw


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose Type0 font maps glyph codes to the text through a ToUnicode CMap."""
    chars = sorted({c for line in lines for c in line})
    code = {c: i + 1 for i, c in enumerate(chars)}
    shows = " ".join("<" + "".join(f"{code[c]:04X}" for c in line) + "> Tj T*" for line in lines)
    pairs = " ".join(f"<{code[c]:04X}> <{c.encode('utf-16-be').hex().upper()}>" for c in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Z def "
        f"1 begincodespacerange <0000> <FFFF> endcodespacerange {len(chars)} beginbfchar {pairs} endbfchar "
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )

    def stream(text: str) -> bytes:
        return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text.encode("ascii"))

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        stream(f"BT /F1 12 Tf 14 TL 72 720 Td {shows} ET"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [6 0 R] "
        b"/ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        stream(cmap),
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_load_pdf_extracts_chinese_text() -> None:
    lines = [line for line in TRADITIONAL.split("\n") if line.strip()][:2]
    doc = load_bytes(_pdf(lines), "report.pdf")
    assert doc.encoding == "pdf"
    assert doc.raw.split("\n")[:2] == lines


def test_load_pdf_encrypted_is_refused() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DocumentRejected, match="encrypted"):
        load_bytes(buffer.getvalue(), "locked.pdf")


def test_load_pdf_over_the_page_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    monkeypatch.setattr(formats, "MAX_PDF_PAGES", 2)
    with pytest.raises(DocumentRejected, match="3 pages"):
        load_bytes(buffer.getvalue(), "long.pdf")


def test_load_pdf_past_the_wall_clock_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "PDF_WALL_SECONDS", 0.01)
    with pytest.raises(DocumentRejected, match="took over"):
        load_bytes(_pdf(["开发区"]), "slow.pdf")


# -- refusals ----------------------------------------------------------------------


def _declare_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite the uncompressed size the central directory declares for ``member``."""
    header = data.index(b"PK\x01\x02")
    while True:
        name_length = struct.unpack_from("<H", data, header + 28)[0]
        if data[header + 46 : header + 46 + name_length].decode() == member:
            return data[: header + 24] + struct.pack("<I", size) + data[header + 28 :]
        header = data.index(b"PK\x01\x02", header + 4)


def test_load_docx_declaring_a_huge_entry_is_refused_fast() -> None:
    data = _declare_size(_docx(["开发区"], [["a"]]), "word/document.xml", 0xFFFFFF00)
    started = time.perf_counter()
    with pytest.raises(DocumentRejected, match="declares"):
        load_bytes(data, "bomb.docx")
    assert time.perf_counter() - started < 1.0


def test_load_docx_with_a_high_compression_ratio_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:p/>" * 2_000_000)
    with pytest.raises(DocumentRejected, match="zip bomb"):
        load_bytes(buffer.getvalue(), "bomb.docx")


def test_load_zip_with_too_many_entries_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "MAX_ZIP_ENTRIES", 5)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(6):
            archive.writestr(f"word/part{i}.xml", "<x/>")
    with pytest.raises(DocumentRejected, match="6 zip entries"):
        check_zip(buffer.getvalue(), "many.docx")


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"PK\x03\x04 not really a zip", "broken.docx", "not a valid DOCX"),
        (b"%PDF-1.7\n garbage", "broken.pdf", "unreadable PDF"),
        (SIMPLIFIED.encode("utf-8"), "report.rtf", "unsupported file type '.rtf'"),
        (SIMPLIFIED.encode("utf-8"), "README", "unsupported file type"),
        (b" \n\t\r\n", "blank.txt", "no text"),
        (b"<html><body><script>var a=1;</script></body></html>", "empty.html", "no text"),
    ],
)
def test_load_refuses_unreadable_input(data: bytes, filename: str, message: str) -> None:
    with pytest.raises(DocumentRejected, match=message):
        load_bytes(data, filename)


def test_load_bytes_over_the_size_limit_is_refused() -> None:
    data = SIMPLIFIED.encode("utf-8")
    with pytest.raises(DocumentRejected, match="over the 1,000-byte document limit"):
        load_bytes(data, "big.txt", max_bytes=1000)
    assert load_bytes(data, "ok.txt", max_bytes=len(data)).raw == SIMPLIFIED


def test_load_path_over_the_settings_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZONEKG_MAX_DOCUMENT_BYTES", "1024")
    get_settings.cache_clear()
    try:
        path = tmp_path / "big.txt"
        path.write_bytes(LONG_SIMPLIFIED.encode("utf-8"))
        with pytest.raises(DocumentRejected, match="document limit"):
            load_path(path)
    finally:
        get_settings.cache_clear()


def test_load_path_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentRejected, match="cannot read"):
        load_path(tmp_path / "missing.txt")
