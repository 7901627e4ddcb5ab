"""Dictionary forms of Russian and Ukrainian place names in running text.

"под Покровском", "у Покровську", "в Авдеевке", "біля Авдіївки": Russian and
Ukrainian inflect place names for case, so the word in the text is rarely the
name in the gazetteer. The morphological analysers of pymorphy3 (with their
Russian and Ukrainian dictionaries, shipped as packages) give the dictionary
forms of a word; for names they do not know, the common case endings are cut
back to the nominative. The gazetteer then looks up each form.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

# Case endings of place names, longest first, with what replaces them in the nominative:
# "-ськ/-ск" towns (Покровську, Покровском), "-ка/-ка" villages (Авдіївці, Авдеевке),
# "-е/-я" neuters (Запоріжжі). Each pair is (ending, nominative ending).
_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ському", "ськ"), ("ськові", "ськ"), ("ськом", "ськ"), ("ська", "ськ"), ("ську", "ськ"),
    ("ском", "ск"), ("ске", "ск"), ("ска", "ск"),
    ("ску", "ск"), ("ївці", "ївка"), ("ївки", "ївка"), ("ївку", "ївка"), ("ївкою", "ївка"),
    ("еевке", "еевка"), ("еевки", "еевка"), ("еевку", "еевка"), ("цями", "ця"),
    ("ці", "ка"), ("ки", "ка"), ("ку", "ка"), ("кою", "ка"), ("ке", "ка"), ("ой", "а"),
    ("жжі", "жжя"), ("жжю", "жжя"), ("жья", "жье"),
    ("ові", ""), ("ом", ""), ("у", ""), ("і", ""), ("а", ""), ("е", ""),
)
# Case endings of adjectives that begin two-word names ("Великої Новосілки", "Харківської
# області"), with their nominative endings (feminine, then masculine).
_ADJ_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ої", "а"), ("ій", "а"), ("ою", "а"), ("ого", "ий"), ("ому", "ий"), ("ім", "ий"),
    ("ої", "ий"), ("ій", "ий"),
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

_analysers: dict[str, Any] = {}
_lock = threading.Lock()


def _analyser(lang: str) -> Any:
    # the dictionaries are static data shipped with the packages: loaded once per process
    with _lock:
        if lang not in _analysers:
            import pymorphy3

            _analysers[lang] = pymorphy3.MorphAnalyzer(lang=lang)
        return _analysers[lang]


@lru_cache(maxsize=65536)
def dictionary_forms(word: str) -> tuple[str, ...]:
    """Return the possible nominative forms of a Russian or Ukrainian word, best first
    (never the word itself; nothing for a word without Cyrillic letters)."""
    if not _CYRILLIC.search(word):
        return ()
    low = word.lower().replace("ʼ", "'").replace("’", "'")
    forms: list[str] = []
    for lang in ("uk", "ru"):
        for parse in _analyser(lang).parse(low)[:4]:
            if "NOUN" in parse.tag or "UNKN" in parse.tag:
                forms.append(parse.normal_form)
            elif "ADJF" in parse.tag:
                # the first word of "Харьковской области", "Великої Новосілки": the
                # nominative in the gender of the noun it goes with
                made = [parse.inflect({"nomn", "sing", g}) for g in ("femn", "masc", "neut")]
                forms.extend(m.word for m in made if m is not None)
                if not any(made):  # the Ukrainian dictionary gives no paradigm: endings
                    forms.extend(low[:-len(e)] + n for e, n in _ADJ_ENDINGS if low.endswith(e))
    for ending, nominative in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            forms.append(low[: len(low) - len(ending)] + nominative)
    forms.extend(_alternated(low))
    return tuple(dict.fromkeys(f for f in forms if f != low))


# Ukrainian locatives whose last consonant alternates (г/з, к/ц, х/с before -і) and whose
# last "і" is an "о" in the other cases: "у Кривому Розі" (Кривий Ріг), "у Новому Бузі"
# (Новий Буг); the dictionaries read neither as the town's noun.
_ALTERNATING = {"зі": "г", "ці": "к", "сі": "х"}


def _alternated(low: str) -> list[str]:
    """The nominatives of a masculine Ukrainian locative with an alternating consonant
    ("розі" -> "ріг", "бузі" -> "буг"), for a word of at most two syllables."""
    consonant = _ALTERNATING.get(low[-2:])
    stem = low[:-2]
    if consonant is None or not 2 <= len(stem) <= 5:
        return []
    out = [stem + consonant]
    k = stem.rfind("о")
    if k >= 0 and not any(v in stem[k + 1:] for v in "аеєиіїоуюя"):
        out.insert(0, stem[:k] + "і" + stem[k + 1:] + consonant)
    return out


@lru_cache(maxsize=131072)
def best_parse(word: str, lang: str) -> tuple[str, str]:
    """Return the dictionary form (lower case) of a word of ``lang`` ("ru", "uk") and the
    part of speech of pymorphy3's best parse ("NOUN", "VERB", ..., "UNKN")."""
    parse = _analyser(lang).parse(word.lower().replace("ʼ", "'").replace("’", "'"))[0]
    pos = parse.tag.POS or next((g for g in ("NUMB", "LATN", "PNCT", "UNKN") if g in parse.tag),
                                "X")
    return parse.normal_form, str(pos)


