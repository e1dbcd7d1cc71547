"""Run Neo4j Community from the fetched jars, on loopback, without `bin/neo4j`.

The launch line is the one the official bootloader runs
(``java <flags> -cp lib/* org.neo4j.server.CommunityEntryPoint --home-dir ... --console-mode``);
a direct launch has to pass the heap and ``--add-opens`` flags itself.
Every step is idempotent: writing the configuration, setting the initial password, starting a
server that already runs, stopping one that does not.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from orggraph.cypher import query
from orggraph.errors import Neo4jHarnessError
from orggraph.localserver.jars import NEO4J_VERSION, jars_present

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"

# The JVM flags of the 5.26 default neo4j.conf, minus AlwaysPreTouch (slower start, no gain here).
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
]

PID_FILE = "run/orggraph-neo4j.pid"
CONSOLE_LOG = "logs/console.log"


def browser_config(public_url: str) -> dict[str, str]:
    """neo4j.conf settings that make the Neo4j Browser load orggraph's style and guide from the API
    at ``public_url`` when it connects (the API answers the Browser's CORS requests)."""
    base = public_url.rstrip("/")
    host = base.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    assets = f"{base}/neo4j-browser"
    return {
        "browser.post_connect_cmd": f"style {assets}/orggraph.grass; guide {assets}/guide.md",
        "browser.remote_content_hostname_whitelist": f"{host},localhost,127.0.0.1",
    }


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class ServerConfig:
    home: Path
    lib_dir: Path
    bolt_port: int = 7687
    http_port: int = 7474
    auth_enabled: bool = True
    http_enabled: bool = True
    heap: str = "512m"
    pagecache: str = "256m"
    # The most one transaction may hold (db.memory.transaction.max): a query of POST /cypher that collects
    # too much is stopped by Neo4j instead of starving the others; a document's load must fit in it too.
    transaction_memory: str = "256m"
    # Further neo4j.conf settings (e.g. the Browser's post-connect command).
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    http_url: str | None
    version: str | None
    detail: str


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited child not yet reaped) still answers kill(0); it is not running.
    with contextlib.suppress(OSError):
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][:1]
        if state == "Z":
            return False
    return True


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _tail(path: Path, lines: int = 25) -> str:
    if not path.is_file():
        return f"({path} does not exist)"
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(text[-lines:])


KEEP_ALIVE_FOR_REQUESTS = "STREAMING"


