"""The words of one language that the event stage reads: ``data/lexicon/<lang>.yaml``.

The codebook says what the event types are and which phrases trigger them; the
lexicon holds the language's other knowledge that the rules consult: naming and
listing verbs, document nouns, marker words, the patterns that name the sides.
Every entry is a field of :class:`Lexicon`; its type says how the YAML value is
read:

* ``frozenset[str]``: a list of words (lower-cased);
* ``tuple[str, ...]``: an ordered list of words or phrases (lower-cased);
* ``re.Pattern[str]``: a regular expression, a string, or a mapping
  ``{regex: ..., ignore_case: true}``;
* ``tuple[re.Pattern[str], ...]``: a list of those;
* ``tuple[tuple[re.Pattern[str], str], ...]``: an ordered list of ``[regex, replacement]``
  pairs (rewrites applied in turn);
* ``dict[str, int]``, ``dict[str, str]``: a mapping;
* ``dict[str, tuple[int, ...]]``: a mapping to lists of numbers.

A file with a key that is not a field, or without a field, is refused with an
error naming the file and the key, so a typo never silently disables a rule. A
new language adds a file; a new word list adds a field here and a key there.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

from wirewatch.datafile import load_data_file


class LexiconError(ValueError):
    """A lexicon file that cannot be used, with the file, the key and the reason."""


@dataclass(frozen=True, eq=False)  # one loaded file: compared and hashed by identity
class Lexicon:
    """The word lists and patterns of one language (see the module docstring)."""

    lang: str
    # Fields are added by the rooms that read them; each has a comment in the YAML file.

    # event steps
    partial_extent: re.Pattern[str]
    whole_extent: re.Pattern[str]
    background_words: re.Pattern[str]
    aggregate_words: re.Pattern[str]
    actor_words: re.Pattern[str]
    passport_institution: re.Pattern[str]
    passport_issued_in: re.Pattern[str]
    time_nouns: frozenset[str]
    period_nouns: frozenset[str]
    simultaneous_marks: frozenset[str]
    state_clause_marks: frozenset[str]
    negative_pronouns: frozenset[str]
    denial_words: frozenset[str]
    truth_words: frozenset[str]
    infinitive_verbs: frozenset[str]
    phase_verbs: frozenset[str]
    demand_verbs: frozenset[str]  # 'demanded that Ukraine pull out': no event
    local_office: re.Pattern[str]  # 'the mayor of Kherson': the town an official speaks for
    nationwide_target: re.Pattern[str]  # 'a massive strike on Ukraine's energy system'
    other_part_words: frozenset[str]  # 'moved to other parts of the city': still in it
    kind_nouns: frozenset[str]  # 'the city of Kherson': the kind of place before its name
    crossing_attempt: re.Pattern[str]  # 'an attempt to cross the border in X': losses there
    air_defence_verbs: frozenset[str]  # 'shot down 167 drones': no place carried over
    day_period: re.Pattern[str]  # 'over the past day': a sentence's own day
    habit_words: re.Pattern[str]  # 'shelled every day': the writer's picture of a place
    same_story_adverbs: frozenset[str]  # 'also pounded X': the day the story tells of
    interview_words: re.Pattern[str]  # 'we spoke by video link': an interview follows
    evidence_nouns: frozenset[str]  # 'footage indicates': what shows it, no speaker
    district_nouns: frozenset[str]  # 'X in the Grayvoron district': a unit that locates X
    village_words: frozenset[str]  # 'the settlement' may be a village the gazetteer lacks
    area_nouns: frozenset[str]  # 'took 270 square kilometres': an area, part of a place
    schedule_verbs: frozenset[str]  # 'the evacuation would begin next week': a plan
    speaking_participles: frozenset[str]  # '..., saying that': the subject before speaks
    loss_participles: frozenset[str]  # '1,040 soldiers killed and wounded over the day'
    civil_operation_words: frozenset[str]  # 'an evacuation operation began': no offensive
    long_since: re.Pattern[str]  # 'since the start of the year': a tally's period
    same_period: re.Pattern[str]  # 'over the same period': the period of the figure before
    grouping_words: re.Pattern[str]  # 'in the group's zone': losses of another front
    talk_nouns: frozenset[str]  # 'talk of an encirclement': the event claimed, particular
    aim_nouns: frozenset[str]  # 'the goal is to take X': no event
    decision_nouns: frozenset[str]  # 'no decision has been taken on evacuating X'
    collective_nouns: frozenset[str]
    continuation_modifiers: frozenset[str]
    loser_verbs: frozenset[str]
    list_verbs: frozenset[str]
    tally_verbs: frozenset[str]  # 'losses include 10,212 tanks': a running total stated
    tally_nouns: frozenset[str]  # 'the total combat losses ... were:' opens a list tally
    recap_openers: re.Pattern[str]  # 'A quick recap:': a paragraph retelling the story
    part_openers: re.Pattern[str]  # 'Among them, 6 children ...': part of the figure before
    superseded_figure: re.Pattern[str]  # 'had initially reported one death': updated later
    report_title: re.Pattern[str]  # 'Summary for May 26 from the governor': the day covered
    locative_preps: frozenset[str]
    possibility_auxes: frozenset[str]
    repel_verbs: frozenset[str]
    part_nouns: frozenset[str]
    ground_attack_preps: frozenset[str]
    compass_words: frozenset[str]  # 'X, southeast of Y': Y only locates X
    near_words: frozenset[str]  # 'the village of X, near Y': Y only locates X
    many_regions: re.Pattern[str]  # 'over seven regions', 'over Crimea and the Black Sea'
    # ', including 21 over the Kursk region', '18 of them over X', 'and 12 over Y': a figure's
    # part told region by region, written right before the region
    part_over: re.Pattern[str]
    example_words: frozenset[str]  # '38 settlements in the region, including X': an example
    example_openers: re.Pattern[str]  # 'Among them were X and Y': a tally's examples follow
    breakdown_opening: re.Pattern[str]  # 'Two of the dead were in X': a toll's part by town
    breakdown_nouns: dict[str, str]  # the noun of such a part -> the casualty subtype
    controlling_verbs: frozenset[str]  # 'said Ukrainian units controlled the village'
    one_person_pronouns: frozenset[str]  # '... on a woman in her garden, killing her': one
    zone_words: re.Pattern[str]  # 'in the area of responsibility of the East battlegroup'
    holder_subject: re.Pattern[str]  # 'Ukrainian units', 'our forces': a side's forces
    holder_side: re.Pattern[str]  # 'Russian' in 'does not show Russian control of X'
    ground_attack_words: frozenset[str]  # strike triggers that may be ground fighting
    strike_means: frozenset[str]  # subjects that make such an attack a strike
    strike_list_openers: re.Pattern[str]  # 'The list of settlements that came under fire:'
    pair_words: frozenset[str]  # 'rejected both claims': the denial names two claims
    nationwide: re.Pattern[str]  # 'nationwide', 'across the country': a figure of no one place
    front_wide: re.Pattern[str]  # 'lost 1,080 soldiers along the whole front': no one place
    governor_titles: re.Pattern[str]  # 'the head of the region': the region's governor
    breakdown_words: re.Pattern[str]  # ', most of them from X': a figure broken down
    operation_nouns: frozenset[str]  # 'during its Kharkiv counteroffensive': another event's place
    manner_nouns: frozenset[str]  # 'according to plan': a manner, no source
    tally_opening_verbs: frozenset[str]  # 'defenders have also destroyed:' a list follows
    period_preps: frozenset[str]  # 'since the start of the operation': a time, not a place
    hypothetical_auxes: frozenset[str]
    result_adjectives: frozenset[str]
    recency_adverbs: frozenset[str]
    future_auxes: frozenset[str]
    conditional_auxes: frozenset[str]
    future_clause_auxes: frozenset[str]
    nearly_words: frozenset[str]
    one_determiners: frozenset[str]
    vague_determiners: frozenset[str]
    side_adjectives: frozenset[str]
    indefinite_articles: frozenset[str]
    earlier_determiners: frozenset[str]
    event_reference_determiners: frozenset[str]
    # words of attribution, places, numbers, dates, naming
    local_body: re.Pattern[str]  # a body named without its place ('local authorities')
    capitals: frozenset[str]  # capitals and countries speaking for a side, not places
    speaker_pronouns: dict[str, str]  # pronoun -> the kind of earlier speaker it refers to
    title_abbreviations: dict[str, str]  # "gov." -> "governor": a title before a name
    document_nouns: frozenset[str]  # 'the statement', 'reports from X': who issued it speaks
    reference_heads: frozenset[str]  # 'the ministry': refers to an earlier speaker
    office_abbreviations: dict[str, str]  # 'rma' -> 'regional military administration'
    generic_office_words: frozenset[str]  # 'the head of the region': no particular office
    spokes_heads: frozenset[str]  # 'a spokesman for X': X speaks
    role_words: re.Pattern[str]  # words of a role or office ('mayor', 'chief')
    relays: tuple[re.Pattern[str], ...]  # how a relay is named; group c is the relay
    role_stop: frozenset[str]  # words that end a role read backwards from a name
    role_lead_words: frozenset[str]  # words dropped from the front of such a role
    name_org_words: frozenset[str]  # capitalised words that are never a person's name
    role_after: re.Pattern[str]  # a role written after a name; group 1 is the role
    role_who_heads: re.Pattern[str]  # ', who heads the X,': group 1 is what is headed
    role_who_heads_as: str  # how that role is written ({} is what is headed)
    side_qualifiers: re.Pattern[str]  # side words around a claimant's name
    installed_by: re.Pattern[str]  # 'Russian-installed': an occupying side's appointee
    installed_as: str  # what installed_by is written as
    agency_prefix: re.Pattern[str]  # 'Russian state news agency TASS' -> 'TASS'
    vague_claimants: frozenset[str]  # claimants too vague to be one source
    vague_qualifiers: frozenset[str]  # qualifiers that leave a vague claimant vague
    claimant_org_words: frozenset[str]  # a short capitalised claimant with one: an org
    claimant_folds: tuple[tuple[re.Pattern[str], str], ...]  # spellings of one claimant
    claimant_clause: re.Pattern[str]  # a clause after a claimant's name, not part of it
    role_nouns: tuple[str, ...]  # nouns of a role one person holds (name flags)
    role_tail_words: tuple[str, ...]  # lower-case words continuing a role's body
    speaker_after: re.Pattern[str]  # what follows a word used as a speaker
    speaker_before: re.Pattern[str]  # what precedes a word used as a speaker
    place_before: re.Pattern[str]  # what precedes a place, not a role holder
    stop_words: frozenset[str]  # words left out of an article's content words (fusion)
    name_stop_words: frozenset[str]  # capitalised words that are no names (with stop_words)
    issuer_preps: frozenset[str]  # 'reports from X': from a document noun to its issuer
    spokes_preps: frozenset[str]  # 'a spokesman for X': to whom a spokesperson speaks for
    issuing_verbs: frozenset[str]  # 'a post circulated by X': the agent speaks
    quoting_verbs: frozenset[str]  # 'TASS, quoting the ministry': the quoted source claims
    reference_determiners: frozenset[str]  # 'the ministry', 'the same source': refers back
    unit_heads: frozenset[str]  # 'the brigade': the unit named last
    body_heads: frozenset[str]  # 'the administration': the body named last, if none spoke
    reference_synonyms: dict[str, str]  # 'the department': the ministry
    body_levels: frozenset[str]  # 'the regional administration': only a regional one
    vague_area_words: frozenset[str]  # 'the border areas': no one place to point back to
    amount_nouns: frozenset[str]  # 'thousands of soldiers': the noun after 'of' is counted
    fought_over: re.Pattern[str]  # 'remained contested': no capture, if one was claimed
    estimate_nouns: frozenset[str]  # 'according to preliminary estimates': no speaker
    figure_verbs: frozenset[str]  # 'X put the number of wounded at 14': X gives the figure
    figure_nouns: frozenset[str]  # 'the number of wounded', 'the death toll': a figure's noun
    ordering_verbs: frozenset[str]  # 'X ordered the evacuation': X speaks for what it ordered
    inquiry_nouns: frozenset[str]  # 'according to the investigation', 'prosecutors said'
    inquiry_bodies: re.Pattern[str]  # the bodies they stand for, as the article names them
    channel_suffix: re.Pattern[str]  # 'X on Facebook': where X posted, not its name
    said_after: re.Pattern[str]  # 'This was reported by X': X said the sentence before
    topic_shift_words: frozenset[str]  # 'Separately, ...': a new statement begins
    titled_heads: frozenset[str]  # 'the commander, Major X': the named appositive speaks
    relative_pronouns: frozenset[str]  # 'the ministry, which said': the noun before speaks
    region_suffix: re.Pattern[str]  # ' Oblast': dropped from a region naming a local body
    speaker_determiners: re.Pattern[str]  # determiners dropped from a speaker's words
    articles: re.Pattern[str]  # articles dropped from a lower-cased claimant or role
    body_in_place: re.Pattern[str]  # 'local authorities in Mezhova' (groups q n of place r)
    regional_as: str  # the word of a region's body ('Kursk regional authorities')
    regional_role: re.Pattern[str]  # 'the Kharkiv regional governor' (groups place, role)
    regional_role_as: str  # how regional_role is written
    owner_possessive: re.Pattern[str]  # "Ukraine's 24th Brigade" (groups owner, rest)
    place_kinds: re.Pattern[str]  # owners that are kinds of place ('region')
    place_kind_possessive: re.Pattern[str]  # "the region's governor" -> 'governor'
    past_day: re.Pattern[str]  # 'over the past day': a daily statement's own day
    increment_after: re.Pattern[str]  # '27,104 artillery systems (+41)': the day's part
    claim_pronouns: frozenset[str]  # 'but Kyiv denied it': a denial of the claim just made
    holding_verbs: frozenset[str]  # 'X remains under the control of our forces' (lemmas)
    held_by: re.Pattern[str]  # what follows such a verb for a denial of X's capture
    naming_verbs: frozenset[str]  # 'the village, which Kiev calls Torske': a name, not a path
    object_heads: frozenset[str]  # 'took control of X', 'the whole of X': X is the object
    link_words: frozenset[str]  # words allowed between a trigger and its place ('the town of')
    home_before: re.Pattern[str]  # 'residents of X': a home, not where passports were issued
    venue_before: re.Pattern[str]  # 'in the X': a venue
    home_after: re.Pattern[str]  # 'X residents': a home
    months: dict[str, int]  # month names and abbreviations -> month number
    weekdays: dict[str, int]  # weekday names -> 0 (Monday) .. 6
    seasons: dict[str, tuple[int, ...]]  # season -> (first month, last month)
    holidays: dict[str, tuple[int, ...]]  # holiday -> (month, day)
    eras: dict[str, tuple[int, ...]]  # 'the full-scale invasion' -> (year, month, day) it began
    month_parts: dict[str, tuple[int, ...]]  # 'early May' -> its days (1, 10)
    year_parts: dict[str, int]  # 'the start of 2024' -> its month
    ago_numbers: dict[str, int]  # number words of 'three days ago'


def lexicon_dir() -> Path:
    """Return the folder of the bundled lexicon files."""
    return Path(str(resources.files("wirewatch") / "data" / "lexicon"))


def load_lexicon(lang: str = "en", path: str | Path | None = None) -> Lexicon:
    """Return the lexicon of ``lang`` (the bundled file, or the file at ``path``).

    Raises LexiconError naming the file when it cannot be read or does not fit.
    """
    chosen = Path(path) if path else lexicon_dir() / f"{lang}.yaml"
    return load_data_file(chosen, parse_lexicon, LexiconError, "lexicon")


def parse_lexicon(data: Any) -> Lexicon:
    """Return the lexicon a parsed YAML mapping describes (LexiconError if it does not fit)."""
    if not isinstance(data, dict):
        raise LexiconError("the file must be a mapping of keys to word lists or patterns")
    hints = typing.get_type_hints(Lexicon)
    known = {f.name for f in fields(Lexicon)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise LexiconError(f"unknown key {unknown[0]!r} (known keys: {', '.join(sorted(known))})")
    missing = [f.name for f in fields(Lexicon) if f.name not in data]  # in field order
    if missing:
        raise LexiconError(f"missing key {missing[0]!r}")
    values = {name: _read(name, hints[name], data[name]) for name in known}
    return Lexicon(**values)


def _read(key: str, hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is str:
        if not isinstance(value, str):
            raise LexiconError(f"{key}: expected a string")
        return value
    if origin is frozenset:
        return frozenset(_string(key, w).lower() for w in _list(key, value))
    if origin is tuple and args[0] is str:
        return tuple(_string(key, w).lower() for w in _list(key, value))
    if hint == re.Pattern[str]:
        return _pattern(key, value)
    if origin is tuple and typing.get_origin(args[0]) is tuple:
        return tuple(_rewrite(f"{key}[{i}]", v) for i, v in enumerate(_list(key, value)))
    if origin is tuple:
        return tuple(_pattern(f"{key}[{i}]", v) for i, v in enumerate(_list(key, value)))
    if origin is dict:
        if not isinstance(value, dict):
            raise LexiconError(f"{key}: expected a mapping")
        cast = args[1]
        if typing.get_origin(cast) is tuple:  # dict[str, tuple[int, ...]]: lists of numbers
            if not all(isinstance(v, list) for v in value.values()):
                raise LexiconError(f"{key}: values must be lists of numbers")
            item = typing.get_args(cast)[0]
            try:
                return {str(k).lower(): tuple(item(x) for x in v) for k, v in value.items()}
            except (TypeError, ValueError) as exc:
                raise LexiconError(f"{key}: values must be lists of numbers ({exc})") from exc
        try:
            return {str(k).lower(): cast(v) for k, v in value.items()}
        except (TypeError, ValueError) as exc:
            raise LexiconError(f"{key}: values must be {cast.__name__} ({exc})") from exc
    raise LexiconError(f"{key}: unsupported field type {hint}")


def _list(key: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise LexiconError(f"{key}: expected a list")
    return value


def _string(key: str, value: Any) -> str:
    if not isinstance(value, str | int | float):
        raise LexiconError(f"{key}: expected words, got {type(value).__name__}")
    return str(value)


def _rewrite(key: str, value: Any) -> tuple[re.Pattern[str], str]:
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], str)):
        raise LexiconError(f"{key}: expected a pair [regex, replacement]")
    return _pattern(key, value[0]), value[1]


def _pattern(key: str, value: Any) -> re.Pattern[str]:
    flags = 0
    if isinstance(value, dict):
        extra = set(value) - {"regex", "ignore_case"}
        if extra or "regex" not in value:
            raise LexiconError(f"{key}: a pattern mapping has 'regex' and optional "
                               f"'ignore_case'")
        flags = re.I if value.get("ignore_case") else 0
        value = value["regex"]
    if not isinstance(value, str):
        raise LexiconError(f"{key}: expected a regular expression")
    try:
        return re.compile(value, flags)
    except re.error as exc:
        raise LexiconError(f"{key}: bad regular expression ({exc})") from exc
