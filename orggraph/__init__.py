"""orggraph: Mexican organizational law as a queryable Neo4j graph.

The ground floor (docs/architecture.md): what the loaders, the question reader, the API and the CLI
share — settings, errors, the named Cypher registry, the schema, the local Neo4j harness, Spanish folding
(folding) and the lexicon. It imports nothing else of the project.
"""

__version__ = "0.1.0"
