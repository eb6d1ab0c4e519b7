"""Feed documents the tests write: one story in each format feedparser reads."""

from __future__ import annotations

import json

BODY = " ".join(f"Sentence {n} of the story says Acme Corp earned ${n} million in 2025." for n in range(1, 40))


def rss2(items: list[dict], title: str = "Example News") -> str:
    entries = "".join(
        f"""<item><title>{item['title']}</title><link>{item['link']}</link>
        <guid>{item.get('guid', item['link'])}</guid>
        <pubDate>{item.get('date', 'Tue, 03 Mar 2026 10:00:00 GMT')}</pubDate>
        <description>{item.get('summary', 'A short teaser.')}</description>
        {f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if 'content' in item else ''}
        {f"<author>{item['author']}</author>" if 'author' in item else ''}</item>"""
        for item in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{title}</title><link>https://example.org/</link><description>d</description>{entries}</channel></rss>"""


RSS091 = """<?xml version="1.0"?>
<rss version="0.91"><channel><title>Old School</title><link>http://old.example/</link><description>d</description>
<item><title>Legacy story</title><link>http://old.example/legacy.html</link><description>Teaser.</description></item>
</channel></rss>"""

RSS1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://rdf.example/"><title>RDF Site</title><link>http://rdf.example/</link>
<description>d</description></channel>
<item rdf:about="http://rdf.example/one"><title>RDF story</title><link>http://rdf.example/one</link>
<dc:date>2026-02-01T08:00:00Z</dc:date><dc:creator>Ann Writer</dc:creator><description>Teaser.</description></item>
</rdf:RDF>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/blog/">
<title>Atom Times</title><id>urn:atom-times</id><updated>2026-01-05T00:00:00Z</updated>
<entry><title>Full story</title><id>urn:story:1</id><link href="posts/full.html"/>
<updated>2026-01-05T09:30:00Z</updated><author><name>Bo Reporter</name></author>
<summary>Teaser.</summary><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>
</feed>"""

JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON Daily",
        "items": [
            {"id": "j1", "url": "https://json.example/j1", "title": "JSON story", "summary": "Teaser.",
             "date_published": "2026-04-02T12:00:00Z", "authors": [{"name": "Cy Author"}]}
        ],
    }
)

LOGIN_PAGE = """<!DOCTYPE html><html><head><title>Sign in</title></head>
<body><form action="/login"><input name="user"><input type="password" name="pw"></form></body></html>"""
