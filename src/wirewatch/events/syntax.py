"""Small helpers over spaCy's dependency parse used by the event stage."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

Token = Any
Span = Any

CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"}


def children_of(tok: Token) -> list[Token]:
    """Return a token's children in order (spaCy's ``tok.children``): for the document being
    processed, read from its head column once per document and kept (the caller must not
    change the list); spaCy walks the subtree's edges and makes new tokens on every call."""
    if _index and _index[0].doc is tok.doc:
        return _index[0].children(tok.i)
    return list(tok.children)


def ancestors(tok: Token) -> Iterator[Token]:
    """Yield the heads of a token up to the root of its sentence."""
    if _index and _index[0].doc is tok.doc:
        yield from _index[0].path_up(tok.i)[1:]
        return
    while tok.head.i != tok.i:
        tok = tok.head
        yield tok


def path_up(tok: Token) -> list[Token]:
    """Return the token and its ancestors, nearest first."""
    if _index and _index[0].doc is tok.doc:
        return [tok, *_index[0].path_up(tok.i)[1:]]
    return [tok, *ancestors(tok)]


def is_under(tok: Token, top: Token) -> bool:
    """Return whether ``tok`` is ``top`` or in its subtree."""
    if _index and _index[0].doc is tok.doc:
        return _index[0].is_under(tok.i, top.i)
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
               for c in children_of(tok))


def subject_of(tok: Token) -> Token | None:
    """Return the subject of a verb, following xcomp/conj to the verb that carries it."""
    for t in path_up(tok)[:4]:
        for c in children_of(t):
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return c
        if t.dep_ == "xcomp":
            for c in children_of(t.head):
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
        for c in children_of(t):
            if c.dep_ in stop or (c.dep_ == "punct" and c.i > tok.i):
                continue
            if c.dep_ == "appos" and c.i > tok.i:
                continue
            lo, hi = min(lo, c.i), max(hi, c.i)
            todo.append(c)
    doc = tok.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


