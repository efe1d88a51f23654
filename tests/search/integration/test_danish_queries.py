"""A person types Danish the way people do: the intended page is found on every backend."""

import pytest

from kb.models import SearchQueryLog, Synonym
from tests.factories import (
    FaqPageFactory,
    GuidePageFactory,
    MethodPageFactory,
    PublicationPageFactory,
    TopicFactory,
    section,
)
from tests.search.helpers import search, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(search_backend):
    MethodPageFactory(
        parent=section("metoder"),
        title="Frivilligheden på værestedet",
        summary="Sådan tager I imod nye frivillige.",
    )
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Det fælles måltid",
        summary="Mad, fællesskab og brugerinddragelse omkring bordet.",
    )
    FaqPageFactory(
        parent=section("spoergsmaal-og-svar"),
        title="Kommunal støtte efter serviceloven",
        summary="Hvordan søger et værested driftsstøtte hos kommunen?",
    )
    search_backend.refresh()


def test_an_inflected_form_finds_the_page(client, pages):
    assert titles(client, "frivillig")[0] == "Frivilligheden på værestedet"


def test_ae_oe_aa_typed_for_aeoeaa_finds_the_page(client, pages):
    assert titles(client, "faelles maaltid")[0] == "Det fælles måltid"
    found = titles(client, "vaerested")  # all three say "værested"; one in its title
    assert found[0] == "Frivilligheden på værestedet" and len(found) == 3


def test_a_loanwords_e_typed_without_its_accent_finds_the_page(client, search_backend):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Caféen som mødested",
        summary="Gode idéer til en café, hvor alle kan være med.",
    )
    search_backend.refresh()

    for typed in ("cafe", "cafeen", "ideer til en cafe"):
        assert titles(client, typed) == ["Caféen som mødested"], typed
    assert search(client, "cafe").query.suggestion == "café"


def test_a_one_letter_typo_finds_the_page_and_suggests_the_spelling(client, pages):
    outcome = search(client, "brugerindragelse")

    assert outcome.results[0].title == "Det fælles måltid"
    assert outcome.query.suggestion == "brugerinddragelse"


def test_a_corrected_search_says_so_and_can_be_searched_as_typed(client, pages):
    page = client.get("/soeg/", {"q": "brugerindragelse"}).content.decode()

    assert "Viser resultater for <strong>brugerinddragelse</strong>." in page
    assert "1 resultat for »brugerinddragelse«" in page
    assert '<a href="?q=brugerindragelse&amp;som_skrevet=ja">' in page

    response = client.get("/soeg/", {"q": "brugerindragelse", "som_skrevet": "ja"})
    page = response.content.decode()

    assert response.context["outcome"].total == 0
    assert "Ingen resultater for »brugerindragelse«" in page
    assert 'Mente du <a href="?q=brugerinddragelse">brugerinddragelse</a>?' in page
    assert SearchQueryLog.objects.count() == 1  # one search, looked at two ways


def test_words_no_page_contains_are_named_beside_the_results_of_the_rest(client, pages):
    page = client.get("/soeg/", {"q": "hash og skunk på værestedet"}).content.decode()
    found = client.get("/soeg/", {"q": "frivillige på værestedet"}).content.decode()

    assert "Ingen sider indeholder »hash« eller »skunk«, så resultaterne passer til resten" in page
    assert "Frivilligheden på værestedet" in page
    assert "Ingen sider indeholder" not in found
    assert search(client, "hash skunk").query.unfound == []  # no rest for results to fit


def test_a_single_digit_is_not_named_as_a_word_no_page_contains(client, pages):
    page = client.get("/soeg/", {"q": "værestedet 1"}).content.decode()

    assert "Frivilligheden på værestedet" in page
    assert "Ingen sider indeholder" not in page


def test_a_word_published_in_both_spellings_is_no_correction(client, search_backend):
    GuidePageFactory(parent=section("vejledninger"), title="Værestederne i Aarhus")
    GuidePageFactory(parent=section("vejledninger"), title="Århus før 2011")
    search_backend.refresh()

    outcome = search(client, "aarhus")

    assert outcome.total == 2 and outcome.query.suggestion == "" and not outcome.corrected


def test_autocomplete_corrects_a_slip_as_the_search_page_does(client, pages):
    suggested = client.get("/soeg/autocomplete/", {"q": "frivilighede"}).json()["results"]

    assert [result["title"] for result in suggested] == ["Frivilligheden på værestedet"]


