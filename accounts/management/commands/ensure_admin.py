import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

CHANGED = "(ændret siden; sæt ADMIN_PASSWORD og kør igen for at vælge en ny)"


def keep_password(path, password: str) -> None:
    """Written readable by its owner only, from the first byte."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(password)


class Command(BaseCommand):
    help = "Opret administratoren første gang og skriv login-oplysningerne ud."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default=os.environ.get("ADMIN_PASSWORD", ""))

    def handle(self, *args, username: str, password: str, **options):
        password_file = settings.VAR_DIR / "admin-password.txt"
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            password = password or secrets.token_urlsafe(12)
            user = user_model.objects.create_superuser(
                username=username, email="admin@example.org", password=password
            )
            keep_password(password_file, password)
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
            keep_password(password_file, password)
        known = password_file.read_text() if password_file.exists() else ""
        # Changed in the admin since: printing the old one would only send people astray.
        shown = known if known and user.check_password(known) else CHANGED
        self.stdout.write(
            self.style.SUCCESS(f"Admin-login: {settings.WAGTAILADMIN_BASE_URL}/admin/  ")
            + f"brugernavn: {username}  adgangskode: {shown}"
        )
