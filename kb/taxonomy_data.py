"""The shared taxonomy, as the corpus and the secretariat use it."""

TOPICS = {
    "opstart": "Opstart",
    "brugerinddragelse": "Brugerinddragelse",
    "frivillige": "Frivillige",
    "oekonomi-og-fundraising": "Økonomi og fundraising",
    "idraet-og-sundhed": "Idræt og sundhed",
    "netvaerk-og-samarbejde": "Netværk og samarbejde",
    "metoder-og-faglighed": "Metoder og faglighed",
    "digitalt-vaerested": "Digitalt værested",
    "kunst-og-kultur": "Kunst og kultur",
    "ledelse-og-bestyrelse": "Ledelse og bestyrelse",
}

AUDIENCES = {
    "personale": "Personale",
    "frivillige": "Frivillige",
    "ledelse": "Ledelse",
    "brugere": "Brugere",
}
