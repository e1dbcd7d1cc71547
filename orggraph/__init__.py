"""orggraph: Mexican organizational law as a queryable Neo4j graph.

This package holds what the loaders, the API and the CLI share: settings, errors, the named
Cypher registry, the schema, and the local Neo4j harness.
"""

__version__ = "0.1.0"
