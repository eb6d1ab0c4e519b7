"""The app's widgets, one per module; a widget never imports a screen (it posts a message instead)."""
