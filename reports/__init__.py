"""Rendering: turn a :class:`reconcile.model.Report` into what each audience reads.

One renderer per format; :func:`render` picks it from the ``--format`` name.  Renderers
only read the report they are given (no extraction, no reconciliation here).
"""

from __future__ import annotations

from importlib import import_module

from .json_report import render_json, report_to_dict

#: Format name -> "module:function" of its renderer (each takes ``(report, **options)``).
FORMATS: dict[str, str] = {
    "terminal": "reports.terminal:render_terminal",
    "json": "reports.json_report:render_json_format",
    "md": "reports.markdown:render_markdown",
    "html": "reports.html:render_html",
    "csv": "reports.csv_report:render_csv",
    "sarif": "reports.sarif:render_sarif",
    "github": "reports.github:render_github",
}


def render(report, fmt: str, **options) -> str:
    """Render ``report`` in format ``fmt`` (a key of :data:`FORMATS`).

    Options every renderer accepts (and may ignore): ``color`` (bool), ``fail_on`` (str).
    """
    module_name, function_name = FORMATS[fmt].split(":")
    return getattr(import_module(module_name), function_name)(report, **options)


__all__ = ["FORMATS", "render", "render_json", "report_to_dict"]