class DocIndex:
    """Per-document lookups that spaCy computes afresh on every call (a token's sentence,
    a sentence's noun chunks), computed once while one document is processed."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.text: str = _text(doc)
        self.memo: dict[Any, Any] = {}
        self._heads: list[int] | None = None
        self._tokens: list[Token] = []
        self._paths: dict[int, list[Token]] = {}
        self._forms: list[tuple[str, str]] | None = None
        self._kids: list[list[Token]] | None = None
        self._where: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None
        self.sents = list(doc.sents)
        self.starts = [s.start for s in self.sents]
        self.chunks: dict[int, list[Any]] = {s.start: [] for s in self.sents}
        try:
            chunks = list(doc.noun_chunks)
        except (ValueError, NotImplementedError):  # a model without a parser
            chunks = []
        for nc in chunks:
            self.chunks.setdefault(self.sent_at(nc.start).start, []).append(nc)
        self.ents: dict[int, list[Any]] = {s.start: [] for s in self.sents}
        for ent in doc.ents:
            self.ents.setdefault(self.sent_at(ent.start).start, []).append(ent)

    def path_up(self, i: int) -> list[Token]:
        """Return token ``i`` and its heads up to its sentence's root, nearest first (one
        walk per token and document, from the doc's head column; the tokens are made once)."""
        found = self._paths.get(i)
        if found is None:
            heads, toks = self.heads(), self.tokens()
            found = [toks[i]]
            j = i
            while heads[j] != j:
                j = heads[j]
                found.append(toks[j])
            self._paths[i] = found
        return found

    def heads(self) -> list[int]:
        """Return the index of each token's head, read from the doc's head column once."""
        if self._heads is None:
            from spacy.attrs import HEAD

            # relative offsets, stored unsigned: read them back as signed
            rel = self.doc.to_array([HEAD]).view("int64").tolist()
            self._heads = [k + h for k, h in enumerate(rel)]
        return self._heads

    def children(self, i: int) -> list[Token]:
        """Return token ``i``'s children, in order (made once per document)."""
        if self._kids is None:
            toks = self.tokens()
            kids: list[list[Token]] = [[] for _ in toks]
            for j, head in enumerate(self.heads()):
                if head != j:
                    kids[head].append(toks[j])
            self._kids = kids
        return self._kids[i]

    def is_under(self, i: int, top: int) -> bool:
        """Return whether token ``i`` is token ``top`` or in its subtree: a walk up the head
        column, no ``Token`` made (spaCy's edges of the subtree, which ``is_under`` would
        otherwise test first, make two)."""
        heads = self.heads()
        while i != top:
            head = heads[i]
            if head == i:
                return False
            i = head
        return True

    def tokens(self) -> list[Token]:
        """Return the doc's tokens, made once per document (spaCy makes a new ``Token`` object
        on every ``doc[i]`` and every step through a span)."""
        if not self._tokens:
            self._tokens = list(self.doc)
        return self._tokens

    def forms(self) -> list[tuple[str, str]]:
        """Return each token's lower-case form and lower-case lemma (``triggers._forms``),
        read from the doc's columns once (each distinct id looked up in the string store
        once, the columns mapped in bulk)."""
        if self._forms is None:
            from spacy.attrs import LEMMA, LOWER

            strings = self.doc.vocab.strings
            cols = self.doc.to_array([LOWER, LEMMA])
            lows, lemmas = cols[:, 0].tolist(), cols[:, 1].tolist()
            form = {k: strings[k] for k in set(lows)}
            lemma = {k: strings[k].lower() for k in set(lemmas)}
            self._forms = list(zip(map(form.__getitem__, lows), map(lemma.__getitem__, lemmas),
                                   strict=True))
        return self._forms

    def positions_of(self, lowers: frozenset[str], lemmas: frozenset[str]) -> list[int]:
        """Return, in order, the positions of the tokens whose lower-case form is one of
        ``lowers`` or whose lower-case lemma is one of ``lemmas`` (looked up in a map of
        each form's and lemma's positions, made once, instead of testing every token)."""
        if self._where is None:
            by_form: dict[str, list[int]] = {}
            by_lemma: dict[str, list[int]] = {}
            for i, (low, lem) in enumerate(self.forms()):
                by_form.setdefault(low, []).append(i)
                by_lemma.setdefault(lem, []).append(i)
            self._where = (by_form, by_lemma)
        found: set[int] = set()
        for words, where in zip((lowers, lemmas), self._where, strict=True):
            met = [w for w in where if w in words] if len(where) < len(words) else \
                [w for w in words if w in where]
            for w in met:
                found.update(where[w])
        return sorted(found)

    def sent_at(self, i: int) -> Span:
        """Return the sentence holding token ``i``."""
        return self.sents[max(0, bisect_right(self.starts, i) - 1)]


_index: list[DocIndex] = []


def _text(doc: Any) -> str:
    from wirewatch.places.component import doc_text

    return doc_text(doc) if hasattr(doc, "user_data") else str(doc.text)


def index_document(doc: Any) -> DocIndex:
    """Make ``doc`` the document whose lookups are cached (one at a time per process)."""
    idx = DocIndex(doc)
    _index[:] = [idx]
    return idx


def sent_of(tok: Token) -> Span:
    """Return a token's sentence (cached for the document being processed)."""
    if _index and _index[0].doc is tok.doc:
        return _index[0].sent_at(tok.i)
    return tok.sent


def noun_chunks_of(sent: Span) -> list[Any]:
    """Return the noun chunks of a sentence (cached for the document being processed)."""
    if _index and _index[0].doc is sent.doc:
        return _index[0].chunks.get(sent.start, [])
    return list(sent.noun_chunks)


def ents_of(sent: Span) -> list[Any]:
    """Return the named entities of a sentence (cached for the document being processed)."""
    if _index and _index[0].doc is sent.doc:
        return _index[0].ents.get(sent.start, [])
    return list(sent.ents)


def text_of(doc: Any) -> str:
    """Return a document's text (spaCy joins its tokens afresh on every ``doc.text``)."""
    if _index and _index[0].doc is doc:
        return str(_index[0].text)
    return str(doc.text)


