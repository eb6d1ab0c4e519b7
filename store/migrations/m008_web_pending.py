"""Version 8 belongs to the "web" branch (issue 12, web pages and URLs), developed at the same time.

This branch holds this empty step in its place only so that version 9 (revisions) can be applied and tested;
when the branches are merged, the web branch's ``m008_*`` replaces this file (two ``m008_*`` files stop every
start with "out of sequence", so the merge cannot keep both by mistake)."""


def migrate(db):
    pass
