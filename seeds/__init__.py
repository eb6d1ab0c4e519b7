"""The embedded default corpus: sample news articles imported on the app's first run."""
