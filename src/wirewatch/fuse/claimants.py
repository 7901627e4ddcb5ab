"""Claimant keys for fusion: who a claim comes from, folded so that rewordings of one source
match.

The folding is claimant naming's (:func:`wirewatch.events.naming.claimant_key`, with the
lexicon's ``claimant_folds``, ``vague_claimants`` and ``claimant_org_words``), so
extraction and fusion name speakers one way. "Russia's Defence Ministry", "the Russian
Ministry of Defense" and "the Russian MoD" all give ``org:russian ministry of defence``;
"Valery Gerasimov (Chief of the General Staff)" and "Gerasimov" give
``person:gerasimov``. Vague claimants ("officials", "observers", "military bloggers")
give no key: two outlets quoting unnamed officials are not shown to relay the same
source.
"""

from __future__ import annotations

from wirewatch.events import naming
from wirewatch.events.lexicon import Lexicon, load_lexicon


def claimant_key(claimant: str | None, lexicon: Lexicon | None = None) -> str | None:
    """Return the folded key of a claimant (``org:...`` or ``person:<surname>``), or None
    when there is none or it is too vague to identify one source.

    ``lexicon``: the language's lexicon (None: the bundled English one).
    """
    return naming.claimant_key(claimant, lexicon or load_lexicon("en"))
