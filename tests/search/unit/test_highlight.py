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


def test_a_letter_whose_lower_case_is_longer_does_not_shift_the_marks():
    html = snippet("İzmir og Istanbul har frivillige.", ["frivil"])

    assert html == "İzmir og Istanbul har <mark>frivillige</mark>."


def test_a_stem_inside_a_word_is_not_marked():
    assert snippet("Ufrivillig ensomhed.", ["frivil"]) == ""


def test_no_comma_after_a_full_stop_where_the_index_joined_two_blocks():
    html = snippet("Hjælp med materialer., Forberedelse, Lokalet er roligt.", ["lokal"])

    assert html == "Hjælp med materialer. Forberedelse, <mark>Lokalet</mark> er roligt."
