"""``--fix`` keeps every byte it does not fix: line endings (mixed too), BOM, encoding
cookie, final newline, file mode; a file with nothing to fix is never rewritten.

A fixable bug (``os.close(s.fileno())`` after ``s = socket.socket()``) is planted in
generated modules: random line endings, encodings, filler lines, with or without a
final newline. After ``--fix`` the file's bytes must be the bytes it had with only
the call's bytes replaced; without the bug, the same bytes, and the file untouched.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flake8_winsock import cli
from flake8_winsock.sourcefile import SourceFile, WriteError

BUG, FIXED = "os.close(s.fileno())", "s.close()"
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

# (codec, cookie line or None, BOM): how the generated module is written.
ENCODINGS = [
    ("utf-8", None, b""),
    ("utf-8", None, b"\xef\xbb\xbf"),
    ("utf-8", "# -*- coding: utf-8 -*-", b"\xef\xbb\xbf"),
    ("latin-1", "# -*- coding: latin-1 -*-", b""),
    ("cp1252", "# vim: set fileencoding=cp1252 :", b""),
]
# Lines that change nothing, in characters every codec above can write.
FILLER = st.sampled_from(
    [
        "",
        "# caf\u00e9, na\u00efve, \u00fcber",
        "name = 'Gr\u00fc\u00dfe'",
        "\x0cpass",  # a form feed: not a line break for Python
        "value = 1  # noqa: E501",
        "if True:\n    other = 2",
        "text = '''a\rb'''",  # a line break inside a string
        "\t",
    ]
)
LINE_ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def modules(draw: st.DrawFn, bug: bool) -> tuple[bytes, bytes]:
    """(the module's bytes, the bytes it must have after --fix)."""
    codec, cookie, bom = draw(st.sampled_from(ENCODINGS))
    if codec == "cp1252":
        filler = st.one_of(FILLER, st.just("price = '5 \u20ac'"))  # the euro sign: cp1252, not latin-1
    else:
        filler = FILLER
    body = [
        "import os, socket",
        *draw(st.lists(filler, max_size=4)),
        "s = socket.socket()",
        *draw(st.lists(filler, max_size=4)),
        *([BUG] if bug else []),
        *draw(st.lists(filler, max_size=4)),
    ]
    lines = ([cookie] if cookie else []) + "\n".join(body).split("\n")
    uniform = draw(st.booleans())
    ending = draw(LINE_ENDINGS)
    text = ""
    for number, line in enumerate(lines):
        last = number == len(lines) - 1
        if last and not draw(st.booleans()):
            text += line  # no final line ending
        else:
            text += line + (ending if uniform else draw(LINE_ENDINGS))
    data = bom + text.encode(codec)
    return data, data.replace(BUG.encode(), FIXED.encode())


def fix_file(path: Path) -> int:
    return cli.main(["--fix", "-j", "1", str(path)])


@PROPERTY
@given(modules(bug=True))
def test_only_the_fixed_span_changes(tmp_path_factory: pytest.TempPathFactory, module: tuple[bytes, bytes]) -> None:
    before, after = module
    path = tmp_path_factory.mktemp("fix") / "mod.py"
    path.write_bytes(before)
    os.chmod(path, 0o640)
    assert fix_file(path) == 0
    assert path.read_bytes() == after
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@PROPERTY
@given(modules(bug=False))
def test_a_module_with_nothing_to_fix_is_not_rewritten(tmp_path_factory: pytest.TempPathFactory, module: tuple[bytes, bytes]) -> None:
    before, _ = module
    path = tmp_path_factory.mktemp("fix") / "mod.py"
    path.write_bytes(before)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    inode = path.stat().st_ino
    assert fix_file(path) == 0
    assert path.read_bytes() == before
    assert path.stat().st_mtime == 1_000_000_000 and path.stat().st_ino == inode


@PROPERTY
@given(st.booleans(), st.data())
def test_stdin_gives_back_its_bytes_with_only_the_fix_changed(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch, bug: bool, data: st.DataObject
) -> None:
    before, after = data.draw(modules(bug=bug))
    capsysbinary.readouterr()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(before)))
    assert cli.main(["--fix", "-"]) == 0
    assert capsysbinary.readouterr().out == (after if bug else before)


def test_a_read_only_file_is_one_message_and_not_counted_as_fixed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mod.py"
    before = f"import os, socket\ns = socket.socket()\n{BUG}\n".encode()
    path.write_bytes(before)
    os.chmod(path, 0o444)
    code = fix_file(path)
    _, err = capsys.readouterr()
    assert code == 2
    assert err.splitlines() == [f"flake8-winsock: {path}: not fixed: the file is read-only"]
    assert path.read_bytes() == before
    os.chmod(path, 0o644)


def test_a_symbolic_link_is_fixed_through_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.py"
    target.write_bytes(f"import os, socket\r\ns = socket.socket()\r\n{BUG}\r\n".encode())
    link = tmp_path / "link.py"
    link.symlink_to("real.py")
    assert fix_file(link) == 0
    assert link.is_symlink() and target.read_bytes().endswith(b"\r\ns.close()\r\n")


def test_no_temporary_file_is_left_behind(tmp_path: Path) -> None:
    path = tmp_path / "mod.py"
    path.write_text(f"import os, socket\ns = socket.socket()\n{BUG}\n")
    fix_file(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mod.py"]


def test_source_files_give_back_their_bytes_or_refuse() -> None:
    latin = SourceFile.decode("# -*- coding: latin-1 -*-\nname = '\u00e9'\n".encode("latin-1"))
    assert latin.encoding == "iso-8859-1" and latin.encode(latin.text) is latin.data
    assert latin.encode(latin.text.replace("name", "nom")) == latin.data.replace(b"name", b"nom")
    with pytest.raises(WriteError, match="cannot be encoded as iso-8859-1"):
        latin.encode(latin.text + "price = '\u20ac'\n")
    bom = SourceFile.decode(b"\xef\xbb\xbfx = 1\r\n")
    assert bom.text == "x = 1\r\n" and bom.encode("y = 1\r\n") == b"\xef\xbb\xbfy = 1\r\n"
    undecodable = SourceFile.decode(b"x = '\xff'\n")  # not UTF-8: read as latin-1, as flake8 reads it
    assert undecodable.encoding == "latin-1" and undecodable.encode("y = '\xff'\n") == b"y = '\xff'\n"
    lossy = SourceFile(b"x = 1\n", "x = 2\n", "utf-8")  # a codec that does not give the bytes back
    with pytest.raises(WriteError, match="does not give back the bytes"):
        lossy.encode("x = 3\n")
