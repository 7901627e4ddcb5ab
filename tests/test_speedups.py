"""The extraction's per-document caches (docs/performance.md, round 5) give the answers
spaCy gives when asked afresh, and never another document's."""

from __future__ import annotations

from typing import Any

import pytest

from wirewatch import Document
from wirewatch.events import syntax
from wirewatch.events.syntax import ancestors, index_document, path_up, token_forms
from wirewatch.events.triggers import _forms, match_triggers, phrase_before
from wirewatch.ingest.readers import read_paths
from wirewatch.pipeline import _spacy_docs
from wirewatch.places.component import doc_text
from wirewatch.sample import sample_files

ODD = ("KYIV, Nov 20 (Reuters) -\r\nRussian forces  captured\tVuhledar, the ministry said.\n\n"
       "Y'all gonna see: they'll let's-go… «Ukrainian troops withdrew» from Avdiivka 🇺🇦  \n"
       "e\u0301 a\u00a0b  ")


@pytest.fixture(scope="module")
def texts() -> list[str]:
    docs = [d for d in read_paths(sample_files()) if isinstance(d, Document)]
    return [*(d.text for d in docs[:6]), ODD]


def _fresh_path(tok: Any) -> list[int]:
    out = [tok.i]
    while tok.head.i != tok.i:
        tok = tok.head
        out.append(tok.i)
    return out


def test_cached_heads_and_forms_are_spacys_own(nlp: Any, texts: list[str]) -> None:
    for doc in nlp.pipe(texts):
        syntax._index.clear()
        fresh = [(_fresh_path(t), _forms(t)) for t in doc]
        assert token_forms(doc) is None  # not the document being processed: no cache
        index_document(doc)
        assert token_forms(doc) == [f for _, f in fresh]
        for tok, (want, _) in zip(doc, fresh, strict=True):
            assert [t.i for t in path_up(tok)] == want
            assert [t.i for t in ancestors(tok)] == want[1:]
            assert all(t.doc is doc for t in path_up(tok))


def test_a_cache_never_answers_for_another_document(nlp: Any) -> None:
    # same length, same tokens count, different parse and words
    a = nlp("Russian forces captured the village of Krynky on Monday.")
    b = nlp("Ukraine's army said it repelled attacks near Bakhmut again.")
    index_document(a)
    assert token_forms(b) is None
    for tok in b:
        assert [t.i for t in path_up(tok)] == _fresh_path(tok)
        assert all(t.doc is b for t in path_up(tok))
    trig: Any = {"capture": [("territory", ("capture",))], "repel": [("attack", ("repel",))]}
    index_document(a)  # the cache holds a: b is read afresh
    found_b = [(t.type, t.tokens) for t in match_triggers(b[:], trig)]
    assert found_b == [("attack", (5,))]
    assert not phrase_before(b[:], 8, (("captured",),))
    assert phrase_before(b[:], 8, (("repelled",),))
    index_document(b)  # and from its own cache, the same
    assert [(t.type, t.tokens) for t in match_triggers(b[:], trig)] == found_b
    assert phrase_before(b[:], 8, (("repelled",),))
    index_document(a)
    assert [(t.type, t.tokens) for t in match_triggers(a[:], trig)] == [("territory", (2,))]


def test_the_text_given_is_the_text_spacy_joins(resources: Any, texts: list[str]) -> None:
    nlp = resources.nlp_for("en")
    docs = [Document(f"d{i}", t) for i, t in enumerate(texts)]
    for doc in _spacy_docs(nlp, docs):
        assert doc_text(doc) == doc.text
        parsed = nlp(doc)
        assert doc_text(parsed) == parsed.text


