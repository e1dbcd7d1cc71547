// GET /documents: every loaded document with its counts by label (with $id: that one only).
MATCH (d:Document)
WHERE $id IS NULL OR d.id = $id
CALL (d) {
  MATCH (d)<-[:SOURCE]-(n)
  WITH labels(n)[0] AS label, count(*) AS n
  RETURN collect({label: label, count: n}) AS counts
}
RETURN d {.id, .title, .genre, .organization, .issuer, .published, .last_modified, .in_force, .clave,
          .source_file, .sha256, .line_count, .loaded_at, .source_format, .pages,
          .read_units, .read_units_listed, .read_units_mentioned, .read_units_with_powers, .read_powers,
          .read_power_lists, .read_unattached_power_lists, .read_page_noise_lines, .read_notes,
          .read_pages_without_text, .read_pages_by_ocr} AS document, counts
ORDER BY d.id
