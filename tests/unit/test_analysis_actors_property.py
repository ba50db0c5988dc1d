"""find_mentions never raises and its spans always index the body, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.actors import find_mentions

WORDS = st.sampled_from(
    ["Mr", "Kim", "Jong", "Un", "the", "North", "Korea", "U.S.", "KCNA", "(", ")", "'s", "of", "and",
     "University", "President", "Xi", "said", ".", ",", "\n", "\n\n", "SEOUL", "•", "-", "Dr", "Park",
     "Won-gon", "Pyongyang", "New", "York", "City", "al-", "Assad", "’s", "“", "”", "A.", "B"]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(WORDS, max_size=60).map(" ".join),
    st.lists(WORDS, max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.one_of(st.none(), st.sampled_from(["SEOUL", "", "Kim"])))
def test_spans_are_consistent(text: str, dateline: str | None) -> None:
    mentions = find_mentions(text, dateline=dateline)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.kind in ("person", "organisation", "place")
        assert m.actor
    assert mentions == sorted(mentions, key=lambda m: (m.start, -m.end))
    assert len({(m.start, m.end, m.kind) for m in mentions}) == len(mentions)
    assert find_mentions(text, dateline=dateline) == mentions  # deterministic
