"""A private Dovecot IMAP server on a loopback port, started for the mail tests and stopped
after them. Mails are delivered with IMAP APPEND, as a mail server would file them."""

import imaplib
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail

DOVECOT = Path(shutil.which("dovecot") or "/usr/sbin/dovecot")
USER, PASSWORD = "sekretariat", "postkasse-kode"

CONFIG = """
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {owner}
default_login_user = {owner}
first_valid_uid = {uid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""


@dataclass
class ImapServer:
    port: int

    @property
    def url(self) -> str:
        return f"imap://{USER}:{PASSWORD}@127.0.0.1:{self.port}/INBOX"

    def deliver(self, message: EmailMessage) -> None:
        client = imaplib.IMAP4("127.0.0.1", self.port)
        client.login(USER, PASSWORD)
        client.append("INBOX", "", imaplib.Time2Internaldate(time.time()), message.as_bytes())
        client.logout()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Dovecot stoppede: {log.read_text() if log.exists() else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("Dovecot svarede ikke inden for 10 sekunder")


@pytest.fixture
def imap_server():
    """A fresh Dovecot with one empty mailbox per test."""
    if not DOVECOT.exists():
        skip_or_fail("Dovecot findes ikke (make mail-deps installerer dovecot-imapd)")
    # Not under pytest's tmp dir: Dovecot's unprivileged processes must reach the files.
    root = Path(tempfile.mkdtemp(prefix="vidensbanken-dovecot-"))
    root.chmod(0o755)
    owner = pwd.getpwnam("dovecot") if _has_user("dovecot") else pwd.getpwuid(0)
    for folder in ("run", "state", f"home/{USER}"):
        (root / folder).mkdir(parents=True)
    shutil.chown(root / "home" / USER, owner.pw_uid, owner.pw_gid)
    (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    port = free_port()
    config = root / "dovecot.conf"
    config.write_text(
        CONFIG.format(root=root, port=port, owner=owner.pw_name, uid=owner.pw_uid, gid=owner.pw_gid)
    )
    process = subprocess.Popen([str(DOVECOT), "-F", "-c", str(config)])
    try:
        wait_for(port, process, root / "dovecot.log")
        yield ImapServer(port)
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
