"""The app's screens, one per mode (main, search, tags, ledger, orphans, help, dialogs)."""