@lru_cache(maxsize=131072)
def lemmas(word: str, lang: str, limit: int = 3) -> frozenset[str]:
    """Return the dictionary forms of a word's ``limit`` best parses, and the word itself
    (lower case): what a lemma phrase may match."""
    low = word.lower().replace("ʼ", "'").replace("’", "'")
    return frozenset({low, *(p.normal_form for p in _analyser(lang).parse(low)[:limit])})


@lru_cache(maxsize=65536)
def is_person_name(word: str, lang: str) -> bool:
    """Return whether a capitalised Russian or Ukrainian word is read as a first name,
    surname or patronymic ("Пушилин", "Синєгубов") and never as a place name."""
    parses = _analyser(lang).parse(word.lower().translate(_APOSTROPHE_FOLD))[:2]
    tags = [set(str(p.tag).replace(" ", ",").split(",")) for p in parses]
    return bool(tags) and bool(tags[0] & {"Surn", "Name", "Patr"}) \
        and not any("Geox" in t for t in tags)


# -- districts, communities and front directions named after their seat ----------------
#
# "Синельниківського району", "Краснопільська громада", "на Покровському напрямку",
# "в Шебекинском городском округе": a district, community or direction is named by the
# adjective of a town, its seat, and the project resolves it to that town. The adjective
# is cut into its stem and suffix (-ськ-/-цьк-/-зьк-, Russian -ск-/-цк-/-зк-) and the
# town's name is rebuilt from the stem by the regular derivations below; the gazetteer
# says which of the rebuilt names exist.
_APOSTROPHE_FOLD = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})
_SEAT_ADJECTIVE = re.compile(
    r"^(?P<stem>[\w'-]{2,}?)(?P<suffix>ськ|цьк|зьк|ск|цк|зк)"
    r"(?P<ending>ий|ій|ой|ый|ая|а|ое|е|ого|ому|ім|ом|ем|им|ым|ої|ою|ей|ую|у|ие|ые|і|их|ых|ими|ыми)$")
# Locative endings: "у Гуляйпільському", "на Покровском" without a noun mean the direction
# or district named before.
LOCATIVE_ADJECTIVE_ENDINGS = ("ому", "ім", "ом", "ем")
# Names the regular derivations miss (stem and suffix of the adjective -> the town).
_IRREGULAR_SEATS: dict[str, tuple[str, ...]] = {
    "криворізьк": ("кривий ріг",), "криворожск": ("кривой рог", "кривий ріг"),
    "часовоярськ": ("часів яр",), "часовоярск": ("часов яр", "часів яр"),
    "білоцерківськ": ("біла церква",), "белоцерковск": ("белая церковь",),
    "волноваськ": ("волноваха",), "волновахск": ("волноваха",),
    "роменськ": ("ромни",), "роменск": ("ромны",),
    "кам'янсько-дніпровськ": ("кам'янка-дніпровська",),
    "каменско-днепровск": ("каменка-днепровская",),
    "білгород-дністровськ": ("білгород-дністровський",),
    "краснояружск": ("красная яруга",), "беловск": ("белая",),
    # the soft "ль" of the adjective is a hard "л" in the name (decision 337)
    "ізмаїльськ": ("ізмаїл",), "измаильск": ("измаил",),
    # Lyman by its Soviet name (decision 331): "на краснолиманском направлении"
    "краснолиманск": ("красный лиман",), "краснолиманськ": ("красний лиман",),
    # the town's last consonant merged into the suffix (Одеса/одеський, Вараш/вараський)
    "одеськ": ("одеса",), "одесск": ("одесса",), "вараськ": ("вараш",),
}
# A compound's first part and the words it stands for ("Великоновосілківський": Велика
# Новосілка, "Великобурлуцька громада": Великий Бурлук, "Новокаховська": Нова Каховка).
_SEAT_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("велико", ("велика ", "великий ", "велике ", "великая ", "великий ", "великое ")),
    ("мало", ("мала ", "малий ", "мале ", "малая ", "малый ", "малое ")),
    ("ново", ("нова ", "новий ", "нове ", "новая ", "новый ", "новое ")),
    ("старо", ("стара ", "старий ", "старе ", "старая ", "старый ", "старое ")),
)