def test_words_in_quotes_are_read_with_aeoeaa_and_corrected_as_a_phrase(client, pages):
    assert titles(client, '"faelles maaltid"') == ["Det fælles måltid"]

    outcome = search(client, '"brugerindragelse omkring"')

    assert [hit.title for hit in outcome.results] == ["Det fælles måltid"]
    assert outcome.query.suggestion == '"brugerinddragelse omkring"'


def test_autocomplete_reads_a_and_o_as_aa_and_oe_while_a_word_is_typed(client, search_backend):
    MethodPageFactory(parent=section("metoder"), title="Husmødet som metode")
    MethodPageFactory(parent=section("metoder"), title="De små skridts metode")
    search_backend.refresh()

    def suggested(typed):
        results = client.get("/soeg/autocomplete/", {"q": typed}).json()["results"]
        return [result["title"] for result in results]

    assert suggested("husmo") == ["Husmødet som metode"]
    assert suggested("sma skri") == ["De små skridts metode"]


def test_a_synonym_added_by_an_editor_works_at_once(client, pages):
    assert titles(client, "ildsjæle") == []

    Synonym.objects.create(term="Ildsjæle", synonyms="frivillig, frivillige")

    assert titles(client, "ildsjæle")[0] == "Frivilligheden på værestedet"


def test_the_page_says_which_synonyms_were_searched_beside_the_typed_words(client, pages):
    Synonym.objects.create(term="Ildsjæle", synonyms="frivillig, frivillige")

    page = client.get("/soeg/", {"q": "ildsjæle"}).content.decode()
    typed_too = client.get("/soeg/", {"q": "ildsjæle frivillige"}).content.decode()

    searched_too = "Der er også søgt efter »frivillig« og »frivillige«, som redaktionen har knyttet"
    assert f"{searched_too} til din søgning." in page
    assert "Der er også søgt efter" not in typed_too  # nothing to add to what was typed


def test_autocomplete_suggests_what_an_editors_synonym_stands_for(client, pages):
    Synonym.objects.create(term="Ildsjæle", synonyms="frivillig, frivillige")

    suggested = client.get("/soeg/autocomplete/", {"q": "ildsjæle"}).json()["results"]

    assert [result["title"] for result in suggested] == ["Frivilligheden på værestedet"]


def test_an_inflected_form_of_a_synonym_finds_what_the_synonym_does(client, pages):
    Synonym.objects.create(term="Ildsjæl", synonyms="frivillig")

    assert titles(client, "ildsjælene")[0] == "Frivilligheden på værestedet"


def test_a_section_sign_synonym_finds_words_the_page_uses(client, pages):
    Synonym.objects.update_or_create(term="§18", defaults={"synonyms": "kommunal støtte"})

    assert titles(client, "§18")[0] == "Kommunal støtte efter serviceloven"


def test_a_number_alone_is_searched_though_a_synonym_term_has_it(client, search_backend):
    FaqPageFactory(
        parent=section("spoergsmaal-og-svar"),
        title="Forskellen på §18 og §104",
        summary="Frivilligt socialt arbejde eller et tilbud efter serviceloven.",
    )
    search_backend.refresh()
    Synonym.objects.update_or_create(term="paragraf 104", defaults={"synonyms": "§104"})

    assert titles(client, "104") == ["Forskellen på §18 og §104"]
    page = client.get("/soeg/", {"q": "104 frivilligt"}).content.decode()
    assert "Ingen sider indeholder »104«" not in page  # the page has it, after its §


def test_a_synonym_of_several_words_finds_them_together_not_apart(client, search_backend):
    MethodPageFactory(
        parent=section("metoder"), title="Ansøg om kommunal støtte", summary="Sådan søger I."
    )
    MethodPageFactory(
        parent=section("metoder"),
        title="Tavshedspligt",
        summary="Den kommunale sagsbehandler og jeres støtte til brugerne.",
    )
    search_backend.refresh()
    Synonym.objects.update_or_create(term="§18", defaults={"synonyms": "kommunal støtte"})

    assert titles(client, "§18") == ["Ansøg om kommunal støtte"]


def test_quotes_search_for_the_exact_phrase(client, search_backend):
    MethodPageFactory(parent=section("metoder"), title="De små skridts metode")
    MethodPageFactory(
        parent=section("metoder"), title="Skridt for skridt", summary="Små og store ting."
    )
    search_backend.refresh()

    assert titles(client, '"små skridts"') == ["De små skridts metode"]
    assert len(titles(client, "små skridts")) == 2
    for quoted in ("»små skridts«", "„små skridts“", "“små skridts”"):  # as Danish prints them
        assert titles(client, quoted) == ["De små skridts metode"], quoted


