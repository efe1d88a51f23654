from kb.search.highlight import snippet


def test_matched_words_are_marked_and_everything_else_escaped():
    html = snippet("Husmødet <b>samler</b> brugerne & frivillige.", ["husmød", "frivil"])

    assert html == (
        "<mark>Husmødet</mark> &lt;b&gt;samler&lt;/b&gt; brugerne &amp; <mark>frivillige</mark>."
    )


def test_a_long_text_is_cut_around_the_matches():
    text = (
        "Indledning om alt muligt. " * 20 + "Her står noget om fodpleje og fødder. " + "Slut. " * 40
    )

    html = snippet(text, ["fodplej"])

    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>fodpleje</mark>" in html
    assert len(html) < 300


def test_no_snippet_when_nothing_matches():
    assert snippet("Om strik og kunst.", ["fodplej"]) == ""


def test_a_section_of_the_law_is_marked_with_or_without_a_space():
    html = snippet("Støtte efter §18 eller § 18 og § 5, ikke § 50.", ["§18", "§5", "støt"])

    assert html == (
        "<mark>Støtte</mark> efter <mark>§18</mark> eller <mark>§ 18</mark>"
        " og <mark>§ 5</mark>, ikke § 50."
    )


def test_a_number_is_marked_where_it_stands_alone_or_after_a_section_sign():
    html = snippet("Efter paragraf 18 og §18, ikke 180 eller 2018.", ["paragraf", "18"])

    assert html == (
        "Efter <mark>paragraf</mark> <mark>18</mark> og §<mark>18</mark>, ikke 180 eller 2018."
    )


def test_a_letter_whose_lower_case_is_longer_does_not_shift_the_marks():
    html = snippet("İzmir og Istanbul har frivillige.", ["frivil"])

    assert html == "İzmir og Istanbul har <mark>frivillige</mark>."


def test_a_stem_inside_a_word_is_not_marked():
    assert snippet("Ufrivillig ensomhed.", ["frivil"]) == ""


def test_no_comma_after_a_full_stop_where_the_index_joined_two_blocks():
    html = snippet("Hjælp med materialer., Forberedelse, Lokalet er roligt.", ["lokal"])

    assert html == "Hjælp med materialer. Forberedelse, <mark>Lokalet</mark> er roligt."


def test_no_comma_after_a_closing_quote_where_the_index_joined_two_blocks():
    html = snippet("»Hvad nu, hvis det lukkede?«, Et år med husmøder.", ["husmød"])

    assert html == "»Hvad nu, hvis det lukkede?« Et år med <mark>husmøder</mark>."


def test_a_snippet_cut_at_a_comma_between_blocks_does_not_end_with_it():
    start = "Lokalet er roligt. "
    heading = " Sådan gør I., "
    text = start + "a" * (215 - len(start) - len(heading)) + heading + "Næsteafsnitsordet " * 20

    html = snippet(text, ["lokal"])

    assert html.endswith("Sådan gør I. …")


def test_the_bullets_of_a_list_from_a_pdf_are_left_out():
    html = snippet("Typiske problemer: • nedgroede negle, • hård hud, • svamp.", ["negl"])

    assert html == "Typiske problemer: nedgroede <mark>negle</mark>, hård hud, svamp."


def test_the_snippet_shows_the_words_in_the_text_not_where_it_repeats_the_title():
    title_page = "Håndbog i god bestyrelsespraksis For væresteder og boformer Landsforeningen 2018 "
    text = title_page + "Indledning om alt muligt. " * 12 + "God bestyrelsespraksis er åbenhed."

    html = snippet(text, ["bestyrelsespraksis"], "Håndbog i god  bestyrelsespraksis")

    assert html.startswith("… ")
    assert "<mark>bestyrelsespraksis</mark> er åbenhed." in html
    assert "Håndbog" not in html


def test_a_title_repeated_in_the_text_is_the_snippet_when_nothing_else_matches():
    html = snippet("Husmødet som metode. Om at mødes.", ["husmød"], "Husmødet som metode")

    assert html == "<mark>Husmødet</mark> som metode. Om at mødes."


def test_a_title_page_with_the_title_before_its_dash_is_passed_over_too():
    text = "Et sted at høre til En undersøgelse. " + "Om alt muligt. " * 15 + "Et sted at mødes."

    html = snippet(text, ["sted"], "Et sted at høre til – en undersøgelse af væresteder")

    assert html.endswith("Om alt muligt. Et <mark>sted</mark> at mødes.")
    assert "høre" not in html


def test_only_forms_of_a_searched_word_are_marked_not_longer_words_it_begins():
    html = snippet("Kom i gang: kommunens folk kommer på besøg.", ["kom", "gang"])

    assert html == (
        "<mark>Kom</mark> i <mark>gang</mark>: kommunens folk <mark>kommer</mark> på besøg."
    )


def test_a_text_where_the_searched_word_only_begins_other_words_has_no_snippet():
    assert snippet("Rådhuset ligger ved torvet.", ["råd"]) == ""


def test_a_word_is_marked_where_the_database_undoubles_its_stem_further():
    html = snippet("En succes for huset.", ["suc"])

    assert html == "En <mark>succes</mark> for huset."


def test_the_words_of_a_phrase_are_marked_only_where_they_stand_together():
    text = "Kommunal støtte kræver en ansøgning. Kommunale tilbud får støtte fra fonde."

    html = snippet(text, [], phrases=[("kommunal", "støt")])

    assert html == (
        "<mark>Kommunal</mark> <mark>støtte</mark> kræver en ansøgning."
        " Kommunale tilbud får støtte fra fonde."
    )


def test_a_phrase_with_a_stop_word_is_marked_with_any_one_word_in_its_place():
    text = "Nye frivillige på værestedet. Frivillige fra byen kom til værestedet."

    html = snippet(text, ["byen"], phrases=[("frivil", None, "værested")])

    assert html == (
        "Nye <mark>frivillige</mark> på <mark>værestedet</mark>."
        " Frivillige fra <mark>byen</mark> kom til værestedet."
    )
