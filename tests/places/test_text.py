from wirewatch.places.text import is_latin_or_cyrillic, normalize, translit_key


def test_normalize_folds_case_diacritics_apostrophes_and_hyphens() -> None:
    assert normalize("Gulyai-Pole") == normalize("gulyai pole")
    assert normalize("Donetsk People’s Republic") == "donetsk people's republic"
    assert normalize("Houliaïpolé") == "houliaipole"


def test_romanisation_key_meets_russian_and_ukrainian_spellings() -> None:
    pairs = [("Gulyaypole", "Huliaipole"), ("Krasnogorovka", "Krasnohorivka"),
             ("Volchansk", "Vovchansk"), ("Krasnoarmeysk", "Krasnoarmiisk"),
             ("Mirnograd", "Myrnohrad"), ("Ugledar", "Vuhledar"), ("Kharkov", "Kharkiv"),
             ("Kurakhovo", "Kurakhove"), ("Severodonetsk", "Sievierodonetsk"),
             ("Красноармейск", "Krasnoarmeysk"), ("Gorlovka", "Horlivka")]
    for ru, ua in pairs:
        assert translit_key(ru) == translit_key(ua), (ru, ua)


def test_romanisation_key_keeps_different_towns_apart() -> None:
    assert translit_key("Pokrovsk") != translit_key("Krasnokamensk")
    assert translit_key("Donetsk") != translit_key("Luhansk")


def test_script_filter_keeps_latin_and_cyrillic_only() -> None:
    assert is_latin_or_cyrillic("Київ") and is_latin_or_cyrillic("Mar'yinka")
    assert not is_latin_or_cyrillic("東京")
