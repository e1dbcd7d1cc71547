// GET /who-may: every power whose actions match $actions (stems, synonyms included) and whose
// object mentions every one of $objects (stems, prefix-tolerant), with every holder and how it
// holds the power, its conditions, cooperation, retention and legal basis. With $at, the powers in force that
// day, held by units that were law then, and the amendments made by then.
//
// The candidates come from the power_stems full-text index: a Lucene query that any power passing
// the WHERE below matches (an action stem; each object stem exactly, as a prefix, or — five letters
// and more — by its prefixes of five letters and more), so the WHERE keeps its exact meaning and the
// query reads only the powers that share the question's stems, however many powers the graph holds.
// Stems are letters (orggraph.lexicon.words), so they need no Lucene escaping. A question with
// neither actions nor objects has no content: the API refuses it before asking (400).
WITH CASE WHEN size($actions) = 0 THEN '' ELSE '+action_stems:(' + reduce(q = '', a IN $actions | q + ' ' + a) + ')' END
     + reduce(q = '', o IN $objects | q + ' +scope_stems:(' + o
       + CASE WHEN size(o) >= 5 THEN ' ' + o + '*' + reduce(t = '', k IN range(5, size(o) - 1) | t + ' ' + left(o, k))
         ELSE '' END + ')') AS lucene
WHERE lucene <> ''
CALL db.index.fulltext.queryNodes('power_stems', lucene) YIELD node AS p
WITH p
WHERE (size($actions) = 0 OR any(s IN p.action_stems WHERE s IN $actions))
  AND all(o IN $objects WHERE any(s IN coalesce(p.scope_stems, []) WHERE s = o
          OR (size(o) >= 5 AND size(s) >= 5 AND (s STARTS WITH o OR o STARTS WITH s))))
  AND ($organization IS NULL OR p.document STARTS WITH $organization + '/')
  AND ($document IS NULL OR p.document = $document)
  AND ($at IS NULL OR ((p.valid_from IS NULL OR p.valid_from <= $at) AND (p.valid_to IS NULL OR p.valid_to > $at)))
MATCH (p)-[:DEFINED_IN]->(prov:Provision)-[:SOURCE]->(d:Document)
CALL (p) {
  // A unit's titular, or the organization's own titular ("la persona Titular de la Secretaría").
  OPTIONAL MATCH (u)-[h:HAS_POWER]->(p)
  WITH u, h WHERE u IS NOT NULL AND (u:Organization OR ($at IS NULL OR EXISTS { (u)-[s:SOURCE]->(:Document) WHERE (s.valid_from IS NULL OR s.valid_from <= $at)
                                  AND (s.valid_to IS NULL OR s.valid_to > $at) }))
  RETURN collect({unit: u {.id, .name, kind: coalesce(u.kind, 'organizacion'), organization: coalesce(u.organization, u.id)},
                  basis: h.basis, class_kind: h.class_kind}) AS holders
}
CALL (p) {
  OPTIONAL MATCH (u:Unit)-[:RETAINS]->(p)
  WITH u WHERE u IS NOT NULL AND ($at IS NULL OR EXISTS { (u)-[s:SOURCE]->(:Document) WHERE (s.valid_from IS NULL OR s.valid_from <= $at)
                                  AND (s.valid_to IS NULL OR s.valid_to > $at) })
  RETURN collect(u {.id, .name, .kind, .organization}) AS retainers
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:REQUIRES]->(x)
  WITH r, x WHERE x IS NOT NULL
  RETURN collect({kind: r.kind, party: x {.id, .name, label: labels(x)[0]}}) AS conditions
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:IN_COORDINATION_WITH]->(x)
  WITH r, x WHERE x IS NOT NULL
  RETURN collect({kind: r.kind, party: x {.id, .name, label: labels(x)[0]}}) AS cooperation
}
CALL (prov) {
  OPTIONAL MATCH (prov)-[c:CITES]->(i:LegalInstrument)
  WITH c, i WHERE i IS NOT NULL
  RETURN collect({id: i.id, title: i.title, type: i.type, identifier: i.identifier, article: c.article,
                  fraction: c.fraction}) AS cites
}
CALL (prov) {
  OPTIONAL MATCH path = (w:Provision)-[:CONTAINS*1..4]->(prov)
  WHERE NOT w.kind IN ['titulo', 'capitulo', 'seccion', 'transitorios', 'decreto']
  WITH w, length(path) AS up ORDER BY up DESC
  RETURN collect(w {.id, .kind, .number}) AS within
}
CALL (prov) {
  OPTIONAL MATCH (amended:Provision)-[:CONTAINS*0..4]->(prov)
  WHERE amended = prov OR NOT amended.kind IN ['titulo', 'capitulo', 'seccion', 'transitorios', 'decreto']
  OPTIONAL MATCH (amended)-[r:AMENDED_BY]->(a:Amendment)
  WITH amended, r, a WHERE a IS NOT NULL AND ($at IS NULL OR a.date <= $at) ORDER BY a.date, amended.line_start
  RETURN collect({kind: r.kind, scope: r.scope, authority: a.authority, authority_name: a.authority_name,
                  date: a.date, provision: amended.id}) AS amendments
}
CALL (p) {
  OPTIONAL MATCH (p)-[:BASED_ON]->(i:LegalInstrument)
  OPTIONAL MATCH (delegator:Unit)-[dl:DELEGATES]->(:Unit) WHERE dl.instrument = i.id
  WITH i, collect(DISTINCT delegator {.id, .name}) AS delegators WHERE i IS NOT NULL
  RETURN collect({id: i.id, title: i.title, type: i.type, identifier: i.identifier, delegated_by: delegators})
         AS delegated_by
}
RETURN p {.id, .text, .actions, .objects, .conditions, .kind, .valid_from, .valid_to, .text_from} AS power,
       prov {.id, .kind, .number, .heading, .text, .status, .line_start, .line_end, .page_start, .page_end, within: within,
             amendments: amendments} AS provision,
       d {.id, .title, .source_file, .genre, .organization} AS document,
       holders, retainers, conditions, cooperation, cites, delegated_by
ORDER BY d.id, prov.line_start, p.id
LIMIT 500