def test_the_matched_words_are_highlighted_in_an_escaped_snippet(client, search_backend):
    MethodPageFactory(
        parent=section("metoder"),
        title="Husmøder",
        summary="Husmødet <b>samler</b> brugerne hver uge om fælles beslutninger.",
    )
    search_backend.refresh()

    html = client.get("/soeg/", {"q": "husmøder"}).content.decode()

    assert "<mark>Husmødet</mark> &lt;b&gt;samler&lt;/b&gt; brugerne" in html


def test_a_snippet_reads_a_heading_and_the_text_under_it_as_two_sentences(client, search_backend):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Find de rigtige lokaler",
        body=[
            {"type": "heading", "value": {"text": "Beliggenhed", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Ligger zebralokalerne tæt på brugerne?</p>"},
        ],
    )
    search_backend.refresh()

    hit = search(client, "zebralokalerne").results[0]

    assert "Beliggenhed. Ligger <mark>zebralokalerne</mark>" in hit.text


def test_a_snippet_ends_with_the_articles_own_words_not_its_authors_or_topics(
    client, search_backend
):
    MethodPageFactory(
        parent=section("metoder"),
        title="Erfaringer",
        summary="Rapport om zebrakvistmetoden i praksis.",
        authors="Karen Holm",
        topics=[
            TopicFactory(slug="netvaerk", name="Netværk og samarbejde"),
            TopicFactory(slug="frivillige", name="Frivillige"),
        ],
    )
    search_backend.refresh()

    hit = search(client, "zebrakvistmetoden").results[0]

    assert hit.text == (
        "Rapport om <mark>zebrakvistmetoden</mark> i praksis. Brødtekst om værestedet."
    )
    assert hit.topics == ["Frivillige", "Netværk og samarbejde"]


def test_the_editors_choices_in_a_body_are_not_searched_only_its_words(client, search_backend):
    MethodPageFactory(
        parent=section("metoder"),
        title="Husmødet",
        summary="Sådan holder I husmøde.",
        body=[
            {"type": "heading", "value": {"text": "Dagsordenen", "level": "h2"}},
            {
                "type": "callout",
                "value": {"kind": "warning", "title": "", "text": "<p>Referat</p>"},
            },
        ],
    )
    search_backend.refresh()
    assert titles(client, "dagsorden") == ["Husmødet"]
    assert titles(client, "niveau") == []  # the heading's level, "Niveau 2"
    assert titles(client, "pas") == []  # the box's kind, "Pas på"


def test_a_compound_of_published_words_finds_the_page_with_both(client, search_backend):
    FaqPageFactory(
        parent=section("spoergsmaal-og-svar"),
        title="Frivillige: forsikring, kørsel og godtgørelse",
        summary="Hvad dækker forsikringen, og hvad må vi betale?",
    )
    GuidePageFactory(parent=section("vejledninger"), title="Kørsel til udflugter")
    search_backend.refresh()

    outcome = search(client, "kørselsgodtgørelse")

    assert outcome.results[0].title == "Frivillige: forsikring, kørsel og godtgørelse"
    assert outcome.query.suggestion == ""  # the compound is right; splitting it is a mistake
    page = client.get("/soeg/", {"q": "kørselsgodtgørelse"}).content.decode()
    assert (
        "Ingen sider indeholder »kørselsgodtgørelse«, så der er søgt efter »kørsel« og"
        " »godtgørelse«." in page
    )


def test_letters_and_digits_written_together_are_searched_apart(client, search_backend):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Søg om støtte efter paragraf 18",
        summary="Kommunen giver tilskud til frivilligt socialt arbejde.",
    )
    GuidePageFactory(parent=section("vejledninger"), title="Paragraffer for foreninger")
    search_backend.refresh()

    outcome = search(client, "paragraf18")

    assert outcome.results[0].title == "Søg om støtte efter paragraf 18"
    page = client.get("/soeg/", {"q": "paragraf18"}).content.decode()
    assert "Ingen sider indeholder »paragraf18«, så der er søgt efter »paragraf« og »18«." in page
    single = client.get("/soeg/", {"q": "p18"}).content.decode()
    assert "så der er søgt efter »18«." in single  # a single letter is no word to search by


