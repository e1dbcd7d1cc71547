"""The readers' fast paths answer what their plain forms answer: a pattern searched only where a match
can be, on every sample, corpus and held-out text and on random strings of the characters that matter."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from loaders import instruments, load_file, mentions
from loaders import text as text_module
from loaders.detect import detect_genre
from loaders.front import _NAMED_ACRONYM, _named_acronyms
from loaders.manual.posts import label_of
from loaders.manual.sections import sections as sections_of
from loaders.mentions import kind_by_head
from loaders.pages import source_lines
from loaders.phrasings import ORGANIZATION_KIND_WORDS, ORGANIZATION_KINDS
from loaders.records import _BUILT_POWER_FIELDS, Edge, PowerRecord
from loaders.statute.structure import ARTICLE
from loaders.text import Line, keyed, upper_ratio
from orggraph.folding import fold
from orggraph.lexicon import UNIT_KINDS

DATA = Path(__file__).resolve().parents[2] / "data"


def _texts() -> list[str]:
    return [
        p.read_text(encoding="utf-8").replace("\n", " ")
        for folder in ("documents", "corpus", "heldout")
        for p in (DATA / folder).glob("*.txt")
    ]


def _random(pieces: list[str], n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(n)]


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_named_acronyms_are_the_patterns_matches() -> None:
    pieces = ["(", ")", " ", "  ", "A", "É", "a", "-", "(IMSS)", "(A B)", "Instituto Nacional ", "((", "(AB", "x" * 40]
    texts = _texts() + _random(pieces, 20_000)
    found = 0
    for text in texts:
        expected = _spans(list(_NAMED_ACRONYM.finditer(text)))
        assert _spans(list(_named_acronyms(text))) == expected, text[:200]
        found += len(expected)
    assert found > 1_000


# mentions._NAME_END as it was written, its sentence end's look-behinds before the ".".
_PLAIN_NAME_END = re.compile(
    r"""(?:,\s*|\s+)(?:a\s+la\s+cual|al\s+cual|a\s+la\s+que|al\s+que|la\s+cual|el\s+cual|las\s+cuales|los\s+cuales|
    que|quien|quienes|cuy[oa]s?|mism[oa]s?\s+que|misma|mismo|con\s+(?:las|los)\s+siguientes|
    encargad[oa]\s+de|responsable\s+(?:de|del))\b
    |(?<!\b[A-Z])(?<!\bLic)(?<!\bIng)\.\s+(?=[A-ZÁÉÍÓÚÑ])|[:;]|\.$|\(|,\s*(?:y|e)\s*$|\s+(?:y|e)\s*$""",
    re.VERBOSE,
)


def test_listed_names_end_and_space_as_the_plain_patterns_did() -> None:
    pieces = ["A.", " B. ", "Lic. ", "Ing. ", "x.", ". ", ".", " y", ", e", "(", ":", ";", " que", ",  la cual", "É"]
    pieces += [" ", "\t", "\u00a0", "\u2003", "\u200b", "\u3000", "\x1c", "\x85", "\n", "Dr. Z", "aLic. X"]
    lines = [line for text in _texts() for line in text.split("  ")] + _random(pieces, 30_000)
    for line in lines:
        plain, fast = _PLAIN_NAME_END.search(line), mentions._NAME_END.search(line)
        assert (plain and plain.span()) == (fast and fast.span()), line
        assert " ".join(line.split()) == re.sub(r"\s+", " ", line.strip()), repr(line)


def test_built_edges_are_the_validated_edges() -> None:
    parsed = load_file(DATA / "documents" / "imss-bienestar-estatuto-organico-2023.txt")
    assert len(parsed.edges) > 1_000
    for edge in parsed.edges:
        fields = ("type", "source", "source_label", "target", "target_label", "line_start", "line_end", "props")
        validated = Edge(**{name: getattr(edge, name) for name in fields})
        built = Edge.built(*(getattr(edge, name) for name in fields))
        assert built == validated
        assert list(built.__dict__.items()) == list(validated.__dict__.items())
        assert built.model_fields_set == validated.model_fields_set
        assert built.model_dump_json() == validated.model_dump_json()


@pytest.mark.parametrize(
    ("rel_type", "source_label", "target_label", "lines"),
    [
        ("OWNS", "Unit", "Unit", (1, 1)),  # no such relationship
        ("PART_OF", "Power", "Unit", (1, 1)),  # not from a power
        ("PART_OF", "Unit", "Unit", (3, 2)),  # lines out of order
        ("PART_OF", "Unit", "Unit", (0, 2)),
    ],
)
def test_built_edges_refuse_what_validation_refuses(
    rel_type: str, source_label: str, target_label: str, lines: tuple[int, int]
) -> None:
    with pytest.raises(ValueError):
        Edge(
            type=rel_type,
            source="a",
            source_label=source_label,
            target="b",
            target_label=target_label,
            line_start=lines[0],
            line_end=lines[1],
        )
    with pytest.raises(ValueError):
        Edge.built(rel_type, "a", source_label, "b", target_label, *lines, {})  # type: ignore[arg-type]


def _plain_upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def test_upper_ratio_counts_as_str_methods_do() -> None:
    rng = random.Random(5)
    lines = [line for text in _texts() for line in text.split("  ")]
    lines += [
        "".join(chr(rng.choice((rng.randint(32, 126), rng.randint(160, 0x2FFF)))) for _ in range(rng.randint(0, 30)))
        for _ in range(20_000)
    ]
    lines += ["", "ª º µ ß ÿ", "ÀÉÎÕÜ", "“CAPÍTULO I”", "Ⓐ Ⅷ"]
    for line in lines:
        assert upper_ratio(line) == _plain_upper_ratio(line), line


def _plain_clean(raw: str) -> tuple[str, bool, bool]:
    """``text.clean`` with its spacing pass on every line that is not ASCII."""
    line = unicodedata.normalize("NFC", raw.replace("\f", " "))
    if ">" in line:
        line = text_module._QUOTE_MARK.sub("", line)
    if text_module._RULE.match(line):
        return "", False, False
    if "#" in line:
        line = text_module._HEADING_MARK.sub("", line)
    if "*" in line:
        line = text_module._BOLD.sub(r"\1", line).replace("**", "")
        line = text_module._ITALIC.sub("", line)
    indented = bool(text_module._INDENTED.match(line))
    match = text_module._BULLET_RE.match(line)
    if match:
        line = line[match.end() :]
    spacing = text_module._SPACES if line.isascii() else text_module._SPACES_OR_PRIVATE_USE
    line = spacing.sub(" ", line)
    return line.strip(), match is not None, match is not None and indented


def test_lines_are_cleaned_as_the_spacing_patterns_clean_them() -> None:
    rng = random.Random(7)
    pieces = [" ", "  ", "\t", "\u00a0", "\u2003", "\u200b", "\u202f", "\uf0b7", "\ue000", "\u3000", "\x1c"]
    pieces += ["á", "Ñ", "a", "“", "- ", "• ", "*", "**", "> ", "# ", "---", "\u0301"]
    lines = [
        line
        for folder in ("documents", "corpus", "heldout")
        for p in (DATA / folder).glob("*.txt")
        for line in p.read_text(encoding="utf-8").splitlines()
    ]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(30_000)]
    for line in lines:
        assert text_module.clean(line) == _plain_clean(line), repr(line)


def test_kind_by_head_is_the_longest_head_the_name_starts_with() -> None:
    heads = sorted(UNIT_KINDS, key=len, reverse=True)

    def plain(folded: str) -> str | None:
        return next((UNIT_KINDS[h] for h in heads if folded == h or folded.startswith(h + " ")), None)

    words = [*UNIT_KINDS, *(h.split()[0] for h in UNIT_KINDS), "de", "general", "x", "", " ", "  ", "areas"]
    rng = random.Random(9)
    names = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 5))) for _ in range(20_000)]
    names += ["".join(rng.choice(words) for _ in range(rng.randint(0, 3))) for _ in range(5_000)]
    names += [fold(line) for text in _texts()[:3] for line in text.split(". ")]
    for name in names:
        assert kind_by_head(name) == plain(name), name


def test_built_powers_are_the_validated_powers() -> None:
    parsed = load_file(DATA / "documents" / "imss-bienestar-estatuto-organico-2023.txt")
    assert len(parsed.powers) > 300
    for power in parsed.powers:
        fields = power.model_dump(include=set(_BUILT_POWER_FIELDS))
        fields["conditions"] = list(power.conditions)
        validated = PowerRecord(**fields)
        built = PowerRecord.built(**fields)
        assert built == validated
        assert list(built.__dict__.items()) == list(validated.__dict__.items())
        assert built.model_fields_set == validated.model_fields_set
        assert built.model_dump_json() == validated.model_dump_json()
    some = dict(fields)
    for wrong in ({"kind": "poder"}, {"line_start": 0}, {"line_start": 5, "line_end": 4}):
        with pytest.raises(ValueError):
            PowerRecord(**{**some, **wrong})
        with pytest.raises(ValueError):
            PowerRecord.built(**{**some, **wrong})


def _plain_genre(lines: list[Line], headers: list[str]) -> str | None:
    """``detect_genre`` as it read every document's sections and labelled every line."""
    articles = sum(1 for ln in lines if ARTICLE.match(ln.text))
    posts = sum(1 for ln in lines if ln.text and (found := label_of(ln.text)) and found[0] == "post")
    if posts >= 2 and posts * 10 >= articles:
        return "manual"
    sections = len({s.kind for s in sections_of(lines)})
    manual_header = any(re.match(r"^MANUAL\s+DE\s+ORGANIZACI", h, re.IGNORECASE) for h in headers) or any(
        re.match(r"^MANUAL\s+DE\s+ORGANIZACI", ln.text, re.IGNORECASE) for ln in lines[:5]
    )
    if articles >= 20 and articles > 4 * sections:
        return "statute"
    if sections >= 3 or (manual_header and sections >= 2):
        return "manual"
    if articles >= 3:
        return "statute"
    return None


def test_genre_is_detected_as_the_plain_reading_detects_it() -> None:
    paths = [p for folder in ("documents", "corpus", "heldout") for p in (DATA / folder).glob("*.txt")]
    genres = set()
    for path in paths:
        cleaned = source_lines(path, path.read_bytes())
        genre = detect_genre(cleaned.lines, cleaned.headers)
        assert genre == _plain_genre(cleaned.lines, cleaned.headers), path.name
        genres.add(genre)
        for cut in (30, 150, 400):  # a document's beginning: fewer articles than the shortcut needs
            lines = cleaned.lines[:cut]
            assert detect_genre(lines, cleaned.headers) == _plain_genre(lines, cleaned.headers), (path.name, cut)
    assert genres >= {"statute", "manual"}


def test_sentences_split_as_the_patterns_split_them() -> None:
    def plain(paragraph: str) -> tuple[str, ...]:
        protected = text_module._DECIMAL_DOT.sub(r"\1<DOT>\2", text_module._ABBREVIATION_DOT.sub(r"\1<DOT>", paragraph))
        parts = text_module._SENTENCE_BREAK.split(protected)
        return tuple(p.replace("<DOT>", ".").strip() for p in parts if p.strip())

    rng = random.Random(13)
    pieces = ["H. ", "Lic. ", "Arts. ", "Núm. ", "pág. ", "C. ", "XC. ", "3.5", "Dra. ", ". El ", "x", " "]
    paragraphs = [line for text in _texts() for line in text.split("  ")]
    paragraphs += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    for paragraph in paragraphs:
        assert text_module._sentences.__wrapped__(paragraph) == plain(paragraph), paragraph


def test_citation_patterns_match_only_texts_their_prechecks_pass() -> None:
    pieces = ["Ley", "Código", "Constitucion", "Acuerdos", "Plan", "LSS", "LFT", "CPEUM", " ", "de la ", "y ", "x", "É"]
    lines = [line for text in _texts() for line in text.split(". ")] + _random(pieces, 20_000)
    found = 0
    for line in lines:
        if instruments.ARTICLE_REF.search(line):
            found += 1
            assert "culo" in keyed(line), line
        if instruments.INSTRUMENT_NAME.search(line):
            found += 1
            assert instruments._INSTRUMENT_WORD.search(line), line
        if instruments._abbreviation_pattern().search(line):
            found += 1
            assert instruments._abbreviation_words().search(line), line
    assert found > 1_000


def test_organization_kinds_match_only_texts_holding_their_words() -> None:
    found = 0
    for line in (line for text in _texts() for line in text.split(". ")):
        for m in ORGANIZATION_KINDS.finditer(line):
            found += 1
            assert any(word in keyed(line) for word in ORGANIZATION_KIND_WORDS), (m.lastgroup, line)
    for phrase in (
        "ÓRGANO ADMINISTRATIVO DESCONCENTRADO",
        "Organismo Público Descentralizado",
        "ENTIDAD PARAMUNICIPAL",
        "empresa de participación estatal",
        "Dependencia de la Administración Pública Municipal",
    ):
        assert ORGANIZATION_KINDS.search(phrase), phrase
        assert any(word in keyed(phrase) for word in ORGANIZATION_KIND_WORDS), phrase
    assert found > 5
