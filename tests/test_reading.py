"""Opening article files: encodings, HTML pages, and files that are not articles.

Every refusal is an :class:`InputError` whose message tells the editor what is
wrong with the file, never a ``UnicodeDecodeError`` or an ``OSError``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.core.article import reading
from newsdesk.core.article.reading import decode_bytes, html_to_text, read_article_file
from newsdesk.errors import InputError, NewsdeskError

STORY = "“We will rebuild,” said the mayor of Montréal — 25 € per head. 😀"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06" + bytes(64)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (STORY.encode("utf-8"), STORY),
        (b"\xef\xbb\xbf" + STORY.encode("utf-8"), STORY),  # the BOM is not text
        (STORY.encode("utf-16"), STORY),  # BOM in the machine's byte order
        (b"\xff\xfe" + STORY.encode("utf-16-le"), STORY),
        (b"\xfe\xff" + STORY.encode("utf-16-be"), STORY),
        ("“Smart quotes” and café".encode("cp1252"), "“Smart quotes” and café"),
        (b"\x93Quoted\x94 \x96 caf\xe9", "“Quoted” – café"),
        ("naïve façade".encode("latin-1"), "naïve façade"),
        (b"Plain ASCII copy.\r\nSecond line.", "Plain ASCII copy.\r\nSecond line."),
        (b"", ""),
    ],
)
def test_decode_bytes_reads_common_encodings(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        PNG,
        b"%PDF-1.4\n\x00\x01\x02\x03binary",
        bytes(range(32)) * 10,
        STORY.encode("utf-16-le"),  # UTF-16 without a BOM is full of NULs
    ],
)
def test_decode_bytes_refuses_binary_data(data: bytes) -> None:
    with pytest.raises(InputError, match="not a text file"):
        decode_bytes(data, "“photo.png”")


def test_decode_bytes_names_the_input_in_its_message() -> None:
    with pytest.raises(InputError, match=r"^standard input is not a text file"):
        decode_bytes(PNG, "standard input")


def test_decode_bytes_refuses_bytes_no_supported_encoding_can_read() -> None:
    # 0x81 is undefined in Windows-1252 and not valid UTF-8 here.
    with pytest.raises(InputError, match=r"UTF-8 or Windows-1252"):
        decode_bytes(b"copy \x81 more copy")


def test_decode_bytes_refuses_a_broken_utf16_file() -> None:
    with pytest.raises(InputError, match="UTF-16"):
        decode_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate


# -- read_article_file ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("story.txt", STORY.encode("utf-8"), STORY),
        ("story.txt", b"\xef\xbb\xbf" + STORY.encode("utf-8"), STORY),
        ("story.txt", STORY.encode("utf-16"), STORY),
        ("story.txt", "“Smart” quotes, café".encode("cp1252"), "“Smart” quotes, café"),
        ("story.md", b"# Title\n\nBody *text*.", "# Title\n\nBody *text*."),
        ("STORY.TXT", b"Upper-case name.", "Upper-case name."),
    ],
)
def test_read_article_file_returns_the_text(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert read_article_file(path) == expected
    assert read_article_file(str(path)) == expected


def test_read_article_file_refuses_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG)
    with pytest.raises(InputError, match="not a text file") as caught:
        read_article_file(path)
    assert "photo.txt" in str(caught.value)


def test_read_article_file_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist") as caught:
        read_article_file(tmp_path / "gone.txt")
    assert "gone.txt" in str(caught.value)


def test_read_article_file_reports_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_article_file(tmp_path / "no-such-folder" / "story.txt")


def test_read_article_file_refuses_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_article_file(folder)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\n\t \r\n"),
        ("bom-only.txt", b"\xef\xbb\xbf"),
        ("utf16-bom-only.txt", b"\xff\xfe"),
        ("script-only.html", b"<html><script>var x = 1;</script></html>"),
    ],
)
def test_read_article_file_refuses_an_empty_file(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match="empty") as caught:
        read_article_file(path)
    assert name in str(caught.value)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="permission bits are not enforced for this user (root?)",
)
def test_read_article_file_reports_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_article_file(path)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(13, "Permission denied"), "cannot be read: permission denied"),
        (OSError(5, "Input/output error"), "cannot be read: Input/output error"),
    ],
)
def test_read_article_file_turns_os_errors_into_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, message: str
) -> None:
    """A file that vanishes behind a network share or lost rights reads clearly (even as root)."""
    path = tmp_path / "story.txt"
    path.write_text("copy", encoding="utf-8")

    def fail(descriptor: int, size: int) -> bytes:
        raise error

    monkeypatch.setattr(reading.os, "read", fail)
    with pytest.raises(InputError, match=message):
        read_article_file(path)


def test_read_article_file_refuses_a_huge_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_BYTES", 1_000_000)
    path = tmp_path / "disk.img"
    with path.open("wb") as handle:
        handle.truncate(3_000_000)  # sparse: no real data written
    with pytest.raises(InputError, match="is larger than 1 MB; newsdesk opens articles up to 1 MB"):
        read_article_file(path)


def test_input_errors_are_newsdesk_errors() -> None:
    """The GUI shows NewsdeskError messages calmly instead of as a crash."""
    assert issubclass(InputError, NewsdeskError)


# -- HTML -----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html>
<head>
  <style>p { color: red; }</style>
  <script>var tracking = "do not show this";</script>
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
  <article>
    <h1>Jets strike Syria</h1>
    <p>BEIRUT (Reuters) - Russian jets carried out
       at least 25 air strikes &amp; more.</p>
    <script>document.write("injected");</script>
    <p>“It was awful,” a witness said. 😀</p>
  </article>
  <footer>© Example News</footer>
</body>
</html>
"""
PAGE_TEXT = (
    "Jets strike Syria\n"
    "\n"
    "BEIRUT (Reuters) - Russian jets carried out at least 25 air strikes & more.\n"
    "\n"
    "“It was awful,” a witness said. 😀"
)