def test_a_part_that_ends_in_s_keeps_it_where_that_is_the_word(client, search_backend):
    GuidePageFactory(parent=section("vejledninger"), title="Mål pulsen: en måler til motion")
    GuidePageFactory(parent=section("vejledninger"), title="Hvad er en normal puls?")
    search_backend.refresh()

    page = client.get("/soeg/", {"q": "pulsmåler"}).content.decode()

    assert "så der er søgt efter »puls« og »måler«." in page  # not »pul«, a stem only


def test_an_s_after_a_word_that_takes_the_linking_s_is_not_read_as_the_next_words(
    client, search_backend
):
    GuidePageFactory(parent=section("vejledninger"), title="Træning for alle")
    GuidePageFactory(parent=section("vejledninger"), title="Tøj til udflugter")
    GuidePageFactory(parent=section("vejledninger"), title="Støj i lokalet")
    search_backend.refresh()

    page = client.get("/soeg/", {"q": "træningstøj"}).content.decode()

    assert "så der er søgt efter »træning« og »tøj«." in page  # not »støj«
    assert "Støj i lokalet" not in page


def test_an_s_is_read_as_the_linking_s_after_a_word_pages_write_with_it(client, search_backend):
    GuidePageFactory(parent=section("vejledninger"), title="Sport for alle i sportsklubber")
    GuidePageFactory(parent=section("vejledninger"), title="Tøj til udflugter")
    GuidePageFactory(parent=section("vejledninger"), title="Støj i lokalet")
    GuidePageFactory(parent=section("vejledninger"), title="Et hus med plads")
    GuidePageFactory(parent=section("vejledninger"), title="Stand på markedet")
    search_backend.refresh()

    sport = client.get("/soeg/", {"q": "sportstøj"}).content.decode()
    household = client.get("/soeg/", {"q": "husstand"}).content.decode()

    assert "så der er søgt efter »sport« og »tøj«." in sport  # pages write "sportsklubber"
    assert "så der er søgt efter »hus« og »stand«." in household  # no page writes "huss…"


def test_a_short_word_no_page_has_alone_finds_the_compounds_pages_write_it_in(
    client, search_backend
):
    FaqPageFactory(
        parent=section("spoergsmaal-og-svar"),
        title="Godtgørelse til frivillige",
        summary="En skattefri godtgørelse efter Skattestyrelsens satser.",
    )
    FaqPageFactory(
        parent=section("spoergsmaal-og-svar"),
        title="Hvor mange kommer?",
        summary="Over hundrede brugere om ugen.",
    )
    search_backend.refresh()

    assert titles(client, "skat") == ["Godtgørelse til frivillige"]  # skat-t-e-fri
    assert titles(client, "hund") == []  # hundrede is a word of its own, no hund-rede


def test_the_beginning_of_a_published_compound_finds_the_page_with_it(client, search_backend):
    FaqPageFactory(
        parent=section("spoergsmaal-og-svar"),
        title="Må vi skrive brugernes navne ned?",
        summary="Ja, når I følger databeskyttelsesforordningen.",
    )
    GuidePageFactory(parent=section("vejledninger"), title="Data om besøg", summary="Beskyttet.")
    search_backend.refresh()

    outcome = search(client, "databeskyttelse")

    assert [hit.title for hit in outcome.results] == ["Må vi skrive brugernes navne ned?"]
    assert outcome.query.suggestion == ""  # nothing was misspelt


def test_a_compound_of_which_one_part_is_published_finds_that_part(client, search_backend):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Vis jeres effekt",
        summary="Dokumentér, hvad værestedet gør for brugerne.",
    )
    GuidePageFactory(parent=section("vejledninger"), title="Åbent hus")
    search_backend.refresh()

    outcome = search(client, "effektmåling")  # nothing published says "måling"

    assert [hit.title for hit in outcome.results] == ["Vis jeres effekt"]
    assert outcome.query.suggestion == ""
    page = client.get("/soeg/", {"q": "effektmåling"}).content.decode()
    assert "Ingen sider indeholder »effektmåling«, så der er søgt efter »effekt«." in page
    # A short published part is more likely a chance piece of a name than what was meant.
    assert titles(client, "aarhus") == []


