"""Reading inputs: every bad input is one clear error naming it, and nothing else is lost."""

from __future__ import annotations

import json

from thucydides.ingest import InputError, read_documents

GOOD_TEXT = "Gunmen shot dead two police officers in Kirkuk on Monday, officials said."


def read(path, **kwargs):
    return list(read_documents(str(path), **kwargs))


def test_plain_text_file_becomes_one_document(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    [doc] = read(path)
    assert (doc.id, doc.text) == ("wire", GOOD_TEXT)


def test_empty_binary_and_undecodable_inputs_are_named_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "latin1.txt").write_bytes("Des tirs à Alep ont tué trois civils.".encode("latin-1"))
    reasons = {}
    for item in read(tmp_path):
        assert isinstance(item, InputError)
        reasons[item.source.rsplit("/", 1)[-1]] = item.reason
    assert reasons["empty.txt"] == "empty input"
    assert reasons["photo.txt"] == "binary data, not text"
    assert reasons["latin1.txt"].startswith("not UTF-8 text")
    assert all("\n" not in r for r in reasons.values())


def test_oversized_input_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(GOOD_TEXT * 100, encoding="utf-8")
    [error] = read(path, max_bytes=1000)
    assert isinstance(error, InputError) and "too large" in error.reason


def test_malformed_jsonl_lines_do_not_stop_the_others(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a", "text": GOOD_TEXT, "published": "2021-05-04"}),
             '{"id": "b", "text": "unterminated',
             json.dumps({"id": "c", "title": "no text"}),
             json.dumps({"id": "d", "text": GOOD_TEXT, "published": "yesterday-ish"}),
             json.dumps({"id": "e", "text": GOOD_TEXT})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    docs = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs] == ["a", "e"]
    assert docs[0].published.date().isoformat() == "2021-05-04"
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "malformed JSON" in errors[0].reason


def test_html_page_gives_main_text_title_and_date_and_drops_scripts(tmp_path):
    page = """<!DOCTYPE html><html><head><title>Shelling in Kharkiv</title>
    <meta property="article:published_time" content="2024-03-14T09:00:00Z">
    <script>alert("x")</script></head><body><nav>Home | World | Sport</nav>
    <article><h1>Shelling in Kharkiv</h1>
    <p>Russian forces shelled the Saltivka district of Kharkiv overnight, killing a
    67-year-old woman and wounding three other residents, the regional governor said.</p>
    <p>Emergency workers searched the rubble of two damaged apartment blocks on Thursday
    morning, and the city council said heating had been cut to several streets.</p>
    <p><img src=x onerror="alert(1)"> Officials said repairs would take several days.</p>
    </article><footer>Copyright</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [doc] = read(path)
    assert "Saltivka district of Kharkiv" in doc.text
    assert "alert" not in doc.text and "Home | World" not in doc.text
    assert doc.title == "Shelling in Kharkiv"
    assert doc.published.date().isoformat() == "2024-03-14"


def test_folder_is_read_recursively_in_name_order_and_published_applies(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "second.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(GOOD_TEXT, encoding="utf-8")
    from datetime import datetime

    docs = read(tmp_path, published=datetime(2020, 1, 2))
    assert [d.id for d in docs] == ["a", "second"]
    assert all(d.published == datetime(2020, 1, 2) for d in docs)
