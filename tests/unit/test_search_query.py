"""The search grammar: words, phrases, prefixes, filters, and clear errors."""

from __future__ import annotations

from datetime import date

import pytest

from reader.errors import UserError
from reader.index.query import QueryError, SearchQuery, Term, name_key, parse_query


def test_plain_words_and_phrases():
    query = parse_query('harbour "general strike" dock*')
    assert query.terms == (Term("harbour"), Term("general strike"), Term("dock", prefix=True))
    assert query.fts_expression() == '"harbour" "general strike" "dock"*'


def test_filters_combine():
    query = parse_query('actor:"Kim Jong Un" said:Xi source:Reuters from:2019-01-31 to:2019-12 talks')
    assert query.actors == ("Kim Jong Un",)
    assert query.speakers == ("Xi",)
    assert query.sources == ("Reuters",)
    assert query.date_from == date(2019, 1, 31)
    assert query.date_to == date(2019, 12, 31)
    assert query.terms == (Term("talks"),)


def test_partial_dates_cover_whole_periods():
    assert parse_query("from:2020").date_from == date(2020, 1, 1)
    assert parse_query("to:2020").date_to == date(2020, 12, 31)
    assert parse_query("to:2020-02").date_to == date(2020, 2, 29)
    assert parse_query("from:2020-02").date_from == date(2020, 2, 1)


def test_filter_names_ignore_case():
    assert parse_query("Actor:Kim").actors == ("Kim",)


@pytest.mark.parametrize(
    "text, message",
    [
        ('actor:"Kim Jong Un', "unbalanced quote"),
        ("from:2019-02-30", "not a valid date"),
        ("to:yesterday", "not a date"),
        ("actr:Kim", "unknown filter"),
        ("source:", "needs a value"),
    ],
)
def test_bad_syntax_is_a_user_error(text, message):
    with pytest.raises(QueryError, match=message) as caught:
        parse_query(text)
    assert isinstance(caught.value, UserError)


def test_words_that_look_like_fts_operators_are_plain_strings():
    query = parse_query("NOT (harbour OR NEAR) -x ^y")
    expression = query.fts_expression()
    assert '"NOT"' in expression and '"(harbour"' in expression and '"NEAR)"' in expression
    # Every term is one quoted string: an even number of quotes, nothing outside them but spaces.
    assert expression.replace('" "', "").count('"') == 2


def test_punctuation_only_terms_are_dropped():
    query = parse_query("— !!! harbour")
    assert query.terms == (Term("harbour"),)


def test_empty_query():
    assert parse_query("   ").is_empty
    assert SearchQuery().fts_expression() is None


def test_name_key_ignores_case_accents_and_spacing():
    assert name_key("  Müller   ") == name_key("MULLER") == "muller"


def test_only_punctuation_matches_nothing_but_beside_filters_is_ignored():
    assert parse_query("(((").matches_nothing
    assert not parse_query("(((").is_empty
    assert not parse_query("— source:ap").matches_nothing


def test_verb_and_anon_filters():
    query = parse_query("harbour verb:claimed Verb:loaded anon:yes")
    assert query.verbs == ("claimed", "loaded") and query.anonymous is True
    assert parse_query("anon:No").anonymous is False
    assert parse_query("harbour").anonymous is None
    assert not parse_query("anon:no").is_empty and not parse_query("verb:said").is_empty


@pytest.mark.parametrize(
    "text, message",
    [("anon:maybe", "use anon:yes or anon:no"), ("anon:yes anon:no", "match nothing"), ("verb:", "needs a value")],
)
def test_verb_and_anon_mistakes_are_user_errors(text, message):
    with pytest.raises(QueryError, match=message):
        parse_query(text)
