"""Refresh the translation catalogues (``resources/translations/*.ts``) from the source.

    .venv/bin/python packaging/translations.py          # or: make lupdate
    .venv/bin/python packaging/translations.py --check  # is every message translated?

Qt's ``lupdate`` (``pyside6-lupdate``, shipped in PySide6-Essentials) reads every
``tr()`` and ``QCoreApplication.translate()`` of ``newsdesk/gui``. A few modules
translate through a one-line helper, ``_tr(text)``, bound to one context
(``QCoreApplication.translate("WindowActions", text)``): lupdate is told to read
``_tr`` as ``tr`` and cannot know the helper's context, so this script puts
those messages into the context the helper names. Then the translations already
made are carried over by (context, source); a message that is new is marked
unfinished, one that is gone is dropped. Translate with Qt Linguist
(``pyside6-linguist``) or any .ts editor; ``make translations`` compiles them
(``pyside6-lrelease``) into the ``.qm`` files the app loads.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "newsdesk" / "gui"]
CATALOGUES = ROOT / "resources" / "translations"
LANGUAGES = {"de": "de_DE"}


class Source(NamedTuple):
    """A message's English text, and whether it has plural forms (``tr(text, "", n)``)."""

    text: str
    numerus: bool = False


_HELPER = re.compile(r'def _tr\(text: str\) -> str:\s+return QCoreApplication\.translate\("(\w+)"')


def lupdate_tool() -> str:
    """``pyside6-lupdate`` beside this Python (the venv's), else on PATH."""
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("pyside6-lupdate not found: install PySide6-Essentials")
    return found


def helper_contexts(files: list[Path]) -> dict[str, str]:
    """File path → the context of its ``_tr`` helper, for files that have one."""
    found = {}
    for path in files:
        match = _HELPER.search(path.read_text(encoding="utf-8"))
        if match:
            found[str(path.resolve())] = match.group(1)
    return found


def extract(files: list[Path]) -> dict[str, list[Source]]:
    """Context → its messages in order, for every message in ``files``."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "fresh.ts"
        listing = Path(folder) / "files.lst"
        listing.write_text("\n".join(str(path) for path in files), encoding="utf-8")
        subprocess.run(
            [
                lupdate_tool(),
                "-silent",
                "-tr-function-alias",
                "tr+=_tr",
                "-extensions",
                "py",
                "-locations",
                "absolute",
                f"@{listing}",
                "-ts",
                str(target),
            ],
            check=True,
        )
        # Locations in the catalogue are relative to the catalogue's folder.
        return messages(ET.parse(target), Path(folder), helper_contexts(files))


def messages(tree: ET.ElementTree, base: Path, helpers: dict[str, str]) -> dict[str, list[Source]]:
    """Context → its messages in order, with ``_tr`` messages moved to the helper's context."""
    found: dict[str, list[Source]] = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = Source(message.findtext("source") or "", message.get("numerus") == "yes")
            where = message.find("location")
            target = name
            if where is not None and not name:
                path = str((base / where.get("filename", "")).resolve())
                target = helpers.get(path, name)
            if not target:
                raise SystemExit(f"no context for {source.text!r} ({ET.tostring(message)!r})")
            sources = found.setdefault(target, [])
            if source not in sources:
                sources.append(source)
    return found


def existing(path: Path) -> dict[tuple[str, str], str | list[str]]:
    """(context, source) → translation of a catalogue (its plural forms for a ``%n``
    message), finished ones only."""
    if not path.exists():
        return {}
    done: dict[tuple[str, str], str | list[str]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            key = (name, message.findtext("source") or "")
            done[key] = forms if message.get("numerus") == "yes" else translation.text or ""
    return done


def write(path: Path, language: str, found: dict[str, list[Source]]) -> tuple[int, int]:
    """Write the catalogue; (finished, unfinished) counts."""
    kept = existing(path)
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    finished = unfinished = 0
    for name in sorted(found):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source in found[name]:
            message = ET.SubElement(context, "message")
            if source.numerus:
                message.set("numerus", "yes")
            ET.SubElement(message, "source").text = source.text
            translation = ET.SubElement(message, "translation")
            done = kept.get((name, source.text))
            if done is None or isinstance(done, list) != source.numerus:
                translation.set("type", "unfinished")
                unfinished += 1
                continue
            if isinstance(done, list):
                for form in done:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = done
            finished += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )
    return finished, unfinished


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a catalogue lacks a message of the source",
    )
    args = parser.parse_args(argv)
    files = sorted(path for folder in SOURCES for path in folder.rglob("*.py"))
    found = extract(files)
    CATALOGUES.mkdir(parents=True, exist_ok=True)
    stale = 0
    for code, language in LANGUAGES.items():
        path = CATALOGUES / f"newsdesk_{code}.ts"
        target = path
        if args.check:
            target = Path(tempfile.mkdtemp()) / path.name
            if path.exists():
                shutil.copyfile(path, target)
        finished, unfinished = write(target, language, found)
        print(f"{path.relative_to(ROOT)}: {finished} translated, {unfinished} to translate")
        if args.check and (unfinished or target.read_bytes() != path.read_bytes()):
            stale += 1
        if args.check:
            shutil.rmtree(target.parent)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
