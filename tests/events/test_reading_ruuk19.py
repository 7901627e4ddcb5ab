"""Russian and Ukrainian reading, round ruuk19 (decisions 414-439). Every sentence here was
written for these tests; each test fails on the code before its decision, and its docstring
names the guard it checks (what must not change with it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from events_helpers import of_type

PUB = date(2025, 10, 14)  # a Tuesday


def _events(resources: Any, text: str, lang: str, outlet: str | None = None,
            published: date = PUB) -> list[dict[str, Any]]:
    """The contract JSON of the events of one text read in ``lang``, from ``outlet``."""
    from wirewatch.document import Document
    from wirewatch.pipeline import extract

    (result,) = extract([Document("d", text, published=published, lang=lang,
                                  outlet=outlet)], resources)
    return [e.to_dict() for e in result.events]


def test_a_persons_own_channel_speaks_as_the_person(resources: Any) -> None:
    """Decision 414. Guard: a ministry's channel still speaks under the outlet's own name
    (a body is no person, and its string stays as the input gives it)."""
    text = "Вечером беспилотник атаковал Лиски, повреждены два частных дома."
    for outlet in ("Alexander Gusev's Telegram channel", "Александр Гусев (Telegram)"):
        (hit,) = of_type(_events(resources, text, "ru", outlet), "strike")
        assert hit["claimant"] == "Alexander Gusev (governor of Voronezh region)", hit
        assert hit["modality"] == "claimed", hit
    text = "Вночі ворог атакував Харків, пошкоджено житловий будинок."
    (hit,) = of_type(_events(resources, text, "uk", "Міністерство оборони України (Telegram)"),
                     "strike")
    assert hit["claimant"] == "Міністерство оборони України (Telegram)", hit


def test_a_channels_own_post_is_reported_by_the_channel(resources: Any) -> None:
    """Decision 415. Guard: a newspaper that is no channel states what it tells on its own
    account (no claimant, asserted), as before."""
    text = "Вчера штурмовые подразделения заняли Степногорск."
    for outlet, name in (("Rybar Telegram channel", "Rybar"),
                         ("Два майора (Telegram)", "Two Majors"),
                         ("Telegram-канал «Рыбарь»", "Rybar")):
        (hit,) = of_type(_events(resources, text, "ru", outlet), "territory.captured")
        assert hit["claimant"] == name, (outlet, hit)
        assert hit["modality"] == "reported", hit
    (hit,) = of_type(_events(resources, text, "ru", "Известия"), "territory.captured")
    assert hit["claimant"] is None and hit["modality"] == "asserted", hit


def test_a_military_administrations_channel_speaks_as_its_head(resources: Any) -> None:
    """Decision 416. Guard: a council's or a brigade's channel is not a military
    administration and keeps its own name."""
    text = "Вчора ворог атакував Оріхів, поранено двох людей."
    for outlet in ("Zaporizhzhia OVA's Telegram channel", "Запорізька ОВА (Telegram)"):
        (hurt,) = of_type(_events(resources, text, "uk", outlet), "casualties")
        assert hurt["claimant"] == "Ivan Fedorov (governor of Zaporizhzhia region)", hurt
    (hurt,) = of_type(_events(resources, text, "uk", "93 ОМБр «Холодний Яр» (Telegram)"),
                      "casualties")
    assert "Fedorov" not in (hurt["claimant"] or ""), hurt


def test_a_surname_the_lemmatiser_cuts_is_still_the_persons(resources: Any) -> None:
    """Decision 417. Guard: the speaker named in the sentence before keeps the sentence
    he speaks in."""
    text = ("Ночью Харьков атаковали беспилотники, сообщил мэр Игорь Терехов. По данным "
            "Олега Синегубова, пострадали пять человек.")
    strike, = of_type(_events(resources, text, "ru"), "strike")
    assert strike["claimant"] == "Ihor Terekhov (mayor of Kharkiv)", strike
    (hurt,) = of_type(_events(resources, text, "ru"), "casualties")
    assert hurt["claimant"] == "Oleh Syniehubov (governor of Kharkiv region)", hurt


def test_a_reporters_verb_of_telling_after_a_quote_keeps_the_speaker(resources: Any) -> None:
    """Decision 418. Guard: a quote that no one is said to speak stays with no one."""
    text = ("Губернатор Брянской области Александр Богомаз провёл совещание. «Вчера "
            "противник обстрелял Климово», — перечисляет губернатор.")
    (hit,) = of_type(_events(resources, text, "ru"), "strike")
    assert hit["claimant"] == "Alexander Bogomaz (governor of Bryansk region)", hit
    text = "«Вчера противник обстрелял Климово»."
    (hit,) = of_type(_events(resources, text, "ru"), "strike")
    assert hit["claimant"] is None, hit


def test_the_outlet_a_speaker_talks_with_is_no_speaker(resources: Any) -> None:
    """Decision 419. Guard: an outlet that reports on its own account ("как сообщает
    ТАСС") is still the claimant."""
    text = ("Губернатор Брянской области Александр Богомаз в разговоре с «Известиями» "
            "сообщил, что противник обстрелял Климово.")
    (hit,) = of_type(_events(resources, text, "ru", "Известия"), "strike")
    assert hit["claimant"] == "Alexander Bogomaz (governor of Bryansk region)", hit
    assert hit["conduit"] == [], hit
    text = "Как сообщает ТАСС, противник обстрелял Климово."
    (hit,) = of_type(_events(resources, text, "ru"), "strike")
    assert hit["claimant"] == "TASS", hit


def test_a_directions_places_and_its_own_town_keep_the_direction(resources: Any) -> None:
    """Decision 420. Guard: a town named after the direction that is neither its town nor
    told in the direction's sentence ends it."""
    text = ("На Покровському напрямку наші захисники відбили 12 атак у районах Родинського та "
            "Котлиного. Знищено танк і два мотоцикли.")
    lost = of_type(_events(resources, text, "uk"), "equipment.lost")
    assert [m["place"]["geonameid"] if m["place"] else None for m in lost] == [
        704422, 704422], lost
    text = ("Бої тривають на Костянтинівському напрямку.\n\nУчора противник атакував наші "
            "позиції південніше Костянтинівки. Бригада знищила два танки.")
    (lost,) = of_type(_events(resources, text, "uk"), "equipment.lost")
    assert lost["place"] and lost["place"]["geonameid"] == 705104, lost
    text = ("На Покровському напрямку відбито 12 атак. Увечері ворог обстріляв Херсон. "
            "Знищено танк.")
    (lost,) = of_type(_events(resources, text, "uk"), "equipment.lost")
    assert not lost["place"] or lost["place"]["geonameid"] != 704422, lost


def test_the_casualties_of_a_story_of_one_struck_town_are_the_towns(resources: Any) -> None:
    """Decision 421. Guard: a later paragraph's losses in a story whose strikes hit two
    towns take neither (decision 363 stands)."""
    text = ("Вечером Белгород подвергся ракетному обстрелу, повреждены дома. Над городом "
            "сбиты 12 ракет.\n\nПогибли три человека, ранены девять.")
    hurt = of_type(_events(resources, text, "ru"), "casualties")
    assert [m["place"]["geonameid"] if m["place"] else None for m in hurt] == [
        578072, 578072], hurt
    text = ("Вечером противник обстрелял Белгород и Шебекино, повреждены дома. Над областью "
            "сбиты 12 ракет.\n\nПогибли три человека.")
    (hurt,) = of_type(_events(resources, text, "ru"), "casualties")
    assert hurt["place"] is None, hurt


def test_thousands_written_short_and_figures_in_words_count_whole(resources: Any) -> None:
    """Decision 422. Guard: a figure in words below a thousand reads as before."""
    text = "С начала месяца из приграничных сёл эвакуированы более 3 тыс. человек."
    (moved,) = of_type(_events(resources, text, "ru"), "civilians.evacuated")
    assert moved["count"]["value"] == 3000, moved
    text = ("За тиждень ворог втратив орієнтовно мільйон двісті тисяч осіб, повідомили в "
            "Генштабі.")
    (lost,) = of_type(_events(resources, text, "uk"), "casualties")
    assert lost["count"]["value"] == 1200000, lost
    text = "За добу Сили оборони знешкодили вісімсот тридцять окупантів."
    (lost,) = of_type(_events(resources, text, "uk"), "casualties")
    assert lost["count"]["value"] == 830, lost
    text = "За добу Сили оборони знешкодили тридцять п'ять окупантів."
    (lost,) = of_type(_events(resources, text, "uk"), "casualties")
    assert lost["count"]["value"] == 35, lost


def test_a_part_told_after_the_whole_is_no_count(resources: Any) -> None:
    """Decision 423. Guard: a figure after "серед них" with no figure before the marker
    is still the count."""
    text = "У Херсоні ще восьмеро людей, серед них троє дітей, поранені."
    (hurt,) = of_type(_events(resources, text, "uk"), "casualties")
    assert hurt["count"]["value"] == 8, hurt
    text = "В Курске ранены восемь человек, в том числе двое детей."
    (hurt,) = of_type(_events(resources, text, "ru"), "casualties")
    assert hurt["count"]["value"] == 8, hurt
    text = "У Херсоні поранені мешканці, серед них троє дітей."
    (hurt,) = of_type(_events(resources, text, "uk"), "casualties")
    assert hurt["count"]["value"] == 3, hurt


def test_people_named_one_by_one_count_one_each(resources: Any) -> None:
    """Decision 424. Guard: one person named alone still counts one, and people named
    again after a counted noun ("двое жителей, мужчина и женщина") are not added."""
    text = "В Каховке ранены водитель и трое пассажиров маршрутки."
    (hurt,) = of_type(_events(resources, text, "ru"), "casualties")
    assert hurt["count"]["value"] == 4, hurt
    text = "У Бериславі поранено водія та двох пасажирок."
    (hurt,) = of_type(_events(resources, text, "uk"), "casualties")
    assert hurt["count"]["value"] == 3, hurt
    text = "В Каховке ранены мужчина 52 лет и женщина 47 лет."
    (hurt,) = of_type(_events(resources, text, "ru"), "casualties")
    assert hurt["count"]["value"] == 2, hurt
    text = "В Каховке ранен водитель маршрутки."
    (hurt,) = of_type(_events(resources, text, "ru"), "casualties")
    assert hurt["count"]["value"] == 1, hurt
    text = "В Каховке погибли двое мирных жителей, мужчина и женщина."
    (hurt,) = of_type(_events(resources, text, "ru"), "casualties")
    assert hurt["count"]["value"] == 2, hurt


def test_the_armed_forces_told_of_are_no_speaker(resources: Any) -> None:
    """Decision 425. Guard: "по данным ВСУ" still names the armed forces as the source, and
    so does "ВСУ опровергли", their own verb right after them."""
    text = ("Глава Херсонской области Владимир Сальдо, в свою очередь, заявил, что ВСУ "
            "обстреляли Алешки.")
    (hit,) = of_type(_events(resources, text, "ru"), "strike")
    assert hit["claimant"] == "Vladimir Saldo (Moscow-installed governor of Kherson region)", hit
    text = "По данным ВСУ, российские войска обстреляли Херсон."
    (hit,) = of_type(_events(resources, text, "ru"), "strike")
    assert hit["claimant"] == "Armed Forces of Ukraine", hit
    text = "ВСУ опровергли сообщения о захвате Покровска."
    (took,) = of_type(_events(resources, text, "ru"), "territory.captured")
    assert took["claimant"] == "Armed Forces of Ukraine", took


def test_a_body_the_text_opened_with_speaks_when_pointed_back_to(resources: Any) -> None:
    """Decision 426. Guard: a body named only in passing ("в ДНР") is not pointed back to."""
    text = ("Минобороны России подвело итоги недели. По данным ведомства, российские войска "
            "освободили Петропавловку в Харьковской области.")
    (took,) = of_type(_events(resources, text, "ru"), "territory.captured")
    assert took["claimant"] == "Ministry of Defence of Russia", took
    text = ("Российские войска наступают в ДНР. По данным ведомства, российские войска "
            "освободили Петропавловку в Харьковской области.")
    (took,) = of_type(_events(resources, text, "ru"), "territory.captured")
    assert took["claimant"] is None, took


def test_a_tally_of_strikes_told_with_no_place_is_a_strike(resources: Any) -> None:
    """Decision 427. Guard: a launch of drones with no place ("запустили 120 дронів") is
    no tally of strikes."""
    text = "Минулої доби противник завдав 37 авіаційних ударів, повідомили в Генштабі."
    (hit,) = of_type(_events(resources, text, "uk"), "strike")
    assert hit["place"] is None and hit["count"]["value"] == 37, hit
    assert hit["aggregate"] is True, hit
    text = "Зафіксовано влучання ракет на шести локаціях, повідомили Повітряні сили."
    (hit,) = of_type(_events(resources, text, "uk"), "strike")
    assert hit["place"] is None and hit["count"]["value"] == 6, hit
    text = "Уночі росіяни запустили 120 ударних дронів, повідомили Повітряні сили."
    assert of_type(_events(resources, text, "uk"), "strike") == [], text


def test_children_sent_to_camps_are_evacuated(resources: Any) -> None:
    """Decision 428. Guard: troops or aid sent somewhere are no evacuation."""
    text = "Из Грайворонского округа в лагеря Подмосковья отправлены ещё 140 детей."
    (moved,) = of_type(_events(resources, text, "ru"), "civilians.evacuated")
    assert moved["count"]["value"] == 140, moved
    text = "З Краснопільської громади на оздоровлення відправили 75 дітей."
    (moved,) = of_type(_events(resources, text, "uk"), "civilians.evacuated")
    assert moved["count"]["value"] == 75, moved
    text = "В Грайворонский округ направлены ещё 200 военнослужащих."
    assert of_type(_events(resources, text, "ru"), "civilians.evacuated") == [], text


def test_a_paragraph_that_named_a_period_goes_on_telling_of_it(resources: Any) -> None:
    """Decision 429. Guard: a day named after the period, or a later paragraph, ends it."""
    text = ("За тиждень наші воїни відбили 27 штурмів ворога поблизу Торецька. Ліквідовано "
            "148 окупантів.\n\nУ Торецьку поранено двох людей.")
    lost, hurt = of_type(_events(resources, text, "uk", published=date(2025, 8, 9)),
                         "casualties")
    assert lost["date"]["value"] == "2025-08-03/2025-08-09", lost
    assert hurt["date"]["value"] == "2025-08-09", hurt
    text = ("За тиждень наші воїни відбили 27 штурмів ворога поблизу Торецька. Вчора "
            "ліквідовано 148 окупантів.")
    (lost,) = of_type(_events(resources, text, "uk", published=date(2025, 8, 9)),
                      "casualties")
    assert lost["date"]["value"] == "2025-08-08", lost


def test_the_towns_listed_after_among_them_are_each_struck(resources: Any) -> None:
    """Decision 430. Guard: the tally itself stays a strike at the region."""
    text = ("За сутки российские войска обстреляли 27 населённых пунктов Херсонской области, "
            "среди них Херсон и Берислав, сообщил Александр Прокудин.")
    places = sorted(m["place"]["geonameid"] for m in
                    of_type(_events(resources, text, "ru"), "strike"))
    assert places == [706442, 706448, 712260], places


def test_a_region_written_short_is_the_region(resources: Any) -> None:
    """Decision 431. Guard: the region written in full resolves as before."""
    for text in ("В Брянской обл. ранен мужчина.", "В Брянской области ранен мужчина."):
        (hurt,) = of_type(_events(resources, text, "ru"), "casualties")
        assert hurt["place"]["geonameid"] == 571473, (text, hurt)


def test_a_street_named_after_a_town_is_no_place(resources: Any) -> None:
    """Decision 432. Guard: the town the sentence names is still the place."""
    text = "У Херсоні дрон скинув вибухівку на маршрутку на Миколаївському шосе."
    (hit,) = of_type(_events(resources, text, "uk"), "strike")
    assert hit["place"]["geonameid"] == 706448, hit
    text = "В Белгороде повреждены два дома на проспекте Богдана Хмельницкого."
    (hit,) = of_type(_events(resources, text, "ru"), "strike")
    assert hit["place"]["geonameid"] == 578072, hit


def test_the_armed_forces_a_source_tells_of_are_no_source(resources: Any) -> None:
    """Decision 433. Guard: "По данным ВСУ" names them as the source."""
    text = ("Министерство обороны России сообщило, что группировка «Юг» освободила "
            "Шандриголово. По данным министерства, ВСУ обстреляли Горловку.")
    (hit,) = of_type(_events(resources, text, "ru"), "strike")
    assert hit["claimant"] == "Ministry of Defence of Russia", hit
    text = "По данным ВСУ, противник обстрелял Херсон."
    (hit,) = of_type(_events(resources, text, "ru"), "strike")
    assert hit["claimant"] == "Armed Forces of Ukraine", hit


def test_a_speaker_who_reminds_is_a_speaker(resources: Any) -> None:
    """Decision 434. Guard: the journalist's "Напомним" names no speaker."""
    text = ("Дмитрий Лубинец также напомнил, что из музея в Херсоне оккупанты вывезли более "
            "10 тысяч экспонатов.")
    (took,) = of_type(_events(resources, text, "ru"), "property.looted")
    assert took["claimant"] == "Dmytro Lubinets (Ukrainian human rights ombudsman)", took
    text = "Напомним, что из музея в Херсоне оккупанты вывезли более 10 тысяч экспонатов."
    (took,) = of_type(_events(resources, text, "ru"), "property.looted")
    assert took["claimant"] is None, took


def test_the_nouns_of_taking_control_are_a_capture(resources: Any) -> None:
    """Decision 457. Guard: control "of the authorities" over a situation, with no "над"
    and a place, is no capture."""
    for text, lang in (("Минобороны России сообщило об установлении контроля над "
                        "Дзержинском.", "ru"),
                       ("Минобороны России заявило о полном контроле над Дзержинском.", "ru"),
                       ("Міноборони РФ повідомило про встановлення контролю над Торецьком.",
                        "uk")):
        (taken,) = of_type(_events(resources, text, lang), "territory.captured")
        assert taken["place"]["geonameid"] == 709354, taken
    calm = "Губернатор сообщил, что ситуация находится под полным контролем властей."
    assert of_type(_events(resources, calm, "ru"), "territory.captured") == []
