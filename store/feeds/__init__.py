"""Feeds: subscriptions (``subscriptions``), OPML exchange (``opml``), feed documents (``parse``) and the update
that fetches them and imports their articles (``update``)."""
