"""The feeds' tests serve their feeds and pages from the web tests' loopback site (127.0.0.1 only)."""

from tests.web.conftest import site  # noqa: F401 (a fixture, shared)
