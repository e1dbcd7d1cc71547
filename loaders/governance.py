"""Governance statements: who presides and sits on a board, who appoints, designates or removes
whom, who substitutes whom, who may delegate to whom, and subordination stated in words.

Each rule is a pattern over one sentence (a paragraph, a fracción) and names what it produces.
Subjects are resolved to units of the document or to external bodies; a statement that names a
*class* ("las personas titulares de las unidades y las coordinaciones") is expanded to every unit
of those kinds, or to the units below the subject where the text says so ("bajo su mando").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from loaders.assembly import Assembly
from loaders.mentions import ORG_PHRASE, clean_name, is_external_body
from loaders.semantics import Party, parties
from loaders.text import keyed, sentences
from orggraph.folding import fold
from orggraph.lexicon import PLURAL_HEADS


@dataclass(frozen=True)
class Statement:
    text: str
    provision: str
    line_start: int
    line_end: int
    subject: str | None = None  # the unit the enclosing article is about, if any


class Hierarchy:
    """PART_OF as assembled so far: children and descendants of a unit."""

    def __init__(self, assembly: Assembly) -> None:
        self.children: dict[str, list[str]] = defaultdict(list)
        self.parent: dict[str, str] = {}
        for edge in assembly.edges.values():
            if edge.type == "PART_OF" and edge.target_label == "Unit":
                self.children[edge.target].append(edge.source)
                self.parent[edge.source] = edge.target

    def descendants(self, unit: str) -> list[str]:
        out, stack = [], list(self.children.get(unit, []))
        while stack:
            node = stack.pop(0)
            if node not in out:
                out.append(node)
                stack.extend(self.children.get(node, []))
        return out

    def depth_below(self, unit: str, levels: int) -> list[str]:
        out, frontier = [], [unit]
        for _ in range(levels):
            frontier = [c for f in frontier for c in self.children.get(f, [])]
            out.extend(frontier)
        return out


_CLASS = re.compile(
    rf"\b(?:las\s+|los\s+)?(?P<first>{'|'.join(PLURAL_HEADS)})(?:\s+(?:y|o)\s+(?:las\s+|los\s+)?(?P<second>{'|'.join(PLURAL_HEADS)}))?"
    r"(?P<tail>\s+de\s+Servicios)?\b",
    re.IGNORECASE,
)


def class_kinds(phrase: str) -> list[str]:
    """ "las personas titulares de las unidades y las coordinaciones" → ["unidad", "coordinacion"]."""
    from loaders.mentions import kind_of

    m = _CLASS.search(phrase)
    if not m:
        return []
    kinds = []
    for group in ("first", "second"):
        word = m.group(group)
        if word:
            kind = kind_of(PLURAL_HEADS[fold(word)])
            if kind:
                kinds.append(kind)
    return kinds


def _subject_unit(text: str, assembly: Assembly, line: int) -> Party | None:
    found = parties(text, assembly.units, create=False, line=line)
    return found[0] if found else None


# ----------------------------------------------------------------------------- rules
APPOINT_VERBS = {"nombrad": "APPOINTS", "designad": "DESIGNATES", "removid": "REMOVES"}
RELATIVE = re.compile(
    r"(?:,\s*)?\b(?:cuya\s+persona\s+titular|cuyo\s+titular|quien|quienes|mism[oa]s?\s+que|"
    r"el\s+cual|la\s+cual|los\s+cuales)\s+(?:ser[áa]n?|podr[áa]n?\s+ser|deber[áa]n?\s+ser)\s+"
    r"(?P<verbs>(?:nombrad|designad|removid)[oa]s?(?:\s+(?:o|y)\s+(?:nombrad|designad|removid)[oa]s?)?)"
    r"(?P<after>[^.;]*)",
    re.IGNORECASE,
)
PASSIVE = re.compile(r"\b(?P<verbs>(?:nombrad|designad)[oa]s?)\s+por\s+(?P<by>[^.;]*)", re.IGNORECASE)
BY = re.compile(r"\bpor\s+(?P<by>[^.;,]*(?:,\s*(?:de|del)\s+[^.;,]*)?)", re.IGNORECASE)
PROPOSAL = re.compile(r"\ba\s+propuesta\s+de\s+(?P<who>[^.;,]*)", re.IGNORECASE)
ANAPHORA = re.compile(
    r"^(?:dicho|dicha|este|esta|el\s+propio|la\s+propia)\s+(?:órgano|organo|cuerpo|junta|consejo)", re.IGNORECASE
)
LEVELS = re.compile(
    r"\b(?P<verbs>nombrar\s+y\s+remover|nombrar|designar|remover)\b.*?\b(?:de\s+)?los\s+(?P<n>dos|tres|\d)\s+niveles\s+"
    r"jer[áa]rquicos\s+inferiores\s+a\s+(?P<ref>[^,;.]+)(?P<rest>[^;.]*)",
    re.IGNORECASE,
)
EXCEPTION = re.compile(r"con\s+excepci[óo]n\s+de\s+(?P<who>[^,;.]*?)(?:,|\s+quien|\s+que|;|\.|$)", re.IGNORECASE)
PRESIDES = re.compile(r"\bquien\s+(?:la|lo)\s+presid(?:e|irá)|\bpresidid[oa]\s+por\s+(?P<by>[^,;.]+)", re.IGNORECASE)
SUPPLY = re.compile(
    r"\b(?:ser[áa]n?\s+suplid[oa]s?(?:\s+en\s+sus?\s+ausencias?(?:\s+temporales)?)?\s+por"
    r"|(?:estar[áa]n?|quedar[áa]n?)\s+a\s+cargo\s+de)\s+(?P<by>[^.;]*)",
    re.IGNORECASE,
)
ABSENCE = re.compile(
    r"\ben\s+(?:su\s+)?ausencia(?:\s+(?:temporal|definitiva|temporal\s+o\s+definitiva))?(?:\s+de\s+(?P<who>[^,]*?))?,?\s+"
    r"(?:(?P<subj>[^,]*?)\s+ser[áa]n\s+suplid[oa]s|los\s+asuntos[^,]*?\s+ser[áa]n\s+atendidos)\s+por\s+(?P<by>[^.;]*)",
    re.IGNORECASE,
)
IN_ABSENCE_OF = re.compile(
    r"\s+y,?\s+en\s+ausencia\s+de\s+[ée]st[ae],?\s+(?:la\s+|el\s+)?(?P<second>[^,]+)", re.IGNORECASE
)
DELEGATE = re.compile(
    r"\s+podr[áa]n?\s+delegar\s+(?:cualquiera\s+de\s+)?(?:sus|las)\s+(?:facultades|atribuciones)"
    r"\s+(?:en|a)\s+(?P<to>[^.;]*)",
    re.IGNORECASE,
)
DELEGABLE = re.compile(r"\s+pueden\s+ser\s+delegadas\s+(?:a|en)\s+(?P<to>[^.;]*)", re.IGNORECASE)
SUBORDINATE = re.compile(
    r"\s+(?:estar[áa]n?|ser[áa]n?)\s+jer[áa]rquicamente\s+subordinad[oa]s?\s+a\s+(?P<to>[^.;,]*)"
    r"|\s+depender[áa]n?\s+jer[áa]rquicamente\s+de\s+(?P<to2>[^.;,]*)",
    re.IGNORECASE,
)
INVITEES = re.compile(
    r"\bSon\s+invitad[oa]s\s+permanentes,?\s+(?P<who>[^.]*?)(?:,\s+(?:los|las)\s+cuales|\.|$)", re.IGNORECASE
)
ALIGN = re.compile(r"\s+deber[áa]n\s+alinearse\s+a\s+las\s+disposiciones\s+de\s+(?P<to>[^.;]*)", re.IGNORECASE)


# A word every match of a rule's patterns holds (the verb or noun its phrasing cannot do without):
# a sentence holding none of a reader's words is not searched by its patterns, which most sentences
# (the powers) are not about. The words are lower case: see ``loaders.text.keyed``.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "appointments": ("nombrad", "designad", "removid"),  # RELATIVE, PASSIVE
    "substitution": ("ausencia", "suplid", "cargo"),  # IN_ABSENCE_OF, ABSENCE, SUPPLY
    "delegation": ("delega",),  # DELEGATE, DELEGABLE
    "subordination": ("rquicamente", "alinearse"),  # SUBORDINATE (jer[áa]rquicamente), ALIGN
    "invitees": ("invitad",),  # INVITEES
    "levels": ("niveles",),  # LEVELS
}


# Every reader's trigger words: a sentence holding none is read by no reader, and one test of the ten
# words costs a quarter of asking each of the six readers (most sentences, the powers, hold none).
ANY_TRIGGER: tuple[str, ...] = tuple(dict.fromkeys(word for words in TRIGGERS.values() for word in words))


def triggered(keys: str, reader: str) -> bool:
    """Whether the sentence (``keyed``) holds one of ``reader``'s trigger words."""
    return any(word in keys for word in TRIGGERS[reader])


