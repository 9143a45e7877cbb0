"""Listening: bind the socket first (a port in use is a one-line error), then hand it to uvicorn."""

from __future__ import annotations

import errno
import signal
import socket
import threading

from ..errors import ReconcileError


class ServeError(ReconcileError):
    """The server cannot listen where asked."""


def bind_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (port 0: a free one), before any server starts.

    Binding here, not in uvicorn, turns a port in use into an error the CLI can print in
    one line, and leaves no window in which another program takes the port.

    Raises:
        ServeError: the port is in use, or the host is not an address of this machine.
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise ServeError(f"--host {host}: not an address of this machine ({exc.strerror}); "
                         "use 127.0.0.1 (the default)") from None
    sock = socket.socket(family, kind, proto)
    try:
        # a restart right after a stop may reuse the port (never one another server listens on)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} on {host} is in use; stop the other server or choose another "
                             "port with --port") from None
        raise ServeError(f"cannot listen on {host} port {port} ({exc.strerror}); "
                         "choose another --host or --port") from None
    sock.set_inheritable(True)
    return sock


def page_url(host: str, port: int) -> str:
    """The address a browser on this machine opens (a wildcard host is reached on 127.0.0.1)."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


class _Stopped(Exception):
    """SIGTERM, raised again by uvicorn after its graceful shutdown."""


def _stopped(signum, frame) -> None:
    raise _Stopped


def run_server(app, sock: socket.socket) -> None:
    """Serve ``app`` on the bound ``sock`` until Ctrl-C or SIGTERM; uvicorn's own logs stay quiet.

    Both signals are the normal way to stop: uvicorn shuts down gracefully and then raises
    the signal again, which ends here so the command can say goodbye and exit 0.
    """
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            server_header=False, timeout_graceful_shutdown=5)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _stopped) if main_thread else None
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except (KeyboardInterrupt, _Stopped):
        pass
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
