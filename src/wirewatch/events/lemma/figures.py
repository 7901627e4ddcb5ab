"""Dates and counts in a language read by lemma rules.

Dates: "30 ноября", "30 листопада 2024 года", "в четверг", "вчера", "минулої доби";
counts: "12 танков", "двух человек", "до 495 военнослужащих", "п'ятеро поранених".
Month, weekday, relative-day and number words are the lexicon's, matched on
dictionary forms, so every case of a word counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from wirewatch.events.dates import EventDate, since_range
from wirewatch.events.lemma.lexicon import LemmaLexicon, Phrase, phrase
from wirewatch.events.lemma.words import Word, find_phrases
from wirewatch.events.numbers import Count
from wirewatch.places.morph import parse_tags

_DIGITS = re.compile(r"^\d{1,3}(?:[ \u00a0]?\d{3})*$|^\d+$")
_YEAR = re.compile(r"^(19|20)\d\d$")
# "6,5 тысячи", "1,2 миллиона": a decimal figure before a word of thousands or millions
_DECIMAL = re.compile(r"^(\d+)[,.](\d{1,3})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
# An age adjective written with its figure: "67-річна", "45-летний", "12-летнего".
_AGE = re.compile(r"^\d+-?(?:річн|рiчн|літн|летн|лiтн)", re.IGNORECASE)
UNKNOWN = EventDate(None, "unknown", "unknown")
# Prepositions of a month named alone: "в марте", "у березні" (the next month still this
# year: "планирует в июле", written in June).
_IN = frozenset({"в", "во", "у"})


def _day(d: date, basis: str, surface: str) -> EventDate:
    return EventDate(d.isoformat(), "day", basis, surface)


def _year_for(month: int, day: int, published: date | None) -> int | None:
    """The year that puts a day and month closest before the publication date."""
    if published is None:
        return None
    year = published.year
    try:
        return year if date(year, month, day) <= published + timedelta(days=1) else year - 1
    except ValueError:
        return None


def date_in(words: Sequence[Word], lexicon: LemmaLexicon, published: date | None
            ) -> tuple[int, EventDate] | None:
    """Return (word index, date) of the first date written in a sentence, else None; a
    period ("с 16 по 22 августа", "з 14 жовтня", "с начала 2024 года") is a range, a
    period begun in the past running up to publication."""
    starts = {f: la for f, la, _ in find_phrases(words, (phrase(p) for p in
                                                         lexicon.since_start))}
    # "минулої ночі", "этой ночью", "цього ранку": a relative day of several words
    several = {f: lexicon.relative_days[" ".join(p)] for f, _, p in find_phrases(
        words, (phrase(p) for p in lexicon.relative_days if " " in p))}
    periods = {f: (la, lexicon.past_periods[" ".join(p)],
                   " ".join(w.text for w in words[f:la + 1]))
               for f, la, p in find_phrases(words, (phrase(p) for p in lexicon.past_periods))}
    for k, w in enumerate(words):
        if k in periods and published is not None:
            la, kind, surface = periods[k]
            # "За тиждень з 17 по 23 листопада": the days the period's words name
            named = date_in(words[la + 1:], lexicon, published) if la + 1 < len(words) else None
            if named is not None and named[0] == 0 and named[1].precision == "range":
                return k, named[1]
            return k, _past_period(kind, surface, published)
        if k in several and published is not None:
            return k, _day(published + timedelta(days=several[k]), "relative",
                           w.text)
        if k in starts:
            got = _since_start(words, starts[k] + 1, lexicon, published)
            if got is not None:
                return k, got
        if w.lower in lexicon.range_from and k + 2 < len(words) and \
                _YEAR.match(words[k + 1].text) and words[k + 2].forms & lexicon.year_nouns:
            # "с 2019 года": since the start of a year
            return k, since_range(EventDate(words[k + 1].text, "year", "explicit",
                                            f"{w.text} {words[k + 1].text}"), published)
        season = _season_or_part(words, k, lexicon, published)
        if season is not None:
            return season
        numeric = _numeric_date(w.text)
        if numeric is not None:
            # "с 24.02.22 по 15.04.25", "з 24.02.2022", "15.04.2025"
            one = _day(numeric, "explicit", w.text)
            before = k > 0 and words[k - 1].lower in lexicon.range_from
            end = _numeric_date(words[k + 2].text) if k + 2 < len(words) and \
                words[k + 1].lower in lexicon.range_to else None
            if before and end is not None and end >= numeric:
                return k - 1, EventDate(f"{numeric.isoformat()}/{end.isoformat()}", "range",
                                        "explicit", " ".join(x.text for x in words[k - 1:k + 3]))
            return (k - 1, since_range(one, published)) if before else (k, one)
        month = next((lexicon.months[f] for f in w.forms if f in lexicon.months), None)
        if month is not None and k > 0 and words[k - 1].text.isdigit():
            day = int(words[k - 1].text)
            year_word = words[k + 1].text if k + 1 < len(words) else ""
            year = int(year_word) if _YEAR.match(year_word) else _year_for(month, day,
                                                                          published)
            if year is None or not 1 <= day <= 31:
                continue
            try:
                one = _day(date(year, month, day), "explicit", f"{day} {w.text}")
            except ValueError:
                continue
            return _period(words, k - 1, one, lexicon, published)
        if month is not None and k > 0 and words[k - 1].lower in lexicon.range_from and \
                published is not None:
            # "с сентября", "з вересня 2024 року": since the month's first day
            year_word = words[k + 1].text if k + 1 < len(words) else ""
            year = int(year_word) if _YEAR.match(year_word) else (
                published.year if month <= published.month else published.year - 1)
            surface = f"{words[k - 1].text} {w.text}"
            start = EventDate(f"{year}-{month:02d}", "month", "explicit", surface)
            j = k + 1 + bool(_YEAR.match(year_word))
            j += int(j < len(words) and bool(words[j].forms & lexicon.year_nouns))
            until = _month_until(words, j, lexicon, published)  # "... по март 2025 года"
            return k - 1, since_range(start, until or published)
        if month is not None and k > 0 and words[k - 1].lower in _IN and published is not None:
            # "в марте", "у березні 2024 року": a month with no day
            year_word = words[k + 1].text if k + 1 < len(words) else ""
            year = int(year_word) if _YEAR.match(year_word) else (
                published.year if month <= published.month + 1 else published.year - 1)
            surface = f"{words[k - 1].text} {w.text}"
            return k - 1, EventDate(f"{year}-{month:02d}", "month", "explicit", surface)
        if published is None:
            continue
        wd = next((lexicon.weekdays[f] for f in w.forms if f in lexicon.weekdays), None)
        if wd is not None and _weekday_framed(words, k, lexicon.lang):
            return k, _weekday_date(words, k, wd, lexicon, published)
        recent = _recent_days(words, k, lexicon, published)
        if recent is not None:
            return k, recent
        rel = next((lexicon.relative_days[f] for f in w.forms if f in lexicon.relative_days),
                   None)
        if rel is not None:
            return k, _day(published + timedelta(days=rel), "relative", w.text)
    if published is not None and find_phrases(words, (phrase(p) for p in lexicon.past_day)):
        return 0, EventDate(published.isoformat(), "day", "publication")
    return None


def _weekday_date(words: Sequence[Word], k: int, wd: int, lexicon: LemmaLexicon,
                  published: date) -> EventDate:
    """The day a weekday at word ``k`` names: the day written after it ("в понедельник, 16
    марта", "у суботу, 7 червня"; decision 324), else the last such weekday up to
    publication."""
    named = date_in(words[k + 2:k + 5], lexicon, published) \
        if k + 2 < len(words) and words[k + 1].text == "," else None
    if named is not None and named[0] == 0 and named[1].precision == "day" and \
            named[1].basis == "explicit":
        return _on_weekday(named[1], wd)
    delta = (published.weekday() - wd) % 7
    return _day(published - timedelta(days=delta), "relative", words[k].text)


def _on_weekday(day: EventDate, wd: int) -> EventDate:
    """A day written with no year after its weekday ("в среду, 13 августа", said of the
    week ahead): the year after the one closest before publication when only that one
    puts the day on that weekday."""
    first = day.first_day()
    if first is None or first.weekday() == wd or (first.month, first.day) == (2, 29):
        return day
    later = first.replace(year=first.year + 1)
    return _day(later, day.basis, day.surface or "") if later.weekday() == wd else day


def _year_after(words: Sequence[Word], j: int, lexicon: LemmaLexicon, published: date
                ) -> tuple[int, str] | None:
    """'2022 (года)', 'прошлого года', 'цього року' at word ``j``: the year and the basis
    (explicit, relative), else None."""
    if j >= len(words):
        return None
    if _YEAR.match(words[j].text):
        return int(words[j].text), "explicit"
    back = next((lexicon.relative_years[f] for f in words[j].forms
                 if f in lexicon.relative_years), None)
    if back is not None and j + 1 < len(words) and words[j + 1].forms & lexicon.year_nouns:
        return published.year + back, "relative"
    return None


def _season_or_part(words: Sequence[Word], k: int, lexicon: LemmaLexicon,
                    published: date | None) -> tuple[int, EventDate] | None:
    """Periods named by a season, a part of a month or a year (decision 323), at word ``k``:
    "за 2024 год" (the whole year), "весной
    2022 года", "за лето 2025 года" (the season's months; winter from December of the year
    before), "с весны 2022 года" (from its first month to publication), "в середине
    августа", "на початку жовтня 2024 року" (the month's days the lexicon gives); else
    None. A season with no year named is none of these."""
    if published is None:
        return None
    w = words[k]
    if w.lower == "за" and k + 2 < len(words) and _YEAR.match(words[k + 1].text) and \
            words[k + 2].forms & lexicon.year_nouns:  # "за 2024 год": the whole year
        return k, EventDate(f"{words[k + 1].text}-01-01/{words[k + 1].text}-12-31", "range",
                            "explicit", f"{w.text} {words[k + 1].text}")
    start = next((lexicon.season_times[f] for f in w.forms if f in lexicon.season_times), None)
    since = k > 0 and words[k - 1].lower in lexicon.range_from
    if start is None and k > 0 and (since or words[k - 1].lower == "за"):
        start = next((lexicon.seasons[f] for f in w.forms if f in lexicon.seasons), None)
    if start is not None:
        named = _year_after(words, k + 1, lexicon, published)
        if named is None:
            return None
        first = date(named[0] - (start == 12), start, 1)
        end = date(first.year + (first.month + 2) // 12, (first.month + 2) % 12 + 1, 1)
        surface = " ".join(x.text for x in words[k - int(since):k + 2])
        if since:
            return k - 1, since_range(EventDate(first.isoformat()[:7], "month", named[1],
                                                surface), published)
        return k, EventDate(f"{first.isoformat()}/{(end - timedelta(days=1)).isoformat()}",
                            "range", named[1], surface)
    part = next((lexicon.month_parts[f] for f in w.forms if f in lexicon.month_parts), None)
    month = next((lexicon.months[f] for f in words[k + 1].forms if f in lexicon.months),
                 None) if part is not None and k + 1 < len(words) else None
    if part is None or month is None or len(part) != 2:
        return None
    year_at = _year_after(words, k + 2, lexicon, published)
    year: int = year_at[0] if year_at is not None else (
        published.year if month <= published.month + 1 else published.year - 1)
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    first = date(year, month, part[0])
    last = min(last, date(year, month, min(part[1], last.day)))
    surface = " ".join(x.text for x in words[k:k + 2])
    return k, EventDate(f"{first.isoformat()}/{last.isoformat()}", "range", "explicit",
                        surface)


def _month_until(words: Sequence[Word], k: int, lexicon: LemmaLexicon, published: date
                 ) -> date | None:
    """'(с августа 2024 года) по март 2025 года': the last day of the month after 'по' / 'до'
    at word ``k``, else None."""
    if k + 1 >= len(words) or words[k].lower not in lexicon.range_to:
        return None
    month = next((lexicon.months[f] for f in words[k + 1].forms if f in lexicon.months), None)
    if month is None:
        return None
    year_word = words[k + 2].text if k + 2 < len(words) else ""
    year = int(year_word) if _YEAR.match(year_word) else (
        published.year if month <= published.month else published.year - 1)
    after = date(year + month // 12, month % 12 + 1, 1)
    return after - timedelta(days=1)


def _recent_days(words: Sequence[Word], k: int, lexicon: LemmaLexicon, published: date
                 ) -> EventDate | None:
    """'за последние три дня', 'за останні дві доби': the days up to publication, that
    many of them (word ``k`` is 'последние'), else None."""
    if not words[k].forms & lexicon.recent_words or k + 2 >= len(words):
        return None
    got = number_at(words, k + 1, lexicon)
    if got is None or got[1] + 1 >= len(words) or not 1 < got[0] <= 31 or \
            not words[got[1] + 1].forms & lexicon.day_nouns:
        return None
    first = published - timedelta(days=got[0] - 1)
    surface = " ".join(w.text for w in words[k:got[1] + 2])
    return EventDate(f"{first.isoformat()}/{published.isoformat()}", "range", "relative",
                     surface)


def _past_period(kind: str, surface: str, published: date) -> EventDate:
    """The last weekend up to ``published`` (Saturday and Sunday; a report of a Monday tells
    of the two days before it), the seven days up to it ("за неделю"; ``days7``), or the
    calendar week (Monday to Sunday) before its week."""
    if kind == "weekend":
        last = published - timedelta(days=(published.weekday() - 6) % 7)
        first = last - timedelta(days=1)
    elif kind == "days7":
        first, last = published - timedelta(days=6), published
    else:
        first = published - timedelta(days=published.weekday() + 7)
        last = first + timedelta(days=6)
    return EventDate(f"{first.isoformat()}/{last.isoformat()}", "range", "relative", surface)


def later_period(words: Sequence[Word], after: int, lexicon: LemmaLexicon,
                 published: date | None) -> tuple[int, EventDate] | None:
    """Return (word index, range) of a period that begins after word ``after`` ("заявил в
    четверг, что с начала 2025 года ..."), else None."""
    for k in range(after + 1, len(words)):
        if words[k].lower in lexicon.range_from or any(
                p[0] in words[k].forms for p in map(phrase, lexicon.since_start)):
            got = date_in(words[k:], lexicon, published)
            if got is not None and got[0] == 0 and got[1].precision == "range":
                return k, got[1]
    return None


# "упродовж понеділка", "протягом середи", "в течение вторника": all of that day
# (decision 275)
_THROUGHOUT = frozenset({"упродовж", "впродовж", "протягом", "продовж"})


def _weekday_framed(words: Sequence[Word], k: int, lang: str) -> bool:
    """A weekday is a date after a preposition or a modifier ("в четверг", "у середу", "в
    ночь на вторник", "минулої середи"); "серед них" (among them), which the Ukrainian
    dictionary also reads as a form of "середа", is not one."""
    if k == 0:
        return True
    prev = parse_tags(words[k - 1].text, lang)
    return bool(prev & {"PREP", "ADJF", "PRTF", "NPRO", "Apro"}) or \
        words[k - 1].lower in ("в", "во", "у", "на", "с", "з", "до", "по", "к") or \
        words[k - 1].lower in _THROUGHOUT or (k > 1 and words[k - 2].lower == "в" and
                                              words[k - 1].lower == "течение")


def _numeric_date(text: str) -> date | None:
    """'24.02.22', '15.04.2025': a day written in digits, else None."""
    m = _NUMERIC_DATE.match(text)
    if m is None:
        return None
    year = int(m.group(3))
    try:
        return date(year + 2000 if year < 100 else year, int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _period(words: Sequence[Word], k: int, day: EventDate, lexicon: LemmaLexicon,
            published: date | None) -> tuple[int, EventDate]:
    """The date whose day figure is word ``k``: the period it ends ("с 16 по 22 августа")
    or begins ("с 6 мая", up to publication), else the day itself."""
    last = day.first_day()
    assert last is not None
    if k >= 3 and words[k - 1].lower in lexicon.range_to and words[k - 2].text.isdigit() \
            and words[k - 3].lower in lexicon.range_from:
        try:
            first = last.replace(day=int(words[k - 2].text))
        except ValueError:
            return k, day
        if first > last:  # "с 28 по 3 сентября": the start is in the month before
            first = (first.replace(day=1) - timedelta(days=1)).replace(day=first.day) \
                if first.day <= 28 else first.replace(day=1) - timedelta(days=1)
        return k - 3, EventDate(f"{first.isoformat()}/{last.isoformat()}", "range",
                                "explicit", " ".join(w.text for w in words[k - 3:k + 2]))
    if k >= 1 and words[k - 1].lower in lexicon.range_from and not (
            k + 3 < len(words) and words[k + 2].lower in lexicon.range_to
            and words[k + 3].text.isdigit()):
        return k - 1, since_range(day, published)
    if k >= 1 and words[k - 1].lower in lexicon.range_from and k + 4 < len(words):
        # "с 27 октября по 2 ноября": a period across two months
        month = next((lexicon.months[f] for f in words[k + 4].forms if f in lexicon.months),
                     None)
        year = _year_for(month, int(words[k + 3].text), published) if month else None
        try:
            end = date(year, month, int(words[k + 3].text)) if year and month else None
        except ValueError:
            end = None
        if end is not None and end > last:
            return k - 1, EventDate(f"{last.isoformat()}/{end.isoformat()}", "range",
                                    "explicit", " ".join(w.text for w in words[k - 1:k + 5]))
    return k, day


def _since_start(words: Sequence[Word], k: int, lexicon: LemmaLexicon,
                 published: date | None) -> EventDate | None:
    """'с начала 2024 года', 'з початку року', 'с начала января', 'с начала осени', 'с
    начала специальной военной операции': the range from that start to publication (word
    ``k`` is the first after 'с начала'), else None."""
    if published is None or k >= len(words):
        return None
    w = words[k]
    # "с начала (проведения) специальной военной операции": the day the war began
    era = next((lexicon.eras[" ".join(p)] for f, _, p in find_phrases(
        words, (phrase(e) for e in lexicon.eras), k, min(len(words), k + 6)) if f <= k + 1),
        None)
    if era is not None and date.fromisoformat(era) <= published:
        start = EventDate(era, "day", "explicit", w.text)
    elif _YEAR.match(w.text):
        start = EventDate(w.text, "year", "explicit", w.text)
    elif w.forms & lexicon.year_nouns:
        start = EventDate(str(published.year), "year", "relative", w.text)
    else:
        month = next((lexicon.months[f] for f in w.forms if f in lexicon.months), None) or \
            next((lexicon.seasons[f] for f in w.forms if f in lexicon.seasons), None)
        if month is None:
            return None
        year = published.year if month <= published.month else published.year - 1
        start = EventDate(f"{year}-{month:02d}", "month", "explicit", w.text)
    return since_range(start, published)


def number_at(words: Sequence[Word], k: int, lexicon: LemmaLexicon) -> tuple[int, int] | None:
    """Return (value, last word index) of a figure starting at word ``k`` ("1 200",
    "двадцать три", "12-ти"), else None."""
    w = words[k]
    text = w.text.split("-")[0]
    if _AGE.search(w.text):
        return None  # "67-річна жінка", "45-летний мужчина": an age, not a count
    dec = _DECIMAL.match(w.text)
    if dec is not None and k + 1 < len(words):
        big = next((n for f in words[k + 1].forms
                    if (n := lexicon.number_words.get(f, 0)) >= 1000), None)
        if big is not None:  # "6,5 тысячи": 6500; "1,2 миллиона": 1 200 000
            whole, frac = dec.groups()
            return int(whole) * big + int(frac) * big // 10 ** len(frac), k + 1
    if _DIGITS.match(text):
        value, last = int(re.sub(r"\D", "", text)), k
        # "1 200": thousands written apart
        while last + 1 < len(words) and re.fullmatch(r"\d{3}", words[last + 1].text) \
                and words[last + 1].start - words[last].end == 1:
            value, last = value * 1000 + int(words[last + 1].text), last + 1
        scale = next((n for f in words[last + 1].forms
                      if (n := lexicon.number_words.get(f, 0)) >= 1000), None) \
            if last + 1 < len(words) else None
        if scale is not None:
            value, last = value * scale, last + 1  # "118 тысяч", "21 тисячу", "2 миллиона"
        return value, last
    if k > 0 and (_DIGITS.match(words[k - 1].text) or _DECIMAL.match(words[k - 1].text)) \
            and any(lexicon.number_words.get(f, 0) >= 1000 for f in w.forms):
        return None  # the "тысячи" of "1,4 тысячи" is part of the figure before it
    # "двадцать три", "мільйон сто шістдесят чотири тисячі": the words of a figure, each
    # thousand or million multiplying the group read since the last (decision 422)
    total, group, last = 0, 0, k - 1
    for j in range(k, min(len(words), k + 8)):
        v = next((lexicon.number_words[f] for f in words[j].forms
                  if f in lexicon.number_words), None)
        if v is None:
            break
        if v >= 1000:
            total, group = total + (group or 1) * v, 0
        else:
            group += v
        last = j
    value = total + group
    return (value, last) if last >= k and value else None


def count_near(words: Sequence[Word], trig: tuple[int, int], lexicon: LemmaLexicon,
               nouns: frozenset[str] | None = None, window: int = 6,
               used: set[int] | None = None) -> tuple[Count, int] | None:
    """Return the figure nearest the trigger within ``window`` words (one that counts one
    of ``nouns`` when given, not one of the ``used`` word indices), with its qualifier,
    and its word index."""
    cands: list[tuple[int, int, int]] = []  # distance, index, value
    lo, hi = max(0, trig[0] - window), min(len(words), trig[1] + window + 1)
    while lo > 0 and re.fullmatch(r"\d{3}", words[lo].text) and words[lo - 1].text.isdigit() \
            and words[lo].start - words[lo - 1].end == 1:
        lo -= 1  # "43 206 единиц": the figure the window cuts is read whole
    k = lo
    while k < hi:
        if trig[0] <= k <= trig[1]:
            k += 1
            continue
        got = number_at(words, k, lexicon)
        if got is None:
            k += 1
            continue
        value, last = got
        after = words[last + 1].forms if last + 1 < len(words) else frozenset()
        year_like = _YEAR.match(words[k].text) and value > 1900
        month_after = bool(after & set(lexicon.months))
        counts_noun = nouns is None or after & nouns or _noun_within(words, last, nouns)
        if k not in (used or ()) and not year_like and not month_after and counts_noun:
            dist = trig[0] - last if last < trig[0] else k - trig[1]
            cands.append((dist, k, value))
        k = last + 1
    # "сбиты 15 из 19 дронов", "з 40 ракет збито 34": the figure after из/з is the whole
    # the count is a share of, when the share is given too (decision 254)
    shares = [c for c in cands if not whole_of_share(words, c[1], lexicon)]
    cands = shares or cands
    # "поранені дев'ятеро людей, серед них двоє дітей": the figure after a marker of a part
    # counts part of a figure before it, which is the count (decision 423)
    marks = find_phrases(words, (phrase(p) for p in lexicon.subset_markers), lo)
    cands = [_whole_before(words, c, marks, lexicon, used) for c in cands]
    if not cands:
        return None
    _, k, value = min(cands)
    qualifier = _qualifier(words, k, lexicon)
    return Count(value, qualifier is not None, qualifier), k


def _whole_before(words: Sequence[Word], cand: tuple[int, int, int],
                  marks: list[tuple[int, int, Phrase]], lexicon: LemmaLexicon,
                  used: set[int] | None) -> tuple[int, int, int]:
    """The figure a candidate right after a marker of a part ("серед них двоє") is a
    part of: the figure up to four words before the marker, at the candidate's distance
    (the candidate itself when there is none)."""
    for first, last, _ in marks:
        if not last < cand[1] <= last + 3:
            continue
        for k in range(max(0, first - 4), first):  # "двадцять одна людина": read whole
            got = number_at(words, k, lexicon)
            if got is not None and got[1] < first and k not in (used or ()):
                return cand[0], k, got[0]
    return cand


def whole_of_share(words: Sequence[Word], k: int, lexicon: LemmaLexicon) -> bool:
    """True for a figure right after a preposition of origin ("из 19", "з 40"): the whole
    that another figure takes a share of."""
    return k > 0 and words[k - 1].lower in lexicon.origin_preps


def _noun_within(words: Sequence[Word], last: int, nouns: frozenset[str] | None) -> bool:
    if nouns is None:
        return True
    return any(words[j].forms & nouns for j in range(last + 1, min(len(words), last + 4)))


def figure_qualifier(words: Sequence[Word], k: int, lexicon: LemmaLexicon) -> str | None:
    """The qualifier before the figure at word ``k`` ("до", "более"), else None."""
    return _qualifier(words, k, lexicon)


def _qualifier(words: Sequence[Word], k: int, lexicon: LemmaLexicon) -> str | None:
    for n in (2, 1):
        if k - n >= 0:
            key = " ".join(w.lower for w in words[k - n:k])
            if key in lexicon.count_qualifiers:
                return lexicon.count_qualifiers[key]
    return None
