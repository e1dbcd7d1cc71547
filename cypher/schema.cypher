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

CREATE INDEX unit_kind IF NOT EXISTS FOR (n:Unit) ON (n.kind);
CREATE INDEX unit_name_folded IF NOT EXISTS FOR (n:Unit) ON (n.name_folded);
CREATE INDEX provision_document IF NOT EXISTS FOR (n:Provision) ON (n.document);
CREATE INDEX power_document IF NOT EXISTS FOR (n:Power) ON (n.document);
CREATE INDEX instrument_type IF NOT EXISTS FOR (n:LegalInstrument) ON (n.type);
CREATE INDEX amendment_date IF NOT EXISTS FOR (n:Amendment) ON (n.date);

// Search: the text is accent-folded in Python (search_text) before Lucene's Spanish analyzer
// stems it, because SpanishLightStemmer leaves words under five letters and "ñ" unfolded.
CREATE FULLTEXT INDEX search_text IF NOT EXISTS
FOR (n:Unit|Power|LegalInstrument|Provision) ON EACH [n.search_text]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'spanish', `fulltext.eventually_consistent`: false } };
