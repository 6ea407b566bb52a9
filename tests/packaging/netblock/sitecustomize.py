"""Loaded by the network-block test in the child process: every attempt to open an Internet
connection (or resolve a host name) is logged and refused, and at exit the Qt modules that
were loaded are logged too (QtNetwork must not be among them)."""

import atexit
import os
import socket
import sys

_LOG = os.environ["DRAFTING_APP_NETBLOCK_LOG"]
_INET = (socket.AF_INET, socket.AF_INET6)


def _log(line: str) -> None:
    with open(_LOG, "a", encoding="utf-8") as f:
        f.write(line + "\n")


def _refuse(what: str, *args: object) -> None:
    _log(f"NETWORK {what} {args!r}")
    raise OSError(f"network access refused by the test: {what}")


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto


def connect(self: socket.socket, address: object) -> None:
    if self.family in _INET:
        _refuse("connect", address)
    _connect(self, address)


def connect_ex(self: socket.socket, address: object) -> int:
    if self.family in _INET:
        _refuse("connect_ex", address)
    return _connect_ex(self, address)


def sendto(self: socket.socket, *args: object) -> int:
    if self.family in _INET:
        _refuse("sendto", *args)
    return _sendto(self, *args)  # type: ignore[arg-type]


socket.socket.connect = connect  # type: ignore[method-assign]
socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
socket.socket.sendto = sendto  # type: ignore[method-assign]
socket.getaddrinfo = lambda *a, **k: _refuse("getaddrinfo", *a)  # type: ignore[assignment]
socket.create_connection = lambda *a, **k: _refuse("create_connection", *a)  # type: ignore[assignment]


@atexit.register
def _modules() -> None:
    qt = sorted(m for m in sys.modules if m.startswith("PySide6."))
    _log("QT " + " ".join(qt))
