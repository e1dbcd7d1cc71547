// ?at=: the name each of $ids bore on $at, when a rename the documents tell came after that day: the former
// name of the first such rename (a unit renamed twice since bore the oldest). Units not renamed since are
// not returned. Starts from the units' ids (constrained).
UNWIND $ids AS id
MATCH (u:Unit {id: id})<-[c:CHANGED]-(e:ChangeEvent)
WHERE c.role = 'subject' AND e.kind = 'renamed' AND e.from_name IS NOT NULL
  AND coalesce(e.effective, e.date) > $at
WITH u, e ORDER BY coalesce(e.effective, e.date)
WITH u, collect(e)[0] AS first
RETURN u.id AS id, first.from_name AS name, first.id AS event, coalesce(first.effective, first.date) AS until
