"""Version 8 belongs to the "web" branch (issue 12, web pages and URLs), developed at the same time.

This branch holds this empty step in its place, under the same file name, only so that version 9 (revisions)
can be applied and tested; when the branches meet, the web branch's ``m008_pages.py`` replaces this file
(the merge conflicts on it: keep the web branch's side)."""


def migrate(db):
    pass
