"""Which files a scan reads, and under which ids and paths."""

from __future__ import annotations

import os

import pytest

from claims import DocumentError, find_documents


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "docs" / "sub" / "b.md").write_text("b", encoding="utf-8")
    (tmp_path / "docs" / ".hidden.txt").write_text("h", encoding="utf-8")
    (tmp_path / "docs" / "image.png").write_bytes(b"\x89PNG")
    return tmp_path


@pytest.mark.parametrize("given", ["docs", "docs/", "./docs", "docs//"])
def test_a_folder_is_listed_by_id_with_paths_as_pathlib_writes_them(tree, given):
    assert find_documents([given]) == [("a.txt", os.path.join("docs", "a.txt")),
                                       ("sub/b.md", os.path.join("docs", "sub", "b.md"))]


def test_a_file_given_directly_is_scanned_under_its_name(tree):
    assert find_documents(["./docs/sub/b.md"]) == [("b.md", os.path.join("docs", "sub", "b.md"))]


def test_ignore_globs_match_the_id(tree):
    assert [doc for doc, _ in find_documents(["docs"], ignore=["sub/*"])] == ["a.txt"]


def test_dot_dot_after_a_symbolic_link_is_kept(tree):
    (tree / "real" / "inner").mkdir(parents=True)
    (tree / "real" / "docs").mkdir()
    (tree / "real" / "docs" / "c.txt").write_text("c", encoding="utf-8")
    os.symlink(tree / "real" / "inner", tree / "link")
    # link/.. is real/, not the folder the text would name: real/docs, not ./docs
    assert [doc for doc, _ in find_documents(["link/../docs"])] == ["c.txt"]


def test_a_missing_path_says_so(tree):
    with pytest.raises(DocumentError, match="no such file or folder"):
        find_documents(["nowhere"])


def _bad_name(folder) -> bytes:
    # a Latin-1 "café.txt": not UTF-8, so Python sees it as "caf\udce9.txt"
    return os.fsencode(folder) + b"/caf\xe9.txt"


@pytest.mark.skipif(os.name == "nt", reason="Windows file names are always Unicode")
@pytest.mark.parametrize("given_directly", [False, True])
def test_a_file_name_that_is_not_utf8_is_refused_naming_it(tree, given_directly):
    path = _bad_name(tree / "docs")
    with open(path, "wb") as handle:
        handle.write(b"opened in 1992")
    with pytest.raises(DocumentError) as raised:
        find_documents([os.fsdecode(path) if given_directly else "docs"])
    # an exclude glob cannot leave out a file named on the command line
    fix = "rename it to a UTF-8 name" + ("" if given_directly else " or leave it out with an exclude glob")
    assert str(raised.value).endswith("caf\\xe9.txt: its name is not valid UTF-8; " + fix)


@pytest.mark.skipif(os.name == "nt", reason="Windows file names are always Unicode")
def test_a_file_name_that_is_not_utf8_can_be_excluded(tree):
    with open(_bad_name(tree / "docs"), "wb") as handle:
        handle.write(b"opened in 1992")
    assert [doc for doc, _ in find_documents(["docs"], ignore=["caf*"])] == ["a.txt", "sub/b.md"]


@pytest.mark.skipif(os.name == "nt", reason="Windows file names are always Unicode")
def test_a_folder_given_whose_name_is_not_utf8_is_refused_with_the_only_fix(tree):
    os.mkdir(_bad_name(tree))
    with open(_bad_name(tree) + b"/b.txt", "wb") as handle:
        handle.write(b"opened in 1992")
    with pytest.raises(DocumentError) as raised:
        find_documents([os.fsdecode(_bad_name(tree))])
    assert str(raised.value).endswith("caf\\xe9.txt: its name is not valid UTF-8; rename it to a UTF-8 name")


@pytest.mark.skipif(os.name == "nt", reason="Windows file names are always Unicode")
def test_a_missing_path_that_is_not_utf8_is_shown_as_its_bytes(tree):
    with pytest.raises(DocumentError) as raised:
        find_documents([os.fsdecode(b"nowhere\xe9")])
    assert str(raised.value) == "nowhere\\xe9: no such file or folder; check the path"
