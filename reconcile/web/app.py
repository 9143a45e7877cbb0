"""The review web app: Starlette routes over a :class:`~reconcile.web.workspace.Workspace`.

Safety, because the page can write the decisions file CI trusts:

* state changes are POSTs carrying the per-run CSRF token (403 without it, nothing written);
* requests must name this machine in their ``Host`` header when the server listens on a
  loopback address, so a web page elsewhere cannot reach it through DNS rebinding;
* every string from a document is escaped by jinja2's autoescaping, and a Content Security
  Policy lets only the app's own script and style run, so a document's ``<script>`` is text;
* the decisions file is fixed when the app is made: no request names a path.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from urllib.parse import parse_qs, quote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claims import ClaimsError

from .views import Filters, discrepancy_page, document_page, list_page, next_unreviewed, when
from .workspace import Snapshot, UnknownDiscrepancy, Workspace

#: Host names that reach a loopback address; the only ones accepted when listening on one.
LOOPBACK_NAMES: frozenset[str] = frozenset({"localhost", "127.0.0.1", "::1"})
#: The largest form body accepted (a note is short).
MAX_FORM_BYTES = 64 * 1024

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", b"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
                                 b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is an address only this machine can reach."""
    host = host.strip("[]").lower()
    return host in LOOPBACK_NAMES or host.startswith("127.")


