// Who may delegate (GET /who-may?action=delegar): the delegation statements (a titular "podrá
// delegar sus facultades en …", acuerdos that delegate a named power), one row per delegator.
MATCH (d:Unit)-[r:DELEGATES]->(to:Unit)
WHERE ($organization IS NULL OR d.organization = $organization)
  AND ($document IS NULL OR r.document = $document)
WITH d, r.provision AS provision, r.scope AS scope, r.instrument AS instrument, r.document AS document,
     r.line_start AS line_start, any(x IN collect(r.retains) WHERE x) AS retains,
     head(collect(r.exceptions)) AS exceptions, collect(DISTINCT to {.id, .name}) AS delegates
OPTIONAL MATCH (p:Provision {id: provision})
OPTIONAL MATCH (i:LegalInstrument {id: instrument})
RETURN d {.id, .name, .kind, .organization} AS unit, scope, retains, exceptions, size(delegates) AS count,
       delegates[..10] AS delegates, p {.id, .kind, .number, .text, .line_start, .line_end} AS provision,
       i {.id, .title, .identifier} AS instrument, document, line_start
ORDER BY d.organization, d.name, provision
