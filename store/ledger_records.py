"""The ledger's records: a stored claim, a value in a ledger group, and the group (subject · metric · status ·
scope with its values and why it is a conflict, a corroboration or just reported)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


def _as_json(record) -> dict[str, Any]:
    return {field.name: getattr(record, field.name) for field in fields(record)}


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A figure tied to a subject, as stored (``metric`` None when no measure is named), with its article's
    path and date and the text of the figure and of its sentence."""

    article_id: int
    path: str
    start: int
    end: int
    text: str
    sentence: str
    subject: str
    subject_entity: str
    metric: str | None
    label: str
    value: float | None
    value_high: float | None
    unit: str | None
    hedge: str | None
    period: str | None
    sentence_start: int
    sentence_end: int
    status: str
    scope: str | None
    published: str | None
    title: str

    def to_json(self) -> dict[str, Any]:
        return _as_json(self)


@dataclass(frozen=True, slots=True)
class LedgerValue:
    """One figure of a ledger group: what it says, how, for when and where it is."""

    text: str
    value: float | None
    value_high: float | None
    unit: str | None
    hedge: str | None
    period: str | None
    status: str
    scope: str | None
    article_id: int
    path: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int

    @classmethod
    def of(cls, claim: StoredClaim) -> LedgerValue:
        return cls(*(getattr(claim, field.name) for field in fields(cls)))

    def to_json(self) -> dict[str, Any]:
        return _as_json(self)


@dataclass(frozen=True, slots=True)
class LedgerGroup:
    """A subject · metric · claim status · scope with its values. ``status`` is "conflict", "corroborated" or
    "reported"; ``period`` the period of the deciding pair (or the one period of all values); ``reason`` says
    why in one line."""

    subject: str
    subject_entity: str
    metric: str
    status: str
    articles: int
    values: tuple[LedgerValue, ...]
    period: str | None
    claim_status: str
    scope: str | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        data = _as_json(self)
        data["values"] = [value.to_json() for value in self.values]
        return data
