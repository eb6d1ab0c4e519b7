"""Everything below Broadsheet's user interface: schema, ingest, extraction, search, annotations, export.

This package never imports Textual or ``tui``: the CLI and the TUI are two faces over it.
"""