def test_a_published_compound_also_finds_pages_on_its_parts_after_the_pages_with_it(
    client, search_backend
):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Mødes hver tirsdag",
        summary="Strikkeklubben har plads til flere.",
    )
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Strik og hækling",
        summary="Garn og pinde til en eftermiddag med strik.",
    )
    GuidePageFactory(parent=section("vejledninger"), title="Strikket til vinteren")
    GuidePageFactory(parent=section("vejledninger"), title="Sådan starter I en klub")
    GuidePageFactory(parent=section("vejledninger"), title="Det fælles måltid")
    search_backend.refresh()

    found = titles(client, "strikkeklub")

    assert found[0] == "Mødes hver tirsdag"
    assert "Strik og hækling" in found and "Det fælles måltid" not in found
    page = client.get("/soeg/", {"q": "strikkeklub"}).content.decode()
    assert "<mark>Strikkeklubben</mark>" in page  # what was searched is marked, not its parts
    assert "<mark>strik</mark>" not in page
    assert "Ingen sider indeholder" not in page  # the compound was found, not searched apart


def test_a_word_is_not_read_as_a_compound_of_a_stem_and_a_small_word(client, search_backend):
    GuidePageFactory(parent=section("vejledninger"), title="Nye frivillige")
    GuidePageFactory(parent=section("vejledninger"), title="Lige muligheder for alle")
    search_backend.refresh()

    assert titles(client, "frivillige") == ["Nye frivillige"]  # frivil-lige is no compound


def test_two_swapped_letters_count_as_one_typo(client, search_backend):
    GuidePageFactory(parent=section("vejledninger"), title="Find de rigtige lokaler")
    search_backend.refresh()

    outcome = search(client, "lokaelr")

    assert [hit.title for hit in outcome.results] == ["Find de rigtige lokaler"]
    assert outcome.query.suggestion == "lokaler"


def test_two_slips_in_a_word_of_seven_letters_find_the_page(client, search_backend):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Sådan finder I nye frivillige",
        summary="Hvor I finder en frivillig, der passer til stedet.",
    )
    search_backend.refresh()

    outcome = search(client, "frivlig")  # one l typed for two, and the i between them left out

    assert [hit.title for hit in outcome.results] == ["Sådan finder I nye frivillige"]
    assert outcome.query.suggestion == "frivillig"


def more_common(word: str) -> None:
    """Three guides with ``word``: the vocabulary counts it more often than the page sought."""
    for number in range(3):
        GuidePageFactory(parent=section("vejledninger"), title=f"{word} {number}", summary=word)


def test_a_letter_typed_without_its_ring_beats_a_more_common_word_as_near(client, search_backend):
    GuidePageFactory(parent=section("vejledninger"), title="Det fælles måltid")
    more_common("Altid")
    search_backend.refresh()

    outcome = search(client, "maltid")

    assert outcome.results[0].title == "Det fælles måltid"
    assert outcome.query.suggestion == "måltid"


def test_a_compound_typed_as_two_words_finds_the_page_and_suggests_one_word(client, search_backend):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Fra idé til forening",
        summary="Vedtægter og den stiftende generalforsamling.",
    )
    more_common("Opsamling")
    search_backend.refresh()

    outcome = search(client, "general forsamling")

    assert outcome.results[0].title == "Fra idé til forening"
    assert outcome.query.suggestion == "generalforsamling"
    assert outcome.query.unfound == []  # not "no page contains »general«": the whole word found


def test_small_words_typed_apart_are_not_read_as_one_word(client, search_backend):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Start et værested i din by",
        summary="Hvad er et værested, og hvordan kommer man i gang? Manet i havnen er et emne.",
    )
    search_backend.refresh()

    outcome = search(client, "hvordan starter man et værested")

    assert outcome.query.suggestion == ""  # not "hvordan starter manet værested"
    assert search(client, "hvad er et værested").query.suggestion == ""  # not "hvader"
    assert outcome.results[0].title == "Start et værested i din by"


def test_a_phrase_written_as_one_word_is_read_as_its_words(client, search_backend):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Kom godt i gang",
        summary="De første skridt, når værestedet åbner.",
    )
    search_backend.refresh()

    outcome = search(client, "kom igang")

    assert outcome.results[0].title == "Kom godt i gang"
    assert outcome.query.suggestion == "kom i gang"  # not "kom gang"
    assert search(client, "ifølge").query.suggestion == ""  # one word: not "i følge"