def test_html_to_text_keeps_paragraphs_and_drops_scripts_and_navigation() -> None:
    assert html_to_text(PAGE) == PAGE_TEXT


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<p>One</p>\n\n\n<p>Two</p>", "One\n\nTwo"),
        ("<div>One</div><div><p>Two</p></div>", "One\n\nTwo"),
        ("<p>A <b>bold</b> and <i>italic</i> word</p>", "A bold and italic word"),
        ("<p>Line\n   wrapped\tin source</p>", "Line wrapped in source"),
        ("<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"),
        (
            "<p>Tom &amp; Jerry &lt;3 &eacute;t&eacute; &#8220;hi&#8221;</p>",
            "Tom & Jerry <3 été “hi”",
        ),
        ("<p>Before</p><style>.x{}</style><p>After</p>", "Before\n\nAfter"),
        ("<p>Before</p><aside>Most read</aside><p>After</p>", "Before\n\nAfter"),
        ("<p>Before</p><nav><nav>deep</nav>still nav</nav><p>After</p>", "Before\n\nAfter"),
        ("<p>Before</p><form><input>Search</form><p>After</p>", "Before\n\nAfter"),
        ("<p>Emoji 😀 and RTL שלום survive</p>", "Emoji 😀 and RTL שלום survive"),
    ],
)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


def test_read_article_file_converts_an_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode("utf-8"))
    assert read_article_file(path) == PAGE_TEXT


@pytest.mark.parametrize("suffix", [".htm", ".HTML"])
def test_read_article_file_treats_htm_suffixes_as_html(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_bytes(b"<p>One</p><p>Two</p>")
    assert read_article_file(path) == "One\n\nTwo"


def test_read_article_file_recognises_html_saved_as_txt(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"  <!DOCTYPE html><html><body><p>One</p><p>Two</p></body></html>")
    assert read_article_file(path) == "One\n\nTwo"


def test_read_article_file_leaves_angle_brackets_in_plain_text_alone(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Turnout was <50% in the <p> district.")
    assert read_article_file(path) == "Turnout was <50% in the <p> district."


def test_read_article_file_reads_a_cp1252_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes("<p>“Quoted,” said the café owner.</p>".encode("cp1252"))
    assert read_article_file(path) == "“Quoted,” said the café owner."


# -- what is not a file, and what never ends ------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_before_anything_is_read(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is not on this system")
    with pytest.raises(InputError, match="not a file but a device, pipe or socket"):
        read_article_file(device)


def test_a_pipe_nobody_writes_to_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "wire.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a file but a device, pipe or socket"):
        read_article_file(fifo)  # opening it must not wait for a writer


def test_a_file_that_says_it_is_small_is_still_read_only_up_to_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """/proc files report a size of 0 whatever they hold; the reader counts what it reads."""
    monkeypatch.setattr(reading, "MAX_BYTES", 1_000)
    proc = Path("/proc/self/maps")
    if not proc.exists() or proc.stat().st_size != 0:
        pytest.skip("no /proc file that reports a size of 0")
    with pytest.raises(InputError, match="is larger than 1,000 bytes"):
        read_article_file(proc)


def run_extract(stdin: object, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", "extract", *args],
        stdin=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_extract_refuses_devices_quickly(device: str) -> None:
    done = run_extract(subprocess.DEVNULL, device)

    assert done.returncode == 1
    assert b"not a file but a device" in done.stderr and b"Traceback" not in done.stderr


def test_extract_refuses_endless_standard_input_past_the_limit() -> None:
    with open("/dev/zero", "rb") as endless:
        done = run_extract(endless, "-")

    assert done.returncode == 1
    assert b"standard input is larger than 20 MB" in done.stderr


def test_extract_jsonl_refuses_a_device_and_an_endless_line(tmp_path: Path) -> None:
    device = run_extract(subprocess.DEVNULL, "--jsonl", "/dev/zero")
    with open("/dev/zero", "rb") as endless:
        line = run_extract(endless, "--jsonl", "-")

    assert device.returncode == 1 and b"device or pipe" in device.stderr
    assert line.returncode == 1 and b"line 1: longer than 20 MB" in line.stderr