def _seat_stems(stem: str, suffix: str) -> list[str]:
    """The names a town may have whose adjective has this stem and suffix."""
    if suffix in ("цьк", "цк"):  # Донецьк/донецький, Токмак/токмацький, Бурлук/-луцький
        # Марганець/марганецький, Марганец/марганецкий (decision 261)
        return [stem + suffix, stem + "к", stem + "ки", stem + "ць", stem + "ц"]
    if suffix in ("зьк", "зк"):  # Запоріжжя/запорізький, Печеніги/печенізький
        return [stem + "жжя", stem + "жье", stem + "г", stem + "ги", stem + suffix]
    s = stem
    out = [s + "ськ", s + "ск", s, s + "а", s + "я", s + "е", s + "о", s + "и", s + "ы",
           s + "ка", s + "ки", s + "ське", s + "ское", s + "ая", s + "ое", s + "ье"]
    if s.endswith(("ів", "їв")):  # Синельникове, Лозова, Пологи, Самар; Новосілка (-ків-)
        base = s[:-2]
        out += [base + "ове", base + "ова", base + "еве", base + "и", base]
        if s.endswith("ків"):
            out.append(s[:-2] + "а")
    if s.endswith(("ов", "ев")):  # Клинцы/клинцовский
        out.append(s[:-2] + "ы")
    if s.endswith(("ин", "ін", "ын")):  # Шостка/шосткинський, Кремінна, Щастя
        out += [s[:-2] + "а", s[:-2] + "я", s + "на"]
    if s.endswith(("ан", "ян")):  # Суджа/суджанский, Попасна/попаснянський
        out += [s[:-1], s[:-2] + "а", s[:-2] + "я"]
    if s.endswith("піль"):  # Гуляйполе/гуляйпільський, Краснопілля, Добропілля
        out += [s[:-4] + "поле", s[:-4] + "пілля"]
    if s.endswith("поль"):  # Гуляйполе/гуляйпольский, Краснополье
        out += [s[:-4] + "поле", s[:-1] + "ье"]
    if s.endswith("й"):  # Балаклія/балаклійський
        out.append(s[:-1] + "я")
    if s.endswith("в"):  # Дніпро/дніпровський
        out.append(s[:-1])
    if s[-1:] in "бвгджзклмнпрстфхцчшщ":  # Хотінь/хотінський
        out.append(s + "ь")
    if "-" in s:  # Новгород-Сіверський/новгород-сіверська: the town's name is the adjective
        out += [s + "ський", s + "ский"]
    return out


@lru_cache(maxsize=65536)
def seat_names(word: str) -> tuple[str, ...]:
    """Return the names (lower case, nominative) that the town a district, community or
    direction adjective is derived from may have, most regular first; nothing when the
    word is not such an adjective ("Покровському" -> "покровськ", ...; "Синельниківського"
    -> ..., "синельникове"; "Краснопільська" -> ..., "краснопілля")."""
    low = word.lower().translate(_APOSTROPHE_FOLD)
    m = _SEAT_ADJECTIVE.match(low)
    if m is None:
        return ()
    stem, suffix = m["stem"], m["suffix"]
    if stem + suffix in _IRREGULAR_SEATS:
        return _IRREGULAR_SEATS[stem + suffix]
    out = _seat_stems(stem, suffix)
    for prefix, heads in _SEAT_PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
            out += [h + rest[len(prefix):] for rest in list(out) if rest.startswith(prefix)
                    for h in heads]
    return tuple(dict.fromkeys(n for n in out if len(n) >= 3))


@lru_cache(maxsize=65536)
def parse_tags(word: str, lang: str) -> frozenset[str]:
    """Return the grammemes of pymorphy3's best parse of a word ("ADJF", "plur", "loct"...)."""
    parse = _analyser(lang).parse(word.lower().translate(_APOSTROPHE_FOLD))[0]
    return frozenset(str(parse.tag).replace(" ", ",").split(","))


