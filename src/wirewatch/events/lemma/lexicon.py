"""The lexicon of a language read by lemma rules: ``data/lexicon/<lang>.yaml`` with
``rules: lemma``.

Every phrase is written in dictionary forms (lemmas), words separated by spaces;
a word of the text matches a word of a phrase when one of its best dictionary
forms (or its lower-cased form) is that word. A file with an unknown or missing
key is refused with the file and the key named, as for the English lexicon.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from wirewatch.datafile import load_data_file
from wirewatch.events.lexicon import LexiconError, _read, lexicon_dir

Phrase = tuple[str, ...]


@dataclass(frozen=True, eq=False)
class LemmaLexicon:
    """The words of one language that the lemma rules read (see ``data/lexicon/ru.yaml``)."""

    lang: str
    rules: str  # "lemma"
    triggers: dict[str, tuple[str, ...]]  # event type -> trigger phrases
    subtypes: dict[str, tuple[str, ...]]  # casualty subtype -> its trigger phrases
    object_places: frozenset[str]  # types whose trigger needs a place after it
    equipment: dict[str, str]  # equipment noun -> English name written in the output
    people_nouns: frozenset[str]  # nouns a casualty or evacuation figure counts
    # what a strike's figure counts ('98 разів обстріляли', 'нанесли 412 ударов', '112
    # ударними безпілотниками'), and else the settlements it hit ('27 населених пунктів')
    strike_nouns: frozenset[str]
    strike_settlements: frozenset[str]
    number_words: dict[str, int]  # number words (dictionary forms) -> value
    count_qualifiers: dict[str, str]  # word before a figure -> the contract's qualifier
    denied: tuple[str, ...]  # phrases of denial
    holding: tuple[str, ...]  # 'remains under our control': a denial of the capture
    # 'город под нашим контролем', 'під контролем Сил оборони': the place held by the
    # defenders or by the speaker's own side, a denial of its capture with no claim told
    # before (decision 460)
    held_by_defenders: tuple[str, ...]
    # 'наш', 'их': the speaker's own side in held_by_defenders; a Russian speaker's
    # "под нашим контролем" is a capture claim (decision 460)
    own_words: frozenset[str]
    # 'закрепились в лесополосе у X', 'заняли позиции у X': a foothold in the field, no
    # capture of the town (decision 471)
    field_nouns: frozenset[str]
    # 'ворог атакував позиції', 'атакував поблизу Вовчанська': a verb of attacking
    # (assault_verbs) whose object is one of assault_marks is a ground assault, no strike
    # (decision 470)
    assault_verbs: frozenset[str]
    assault_marks: frozenset[str]
    hedged: tuple[str, ...]  # 'allegedly'
    planned: tuple[str, ...]  # 'plans to', 'will'
    negations: frozenset[str]  # 'not' right before a trigger: a denial
    not_event_before: tuple[str, ...]  # threats, attempts, failures: no event
    not_objects: frozenset[str]  # 'отбили атаку у X': a territory trigger's object, no place
    party_speakers: frozenset[str]  # unnamed speakers of a party ('военные'): claimed
    media_speakers: frozenset[str]  # unnamed media speakers ('блогеры'): reported
    speech_verbs: frozenset[str]  # verbs of saying whose subject is the claimant
    source_markers: tuple[str, ...]  # 'according to': the actor after it is the claimant
    relay_markers: tuple[str, ...]  # 'citing': the actor before it relays the one after
    bare_actors: dict[str, str]  # a bare reference ('the ministry') -> actor id in this language
    # words that point back to the speaker named before ('по его словам', 'в ведомстве
    # подчеркнули'): a sentence of saying with one and no actor goes on with that speaker
    anaphors: frozenset[str]
    # 'об этом сообщил X': X is the speaker of the sentence before, which named none
    back_references: tuple[str, ...]
    head_nouns: frozenset[str]  # 'губернатор', 'голова': the head of the body named after it
    region_offices: dict[str, str]  # 'белгородский область' after a head noun -> the body
    sides: dict[str, tuple[str, ...]]  # RU / UA -> phrases naming that side's forces
    months: dict[str, int]  # month names (dictionary forms) -> number
    weekdays: dict[str, int]  # weekday names -> 0 (Monday) .. 6
    relative_days: dict[str, int]  # 'yesterday' -> -1
    past_day: tuple[str, ...]  # 'over the past day': the day before publication
    resident_nouns: frozenset[str]  # 'жителям X': X is the home of the people given passports
    passport_nouns: frozenset[str]  # 'паспорта РФ': the country after it is no place
    region_nouns: frozenset[str]  # 'в регионе', 'жителей республики': the region named before
    # 'з прифронтових громад евакуйовано': parts of a region named in the plural with no name
    # of their own are the region named before
    region_parts: frozenset[str]
    range_from: frozenset[str]  # 'с 16 по 22 августа', 'з 14 жовтня': a period's start
    range_to: frozenset[str]  # 'по', 'до': the word before a period's last day
    since_start: tuple[str, ...]  # 'с начала': 'с начала 2024 года', 'з початку року'
    year_nouns: frozenset[str]  # 'год', 'рік': 'с начала года' is this year's start
    partial_extent: tuple[str, ...]  # 'part of', 'half of': extent partial
    # 'потери составили: ... 11 284 (+3) танков': the loss nouns of a running tally
    tally_words: frozenset[str]
    # 'сили ППО знищили', 'средствами ПВО уничтожены': equipment after one of these nouns
    # is what destroyed, not what was lost
    agent_heads: frozenset[str]
    # 'в том числе', 'зокрема': the places listed after it, in a sentence of strikes on a
    # region, are strikes of their own
    including: tuple[str, ...]
    # 'на этом направлении', 'на цій ділянці': the place named in the sentence before
    this_place: tuple[str, ...]
    # 'вывезли зерно', 'вивезли експонати': goods taken away are looting, not evacuation
    goods_nouns: frozenset[str]
    # 'в направлении', 'в бік', 'выход к': the place after it is what an offensive aims at
    toward: tuple[str, ...]
    # armed forces a bulletin names as doers or losers ("потери ВСУ"), never as speakers:
    # a sentence naming only these (and units and groupings) goes on with the speaker before
    acting_forces: frozenset[str]
    # 'речь идёт о', 'йдеться про', 'а именно': the places listed after it, in the sentence
    # after a count of settlements taken, are the settlements counted
    namely: tuple[str, ...]
    # 'ударили по городу', 'обстріляли село': a bare noun of a town after a strike is the
    # town named before
    town_nouns: frozenset[str]
    # 'уразили нафтовий термінал', 'поразили нефтебазу': a facility after a verb of
    # destroying makes it a strike on the facility, not equipment lost
    facility_nouns: frozenset[str]
    # 'в зоне ответственности группировки', 'у смузі відповідальності': losses in a
    # grouping's sector, which names no place; the place of the strike before is not theirs
    sector: tuple[str, ...]
    # 'бронетранспортёр M113 производства США': the country after one of these made the
    # thing; it is no place of the event
    maker_nouns: frozenset[str]
    # 'на Покровском направлении': a place named with one of these is a front direction;
    # "на этом направлении" later points back to the last direction, not the last place
    direction_nouns: frozenset[str]
    # 'из сёл Шебекинского округа в Белгород вывезены': people are evacuated from the
    # place after one of these, not to the place they are taken to
    origin_preps: frozenset[str]
    # 'вивезли до Ростовської області': the place after one of these is where people or
    # goods are taken, not the place of the evacuation or looting
    destination_preps: frozenset[str]
    # 'в 47-й бригаде', 'у 7-му корпусі', '47 ОМБр': a number before one of these nouns
    # names the registry's unit of that number and kind (the English word of its name)
    unit_nouns: dict[str, str]
    # 'за выходные', 'у вихідні': the last weekend before publication; 'за прошлую неделю',
    # 'минулого тижня': the calendar week before publication's ('weekend' / 'week'); 'за
    # неделю', 'за тиждень': the seven days up to publication ('days7')
    past_periods: dict[str, str]
    # 'с начала осени', 'з початку літа': a season's first month, after 'since the start'
    seasons: dict[str, int]
    # 'весной 2022 года', 'влітку 2025 року': a season's word of time (an adverb or the
    # instrumental) -> its first month; with a year it is the season's three months
    season_times: dict[str, int]
    # 'в середине августа', 'на початку жовтня': a part of a month -> its first and last day
    month_parts: dict[str, tuple[int, ...]]
    # 'прошлого года', 'цього року': a year named relative to publication -> years back
    relative_years: dict[str, int]
    # 'за цей час', 'за это время': the period named before in the document
    this_period: tuple[str, ...]
    # 'с начала специальной военной операции', 'з початку повномасштабного вторгнення':
    # the start of a war named after 'since the start' (ISO day), as the English `eras`
    eras: dict[str, str]
    # 'танков и других боевых бронированных машин', 'танків та інших': a kind after one of
    # these words is the class the kind before belongs to, one item with it
    other_words: frozenset[str]
    # Russian text writes Ukrainian names in Russian ("Евгений Евтушенко" for "Євген
    # Євтушенко"): first names and letters respelled, so that a person's Ukrainian alias
    # in the registry also finds the Russian spelling (empty in a lexicon with none)
    respell_names: dict[str, str]
    respell_letters: dict[str, str]
    # 'обломки сбитого дрона', 'уламки збитих дронів': a verb of shooting down right after
    # one of these is no loss (the debris's strike is the event)
    debris_nouns: frozenset[str]
    # 'в ведомстве', 'відомства': of the words pointing back, those that name a body; they
    # point back to the last body named, not to the last speaker
    body_anaphors: frozenset[str]
    # 'за його даними', 'по её словам': of the words pointing back, those that name one
    # person; they point to a person named after the last speaker who has said nothing yet
    person_anaphors: frozenset[str]
    # 'з мікрорайону Корабел': nouns of a part of a town; a name the gazetteer lacks after
    # one is in the town named before
    city_parts: frozenset[str]
    # 'сообщил в своём Telegram-канале', 'написав у телеграмі': a speaker's own channel
    # after "в"/"у" relays the claim; the word -> the conduit's name (decision 322)
    channel_words: dict[str, str]
    # 'за даними ОВА' after 'Донецької ОВА': abbreviations of a kind of body that, standing
    # alone, name the body named before whose name ends in one
    body_abbreviations: frozenset[str]
    # 'Окружения нет', 'оточення немає': a trigger's noun said not to be there denies it
    absent: frozenset[str]
    # 'за последние три дня', 'за останні дві доби': the days up to publication, that many
    recent_words: frozenset[str]
    day_nouns: frozenset[str]
    # 'сбиты на подлёте к Елабуге', 'на підльоті до Одеси': what was shot down approaching
    # the town after one of these was lost there, in a strike on it
    approach: tuple[str, ...]
    # 'техника', 'бронетехніка': collective nouns of equipment; a kind named by one with no
    # figure is no single item (any other kind in the singular counts one)
    collective_nouns: frozenset[str]
    # 'втрати противника склали, повідомляє Генштаб.': a tally's verb with no figure after
    # it leaves the list to the sentences after it, as a colon does
    tally_verbs: frozenset[str]
    # 'документы получили 600 человек': a noun standing for the passports an article has
    # already named; a passport trigger with one counts only after a passport noun
    passport_documents: frozenset[str]
    # 'забрали 14 тракторов', 'винесли будівельні матеріали': verbs of taking that are
    # looting only when what they took is goods (goods_nouns), never people
    goods_verbs: frozenset[str]
    # 'з громади виїхали 64 людини', 'выехали 215 жителей': verbs of leaving that tell an
    # evacuation only with a figure of people that left (never 'власники яких виїхали',
    # 'закликали виїхати')
    departure_verbs: frozenset[str]
    # 'волонтёры вывозят людей каждый день', 'продолжаем вывозить': a verb of taking people
    # out that tells a routine, not an event, unless a figure counts it or it is planned
    routine_verbs: frozenset[str]
    # 'число пострадавших выросло до семи', 'кількість загиблих зросла до шести': a verb of
    # a toll rising; the figure after 'до' right after it is the toll (decision 372)
    rise_verbs: frozenset[str]
    # 'доставили в больницу', 'госпіталізували до Харкова': verbs of taking the wounded for
    # care; a place just after one is where they were taken, no place of the casualty
    care_verbs: frozenset[str]
    # 'над Алексином', 'в районе Качи': what was shot down over a town (not a region) was
    # lost in a strike on it
    overhead: tuple[str, ...]
    # 'загалом', 'всего': a sentence of totals over every front; its losses are no front
    # direction's named before
    overall: tuple[str, ...]
    # '41 из них сбиты над Ростовской областью', '87 з них збито': the pronoun after a
    # preposition of origin (origin_preps) that takes a share of the equipment named before
    them_words: frozenset[str]
    # 'есть раненые', 'є загиблі': a casualty told to exist, with no figure, is a mention
    # with no count (casualties need a figure otherwise)
    there_are: frozenset[str]
    # 'обвиняет ВСУ в обстрелах', 'звинуватив росіян': verbs of saying whose object, right
    # after them, is who is accused, no speaker
    accusing_verbs: frozenset[str]
    # 'Міський голова натомість написав про п'ятьох поранених': a speaker brought in with
    # one of these gives another account; the sentences after it that name no speaker go on
    # with the speaker before
    aside_words: frozenset[str]
    # 'сообщил об ударе ВСУ', 'повідомив про обстріл ЗСУ': what a verb of saying tells of
    # follows one of these; an actor named in it is no speaker
    topic_preps: frozenset[str]
    # 'в разговоре с «Известиями»', 'у розмові з «Суспільним»': an outlet after one of these
    # (quotes between) is who the speaker talked to, no speaker
    interlocutor_preps: frozenset[str]
    # 'поранені 9 людей, серед них двоє дітей': a figure right after one of these counts a
    # part of the figure before it
    subset_markers: tuple[str, ...]
    # 'противник завдав 41 авіаційного удару', 'влучання на 9 локаціях': nouns whose figure
    # is a tally of strikes in itself, which may be told with no place
    strike_tally_nouns: frozenset[str]
    # 'детей отправили в лагеря', 'направили на оздоровление': verbs of sending people that
    # tell an evacuation only with a place of rest (rest_places) near them
    sending_verbs: frozenset[str]
    rest_places: frozenset[str]
    # 'назвали сообщения о наступлении ложью', 'спростували заяви про наступ': a noun of
    # what a denial speaks of that is no trigger, and the type of the claim it denies
    denied_topics: dict[str, str]
    # 'Ни один корабль не получил повреждений', 'Жоден літак не постраждав': a word of
    # none before a kind of equipment, with a negation after it, denies its loss
    none_words: tuple[str, ...]
    # 'о поражении склада' is a hit, 'о поражении России в войне' a defeat: a trigger word
    # -> words that, within a few words after it, make it no event (decision 300)
    not_event_after: dict[str, tuple[str, ...]]


def uses_lemma_rules(lang: str, path: str | Path | None = None) -> bool:
    """Return whether the lexicon of ``lang`` (or the file at ``path``) is read by lemma
    rules (its ``rules`` key is ``lemma``)."""
    chosen = Path(path) if path else lexicon_dir() / f"{lang}.yaml"
    if not chosen.exists():
        return False
    with chosen.open(encoding="utf-8") as fh:
        head = fh.read(4096)
    return any(line.strip() == "rules: lemma" for line in head.splitlines())


def load_lemma_lexicon(lang: str, path: str | Path | None = None) -> LemmaLexicon:
    """Return the lemma lexicon of ``lang`` (the bundled file, or the file at ``path``)."""
    chosen = Path(path) if path else lexicon_dir() / f"{lang}.yaml"
    return load_data_file(chosen, parse_lemma_lexicon, LexiconError, "lexicon")


def parse_lemma_lexicon(data: Any) -> LemmaLexicon:
    """Return the lemma lexicon a parsed YAML mapping describes (LexiconError if it does
    not fit)."""
    if not isinstance(data, dict):
        raise LexiconError("the file must be a mapping of keys to word lists or patterns")
    hints = typing.get_type_hints(LemmaLexicon)
    known = [f.name for f in fields(LemmaLexicon)]
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise LexiconError(f"unknown key {unknown[0]!r} (known keys: {', '.join(known)})")
    missing = [k for k in known if k not in data]
    if missing:
        raise LexiconError(f"missing key {missing[0]!r}")
    if data["rules"] != "lemma":
        raise LexiconError("rules: a lemma lexicon says 'rules: lemma'")
    values = {k: _read(k, hints[k], data[k]) for k in known}
    for k in ("triggers", "subtypes", "sides", "not_event_after"):
        values[k] = {name: tuple(str(p).lower() for p in phrases)
                     for name, phrases in values[k].items()}
    values["equipment"] = {k.lower(): v for k, v in values["equipment"].items()}
    return LemmaLexicon(**values)


def phrase(words: str) -> Phrase:
    """Return a phrase as its words ("взять под контроль" -> three words)."""
    return tuple(words.lower().split())
