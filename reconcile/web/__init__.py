"""The web review: a local page where reviewers read each flag in context and approve or reject it.

Example::

    from reconcile import Config
    from reconcile.web import Workspace, create_app

    app = create_app(Workspace(["docs/"], config=Config(), decisions_path="reconcile-decisions.json",
                               reviewer="alice"))

``reconcile serve`` wires it to the CLI's options and runs it on uvicorn.
"""

from .app import create_app, is_loopback
from .server import ServeError, bind_socket, page_url, run_server
from .workspace import Snapshot, UnknownDiscrepancy, Workspace

__all__ = [
    "ServeError",
    "Snapshot",
    "UnknownDiscrepancy",
    "Workspace",
    "bind_socket",
    "create_app",
    "is_loopback",
    "page_url",
    "run_server",
]
