"""The event stage of languages read by lemma rules (Russian, Ukrainian).

The English event stage (``events/steps/``) reads the English model's dependency
parse. For Russian and Ukrainian there is no parser wirewatch can ship (see
docs/languages.md), so these languages are read by rules over dictionary forms
(pymorphy3) and word windows, driven entirely by the language's lexicon file
(``data/lexicon/<lang>.yaml`` with ``rules: lemma``): trigger phrases per event
type, modality and attribution markers, number, month and weekday words. A new
language of this kind is a lexicon file; its output keeps the contract of the
English stage (types, modality, places, dates, counts, claimant through the actor
registry, evidence in the article's language with offsets, ``lang``).
"""
