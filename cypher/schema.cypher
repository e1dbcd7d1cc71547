// orggraph schema: uniqueness constraints on every node id (Community Edition has only
// uniqueness constraints; required properties are enforced by the pydantic records), lookup
// indexes for the API's filters, and one full-text index for search.
// Applied IF NOT EXISTS by orggraph.schema.apply_schema; statements end with ';'.

CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT provision_id IF NOT EXISTS FOR (n:Provision) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT power_id IF NOT EXISTS FOR (n:Power) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT instrument_id IF NOT EXISTS FOR (n:LegalInstrument) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT amendment_id IF NOT EXISTS FOR (n:Amendment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_event_id IF NOT EXISTS FOR (n:ChangeEvent) REQUIRE n.id IS UNIQUE;
// The one GraphState node (the generation every load bumps): concurrent loads MERGE the same node.
CREATE CONSTRAINT graph_state_id IF NOT EXISTS FOR (n:GraphState) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_version_id IF NOT EXISTS FOR (n:DocumentVersion) REQUIRE n.id IS UNIQUE;

CREATE INDEX document_sha256 IF NOT EXISTS FOR (n:Document) ON (n.sha256);
CREATE INDEX document_organization IF NOT EXISTS FOR (n:Document) ON (n.organization);
CREATE INDEX unit_identity IF NOT EXISTS FOR (n:Unit) ON (n.identity);
CREATE INDEX organization_identity IF NOT EXISTS FOR (n:Organization) ON (n.identity);
// A citation finds the loaded document it names by key (cypher/write_citations.cypher).
CREATE INDEX instrument_citation_key IF NOT EXISTS FOR (n:LegalInstrument) ON (n.citation_key);
CREATE INDEX document_history_from IF NOT EXISTS FOR (n:Document) ON (n.history_from);
CREATE INDEX document_version_document IF NOT EXISTS FOR (n:DocumentVersion) ON (n.document);
// Who delegated by an instrument (who-may's delegated_by): a seek, not a scan of
// every DELEGATES relationship in the graph.
CREATE INDEX delegates_instrument IF NOT EXISTS FOR ()-[r:DELEGATES]-() ON (r.instrument);

// Indexes that no query used (their filters sit behind `$x IS NULL OR`, or start from another node), each
// one more entry for every node a load writes (a Provision and a Power a document: ~1,340 entries of
// provision_document and power_document alone): dropped where an earlier schema created them.
DROP INDEX provision_document IF EXISTS;
DROP INDEX power_document IF EXISTS;
DROP INDEX unit_kind IF EXISTS;
DROP INDEX unit_name_folded IF EXISTS;
DROP INDEX instrument_type IF EXISTS;
DROP INDEX amendment_date IF EXISTS;

// Search: the text is accent-folded in Python (search_text) before Lucene's Spanish analyzer
// stems it, because SpanishLightStemmer leaves words under five letters and "ñ" unfolded.
CREATE FULLTEXT INDEX search_text IF NOT EXISTS
FOR (n:Unit|Power|LegalInstrument|Provision) ON EACH [n.search_text]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'spanish', `fulltext.eventually_consistent`: false } };

// Who-may: the stems of each power's actions and object, word for word (the loader stems them as
// the question is stemmed), so that /who-may starts from the powers that share a stem with the
// question instead of reading every power (cypher/who_may.cypher).
CREATE FULLTEXT INDEX power_stems IF NOT EXISTS
FOR (n:Power) ON EACH [n.action_stems, n.scope_stems]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false } };
