import pytest

from kb.search.query import is_other_form_of_compound, normalise, spellings


def test_ae_oe_aa_can_each_be_read_as_the_danish_letter():
    assert set(spellings("faelles")) == {"faelles", "fælles"}
    assert set(spellings("maaltid")) == {"maaltid", "måltid"}
    assert "værested" in spellings("vaerested")
    assert len(spellings("aabent-hus-foer")) == 4


def test_words_without_ae_oe_aa_have_one_spelling():
    assert spellings("frivillig") == ["frivillig"]


def test_queries_are_normalised_to_lower_case_and_single_spaces():
    assert normalise("  Frivillige   OG  Bestyrelse ") == "frivillige og bestyrelse"


def test_a_query_too_long_is_cut_after_its_last_whole_word():
    pasted = "frivillige " * 18 + "fodplejedage"  # 210 characters
    assert normalise(pasted) == ("frivillige " * 18).strip()
    assert normalise("x" * 250) == "x" * 200  # no word to keep whole


@pytest.mark.parametrize(
    "typed,published,other_form",
    [
        ("trænerkursus", "trænerkurser", True),  # another form of kursus
        ("kontorstol", "kontorstil", False),  # another word: shown as a correction
        ("hestestald", "hestestand", False),
    ],
)
def test_a_compound_in_another_form_of_its_last_word_is_told_from_a_slip(
    typed, published, other_form
):
    assert is_other_form_of_compound(typed, published) is other_form
