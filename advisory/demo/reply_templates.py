"""Standard replies the demo starts with, so a newcomer sees how "Standardsvar" work."""

from advisory.models import ReplyTemplate

ACKNOWLEDGEMENTS = {"Tak for henvendelsen"}
TEMPLATES = {
    "Tak for henvendelsen": (
        "Kære {navn}\n\nTak for din henvendelse om »{emne}«. Vi har registreret den som sag "
        "{reference} og vender tilbage inden for tre arbejdsdage.\n\nVenlig hilsen\n"
        "{sagsbehandler}\nLandsforeningen af Væresteder"
    ),
    "Svar med vejledning": (
        "Kære {navn}\n\nTak for dit spørgsmål. Du kan finde hjælp i vores vejledning her:\n\n"
        "[Indsæt link til vejledningen]\n\nRing endelig på 7592 4000, hvis I vil tale det "
        "igennem.\n\nVenlig hilsen\n{sagsbehandler}\nLandsforeningen af Væresteder"
    ),
}


def ensure_reply_templates() -> None:
    for title, body in TEMPLATES.items():
        ReplyTemplate.objects.get_or_create(
            title=title, defaults={"body": body, "acknowledgement": title in ACKNOWLEDGEMENTS}
        )