def test_a_common_danish_word_no_page_has_is_not_read_as_a_word_one_letter_away(
    client, search_backend
):
    GuidePageFactory(
        parent=section("vejledninger"), title="Midt i byen", summary="Et centralt sted."
    )
    FaqPageFactory(
        parent=section("spoergsmaal-og-svar"),
        title="Husregler og karantæne",
        summary="Hvornår en bruger kan blive bedt om at gå for en tid.",
    )
    search_backend.refresh()

    outcome = search(client, "bruger smidt ud")

    assert outcome.query.suggestion == ""  # not "bruger midt ud"
    assert outcome.query.unfound == ["smidt"]
    assert [hit.title for hit in outcome.results] == ["Husregler og karantæne"]


def test_another_form_of_a_common_word_finds_the_page_without_a_correction(client, search_backend):
    GuidePageFactory(parent=section("vejledninger"), title="Kommunale tilskud til væresteder")
    search_backend.refresh()

    outcome = search(client, "kommunalt tilskud")

    assert outcome.results[0].title == "Kommunale tilskud til væresteder"
    assert outcome.query.suggestion == ""


def test_another_form_of_a_compound_finds_the_page_without_a_correction(client, search_backend):
    GuidePageFactory(parent=section("vejledninger"), title="Trænerkurser for frivillige")
    search_backend.refresh()

    outcome = search(client, "trænerkursus")

    assert outcome.results[0].title == "Trænerkurser for frivillige"
    assert outcome.query.suggestion == ""  # trænerkursus is no slip for trænerkurser


def test_a_small_word_typed_with_aa_reads_as_aa_in_the_correction(client, pages):
    outcome = search(client, "faelles maaltid paa vaerestedet")

    assert outcome.results[0].title == "Det fælles måltid"
    assert outcome.query.suggestion == "fælles måltid på værestedet"


def test_question_words_do_not_put_a_page_first_for_them_alone(client, search_backend):
    FaqPageFactory(
        parent=section("spoergsmaal-og-svar"),
        title="Ofte stillede spørgsmål om medlemskab",
        summary="Hvordan bliver vi medlem? Hvordan får vi rabat? Hvordan melder man sig ud? "
        "Hvordan får vi besked? Hvordan kan vi få frivillige med til landsmødet?",
    )
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Gode råd om rekruttering",
        summary="Nye frivillige finder I gennem netværk, opslag og jeres brugere.",
    )
    search_backend.refresh()

    outcome = search(client, "hvordan får man frivillige")

    assert outcome.results[0].title == "Gode råd om rekruttering"
    assert "hvordan" not in " ".join(outcome.query.stems)


def test_a_noun_made_of_a_published_verb_finds_the_page(client, search_backend):
    MethodPageFactory(
        parent=section("metoder"), title="Kreative værksteder", summary="Brugerne strikker."
    )
    search_backend.refresh()

    outcome = search(client, "strikningen")

    assert [hit.title for hit in outcome.results] == ["Kreative værksteder"]
    assert outcome.query.suggestion == "strikker"


def test_a_noun_in_ing_also_finds_pages_with_its_verb(client, search_backend):
    FaqPageFactory(
        parent=section("spoergsmaal-og-svar"),
        title="Må vi registrere brugerne?",
        summary="GDPR på værestedet.",
    )
    MethodPageFactory(parent=section("metoder"), title="Registrering af fremmøde")
    GuidePageFactory(parent=section("vejledninger"), title="Brugerrådet", summary="Brugerne.")
    search_backend.refresh()

    outcome = search(client, "registrering af brugere")

    assert outcome.results[0].title == "Må vi registrere brugerne?"
    assert outcome.query.suggestion == ""


def test_a_verb_also_finds_pages_with_its_noun_in_ing(client, search_backend):
    PublicationPageFactory(
        parent=section("publikationer"), title="Fødderne først – evaluering af fodpleje"
    )
    GuidePageFactory(parent=section("vejledninger"), title="Evaluere", summary="Sådan gør I.")
    search_backend.refresh()

    outcome = search(client, "evaluere")

    assert "Fødderne først – evaluering af fodpleje" in [hit.title for hit in outcome.results]
    assert outcome.query.suggestion == ""


def test_an_unpublished_verb_finds_the_published_noun_it_makes(client, search_backend):
    PublicationPageFactory(
        parent=section("publikationer"), title="Frivillighed på værestederne – en kortlægning"
    )
    search_backend.refresh()

    outcome = search(client, "kortlægge")

    assert [hit.title for hit in outcome.results] == [
        "Frivillighed på værestederne – en kortlægning"
    ]
    assert outcome.query.suggestion == "kortlægning"