def _host_name(header: str) -> str:
    """The host of a ``Host`` header, without the port (``[::1]:8765`` -> ``::1``)."""
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class SecurityMiddleware:
    """Refuse requests naming another host (when local only) and add the security headers."""

    def __init__(self, app: ASGIApp, *, allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.allowed_hosts = None if allowed_hosts is None else frozenset(h.lower() for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed_hosts is not None:
            header = dict(scope["headers"]).get(b"host", b"").decode("latin-1").lower()
            if _host_name(header) not in self.allowed_hosts:
                response = Response("Refused: this server answers to 127.0.0.1 and localhost only.\n",
                                    status_code=400, media_type="text/plain")
                await response(scope, receive, send)
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("reconcile.web", "templates"),
        autoescape=True,  # every value is text to show, never markup
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["when"] = when
    environment.filters["url"] = lambda value: quote(value, safe="/")
    return environment


@cache
def _asset(name: str) -> str:
    return resources.files("reconcile.web").joinpath(f"static/{name}").read_text(encoding="utf-8")


def create_app(workspace: Workspace, *, csrf_token: str | None = None,
               allowed_hosts: Iterable[str] | None = tuple(LOOPBACK_NAMES)) -> ASGIApp:
    """The review app for ``workspace``.

    Args:
        workspace: The folders under review, the decisions file and the reviewer.
        csrf_token: The token every POST must carry (default: a new random one per app).
        allowed_hosts: Host names accepted in requests (default: this machine's names);
            ``None`` accepts any (when listening on the network).
    """
    token = csrf_token or secrets.token_urlsafe(32)

    def page(template: str, status_code: int = 200, **context) -> HTMLResponse:
        body = _environment().get_template(template).render(
            csrf_token=token, reviewer=workspace.reviewer, decisions_path=workspace.decisions_name,
            paths=" ".join(workspace.paths), **context)
        return HTMLResponse(body, status_code=status_code)

    def message(title: str, text: str, status_code: int) -> HTMLResponse:
        return page("message.html.j2", status_code=status_code, title=title, text=text)

    async def current():
        """The snapshot, or an error page when the documents or the decisions file cannot be read."""
        try:
            return await run_in_threadpool(workspace.refresh), None
        except ClaimsError as exc:
            return None, message("The check cannot run", f"Error: {exc}", 500)

    async def index(request: Request) -> Response:
        snapshot, error = await current()
        if error:
            return error
        filters = Filters.from_query(request.query_params)
        return page("list.html.j2", title="Discrepancies", view=list_page(snapshot, filters),
                    report=snapshot.report, filter_query=_query(filters), **_saved(snapshot, request))

    async def discrepancy(request: Request) -> Response:
        snapshot, error = await current()
        if error:
            return error
        fingerprint = request.path_params["fingerprint"]
        found = snapshot.discrepancy(fingerprint)
        if found is None:
            return message("No such discrepancy",
                           f"No discrepancy in {' '.join(workspace.paths)} has fingerprint {fingerprint} "
                           "(the documents changed, or it was decided away). Go back to the list.", 404)
        texts = await run_in_threadpool(_texts, workspace, snapshot, found.documents)
        filters = Filters.from_query(request.query_params)
        view = discrepancy_page(snapshot, found, filters, texts)
        return page("discrepancy.html.j2", title=f"{view.fact}: {' vs '.join(view.values)}", view=view,
                    filter_query=_query(view.filters), **_saved(snapshot, request))

    async def decide(request: Request) -> Response:
        form = await _form(request)
        if form is None:
            return message("Refused", "Send the decision from the review page's form.", 400)
        if not secrets.compare_digest(form.get("csrf", "").encode("utf-8"), token.encode("utf-8")):
            return message("Refused",
                           "This form did not come from the review page now running (its security token is "
                           "missing or from an earlier run). Reload the page and decide again; nothing was saved.",
                           403)
        answer = form.get("answer", "")
        if answer not in ("approve", "reject"):
            return message("Refused", "Answer with Approve or Reject.", 400)
        fingerprint = request.path_params["fingerprint"]
        filters = Filters.from_query(form)
        try:
            snapshot = await run_in_threadpool(workspace.refresh)
            found = snapshot.discrepancy(fingerprint)
            value = _chosen_value(form, found.values if found else ()) if answer == "approve" else None
            await run_in_threadpool(workspace.decide, fingerprint, answer, note=form.get("note", ""), value=value)
            snapshot = await run_in_threadpool(workspace.refresh)
        except UnknownDiscrepancy as exc:
            return message("No such discrepancy", f"Error: {exc}", 404)
        except ClaimsError as exc:
            return message("Not saved", f"Error: {exc}", 500)
        following = next_unreviewed(snapshot, filters, after=fingerprint)
        params = {**filters.params(), "saved": fingerprint}
        target = f"/discrepancy/{following}" if following else "/"
        return RedirectResponse(f"{target}?{urlencode(params)}", status_code=303)

    async def document(request: Request) -> Response:
        snapshot, error = await current()
        if error:
            return error
        doc_id = request.path_params["doc"]
        # only a document of the scan is ever read: the id is looked up, never used as a path
        info = snapshot.document(doc_id)
        if info is None:
            return message("No such document",
                           f"No document {doc_id!r} in {' '.join(workspace.paths)}.", 404)
        try:
            text = await run_in_threadpool(workspace.text_of, info)
        except ClaimsError as exc:
            return message("The document cannot be read", f"Error: {exc}", 500)
        return page("document.html.j2", title=doc_id, view=document_page(snapshot, doc_id, text))

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        media = {"review.css": "text/css", "review.js": "text/javascript"}.get(name)
        if media is None:
            return Response("Not found\n", status_code=404, media_type="text/plain")
        return Response(_asset(name), media_type=media)

    routes = [
        Route("/", index),
        Route("/discrepancy/{fingerprint}", discrepancy),
        Route("/discrepancy/{fingerprint}/decision", decide, methods=["POST"]),
        Route("/document/{doc:path}", document),
        Route("/assets/{name}", asset),
    ]
    return SecurityMiddleware(Starlette(routes=routes), allowed_hosts=allowed_hosts)


def _saved(snapshot: Snapshot, request: Request) -> dict:
    """The decision just saved (``?saved=FINGERPRINT`` after a POST), read back from the decisions file."""
    saved = request.query_params.get("saved", "")
    found = snapshot.discrepancy(saved) if saved else None
    review = snapshot.report.review_of(found) if found else None
    return {"saved": saved if review else "", "saved_review": review}


def _query(filters: Filters) -> str:
    params = filters.params()
    return f"?{urlencode(params)}" if params else ""


def _texts(workspace: Workspace, snapshot, doc_ids: Iterable[str]) -> dict[str, str | None]:
    """The documents' texts (``None`` for one that cannot be read now: the page shows sentences only)."""
    texts: dict[str, str | None] = {}
    for doc_id in doc_ids:
        info = snapshot.document(doc_id)
        try:
            texts[doc_id] = workspace.text_of(info) if info else None
        except ClaimsError:
            texts[doc_id] = None
    return texts


async def _form(request: Request) -> dict[str, str] | None:
    """An url-encoded form's fields (first value of each); ``None`` when the body is no such form."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return None
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        return None
    return {name: values[0] for name, values in fields.items()}


def _chosen_value(form: dict[str, str], values: tuple[str, ...]) -> str | None:
    """The correct value picked: one of the values shown, typed text, or none."""
    choice = form.get("value", "")
    if choice == "other":
        return form.get("value_other", "").strip() or None
    if choice.isdigit() and 1 <= int(choice) <= len(values):
        return values[int(choice) - 1]
    return None