def _clause_before(sentence: str, end: int) -> str:
    """The clause that ends at ``end``: the text after the last ';' (the subject of a statement)."""
    return re.split(r";", sentence[:end])[-1]


class GovernanceReader:
    def __init__(self, assembly: Assembly) -> None:
        self.a = assembly

    def _parties(self, text: str, line: int) -> list[Party]:
        return parties(text, self.a.units, create=True, line=line)

    def _emit(self, rel_type: str, by: Party, target: str, st: Statement, **props: object) -> None:
        self.a.party_edge(rel_type, target, "Unit", by, st.line_start, reverse=True, provision=st.provision, **props)  # type: ignore[arg-type]

    def read(self, statements: list[Statement]) -> None:
        hierarchy = Hierarchy(self.a)
        levels: list[tuple[str, Statement]] = []
        for st in statements:
            for sentence in sentences(st.text):
                keys = keyed(sentence)
                if not any(word in keys for word in ANY_TRIGGER):
                    continue
                if triggered(keys, "appointments"):
                    self._appointments(sentence, st)
                if triggered(keys, "substitution"):
                    self._substitution(sentence, st, hierarchy)
                if triggered(keys, "delegation"):
                    self._delegation(sentence, st, hierarchy)
                if triggered(keys, "subordination"):
                    self._subordination(sentence, st)
                if triggered(keys, "invitees"):
                    self._invitees(sentence, st)
                if triggered(keys, "levels"):
                    levels.append((sentence, st))
        # General rules about hierarchical levels last: a unit whose titular another body designates or
        # appoints by a specific provision (the OIC, by the Secretaría de la Función Pública) is excepted.
        for sentence, st in levels:
            self._levels(sentence, st, hierarchy)

    # -------------------------------------------------------------- appointments
    def _appointments(self, sentence: str, st: Statement) -> None:
        for m in RELATIVE.finditer(sentence):
            before = sentence[: m.start()]  # "… la Unidad Jurídica quien será nombrada …": the nearest unit
            subjects = [p for p in self._parties(before, st.line_start) if p.unit]
            if not subjects:
                continue
            subject = subjects[-1].unit
            plural = re.match(r",?\s*(?:mism[oa]s|quienes|los\s+cuales)", m.group(0), re.IGNORECASE)
            targets = [subject]
            if plural:
                # "…el titular y los titulares de las áreas de …, mismos que serán designados por X":
                # every titular named, with the units this same statement placed under them.
                named = [p.unit for p in subjects if p.unit]
                made_here = [
                    e.source
                    for e in self.a.edges.values()
                    if e.type == "PART_OF" and e.target in named and e.line_start == st.line_start
                ]
                targets = list(dict.fromkeys(named + made_here))
            after = m.group("after")
            by_match = BY.search(after)
            by_party: Party | None = None
            if by_match:
                by_text = by_match.group("by")
                if ANAPHORA.match(by_text.strip()):
                    by_party = _subject_unit(sentence, self.a, st.line_start)
                elif not re.search(r"\b(?:de\s+)?[ée]ste\b|\baqu[ée]l", by_text):
                    found = self._parties(by_text, st.line_start)
                    by_party = found[0] if found else None
            proposal = PROPOSAL.search(after)
            proposer = None
            if proposal:
                who = proposal.group("who")
                proposer_parties = self._parties(who, st.line_start)
                if not proposer_parties and re.search(r"quien\s+la\s+presid", who):
                    proposer = "presidency"
                else:
                    proposer = (
                        proposer_parties[0].unit or proposer_parties[0].organization if proposer_parties else None
                    )
            if by_party is None and proposal is not None:
                # "designada o removida a propuesta de X" without an agent: the body whose statement this is.
                by_party = Party("", unit=st.subject) if st.subject and st.subject != subject else None
            if by_party is None or subject is None:
                continue
            for verb_key, kind in APPOINT_VERBS.items():
                if verb_key in fold(m.group("verbs")):
                    for target in targets:
                        if target:
                            self._emit(kind, by_party, target, st, on_proposal_of=proposer)
        for m in PASSIVE.finditer(sentence):
            before = _clause_before(sentence, m.start())
            if RELATIVE.search(sentence[max(0, m.start() - 40) : m.end()]):
                continue
            by_text = m.group("by")
            if re.search(r"\b(?:de\s+)?[ée]ste\b|\baqu[ée]l", by_text):
                continue
            subjects = [p for p in self._parties(before, st.line_start) if p.unit]
            designators = self._parties(by_text.split(",")[0], st.line_start)
            if subjects and designators:
                kind = "APPOINTS" if "nombrad" in fold(m.group("verbs")) else "DESIGNATES"
                self._emit(kind, designators[0], subjects[0].unit or "", st)

    def _levels(self, sentence: str, st: Statement, hierarchy: Hierarchy) -> None:
        """ "Nombrar y remover … a las personas funcionarias de los dos niveles jerárquicos inferiores a aquella"."""
        m = LEVELS.search(sentence)
        if not m or not st.subject:
            return
        proposal = PROPOSAL.search(sentence)
        proposer = self._parties(proposal.group("who"), st.line_start) if proposal else []
        ref = m.group("ref")
        if re.match(r"^(?:aquella|aqu[ée]l|[ée]sta|[ée]ste|la\s+misma|el\s+mismo)\b", ref.strip(), re.IGNORECASE):
            reference = proposer[0] if proposer else None
        else:
            found = self._parties(ref, st.line_start)
            reference = found[0] if found else None
        if reference is None or reference.unit is None:
            return
        levels = {"dos": 2, "tres": 3}.get(fold(m.group("n")), int(m.group("n")) if m.group("n").isdigit() else 0)
        excluded = {p.unit for e in EXCEPTION.finditer(sentence) for p in self._parties(e.group("who"), st.line_start)}
        excluded |= {
            e.target for e in self.a.edges.values() if e.type in ("APPOINTS", "DESIGNATES") and e.source != st.subject
        }
        verbs = fold(m.group("verbs"))
        kinds = [
            k
            for key, k in (("nombrar", "APPOINTS"), ("designar", "DESIGNATES"), ("remover", "REMOVES"))
            if key in verbs
        ]
        holder = Party("", unit=st.subject)
        for unit in hierarchy.depth_below(reference.unit, levels):
            if unit in excluded:
                continue
            for kind in kinds:
                self._emit(kind, holder, unit, st, on_proposal_of=reference.unit)

    # -------------------------------------------------------------- substitution
    def _substitution(self, sentence: str, st: Statement, hierarchy: Hierarchy) -> None:
        m = IN_ABSENCE_OF.search(sentence)
        if m:
            first = self._parties(sentence[: m.start()].split(",")[-1], st.line_start)
            second = self._parties(m.group("second"), st.line_start)
            if first and second and first[-1].unit and second[0].unit:
                self.a.edge(
                    "SUBSTITUTES", second[0].unit, "Unit", first[-1].unit, "Unit", st.line_start, provision=st.provision
                )
        m = ABSENCE.search(sentence)
        if m:
            absent_text = m.group("who") or m.group("subj") or ""
            absent_kinds = class_kinds(absent_text)
            absent = [p.unit for p in self._parties(absent_text, st.line_start) if p.unit] if not absent_kinds else []
            by_text = m.group("by")
            if not absent and not absent_kinds and st.subject:
                absent = [st.subject]
            self._substitutes(absent, absent_kinds, by_text, st, hierarchy)
            return
        m = SUPPLY.search(sentence)
        if m and ("suplid" in fold(m.group(0)) or "ausencia" in fold(sentence[: m.start()])):
            absent = [p.unit for p in self._parties(_clause_before(sentence, m.start()), st.line_start) if p.unit]
            self._substitutes(absent[-1:], [], m.group("by"), st, hierarchy)

    def _substitutes(
        self, absent: list[str], absent_kinds: list[str], by_text: str, st: Statement, hierarchy: Hierarchy
    ) -> None:
        inferior = re.search(r"(?:rango|nivel|jerarqu[íi]a)\s+inmediat[oa]\s+inferior", by_text, re.IGNORECASE)
        targets = absent + [u for k in absent_kinds for u in self.a.units.of_kind(k)]
        for unit in targets:
            if inferior:
                for child in hierarchy.children.get(unit, []):
                    self.a.edge(
                        "SUBSTITUTES",
                        child,
                        "Unit",
                        unit,
                        "Unit",
                        st.line_start,
                        provision=st.provision,
                        scope="rango inmediato inferior",
                    )
                continue
            by_kinds = class_kinds(by_text)
            if by_kinds:
                below = [c for c in hierarchy.descendants(unit) if self.a.units.kind(c) in by_kinds]
                candidates = below or [u for k in by_kinds for u in self.a.units.of_kind(k)]
                for candidate in candidates:
                    self.a.edge(
                        "SUBSTITUTES",
                        candidate,
                        "Unit",
                        unit,
                        "Unit",
                        st.line_start,
                        provision=st.provision,
                        scope="ámbito de sus competencias",
                    )
                continue
            for party in self._parties(by_text, st.line_start):
                if party.unit:
                    self.a.edge("SUBSTITUTES", party.unit, "Unit", unit, "Unit", st.line_start, provision=st.provision)

    # -------------------------------------------------------------- delegation
    def _delegation(self, sentence: str, st: Statement, hierarchy: Hierarchy) -> None:
        m = DELEGATE.search(sentence)
        if m:
            who = [p for p in self._parties(_clause_before(sentence, m.start()), st.line_start) if p.unit]
            delegators = [w.unit for w in who[:1] if w.unit] or ([st.subject] if st.subject else [])
            self._delegates(delegators, m.group("to"), sentence, st, hierarchy)
            return
        m = DELEGABLE.search(sentence)
        if m:
            who = _clause_before(sentence, m.start())
            kinds = class_kinds(who)
            delegators = [u for k in kinds for u in self.a.units.of_kind(k)]
            if not delegators:
                delegators = [p.unit for p in self._parties(who, st.line_start) if p.unit]
            self._delegates(delegators, m.group("to"), sentence, st, hierarchy)

    def _delegates(
        self, delegators: list[str], to_text: str, sentence: str, st: Statement, hierarchy: Hierarchy
    ) -> None:
        # The delegates end where the exceptions and conditions begin.
        to_text = re.split(
            r",?\s+(?:sin\s+perjuicio|con\s+excepci[óo]n|salvo|para\s+lo\s+cual|excepto)\b",
            to_text,
            flags=re.IGNORECASE,
        )[0]
        retains = bool(
            re.search(
                r"sin\s+perjuicio\s+de\s+(?:ejercerlas|su\s+ejercicio\s+directo|que\s+las\s+ejerza)",
                sentence,
                re.IGNORECASE,
            )
        )
        exception = re.search(
            r"con\s+excepci[óo]n\s+de\s+[^;.]*?(?=,\s*para\s+lo\s+cual|[.;]|$)", sentence, re.IGNORECASE
        )
        exceptions = exception.group(0).strip(" ,.") if exception else None
        to_kinds = class_kinds(to_text)
        named = [p.unit for p in self._parties(to_text, st.line_start) if p.unit]
        for delegator in delegators:
            if named:
                delegates = named
            elif to_kinds:
                below = [c for c in hierarchy.descendants(delegator) if self.a.units.kind(c) in to_kinds]
                delegates = below or [u for k in to_kinds for u in self.a.units.of_kind(k)]
            elif re.search(r"servidor(?:es|as)?\s+p[úu]blic|personas\s+servidoras", to_text, re.IGNORECASE):
                delegates = hierarchy.descendants(delegator)
            else:
                delegates = []
            for delegate in delegates:
                self.a.edge(
                    "DELEGATES",
                    delegator,
                    "Unit",
                    delegate,
                    "Unit",
                    st.line_start,
                    provision=st.provision,
                    scope="all",
                    retains=retains,
                    exceptions=exceptions,
                )

    # -------------------------------------------------------------- permanent invitees
    def _invitees(self, sentence: str, st: Statement) -> None:
        m = INVITEES.search(sentence)
        if not m or not st.subject:
            return
        vote = not re.search(r"sin\s+voto", sentence, re.IGNORECASE)
        for piece in re.split(r",\s*|\s+y\s+(?=la\s+persona|el\s+|la\s+)", m.group("who")):
            head = re.split(r"\s+(?:designad|nombrad)[oa]", piece)[0]
            for party in self._parties(head, st.line_start)[:1]:
                self.a.party_edge(
                    "MEMBER_OF",
                    st.subject,
                    "Unit",
                    party,
                    st.line_start,
                    reverse=True,
                    role="invitado permanente",
                    vote=vote,
                    provision=st.provision,
                )

    # -------------------------------------------------------------- subordination in words
    def _subordination(self, sentence: str, st: Statement) -> None:
        m = SUBORDINATE.search(sentence)
        if m:
            who = _clause_before(sentence, m.start())
            to = m.group("to") or m.group("to2") or ""
            subjects = [p.unit for p in self._parties(who, st.line_start) if p.unit]
            superiors = [p.unit for p in self._parties(to, st.line_start) if p.unit]
            for s in subjects[:1]:
                for sup in superiors[:1]:
                    self.a.edge("PART_OF", s, "Unit", sup, "Unit", st.line_start, provision=st.provision, basis="text")
        m = ALIGN.search(sentence)
        if m:
            subjects = [p.unit for p in self._parties(_clause_before(sentence, m.start()), st.line_start) if p.unit]
            for s in subjects[:1]:
                for party in self._parties(m.group("to"), st.line_start):
                    if party.unit and party.unit != s:
                        self.a.edge(
                            "REPORTS_TO",
                            s,
                            "Unit",
                            party.unit,
                            "Unit",
                            st.line_start,
                            kind="normative",
                            provision=st.provision,
                        )


