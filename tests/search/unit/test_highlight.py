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


def test_a_stem_that_begins_with_a_sign_is_marked():
    html = snippet("Søg om støtte efter §18 i serviceloven.", ["§18", "støt"])

    assert html == "Søg om <mark>støtte</mark> efter <mark>§18</mark> i serviceloven."


def test_a_stem_inside_a_word_is_not_marked():
    assert snippet("Ufrivillig ensomhed.", ["frivil"]) == ""
