"""Broadsheet's two faces over ``store``: the Textual app and the JSON command line."""
