// GET /amendments: what changed, provision by provision, filtered by date, authority and kind; with $at, the
// amendments made on or before that day (as the law stood then: later reforms had not happened), each
// provision's status as it was that day.
MATCH (p:Provision)-[r:AMENDED_BY]->(a:Amendment)
WHERE ($date IS NULL OR a.date = date($date))
  AND ($at IS NULL OR a.date <= $at)
  AND ($authority IS NULL OR a.authority = $authority)
  AND ($kind IS NULL OR r.kind = $kind)
  AND ($document IS NULL OR a.document = $document)
WITH p, r, a ORDER BY a.date, a.authority, p.line_start, p.id, r.kind
WITH collect({date: a.date, authority: a.authority, authority_name: a.authority_name, kind: r.kind,
              scope: r.scope, document: a.document, line: r.line_start,
              provision: p {.id, .kind, .number, .heading, .text,
                            status: CASE WHEN $at IS NULL THEN p.status
                                         WHEN p.valid_to IS NOT NULL AND p.valid_to <= $at THEN 'derogated'
                                         ELSE 'in_force' END}}) AS matched
RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
