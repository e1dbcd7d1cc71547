"""A real Neo4j Community server without Docker: jars from Maven Central, run on loopback.

``jars`` resolves the pinned server and Browser jars; ``server`` writes the configuration and
starts, waits for, inspects and stops the process. The CLI (`orggraph neo4j ...`) and the test
fixtures both use these, so the dev server and the test servers are the same code path.
"""

from orggraph.localserver.jars import BROWSER_VERSION, NEO4J_VERSION, ensure_jars, jars_present
from orggraph.localserver.server import LocalNeo4j, ServerConfig, ServerStatus, browser_config, free_port

__all__ = [
    "BROWSER_VERSION",
    "NEO4J_VERSION",
    "LocalNeo4j",
    "ServerConfig",
    "ServerStatus",
    "browser_config",
    "ensure_jars",
    "free_port",
    "jars_present",
]
