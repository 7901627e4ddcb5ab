"""Small helpers over spaCy's dependency parse used by the event stage."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

Token = Any
Span = Any

CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"}


def ancestors(tok: Token) -> Iterator[Token]:
    """Yield the heads of a token up to the root of its sentence."""
    while tok.head.i != tok.i:
        tok = tok.head
        yield tok


def path_up(tok: Token) -> list[Token]:
    """Return the token and its ancestors, nearest first."""
    return [tok, *ancestors(tok)]


def is_under(tok: Token, top: Token) -> bool:
    """Return whether ``tok`` is ``top`` or in its subtree."""
    if not (top.left_edge.i <= tok.i <= top.right_edge.i):
        return False
    return tok.i == top.i or any(a.i == top.i for a in ancestors(tok))


def tree_distance(a: Token, b: Token) -> int:
    """Return the number of dependency arcs between two tokens (99 when unrelated)."""
    up_a = path_up(a)
    up_b = {t.i: n for n, t in enumerate(path_up(b))}
    for n, t in enumerate(up_a):
        if t.i in up_b:
            return n + up_b[t.i]
    return 99


def clause_head(tok: Token) -> Token:
    """Return the verb (or sentence root) heading the clause a token is in."""
    for t in path_up(tok):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
    return tok


def has_child(tok: Token, deps: Iterable[str], lemmas: Iterable[str] | None = None) -> bool:
    """Return whether a token has a child with one of ``deps`` (and one of ``lemmas``)."""
    deps = set(deps)
    lem = {x.lower() for x in lemmas} if lemmas is not None else None
    return any(c.dep_ in deps and (lem is None or c.lemma_.lower() in lem or c.lower_ in lem)
               for c in tok.children)


def subject_of(tok: Token) -> Token | None:
    """Return the subject of a verb, following xcomp/conj to the verb that carries it."""
    for t in path_up(tok)[:4]:
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return c
        if t.dep_ == "xcomp":
            for c in t.head.children:
                if c.dep_ == "dobj":  # "ordered troops to leave"
                    return c
        if t.dep_ not in ("xcomp", "conj", "advcl"):
            break
    return None


def token_at(doc: Any, offset: int, end: int | None = None) -> Token | None:
    """Return the head token of the text at a character offset (or span)."""
    span = doc.char_span(offset, end if end is not None else offset + 1,
                         alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def phrase_text(tok: Token, stop: Iterable[str] = ("relcl", "acl", "advcl")) -> tuple[int, int]:
    """Return the character span of a token's phrase, leaving out clauses attached to it."""
    stop = set(stop)
    lo, hi = tok.i, tok.i
    todo = [tok]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ in stop or (c.dep_ == "punct" and c.i > tok.i):
                continue
            if c.dep_ == "appos" and c.i > tok.i:
                continue
            lo, hi = min(lo, c.i), max(hi, c.i)
            todo.append(c)
    doc = tok.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi])
