"""A small HTTP/1.1 load generator: N keep-alive connections over loopback for a fixed time.

Python HTTP clients (httpx) spend more CPU per request than the API does on a cached answer, and on
two cores the client's CPU is taken from the server: this one writes a prepared request and reads the
status line, the headers and ``Content-Length`` bytes, nothing more. It refuses any host but loopback.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode


@dataclass
class LoadResult:
    """Latencies (ms) of answered requests, the count of errors (a status ≥ 400, a broken connection)."""

    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def pct(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else float("nan")


def request_bytes(host: str, port: int, path: str, params: dict[str, str], headers: dict[str, str]) -> bytes:
    target = path + (f"?{urlencode(params)}" if params else "")
    lines = [f"GET {target} HTTP/1.1", f"Host: {host}:{port}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _loopback(host: str) -> None:
    if host != "localhost" and not ipaddress.ip_address(host).is_loopback:
        raise ValueError(f"bench.load only speaks to loopback, not {host}")


async def _connection(host: str, port: int, request: bytes, until: float, out: LoadResult) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    clock = time.perf_counter
    try:
        while clock() < until:
            start = clock()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
                    break
            if length:
                await reader.readexactly(length)
            out.latencies_ms.append((clock() - start) * 1000)
            out.statuses[status] = out.statuses.get(status, 0) + 1
            if status >= 400:
                out.errors += 1
    except (OSError, asyncio.IncompleteReadError, ValueError):
        out.errors += 1
    finally:
        writer.close()


async def hammer(
    host: str,
    port: int,
    path: str,
    params: dict[str, str] | None = None,
    *,
    connections: int = 64,
    seconds: float = 30.0,
    headers: dict[str, str] | None = None,
) -> LoadResult:
    """``connections`` keep-alive connections asking the same GET as fast as answers come, for ``seconds``."""
    _loopback(host)
    request = request_bytes(host, port, path, params or {}, headers or {})
    started = time.perf_counter()
    out = LoadResult(seconds=seconds)
    await asyncio.gather(*(_connection(host, port, request, started + seconds, out) for _ in range(connections)))
    out.seconds = time.perf_counter() - started
    return out


def run(host: str, port: int, path: str, params: dict[str, str] | None = None, **options: object) -> LoadResult:
    """``hammer`` on uvloop when it is installed (uvicorn[standard] brings it): less client CPU per request."""
    try:
        import uvloop

        return uvloop.run(hammer(host, port, path, params, **options))  # type: ignore[arg-type]
    except ImportError:
        return asyncio.run(hammer(host, port, path, params, **options))  # type: ignore[arg-type]


class RawClient:
    """One keep-alive HTTP/1.1 connection, one request at a time: the API's latency with as little client
    CPU as the driver's baseline spends (httpx adds about half a millisecond a request)."""

    def __init__(self, host: str, port: int) -> None:
        _loopback(host)
        self.host, self.port = host, port
        self._connect()

    def _connect(self) -> None:
        self.sock = socket.create_connection((self.host, self.port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.file = self.sock.makefile("rb")

    def get(self, path: str, params: dict[str, str] | None = None) -> tuple[int, bytes]:
        request = request_bytes(self.host, self.port, path, params or {}, {})
        self.sock.sendall(request)
        first = self.file.readline()
        if not first:  # the server closed an idle connection (uvicorn's keep-alive timeout): once more
            self.close()
            self._connect()
            self.sock.sendall(request)
            first = self.file.readline()
        status = int(first[9:12])
        length = 0
        while (line := self.file.readline()) not in (b"\r\n", b""):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        return status, self.file.read(length)

    def close(self) -> None:
        self.file.close()
        self.sock.close()

    def __enter__(self) -> RawClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