class LocalNeo4j:
    """One Neo4j server with its own home directory (conf, data, logs, run, plugins, import)."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.home = config.home.resolve()

    # ----------------------------------------------------------------- configuration
    def conf_text(self) -> str:
        c = self.config
        settings: dict[str, str] = {
            "server.default_listen_address": "127.0.0.1",
            "server.default_advertised_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{c.bolt_port}",
            "server.bolt.advertised_address": f"127.0.0.1:{c.bolt_port}",
            "server.bolt.tls_level": "DISABLED",
            "server.http.enabled": str(c.http_enabled).lower(),
            "server.http.listen_address": f"127.0.0.1:{c.http_port}",
            "server.http.advertised_address": f"127.0.0.1:{c.http_port}",
            "server.https.enabled": "false",
            "dbms.security.auth_enabled": str(c.auth_enabled).lower(),
            "server.memory.heap.initial_size": c.heap,
            "server.memory.heap.max_size": c.heap,
            "server.memory.pagecache.size": c.pagecache,
            "db.memory.transaction.max": c.transaction_memory,
            "server.directories.data": str(self.home / "data"),
            "server.directories.logs": str(self.home / "logs"),
            "server.directories.run": str(self.home / "run"),
            "server.directories.plugins": str(self.home / "plugins"),
            "server.directories.import": str(self.home / "import"),
            "dbms.usage_report.enabled": "false",
            # Ad-hoc Cypher must not read the machine's files: no file:// URLs in LOAD CSV.
            "dbms.security.allow_csv_import_from_file_urls": "false",
            "db.tx_log.rotation.retention_policy": "2 files",
            # Keep-alive messages only while a result streams, not for every request: with the default
            # (ALL) the server hints a receive timeout, and the async driver then wraps every socket read
            # in asyncio.wait_for, which doubled the p50 of the API's quick reads (docs/benchmarks.md).
            "server.bolt.connection_keep_alive_for_requests": KEEP_ALIVE_FOR_REQUESTS,
        }
        settings.update(c.extra)
        lines = ["# Written by orggraph (orggraph/localserver/server.py); rewritten on every start."]
        lines += [f"{key}={value}" for key, value in settings.items()]
        return "\n".join(lines) + "\n"

    def prepare(self) -> None:
        """Create the home folders and (re)write neo4j.conf."""
        if not jars_present(self.config.lib_dir):
            raise Neo4jHarnessError(
                f"The Neo4j jars are not in {self.config.lib_dir}. Run `orggraph neo4j fetch` "
                "on a machine that reaches Maven Central (it needs Maven and Java 17)."
            )
        for sub in ("conf", "data", "logs", "run", "plugins", "import"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        (self.home / "conf" / "neo4j.conf").write_text(self.conf_text(), encoding="utf-8")

    def _classpath(self) -> str:
        return f"{self.config.lib_dir.resolve()}/*:{self.home / 'plugins'}/*"

    def set_initial_password(self, password: str) -> bool:
        """Set the neo4j user's password before the first start. Returns False if already set."""
        if len(password) < 8:
            raise Neo4jHarnessError("The Neo4j password must have at least 8 characters.")
        if (self.home / "data" / "dbms" / "auth.ini").exists():
            return False
        self.prepare()
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")}
        result = subprocess.run(
            ["java", "-cp", self._classpath(), ADMIN_TOOL, "dbms", "set-initial-password", password],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise Neo4jHarnessError(f"set-initial-password failed:\n{result.stdout}{result.stderr}")
        self.protect_auth_file()
        return True

    # ----------------------------------------------------------------- process
    @property
    def pid_file(self) -> Path:
        return self.home / PID_FILE

    @property
    def console_log(self) -> Path:
        return self.home / CONSOLE_LOG

    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _pid_alive(pid) else None

    def command(self) -> list[str]:
        c = self.config
        return [
            "java",
            f"-Xms{c.heap}",
            f"-Xmx{c.heap}",
            *JVM_FLAGS,
            "-cp",
            self._classpath(),
            ENTRY_POINT,
            f"--home-dir={self.home}",
            f"--config-dir={self.home / 'conf'}",
            "--console-mode",
        ]

    def start(self, *, auth: tuple[str, str] | None = None, timeout: float = 180.0) -> bool:
        """Start detached and wait until Bolt answers. Returns False if it was already running."""
        if self.pid() is not None:
            self.wait_ready(auth=auth, timeout=timeout)
            self.protect_auth_file()
            return False
        self.prepare()
        ports = [self.config.bolt_port] + ([self.config.http_port] if self.config.http_enabled else [])
        taken = [port for port in ports if port_in_use(port)]
        if taken:
            # Without this check the readiness probe would happily talk to whatever holds the port.
            raise Neo4jHarnessError(
                f"Port(s) {taken} on 127.0.0.1 are already in use by another process; "
                "stop it or choose other ports (ORGGRAPH_NEO4J_BOLT_PORT, ORGGRAPH_NEO4J_HTTP_PORT)."
            )
        self.console_log.parent.mkdir(parents=True, exist_ok=True)
        with self.console_log.open("ab") as log:
            process = subprocess.Popen(
                self.command(),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=self.home,
                start_new_session=True,
            )
        self.pid_file.write_text(str(process.pid))
        # Reap the server when it exits, however it is stopped (`orggraph neo4j stop` runs in another process):
        # without a wait() it stays a zombie under a long-lived parent such as `orggraph up`.
        threading.Thread(target=process.wait, name=f"neo4j-reaper-{process.pid}", daemon=True).start()
        try:
            self.wait_ready(auth=auth, timeout=timeout, process=process)
        except Neo4jHarnessError:
            self.stop()
            raise
        self.protect_auth_file()
        return True

    def protect_auth_file(self) -> None:
        """Neo4j writes data/dbms/auth.ini (user names and password hashes) world-readable: make it the owner's."""
        auth = self.home / "data" / "dbms" / "auth.ini"
        if auth.is_file():
            auth.chmod(0o600)

    def wait_ready(
        self, *, auth: tuple[str, str] | None, timeout: float, process: subprocess.Popen[bytes] | None = None
    ) -> str:
        """Poll Bolt until it answers; fail fast with the log tail if the process dies."""
        deadline = time.monotonic() + timeout
        last_error = "no attempt yet"
        while time.monotonic() < deadline:
            exited = process.poll() if process is not None else None
            if exited is not None or (process is None and self.pid() is None):
                code = f" with exit code {exited}" if exited is not None else ""
                raise Neo4jHarnessError(
                    f"Neo4j exited{code} before it answered on {self.config.bolt_uri}.\n"
                    f"--- {self.console_log} ---\n{_tail(self.console_log)}\n"
                    f"--- debug.log ---\n{_tail(self.home / 'logs' / 'debug.log', 10)}"
                )
            try:
                return self.server_version(auth=auth)
            except AuthError as exc:
                raise Neo4jHarnessError(
                    f"Neo4j answers on {self.config.bolt_uri} but refused the credentials: {exc.message}. "
                    "Was the password changed, or set in NEO4J_PASSWORD after the first start?"
                ) from exc
            except (ServiceUnavailable, OSError) as exc:
                last_error = str(exc)
            time.sleep(0.4)
        raise Neo4jHarnessError(
            f"Neo4j did not answer on {self.config.bolt_uri} within {timeout:.0f}s ({last_error}).\n"
            f"--- {self.console_log} ---\n{_tail(self.console_log)}"
        )

    def server_version(self, *, auth: tuple[str, str] | None) -> str:
        with GraphDatabase.driver(self.config.bolt_uri, auth=auth, connection_timeout=2) as driver:
            driver.verify_connectivity()
            records, _, _ = driver.execute_query(query("neo4j_version"), database_="system")
            return str(records[0]["version"])

    def stop(self, timeout: float = 60.0) -> bool:
        """SIGTERM (a clean shutdown), then SIGKILL after ``timeout``. Returns False if not running."""
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            if not _pid_alive(pid):
                break
            time.sleep(0.2)
        else:
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True

    def status(self, *, auth: tuple[str, str] | None) -> ServerStatus:
        pid = self.pid()
        http = self.config.http_url if self.config.http_enabled else None
        if pid is None:
            return ServerStatus(False, None, self.config.bolt_uri, http, None, "not running")
        try:
            version = self.server_version(auth=auth)
        except Exception as exc:
            return ServerStatus(True, pid, self.config.bolt_uri, http, None, f"process up, Bolt: {exc}")
        return ServerStatus(True, pid, self.config.bolt_uri, http, version, "answering")


__all__ = ["NEO4J_VERSION", "LocalNeo4j", "ServerConfig", "ServerStatus", "free_port"]