@lru_cache(maxsize=65536)
def surely_future(word: str, lang: str) -> bool:
    """Whether a word is a verb in the third person of the future tense in its best reading,
    and in no reading the present ("вывезут", "запровадять", "начнётся"); a verb of both
    aspects whose form may be the present ("эвакуируют": they are evacuating) is not, nor a
    noun a verb's form spells ("складу")."""
    parses = _analyser(lang).parse(word.lower().translate(_APOSTROPHE_FOLD))
    best = parses[0].tag if parses else None
    return best is not None and {"VERB", "futr", "3per"} <= set(str(best).replace(" ", ",")
                                                                .split(",")) and not any(
        "pres" in p.tag for p in parses if "VERB" in p.tag)


def may_be_dative(word: str, lang: str) -> bool:
    """Whether any of pymorphy3's parses of a word is in the dative ("газете", whose best
    parse may be the locative)."""
    return any("datv" in p.tag
               for p in _analyser(lang).parse(word.lower().translate(_APOSTROPHE_FOLD)))


def may_be_genitive_noun(word: str, lang: str) -> bool:
    """Whether any of pymorphy3's first parses of a word is a noun in the genitive
    ("Запоріжжя", whose best parse is the nominative of the same form)."""
    return any("NOUN" in p.tag and "gent" in p.tag
               for p in _analyser(lang).parse(word.lower().translate(_APOSTROPHE_FOLD))[:4])


_NAME_TAGS = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})


@lru_cache(maxsize=65536)
def is_common_word(word: str, langs: tuple[str, ...] = ("uk", "ru")) -> bool:
    """Return whether pymorphy3's dictionaries know a word as a common word ("Вибухи",
    "Войска", "Російські") and never as a name of a place, person or organisation: the
    Russian or Ukrainian dictionary knows it, and none of its best parses there is a name."""
    low = word.lower().translate(_APOSTROPHE_FOLD)
    known = False
    for lang in langs:
        analyser = _analyser(lang)
        if not analyser.word_is_known(low):
            continue
        known = True
        for parse in analyser.parse(low)[:3]:
            if _NAME_TAGS & set(str(parse.tag).replace(" ", ",").split(",")):
                return False
    return known


@lru_cache(maxsize=65536)
def has_first_name_reading(word: str, langs: tuple[str, ...] = ("uk", "ru")) -> bool:
    """Return whether one of a word's best parses is a first name ("Владимир", "Олег")."""
    low = word.lower().translate(_APOSTROPHE_FOLD)
    # either dictionary, but only a word it knows: the Russian one guesses a first name for
    # many a Ukrainian word it lacks ("Рильська"), and the Ukrainian one tags few first names
    return any("Name" in parse.tag for lang in ("uk", "ru")
               if lang in langs or _analyser(lang).word_is_known(low)
               for parse in _analyser(lang).parse(low)[:3]
               if _analyser(lang).word_is_known(low))


@lru_cache(maxsize=65536)
def is_person_reading(word: str, langs: tuple[str, ...] = ("uk", "ru")) -> bool:
    """Return whether one of a capitalised word's three best parses, in a dictionary that
    knows it, is a first name, surname or patronymic and none is a place ("Песков" is also
    the genitive of "песок", "Пушилин"); the place recogniser's test for a person."""
    low = word.lower().translate(_APOSTROPHE_FOLD)
    readings: set[str] = set()
    for lang in langs:
        analyser = _analyser(lang)
        parses = analyser.parse(low)[:3]
        if not analyser.word_is_known(low) and not any("Surn" in p.tag for p in parses[:1]):
            continue
        for parse in parses:
            readings |= set(str(parse.tag).replace(" ", ",").split(","))
    return bool(readings & {"Surn", "Name", "Patr"}) and "Geox" not in readings


@lru_cache(maxsize=65536)
def may_be_locative(word: str) -> bool:
    """Return whether one of the best parses of a Russian or Ukrainian word is in the
    locative ("Курской", "Сумщині"; not "Крым", "ДНР")."""
    low = word.lower().translate(_APOSTROPHE_FOLD)
    return any({"loct", "loc2"} & set(str(p.tag).replace(" ", ",").split(","))
               for lang in ("ru", "uk") for p in _analyser(lang).parse(low)[:4])
