// ?at=: which documents behind an answer speak for $at (from their history_from: publication, or an earlier
// event they tell), and whether the unit asked about was law on $at by any of them. The scope is the unit
// ($id), the organization or the document a route is about; with none, every document that speaks for
// $at (found through the document_history_from range index). Each branch starts from a constrained id.
CALL () {
  MATCH (:Unit {id: $id})-[s:SOURCE]->(d:Document)
  RETURN d, s
  UNION
  MATCH (:Organization {id: $organization})-[:SOURCE]->(d:Document)
  WHERE d.organization = $organization
  RETURN d, null AS s
  UNION
  MATCH (d:Document {id: $document})
  RETURN d, null AS s
  UNION
  MATCH (d:Document)
  WHERE d.history_from <= $at AND $id IS NULL AND $organization IS NULL AND $document IS NULL
  RETURN d, null AS s
}
WITH d, s
RETURN min(d.history_from) AS since,
       collect(DISTINCT d.id) AS documents,
       [x IN collect(s) WHERE (x.valid_from IS NULL OR x.valid_from <= $at)
                           AND (x.valid_to IS NULL OR x.valid_to > $at) | x.document] AS unit_sources,
       min(s.valid_from) AS unit_from
