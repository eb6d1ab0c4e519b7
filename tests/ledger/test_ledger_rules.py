"""The ledger's rules on their own: subjects folded together, periods placed and compared."""

from types import SimpleNamespace

from store.ledger_rules import comparable, period_text, resolve_period, subject_groups


def test_spellings_legal_forms_aliases_and_nested_names_are_one_subject():
    groups = subject_groups(["time warner", "timewarner", "time warner inc", "royal dutch shell", "shell", "u.s",
                             "united states", "america", "dow", "dow jones industrial average", "bank of america",
                             "deutsche bank", "bank"])
    assert groups["time warner"] == groups["timewarner"] == groups["time warner inc"]
    assert groups["shell"] == groups["royal dutch shell"]
    assert groups["u.s"] == groups["america"] == groups["united states"] != groups["bank of america"]
    assert groups["dow"] == groups["dow jones industrial average"]
    assert len({groups["bank"], groups["bank of america"], groups["deutsche bank"]}) == 3  # "bank" is in two


def test_relative_periods_are_placed_with_the_article_date():
    assert resolve_period("Q4", "2005-01-12", 1) == "2004-Q4"  # a fourth quarter told in January is last year's
    assert resolve_period("Q1", "2005-05-12", 1) == "2005-Q1"
    assert resolve_period("this year", "2026-02-07", 1) == "2026"
    assert resolve_period("last month", "2005-01-12", 1) == "2004-12"
    assert resolve_period("monday", "2025-01-29", 1) == "2025-01-27"
    assert resolve_period("--03", "2005-04-01", 1) == "2005-03"
    assert resolve_period("this year", None, 7) == ("article", 7, "this year")  # undated: only its own article


def test_periods_read_as_a_reader_writes_them():
    assert period_text("--01-10") == "10 Jan"  # a day whose year the article did not give
    assert period_text("--03") == "Mar"
    assert period_text("2026-02-06") == "6 Feb 2026"
    assert period_text("2004-12") == "Dec 2004"
    assert period_text("2004-Q4") == "Q4 2004"
    assert [period_text(p) for p in ("2026", "FY2025", "last week", "Q1", None)] == ["2026", "FY2025", "last week",
                                                                                    "Q1", ""]


def claim(article, period=None, published=None):
    return SimpleNamespace(article_id=article, period=period, published=published)


def test_a_figure_without_a_period_is_comparable_only_with_one_of_the_same_date():
    assert comparable(claim(1, published="2005-02-10"), claim(2, "2004", "2005-02-10"), "flow")
    assert not comparable(claim(1, published="2005-02-10"), claim(2, published="2005-03-10"), "flow")
    assert not comparable(claim(1, "2004"), claim(2, "2004-Q4"), "flow")  # quarterly vs annual
    assert comparable(claim(1, "Q4", "2005-01-12"), claim(2, "2004-Q4", "2005-01-20"), "flow")
    assert not comparable(claim(1), claim(1), "level")  # a price given twice in one story moved in between
    assert comparable(claim(1, "--01-10"), claim(2), "once")  # a launch date is not when a cost was counted
    assert not comparable(claim(1, "2004"), claim(2, "2005"), "once")


def test_ledger_records_are_slotted_and_their_json_is_what_the_commands_print(seeded_db):
    import dataclasses

    from store import ledger

    group = ledger.conflicts(seeded_db)[0]
    claim = ledger.figures(seeded_db)[0]
    for record in (group, group.values[0], claim):
        assert not hasattr(record, "__dict__")  # slotted
        try:
            record.status = "changed"
        except dataclasses.FrozenInstanceError:
            pass
        else:
            raise AssertionError("a ledger record can be changed")
    assert list(group.to_json()) == ["subject", "subject_entity", "metric", "status", "articles", "values", "period",
                                     "claim_status", "scope", "reason"]
    assert list(group.to_json()["values"][0])[:6] == ["text", "value", "value_high", "unit", "hedge", "period"]
    assert claim.to_json()["sentence"] == claim.sentence
