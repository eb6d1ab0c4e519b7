"""Keymaps shipped with Broadsheet: TOML files mapping binding ids to keys."""
