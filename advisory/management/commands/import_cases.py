from advisory.importers import import_cases
from advisory.management.commands._import import ImportCommand


class Command(ImportCommand):
    help = "Importér sager fra en JSON Lines-fil (én sag pr. linje); kan køres igen."
    noun = "Sager"

    def run_import(self, path, progress):
        return import_cases(path, progress)