def test_extraction_is_the_same_without_the_caches(resources: Any, texts: list[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch import extract
    from wirewatch.events import triggers

    docs = [Document(f"d{i}", t) for i, t in enumerate(texts)]

    def found() -> list[Any]:
        return [([e.to_dict() for e in r.events], [repr(m) for m in r.places])
                for r in extract(docs, resources)]

    cached = found()
    assert any(events for events, _ in cached)

    def walked(self: Any, i: int) -> list[Any]:
        tok = self.doc[i]
        out = [tok]
        while tok.head.i != tok.i:
            tok = tok.head
            out.append(tok)
        return out

    monkeypatch.setattr(syntax.DocIndex, "path_up", walked)
    monkeypatch.setattr(triggers, "token_forms", lambda doc: None)
    from wirewatch.events.steps import denial

    monkeypatch.setattr(denial, "memo", lambda doc, key, compute: compute())
    assert found() == cached


def _phrase_before_one_by_one(sent: Any, tok_i: int, phrases: Any, window: int = 3) -> bool:
    """``phrase_before`` as it was: every phrase tried at every position."""
    doc = sent.doc
    start = max(sent.start, tok_i - window - 3)
    for phrase in phrases:
        n = len(phrase)
        for end in range(max(start + n - 1, tok_i - window), tok_i):
            first = end - n + 1
            if first < sent.start:
                continue
            if all(phrase[k] in _forms(doc[first + k]) for k in range(n)):
                return True
    return False


def test_phrases_before_a_word_are_found_as_when_tried_one_by_one(
        nlp: Any, resources: Any) -> None:
    phrases = resources.codebook.not_event_before
    assert phrases
    text = ("Russia's threat of an offensive and an attempt to storm Avdiivka failed; troops "
            "nearly captured it and tried to encircle it, almost reaching the road.")
    doc = nlp(text)
    hits = 0
    for indexed in (False, True):
        syntax._index.clear()
        if indexed:
            index_document(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                for window in (1, 3, 5):
                    for ph in (phrases, (*phrases, ())):
                        want = _phrase_before_one_by_one(sent, i, ph, window)
                        assert phrase_before(sent, i, ph, window) == want
                        hits += want and ph is phrases
    assert hits > 10


def _under_by_spacy(tok: Any, top: Any) -> bool:
    if not (top.left_edge.i <= tok.i <= top.right_edge.i):
        return False
    return tok.i == top.i or any(a.i == top.i for a in tok.ancestors)


def test_subtrees_from_the_head_column_are_spacys_own(nlp: Any, texts: list[str]) -> None:
    from wirewatch.events.syntax import is_under

    for doc in nlp.pipe(texts):
        index_document(doc)
        for sent in doc.sents:
            for tok in sent:
                for top in sent:
                    assert is_under(tok, top) == _under_by_spacy(tok, top), (tok, top)


def test_tokens_with_words_are_found_as_when_every_token_is_tested(
        nlp: Any, texts: list[str]) -> None:
    from wirewatch.events.syntax import tokens_with

    sets = [(frozenset({"said", "the", "нет"}), frozenset({"say", "capture"})),
            (frozenset(), frozenset({"be"})), (frozenset({","}), frozenset()),
            (frozenset(f"w{i}" for i in range(2000)) | {"russian"}, frozenset())]
    for doc in nlp.pipe(texts):
        index_document(doc)
        for sent in doc.sents:
            for lowers, lemmas in sets:
                want = [t.i for t in sent if t.lower_ in lowers or t.lemma_.lower() in lemmas]
                assert [t.i for t in tokens_with(sent, lowers, lemmas)] == want


def test_children_from_the_head_column_are_spacys_own(nlp: Any, texts: list[str]) -> None:
    from wirewatch.events.syntax import children_of

    for doc in nlp.pipe(texts):
        syntax._index.clear()
        want = [[c.i for c in tok.children] for tok in doc]
        assert [[c.i for c in children_of(tok)] for tok in doc] == want  # no cache
        index_document(doc)
        assert [[c.i for c in children_of(tok)] for tok in doc] == want
        assert all(c.doc is doc for tok in doc for c in children_of(tok))
