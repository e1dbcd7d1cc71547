// GET /search: Lucene over the accent-folded search_text of units, powers, instruments and
// provisions (Spanish analyzer: stemming, stop words). $q is already folded and escaped. With $at, only what
// was law that day (powers and provisions by their window, units by their SOURCE edges'; instruments always).
// Each hit names the documents it comes from (the answer's sources).
CALL db.index.fulltext.queryNodes('search_text', $q, {limit: $fetch})
YIELD node, score
WHERE ($types IS NULL OR labels(node)[0] IN $types)
  AND ($at IS NULL OR CASE WHEN node:Unit THEN EXISTS { (node)-[s:SOURCE]->(:Document)
                             WHERE (s.valid_from IS NULL OR s.valid_from <= $at) AND (s.valid_to IS NULL OR s.valid_to > $at) }
       ELSE (node.valid_from IS NULL OR node.valid_from <= $at) AND (node.valid_to IS NULL OR node.valid_to > $at) END)
WITH node, score ORDER BY score DESC, node.id
WITH collect({node: node, score: score}) AS hits
UNWIND hits[$offset..$offset + $limit] AS hit
WITH hit.node AS n, hit.score AS score, size(hits) AS total
RETURN total, labels(n)[0] AS label, n.id AS id, score,
       coalesce(n.name, n.title, n.heading) AS title, coalesce(n.text, '') AS text, n.aliases AS aliases,
       n.document AS document, n.kind AS kind, n.type AS type, n.organization AS organization,
       [(u:Unit)-[:HAS_POWER]->(n) | u.name][..5] AS holders,
       head([(n)-[:DEFINED_IN]->(pr:Provision) | pr.id]) AS provision,
       n.line_start AS line_start, n.line_end AS line_end,
       CASE WHEN n:Unit THEN [(n)-[:SOURCE]->(d:Document) | d.id] ELSE [n.document] END AS documents