def members(body: str, items: list[Statement], assembly: Assembly) -> None:
    """A board's membership list: each item names a member body; "quien la preside" marks the chair."""
    for item in items:
        text = item.text
        member = _member_party(text, assembly, item.line_start)
        if member is None:
            continue
        vote = None
        if re.search(r"sin\s+voto", text, re.IGNORECASE):
            vote = False
        elif re.search(r"voz\s+y\s+voto", text, re.IGNORECASE):
            vote = True
        role = re.split(r",", text, maxsplit=1)[0].strip()
        assembly.party_edge(
            "MEMBER_OF",
            body,
            "Unit",
            member,
            item.line_start,
            reverse=True,
            role=role,
            vote=vote,
            provision=item.provision,
        )
        if PRESIDES.search(text):
            assembly.party_edge(
                "PRESIDES", body, "Unit", member, item.line_start, reverse=True, provision=item.provision
            )


_BODY = re.compile(rf"{ORG_PHRASE.pattern}|\bSindicato(?:\s+[a-záéíóú]+)?")


def _member_party(text: str, assembly: Assembly, line: int) -> Party | None:
    for m in _BODY.finditer(text):
        name = clean_name(m.group(0))
        if is_external_body(name) or name.lower().startswith("sindicato"):
            return Party(m.group(0), organization=assembly.units.define_org(name, line))
    found = parties(text, assembly.units, create=False, line=line)
    return found[0] if found else None
