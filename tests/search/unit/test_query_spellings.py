from kb.search.query import normalise, spellings


def test_ae_oe_aa_can_each_be_read_as_the_danish_letter():
    assert set(spellings("faelles")) == {"faelles", "fælles"}
    assert set(spellings("maaltid")) == {"maaltid", "måltid"}
    assert "værested" in spellings("vaerested")
    assert len(spellings("aabent-hus-foer")) == 4


def test_words_without_ae_oe_aa_have_one_spelling():
    assert spellings("frivillig") == ["frivillig"]


def test_queries_are_normalised_to_lower_case_and_single_spaces():
    assert normalise("  Frivillige   OG  Bestyrelse ") == "frivillige og bestyrelse"
