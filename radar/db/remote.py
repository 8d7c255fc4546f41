"""Backup and restore of own radars while the app holds the file.

DuckDB lets one process open a database file for writing and then no other process may open
it at all, so `python -m radar backup` cannot read the file the running app is using. The
process that has the file open therefore listens on a local (Unix) socket in a folder only
its user can enter, and the command line asks it for the backup, or hands it the restore,
over that socket. Without a running app the command line opens the file itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import socket
import tempfile
import threading
from pathlib import Path
from typing import Any

from radar.errors import DataError, RadarError

log = logging.getLogger(__name__)
#: Seconds the command line waits for the app's answer (a restore of many radars takes a while).
TIMEOUT = 120
_servers: dict[str, socket.socket] = {}
_lock = threading.Lock()


def socket_path(db_file: Path) -> Path:
    """Where the process holding `db_file` listens: a per-user folder (mode 0700) in the temp folder."""
    folder = Path(tempfile.gettempdir()) / f"teknologiradar-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.stat().st_uid != os.getuid() or folder.stat().st_mode & 0o077:
        raise DataError("backup_error_socket_folder", folder=str(folder))
    digest = hashlib.sha256(str(Path(db_file).resolve()).encode()).hexdigest()[:24]
    return folder / f"{digest}.sock"


def serve(db_file: Path) -> None:
    """Start answering backup and restore requests for `db_file` (idempotent; a daemon thread)."""
    key = str(Path(db_file).resolve())
    with _lock:
        if key in _servers:
            return
        try:
            where = socket_path(db_file)
            with contextlib.suppress(FileNotFoundError):
                where.unlink()  # left by a process that ended: we hold the database now
            server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            server.bind(str(where))
            os.chmod(where, 0o600)
            server.listen(4)
        except (OSError, RadarError) as error:  # the app still works; only the socket backup does not
            log.warning("backup socket for %s not started: %s", db_file, error)
            return
        _servers[key] = server
    threading.Thread(target=_accept, args=(server, Path(db_file)), name="own-backup-socket", daemon=True).start()


def stop(db_file: Path) -> None:
    """Stop answering for `db_file` (when its connection is closed)."""
    key = str(Path(db_file).resolve())
    with _lock:
        server = _servers.pop(key, None)
    if server is not None:
        server.close()
        with contextlib.suppress(OSError, RadarError):
            socket_path(db_file).unlink()


def _accept(server: socket.socket, db_file: Path) -> None:
    while True:
        try:
            client, _ = server.accept()
        except OSError:
            return  # closed by stop()
        with client:
            try:
                answer = _answer(db_file, json.loads(_receive(client)))
            except RadarError as error:
                answer = {"ok": False, "key": error.key, "params": {k: str(v) for k, v in error.params.items()}}
            except Exception:  # noqa: BLE001 - the app must keep running; the command line gets a message
                log.exception("backup socket request failed")
                answer = {"ok": False, "key": "backup_error_server", "params": {}}
            with contextlib.suppress(OSError):
                client.sendall(json.dumps(answer, ensure_ascii=False).encode())


def _answer(db_file: Path, request: dict[str, Any]) -> dict[str, Any]:
    from radar.db import own

    if request.get("op") == "backup":
        return {"ok": True, "backup": own.backup_data(db_file)}
    if request.get("op") == "restore":
        return {"ok": True, "restored": own.restore_data(db_file, request.get("backup"))}
    raise DataError("backup_error_server")


def _receive(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def ask(db_file: Path, request: dict[str, Any]) -> dict[str, Any] | None:
    """The running app's answer to `request`, or None when no process is serving `db_file`."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(TIMEOUT)
    try:
        client.connect(str(socket_path(db_file)))
    except (FileNotFoundError, ConnectionRefusedError):
        client.close()
        return None
    with client:
        client.sendall(json.dumps(request, ensure_ascii=False).encode())
        client.shutdown(socket.SHUT_WR)
        answer = json.loads(_receive(client))
    if not answer.get("ok"):
        raise DataError(answer.get("key", "backup_error_server"), **answer.get("params", {}))
    return answer
