"""``newsdesk export``: a saved version of a story as a PDF, HTML, Markdown, CSV or JSON file.

    newsdesk export SLUG [--version N] --format pdf|html|md|csv|json -o FILE
                    [--layout desk|full] [--status S ...] [--no-notes] [--with-article]
                    [--compare-to N]

PDF and HTML are laid out as the desk sheet (claims first, one page for a
typical story) or, with ``--layout full``, as the full sheet (every fact with
its sentence, group by group).

Runs headless: PDF needs Qt's GUI module, which starts on the offscreen
platform when there is no display. Errors are one line on stderr with a
non-zero exit (1 for an unknown story or version or an unwritable file).
The file is written whole or not at all, and never over the database.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.cli.common import EXIT_INPUT, EXIT_OK, error
from newsdesk.core.output.names import FORMATS, LAYOUTS
from newsdesk.core.sheet.model import STATUSES
from newsdesk.errors import NewsdeskError
from newsdesk.files import write_atomic

if TYPE_CHECKING:
    from newsdesk.storage import Store


def add_export_command(commands: Any) -> None:
    """Register ``export`` on the parser's sub-command set."""
    export = commands.add_parser(
        "export",
        help="write a saved version of a story as pdf, html, md, csv or json",
        description="Write a saved version (the newest by default) of story SLUG to FILE.",
    )
    export.add_argument("story", metavar="SLUG")
    export.add_argument("--version", dest="number", type=int, metavar="N", help="default: newest")
    export.add_argument("--format", dest="fmt", choices=FORMATS, help="default: from FILE's ending")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write")
    export.add_argument(
        "--status",
        action="append",
        choices=STATUSES,
        help="only facts with this status (repeatable)",
    )
    export.add_argument("--no-notes", action="store_true", help="leave the editors' notes out")
    export.add_argument("--with-article", action="store_true", help="add the article, facts marked")
    export.add_argument(
        "--compare-to", type=int, metavar="N", help="mark facts changed since version N"
    )
    export.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="desk",
        help="pdf and html: the one-page desk sheet (default) or the full sheet",
    )
    export.add_argument("--page-size", choices=("a4", "letter"), default="a4", help="for pdf")


def run_export(store: Store, args: argparse.Namespace) -> int:
    """Write the export; raises ``LookupError`` for an unknown story or version."""
    fmt = args.fmt or _format_from_name(args.output)
    if fmt is None:
        error(f"Say which format to write with --format ({', '.join(FORMATS)}).")
        return EXIT_INPUT
    from newsdesk.core.output.exports import export_bytes  # only when writing one
    from newsdesk.core.output.render import RenderOptions

    info = store.version(args.story, args.number)
    sheet = store.load_version(args.story, info.number)
    compare = None
    if args.compare_to is not None:
        compare = store.load_version(args.story, args.compare_to)
    options = RenderOptions(
        statuses=frozenset(args.status) if args.status else None,
        include_notes=not args.no_notes,
        include_article=args.with_article,
        compare_to=compare,
        compare_version=args.compare_to,
        layout=args.layout,
        story=args.story,
    )
    target = Path(args.output)
    try:
        if fmt == "pdf":
            from newsdesk.gui.printing.pages import ensure_gui_application, export_pdf

            ensure_gui_application()
            export_pdf(
                sheet, target, info, options, page_size=args.page_size, protect=(store.path,)
            )
        else:
            data = export_bytes(
                sheet,
                fmt,
                version=info.number,
                saved_by=info.editor or None,
                saved_at=info.created_at,
                options=options,
            )
            write_atomic(target, data, protect=(store.path,))
    except NewsdeskError as problem:
        error(str(problem))
        return EXIT_INPUT
    print(f"{args.story}: version {info.number} written to {target} ({fmt})")
    return EXIT_OK


def _format_from_name(name: str) -> str | None:
    suffix = Path(name).suffix.lower().lstrip(".")
    suffix = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    return suffix if suffix in FORMATS else None
