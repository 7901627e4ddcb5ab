"""Everything the extractor reads, built once and passed down: the one configuration path.

The CLI, the API app and a Python caller each build one :class:`Resources` from
their options (codebook file, places files, theatre) and hand it to the stages.
Nothing below reads options from the environment, so ``--codebook`` and
``--places-file`` take effect for every command that extracts. The spaCy
components are configured from the same :class:`Settings`, so a pipeline saved
with ``nlp.to_disk()`` reloads with the configuration it was built with.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wirewatch.events.actors import ActorRegistry, default_actors_file
from wirewatch.events.codebook import Codebook, default_codebook_file, load_codebook
from wirewatch.events.lexicon import Lexicon, lexicon_dir, load_lexicon
from wirewatch.places.gazetteer import Gazetteer


@dataclass(frozen=True)
class Settings:
    """What a user may choose about extraction; also the config of the spaCy components."""

    codebook: str | None = None  # a codebook YAML file; None: the bundled one
    places_files: tuple[str, ...] = ()  # the user's own places and aliases
    # country -> prior weight of the monitored theatre; None: the bundled places file's
    theatre: tuple[tuple[str, float], ...] | None = None
    # the default language: of the lexicon file below, and of documents that neither give
    # their language nor reveal it to the detector (ingest/language.py)
    lang: str = "en"
    actors: str | None = None  # an actor registry YAML file; None: the bundled one
    lexicon: str | None = None  # a lexicon YAML file; None: the bundled one of ``lang``
    # the English model's NER decoded by ``wirewatch_ner`` (fast_ner.py: the same entities,
    # about 2.5 times faster; docs/performance.md, round 15); False: the stock NER
    fast_ner: bool = True

    def codebook_file(self) -> Path:
        """Return the codebook file these settings name (the bundled one by default)."""
        return Path(self.codebook) if self.codebook else default_codebook_file()

    def component_config(self) -> dict[str, dict[str, Any]]:
        """Return the config of the ``wirewatch_places`` and ``wirewatch_events`` components."""
        return {
            "wirewatch_places": {"places_files": list(self.places_files),
                                 "theatre": dict(self.theatre) if self.theatre is not None
                                 else None},
            "wirewatch_events": {"codebook": self.codebook, "lang": self.lang,
                                 "lexicon": self.lexicon, "actors": self.actors},
        }


@dataclass
class Resources:
    """The codebook, lexicon, gazetteer and language pipeline of one configuration, loaded
    once.

    The spaCy pipeline is built on first use (``nlp``), so commands that never
    parse text (``events``, ``serve`` without writes) do not pay for it.
    """

    settings: Settings
    codebook: Codebook
    lexicon: Lexicon
    gazetteer: Gazetteer
    actors: ActorRegistry
    _nlps: dict[str, Any] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(cls, codebook: str | Path | None = None,
             places_files: Sequence[str | Path] = (),
             theatre: dict[str, float] | None = None,
             lexicon: str | Path | None = None) -> Resources:
        """Return the resources of a configuration.

        Raises CodebookError (naming the file) for a codebook that cannot be used,
        LexiconError for a lexicon and PlacesFileError for a places file.
        """
        return cls.from_settings(Settings(
            str(codebook) if codebook else None, tuple(str(p) for p in places_files),
            tuple(sorted(theatre.items())) if theatre is not None else None,
            lexicon=str(lexicon) if lexicon else None))

    @classmethod
    def from_settings(cls, settings: Settings) -> Resources:
        """Return the resources the given settings describe."""
        return cls(settings, codebook_for(settings),
                   load_lexicon(settings.lang, settings.lexicon), gazetteer_for(settings),
                   actors_for(settings))

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline of the default language with the wirewatch components
        configured by these settings."""
        return self.nlp_for(self.settings.lang)

    def reads(self, lang: str) -> bool:
        """Return whether wirewatch can read text in ``lang`` (it has its lexicon)."""
        return lang == self.settings.lang or lang in supported_languages()

    def nlp_for(self, lang: str) -> Any:
        """The spaCy pipeline of ``lang`` (built on first use), configured by these settings;
        the lexicon file of the settings belongs to their default language only."""
        with self._lock:
            if lang not in self._nlps:
                from wirewatch.nlp import build_pipeline

                settings = self.settings if lang == self.settings.lang else replace(
                    self.settings, lang=lang, lexicon=None)
                self._nlps[lang] = build_pipeline(settings)
            return self._nlps[lang]

    def __getstate__(self) -> dict[str, Any]:
        # worker processes rebuild the pipeline; the gazetteer reopens its own index
        return {"settings": self.settings, "codebook": self.codebook,
                "lexicon": self.lexicon, "gazetteer": self.gazetteer,
                "actors": self.actors}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.settings = state["settings"]
        self.codebook = state["codebook"]
        self.lexicon = state["lexicon"]
        self.actors = state["actors"]
        self.gazetteer = state["gazetteer"]
        self._nlps = {}
        self._lock = threading.Lock()


def supported_languages() -> frozenset[str]:
    """Return the languages wirewatch reads: those with a bundled lexicon file."""
    return frozenset(p.stem for p in lexicon_dir().glob("*.yaml"))


def codebook_for(settings: Settings) -> Codebook:
    """Return the codebook the settings name (parsed once per file version)."""
    return load_codebook(settings.codebook_file())


def actors_for(settings: Settings) -> ActorRegistry:
    """Return the actor registry the settings name (parsed once per file version)."""
    return ActorRegistry.from_file(settings.actors or default_actors_file())


_gazetteers: dict[tuple[tuple[str, ...], Any], Gazetteer] = {}
_gazetteers_lock = threading.Lock()


def gazetteer_for(settings: Settings) -> Gazetteer:
    """Return the gazetteer the settings describe, opened once per process.

    The index is read-only and costly to open, so components and callers with the
    same places files and theatre share one.
    """
    key = (settings.places_files, settings.theatre)
    with _gazetteers_lock:
        if key not in _gazetteers:
            _gazetteers[key] = Gazetteer(
                extra_files=[Path(p) for p in settings.places_files],
                theatre=dict(settings.theatre) if settings.theatre is not None else None)
        return _gazetteers[key]


def _forget_gazetteers() -> None:
    # a forked worker opens its own index connections instead of sharing the parent's
    _gazetteers.clear()


os.register_at_fork(after_in_child=_forget_gazetteers)
