"""``wirewatch_ner``: the English model's NER with its greedy decoding loop in numpy,
giving the stock component's entities.

spaCy's transition-based NER (``en_core_web_sm`` 3.8) computes its token vectors and
their precomputed hidden features in bulk, then decodes one token at a time in a C loop.
In this spaCy build, that loop asks every move whether it is valid through the state's
token accessors (``StateC.B_``), which take and release the GIL on each call (Cython 3
exception checks): 74 moves per token, and a third of the NER's CPU time went to
``pthread_mutex_lock``/``unlock`` under ``take_gil`` (``perf``, docs/performance.md,
round 15). The decoding itself is small: per step, the sum of three precomputed feature
vectors per state, a maxout, a 64 x 74 layer, and the best valid move.

``FastNer`` runs the same model on the same batches and decodes in numpy, all states of a
batch at once, with the same arithmetic in the same order: the features summed in the
model's order onto zero (as ``sum_state_features``), the bias added, the maxout's
maximum, the output layer through the same BLIS ``sgemm`` as spaCy (``NumpyOps.gemm``),
its bias added, and the first best-scoring valid move (``arg_max_if_valid``). The
validity rules are those of spaCy's ``BiluoPushDown`` (``ner.pyx``) for a doc without
preset entities: no entity starts on whitespace or runs across a sentence start, an
open entity must go on or end with its own label, the last token cannot begin or go on.
So the entities are the stock component's (``tests/test_fast_ner.py`` compares them).

Anything else falls back to the stock component, batch by batch: a doc with preset
entities, beam search, a model of another shape (not three features, no output
layer, other move names), post-processing hooks. The stock ``ner`` stays in the
pipeline disabled (its model is the one used), so a saved pipeline reloads, and
``enabled = false`` runs it as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps

# Move kinds of spaCy's BiluoPushDown, by the first letter of a move's name.
KINDS = "BILUO"


class Moves:
    """The NER's moves as arrays: kind (index in ``KINDS``) and label index of each class
    (0: no label), and the validity of every move in every situation a state can be in."""

    def __init__(self, names: list[str]) -> None:
        self.labels: list[str] = [""]
        kinds, labels = [], []
        for name in names:
            kind, _, label = name.partition("-")
            if kind not in KINDS or (kind == "O") != (label == "" and name == "O"):
                raise ValueError(f"unknown NER move {name!r}")
            if label and label not in self.labels:
                self.labels.append(label)
            kinds.append(KINDS.index(kind))
            labels.append(self.labels.index(label) if label else 0)
        self.kind = np.array(kinds)
        self.label = np.array(labels)
        self.valid = self._table()

    def _table(self) -> np.ndarray:
        """Validity of each move, indexed by ``situation``: (open label or 0) * 8 + last
        token * 4 + next token starts a sentence * 2 + this token is whitespace."""
        n_labels = len(self.labels)
        table = np.zeros((n_labels * 8, len(self.kind)), dtype=bool)
        kind, label = self.kind, self.label
        named = label != 0
        for open_label in range(n_labels):
            is_open = open_label != 0
            same = label == open_label
            for last in (0, 1):
                for next_start in (0, 1):
                    for space in (0, 1):
                        row = ((kind == 0) & (not is_open) & (not last) & named &
                               (not next_start) & (not space))
                        row |= ((kind == 1) & is_open & (not last) & same & named &
                                (not next_start))
                        row |= (kind == 2) & is_open & same & named
                        row |= (kind == 3) & (not is_open) & named & (not space)
                        row |= (kind == 4) & (not is_open)
                        table[open_label * 8 + last * 4 + next_start * 2 + space] = row
        return table


class FastNer:
    """The ``ner`` component of the same pipeline, decoded in numpy (module docstring)."""

    def __init__(self, nlp: Language, ner: str = "ner", enabled: bool = True) -> None:
        self.nlp = nlp
        self.ner_name = ner
        self.enabled = enabled
        self._moves: Moves | None = None
        self._ops = NumpyOps()

    @property
    def ner(self) -> Any:
        """The stock NER component whose model this one runs (disabled in the pipeline)."""
        return self.nlp.get_pipe(self.ner_name)

    def __call__(self, doc: Doc) -> Doc:
        self._label([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Label ``docs`` in the batches the stock component would make."""
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):  # spaCy's minibatch
            self._label(batch)
            yield from batch

    def supported(self) -> bool:
        """Whether the stock component is one this decoder reproduces."""
        ner = self.ner
        model = ner.model
        if not self.enabled or ner.cfg.get("beam_width", 1) != 1 or \
                getattr(ner, "postprocesses", []) or not model.attrs.get("has_upper") or \
                model.attrs.get("unseen_classes") or len(model.layers) != 3:
            return False
        lower = model.layers[1]
        if lower.get_dim("nF") != 3 or model.layers[2].get_dim("nO") != ner.moves.n_moves:
            return False
        if self._moves is None:
            try:
                self._moves = Moves([ner.moves.get_class_name(i)
                                     for i in range(ner.moves.n_moves)])
            except ValueError:
                return False
        return True

    def _label(self, docs: list[Doc]) -> None:
        """Set the entities of one batch, decoded here or by the stock component."""
        if not self.supported() or any(d.has_annotation("ENT_IOB") for d in docs) or \
                not any(len(d) for d in docs):
            self.ner.set_annotations(docs, self.ner.predict(docs))
            return
        assert self._moves is not None
        for doc, found in zip(docs, self.decode(docs), strict=True):
            labels = self._moves.labels
            doc.set_ents([Span(doc, s, e, label=labels[lab]) for s, e, lab in found],
                         default="outside")

    def decode(self, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
        """The entities (start, end, label index) of each doc, decoded greedily."""
        model, moves = self.ner.model, self._moves
        assert moves is not None
        lower, upper = model.layers[1], model.layers[2]
        cached = lower.predict(model.layers[0].predict(docs))  # (tokens + 1, F, H, P)
        n_tok, n_feat, hidden, pieces = cached.shape
        feats = cached.reshape(n_tok, n_feat, hidden * pieces)
        bias = lower.get_param("b").reshape(hidden * pieces)
        weights, out_bias = upper.get_param("W"), upper.get_param("b")
        lengths = np.array([len(d) for d in docs])
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        flags = _token_flags(docs)  # per token of the batch: next starts a sentence, space
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        active = np.flatnonzero(lengths > 0)
        pos = np.zeros(len(active), dtype=np.int64)
        opened = np.zeros(len(active), dtype=np.int64)  # label index of the open entity
        start = np.full(len(active), -1, dtype=np.int64)
        while len(active):
            glob = offsets[active] + pos  # the current token, in the batch's rows
            rows = glob + 1  # row 0 is the padding
            unmaxed = feats[rows, 0] + np.where(
                (opened > 0)[:, None], feats[offsets[active] + start + 1, 1], feats[0, 1])
            unmaxed += np.where((opened > 0)[:, None], feats[rows - 1, 2], feats[0, 2])
            unmaxed += bias
            hiddens = unmaxed.reshape(len(active), hidden, pieces).max(axis=2)
            scores = self._ops.gemm(hiddens, weights, trans2=True)
            scores += out_bias
            last = pos == lengths[active] - 1
            situation = opened * 8 + last * 4 + flags[glob]
            guess = np.where(moves.valid[situation], scores, -np.inf).argmax(axis=1)
            kind, label = moves.kind[guess], moves.label[guess]
            for k in np.flatnonzero(kind >= 2).tolist():  # L or U: an entity ends here
                i = int(active[k])
                begin = int(start[k]) if kind[k] == 2 else int(pos[k])
                found[i].append((begin, int(pos[k]) + 1, int(label[k])))
            begins = kind == 0
            start = np.where(begins, pos, np.where(kind >= 2, -1, start))
            opened = np.where(begins, label, np.where(kind >= 2, 0, opened))
            pos += 1
            going = pos < lengths[active]
            active, pos, opened, start = active[going], pos[going], opened[going], start[going]
        return found


def _token_flags(docs: list[Doc]) -> np.ndarray:
    """Per token of a batch: 2 if the next token of its doc starts a sentence, plus 1 if
    the token is whitespace (the situation bits of ``Moves._table``)."""
    out = []
    for doc in docs:
        if not len(doc):
            continue
        cols = doc.to_array([SENT_START, IS_SPACE]).astype(np.int64)
        next_start = np.zeros(len(doc), dtype=np.int64)
        next_start[:-1] = cols[1:, 0].view(np.int64) == 1
        out.append(next_start * 2 + (cols[:, 1] != 0))
    return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)


@Language.factory("wirewatch_ner", default_config={"ner": "ner", "enabled": True})
def make_fast_ner(nlp: Language, name: str, ner: str, enabled: bool) -> FastNer:
    """Return the component that runs the (disabled) ``ner`` of the same pipeline with its
    decoding in numpy."""
    return FastNer(nlp, ner, enabled)
