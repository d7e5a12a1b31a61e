"""Cleaning, checked against the real corpus files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ingest.cleaner import clean, normalize_chars, page_of
from ingest.loaders import load_bytes, load_file
from kb.textnorm import normalize

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _clean(rel: str):
    return clean(load_file(CORPUS / rel))


def test_hard_wrapped_article_is_rejoined_without_gluing_paragraphs():
    text = _clean("policy_articles/000_6a09f7ecdd8a356e.txt").text
    lines = text.split("\n")
    assert "时下，正值充满生机与活力的美好春日，宝鸡市应急管理系统正在新的历史条件下，奋力开创应急管理高质量发展新局面。" in lines
    assert "2023年，是全面贯彻落实党的二十大精神的开局之年，也是实施“十四五”规划承上启下的关键之年。" in lines
    assert "（资料照片）" not in text


def test_blank_line_inside_a_sentence_is_rejoined():
    lines = _clean("work_plans/001_6081a029a38b96ac.txt").text.split("\n")
    assert any(ln.startswith("（一）必须坚持党的领导，把牢正确政治方向。必须坚持党的绝对领导，") for ln in lines)
    assert "责任单位、科室：应急协调科、安全生产监测与应急救援指挥中心" in lines  # task 19's wrapped owners
    assert any(ln.endswith("执法支队、安全生产监测与应急救援指挥中心") and ln.startswith("责任单位、科室：办公室") for ln in lines)
    assert "完成时限：2023年底" in lines
    # task 4 keeps its two body paragraphs apart
    i = next(i for i, ln in enumerate(lines) if ln.startswith("4.构建更完善的基层治理体系"))
    assert lines[i + 1].startswith("深入开展应急管理宣传教育")


def test_web_chrome_is_removed():
    c = _clean("work_plans/003_bd8437d66a3e53db.txt")
    for chrome in ("您所在的位置", "查看: 265", "【本文地址】", "ICP备", "今日新闻"):
        assert chrome not in c.text
    assert any("ICP" in r for r in c.removed)
    assert c.text.count("(市应急发〔2023〕11号)西安市应急管理局关于印发") == 1
    c2 = _clean("policy_articles/002_5e03cfeefe4e8389.txt")
    assert "浏览次数" not in c2.text and "【字号" not in c2.text


def test_repeated_punctuation_collapses():
    text = _clean("policy_articles/004_12f511b5f9342335.txt").text
    assert ",," not in text and "。。" not in text and "、、" not in text
    assert "1月3日至4日,全国应急管理工作会议在京召开。" in text


def test_full_width_forms_and_pdf_quirks():
    assert normalize_chars("ＧＢ ５００１６ 第１２条 ａＢ") == "GB 50016 第12条 aB"
    assert normalize_chars("１\U001001b0５ｍ") == "1.5m"
    assert normalize_chars("，：（）") == "，：（）"  # full-width punctuation stays
    c = _clean("pdf/gongmao-jiaoda-weixian-yinsu-shouce-2016-fangzhi.pdf")
    assert "—91—" not in c.text and "\U001001b0" not in c.text
    assert "为进一步强化安全生产基础能力建设，提高纺织行业企业风险防范能力" in c.text  # spaces between CJK removed
    assert len(c.page_starts) == 25 and page_of(c, 0) == 1 and page_of(c, len(c.text) - 1) >= 20


def test_no_body_text_is_lost_anywhere_in_the_corpus():
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest:
        loaded = load_file(CORPUS / entry["file"])
        raw, cleaned = normalize("".join(loaded.pages)), normalize(clean(loaded).text)
        assert len(cleaned) >= 0.9 * len(raw), entry["file"]
        # a sentence from the middle survives verbatim modulo whitespace
        mid = normalize(loaded.pages[len(loaded.pages) // 2]).replace("#", "")
        sample = mid[len(mid) // 2 : len(mid) // 2 + 12]
        if sample and not any(ch.isdigit() for ch in sample):
            assert sample in cleaned or entry["file"].endswith(".pdf"), entry["file"]


def test_encodings_bom_crlf_gb18030():
    text = "第一条 为了加强安全生产工作。\r\n第二条 本条例适用于本市。\r\n"
    for data in (text.encode("utf-8-sig"), text.encode("gb18030"), text.encode("gbk")):
        lf = load_bytes(data, "t.txt")
        assert "\r" not in lf.pages[0]
        assert clean(lf).text == "第一条 为了加强安全生产工作。\n第二条 本条例适用于本市。"


def test_docx_and_html():
    import docx

    d = docx.Document()
    d.add_heading("关于做好防汛工作的通知", 1)
    d.add_paragraph("一、加强值班值守。")
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "单位", "电话"
    buf = io.BytesIO()
    d.save(buf)
    text = clean(load_bytes(buf.getvalue(), "n.docx")).text
    assert text.split("\n")[:2] == ["关于做好防汛工作的通知", "一、加强值班值守。"] and "单位 | 电话" in text
    html = "<html><head><script>x()</script></head><body><nav>首页</nav><h1>通知</h1><p>各单位：</p><p>请做好防汛工作。</p><footer>版权所有</footer></body></html>"
    assert clean(load_bytes(html.encode(), "n.html")).text == "通知\n各单位：\n请做好防汛工作。"


def test_catalogue_rows_are_one_line_each_and_the_page_header_appears_once():
    text = _clean("pdf/weixian-huaxuepin-mulu-2015.pdf").text
    lines = text.split("\n")
    assert "1022甲醇木醇；木精67-56-1" in lines  # was glued to 1021 and 1023: "…106-45-61022甲醇…"
    assert "1023甲醇钾865-33-8" in lines
    # a row whose cells wrap over several lines is joined back into one
    assert any(ln.startswith("1012季戊四醇四硝酸酯与三硝基甲苯混合物[干的或含水＜15%]泰安与梯恩梯") for ln in lines)
    assert text.count("序号品名别名 CAS 号备注") == 1  # on 114 pages in the PDF


def _pdf(pages: list[str]):
    from ingest.loaders import LoadedFile

    return clean(LoadedFile(Path("t.pdf"), "pdf", pages, "0" * 64, None))


def test_numbered_rows_need_a_run_of_serial_numbers():
    rows = "序号 品名 CAS号\n7 甲醇 67-56-1\n8 甲醇钾\n865-33-8\n9 乙醇 64-17-5\n"
    assert _pdf([rows]).text.split("\n")[1:] == ["7甲醇67-56-1", "8甲醇钾865-33-8", "9乙醇64-17-5"]
    # a wrapped sentence whose next line starts with a figure is still one sentence
    prose = "本办法所称较大事故，是指造成3人以上10人以下死亡，或者10人以上50人以下重伤，或者\n5000万元以上1亿元以下直接经济损失的事故。\n"
    assert _pdf([prose]).text == prose.replace("\n", "", 1).strip()


def test_a_running_header_is_kept_on_its_first_page_only():
    pages = [f"{n}\n序号 场所 较大危险因素\n{n}除尘系统 粉尘爆炸\n" for n in range(1, 6)]
    cleaned = _pdf(pages)
    assert cleaned.text.count("序号场所较大危险因素") == 1
    assert cleaned.text.count("除尘系统") == 5
    assert "序号场所较大危险因素" in cleaned.removed
