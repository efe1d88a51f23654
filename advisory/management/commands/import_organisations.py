from advisory.importers import import_organisations
from advisory.management.commands._import import ImportCommand


class Command(ImportCommand):
    help = (
        "Importér organisationer fra en CSV-fil (name,kind,municipality,… eller admin-listens"
        " eksport: Navn;Type;Kommune;…); kan køres igen."
    )
    noun = "Organisationer"

    def run_import(self, path, progress):
        return import_organisations(path, progress)
