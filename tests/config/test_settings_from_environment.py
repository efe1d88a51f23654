import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.management import call_command

from accounts.models import User

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x" * 20 + "productionsecretnotforuse" + "y" * 20,
    "DJANGO_ALLOWED_HOSTS": "viden.lavs.dk",
    "DATABASE_URL": "postgres://vidensbanken@db.invalid:5432/vidensbanken",
}


def manage(*args, env: dict) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**clean_env, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_admin_is_created_once_and_login_is_printed(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("ensure_admin", password="første-kode-123")
    call_command("ensure_admin", password="")

    output = capsys.readouterr().out
    assert output.count("brugernavn: admin  adgangskode: første-kode-123") == 2
    assert User.objects.filter(username="admin", is_superuser=True).count() == 1
    assert User.objects.get(username="admin").check_password("første-kode-123")
    assert (tmp_path / "admin-password.txt").stat().st_mode & 0o777 == 0o600


@pytest.mark.django_db
def test_a_password_changed_in_the_admin_is_not_printed_as_the_login(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("ensure_admin", password="første-kode-123")
    admin = User.objects.get(username="admin")
    admin.set_password("min-egen-kode")
    admin.save()
    capsys.readouterr()

    call_command("ensure_admin", password="")

    output = capsys.readouterr().out
    assert "første-kode-123" not in output
    assert "adgangskode: (ændret siden; sæt ADMIN_PASSWORD" in output