def tokens_of(span: Span) -> list[Token]:
    """Return the tokens of a span (made once for the document being processed)."""
    if _index and _index[0].doc is span.doc:
        return _index[0].tokens()[span.start:span.end]
    return list(span)


def tokens_with(span: Span, lowers: frozenset[str] = frozenset(),
                lemmas: frozenset[str] = frozenset()) -> list[Token]:
    """Return the tokens of a span whose lower-case form is one of ``lowers`` or whose
    lower-case lemma is one of ``lemmas``, in order: the rules that look for a rare word
    test only these instead of every token (found once per document and pair of sets)."""
    if _index and _index[0].doc is span.doc:
        index = _index[0]
        where: list[int] = memo(span.doc, ("tokens_with", lowers, lemmas),
                                lambda: index.positions_of(lowers, lemmas))
        toks = index.tokens()
        return [toks[i] for i in
                where[bisect_left(where, span.start):bisect_left(where, span.end)]]
    return [t for t in span if t.lower_ in lowers or t.lemma_.lower() in lemmas]


def token_forms(doc: Any) -> list[tuple[str, str]] | None:
    """Return each token's (lower-case form, lower-case lemma) when ``doc`` is the document
    being processed, else None."""
    if _index and _index[0].doc is doc:
        return _index[0].forms()
    return None


def span_text(span: Span) -> str:
    """Return a span's text, cut from the cached document text."""
    return text_of(span.doc)[span.start_char:span.end_char]


def memo(doc: Any, key: Any, compute: Any) -> Any:
    """Return ``compute()`` once per document and key (recomputed for other documents)."""
    if _index and _index[0].doc is doc:
        cache = _index[0].memo
        if key not in cache:
            cache[key] = compute()
        return cache[key]
    return compute()


def paragraph_start(tok: Any) -> int:
    """Return the offset of the paragraph a token is in."""
    text = text_of(tok.doc)
    i = text.rfind("\n", 0, sent_of(tok).start_char)
    return 0 if i < 0 else i + 1


def figure_frame(h: Any, figure_nouns: frozenset[str]) -> list[Any]:
    """Return the figure a figure noun is given for the trigger ``h``: the object of "at"
    or "to" on the verb whose subject or object is "the number of <h>" or "<h> toll"
    ("put the number of wounded at 14", "put the death toll at five", "the toll rose to
    12"; decision 232)."""
    if h.dep_ == "acl" and h.head.dep_ == "pobj":
        h = h.head  # "the number of people killed ... has risen to three"
    noun = h.head.head if h.dep_ in ("pobj", "pcomp") and h.head.lower_ == "of" else \
        h.head if h.dep_ == "compound" else \
        h if h.lemma_.lower() in figure_nouns else None  # "the toll ... rose to five"
    if noun is None or noun.lemma_.lower() not in figure_nouns or \
            noun.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return []
    out = [gc for c in children_of(noun.head) if c.dep_ == "prep" and c.lower_ in ("at", "to")
           for gc in children_of(c) if gc.dep_ == "pobj"]
    if not out and noun.dep_ == "nsubj":
        # "the number of injured is now 21", "the number of dead had reached 17"
        out = [c for c in children_of(noun.head) if c.dep_ in ("attr", "dobj") and
               c.pos_ == "NUM"]
    return out


def question_before(text: str, para: int) -> tuple[int, int] | None:
    """Return the span of the paragraph just before offset ``para`` (a paragraph's start)
    when it is a question ("What happened in Kramatorsk on Monday night?"), else None: the
    question an interview's answer paragraph is about."""
    end = len(text[:para].rstrip())
    if not end or text[end - 1] != "?":
        return None
    return text.rfind("\n", 0, end) + 1, end


def of_nouns(tok: Any) -> list[Any]:
    """The nouns after "of" on a word ("none of the units", "thousands of soldiers")."""
    return [g for p in children_of(tok) if p.dep_ == "prep" and p.lower_ == "of"
            for g in children_of(p) if g.dep_ == "pobj"]
