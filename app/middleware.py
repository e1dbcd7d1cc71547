"""HEAD wherever GET: FastAPI routes answer only the methods they declare, and RFC 9110 §9.3.2 wants a HEAD
to get the GET's status and headers without its body."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """Answers a HEAD as the GET of the same URL, body dropped. Kept out of the OpenAPI (HEAD is implied)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        # Content-Length stays the GET's, as RFC 9110 §8.6 allows for HEAD.
        await self.app({**scope, "method": "GET"}, receive, without_body)
