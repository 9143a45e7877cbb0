"""Rendering: turn a :class:`reconcile.model.Report` into what each audience reads."""

from .json_report import render_json, report_to_dict

__all__ = ["render_json", "report_to_dict"]
