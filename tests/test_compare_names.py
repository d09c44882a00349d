"""Names spelled two ways (issue 19, facts that are not numbers), on names and sentences of our own.

A name one source writes "Marta Kowalczyk" and another "Marta Kowalczik" is a disagreement with
two sides; typography (case, accents, apostrophes, hyphens, "-ise"/"-ize") is not, nor are two
names that merely look alike (a country and its people, "Iran" and "Iraq", two first names).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.compare import compare_documents
from pipeline.compare.names import candidate_pairs, spelling_tokens, spelling_variant
from pipeline.compare.registry import CLAIM_KINDS
from pipeline.textsim import edit_distance
from pipeline.vocab.kinds import ClaimKind
from tests.compare_fixtures import Ent, Spec, make_corpus

NAMES_ONLY = [e for e in CLAIM_KINDS if e.kind == ClaimKind.NAME]


def _variant(a: str, b: str) -> bool:
    return spelling_variant(spelling_tokens(a), spelling_tokens(b))


@pytest.mark.parametrize(("a", "b"), [
    ("Marta Kowalczyk", "Marta Kowalczik"),  # one letter
    ("Judge Tomas R. Ellery", "Judge Tomas Elery"),  # an initial dropped, one letter
    ("Port of Brindisa", "Port of Brindusa"),
    ("Vasquez-Orlov", "Vasquez-Orlow"),
    ("Northfield", "North Field"),  # one word or two
    ("Penhaligon", "Penhalligon"),  # a one-word name of six letters or more
    ("Ottoline Baumgartner", "Ottoline Bamgartner"),
    ("Benedetto Castellani", "Benedetto DeCastellani"),  # two edits in a long word
    ("Tomasz Ulrichs", "Tomasz Urlichs"),  # two letters swapped
])
def test_one_name_spelled_two_ways(a, b):
    assert _variant(a, b) and _variant(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Marta Kowalczyk", "MARTA KOWALCZYK"),  # case
    ("Café Lumière", "Cafe Lumiere"),  # accents
    ("Harwick Magistrates' Court", "Harwick Magistrates Court"),  # apostrophe
    ("Next-Generation Transit Corridor", "Next Generation Transit Corridor"),  # hyphen
    ("Internationally Recognised Corridor", "Internationally Recognized Corridor"),  # convention
    ("the Delmont Group", "Delmont Group's"),  # article, possessive
    ("Iran", "Iraq"),  # a one-word name under six letters: two countries
    ("Lena Moravec", "Lena Moravek Smith"),  # other number of words
    ("Arlen Pro", "Arlen Pros"),  # a plural
    ("Charlene Adair", "Charlie Adair"),  # two first names
    ("Brightmicro", "Supermicro"),  # three edits: two firms
    ("Ana Sol", "Ana Sal"),  # words under four letters
    ("Jonas Weller", "Janos Waller"),  # two words differ
])
def test_not_a_spelling_disagreement(a, b):
    assert not _variant(a, b)


def test_a_persons_surname_after_the_same_given_names_admits_two_edits():
    """"Peter Haldane" / "Peter Halden": the given names vouch that it is one person; a firm or a
    place two letters apart, or a surname with other given names, is not one name misspelt."""
    def person(a: str, b: str) -> bool:
        return spelling_variant(spelling_tokens(a), spelling_tokens(b), person=True)
    assert person("Peter Haldane", "Peter Halden") and person("Peter Halden", "Peter Haldane")
    assert not _variant("Peter Haldane", "Peter Halden")  # not a person's name: two edits need eight letters
    assert not person("Peter Haldane", "Petra Halden")  # other given names
    assert not person("Ana Solak", "Ana Salek")  # two edits in a surname under six letters
    assert not person("Haldane", "Halden")  # a surname alone: nothing vouches for it


def test_spelling_tokens_drop_what_is_not_spelling():
    assert spelling_tokens("Judge Philippa H. Dörr's") == ("judge", "philippa", "dorr")
    assert spelling_tokens("the Organised-Crime Unit") == ("organized", "crime", "unit")


@given(st.text(alphabet="abcdefgh", max_size=9), st.text(alphabet="abcdefgh", max_size=9))
def test_edit_distance_is_a_distance_of_edits(a, b):
    d = edit_distance(a, b)
    assert d == edit_distance(b, a)
    assert (d == 0) == (a == b)
    assert abs(len(a) - len(b)) <= d <= max(len(a), len(b))


@given(st.text(alphabet="abcdefgh", min_size=2, max_size=9), st.data())
def test_one_edit_is_distance_one(word, data):
    i = data.draw(st.integers(0, len(word) - 1))
    letter = data.draw(st.sampled_from("xyz"))
    assert edit_distance(word, word[:i] + letter + word[i + 1:]) == 1  # substitution
    assert edit_distance(word, word[:i] + letter + word[i:]) == 1  # insertion
    assert edit_distance(word, word[:i] + word[i + 1:]) == 1  # deletion


def _spec(doc_id: str, text: str, *names: tuple[str, str]) -> Spec:
    return Spec(doc_id, text, "2024-04-02", entities=[Ent(n, label) for n, label in names])


def _findings(specs):
    docs, men = make_corpus(specs)
    rows = compare_documents(docs, men, kinds=NAMES_ONLY).finding_rows()
    out: dict[str, list] = {}
    for r in rows:
        out.setdefault(r.finding_id, []).append(r)
    return list(out.values())


def test_sources_that_spell_a_name_differently_are_sides_of_one_finding():
    specs = [
        _spec("a1", "Marta Kowalczyk, 41, was rescued from the ridge. Kowalczyk was flown to Brenn.",
              ("Marta Kowalczyk", "PERSON"), ("Kowalczyk", "PERSON"), ("Brenn", "GPE")),
        _spec("a2", "Rescuers reached Marta Kowalczyk before dusk, police in Brenn said.",
              ("Marta Kowalczyk", "PERSON"), ("Brenn", "GPE")),
        _spec("a3", "The climber, Marta Kowalczik, was taken to hospital in Brenn.",
              ("Marta Kowalczik", "PERSON"), ("Brenn", "GPE")),
    ]
    (finding,) = _findings(specs)
    assert {r.kind for r in finding} == {"name_conflict"}
    sides = {}
    for r in finding:
        sides.setdefault(r.side, set()).add((r.doc_id, r.value))
    # One statement per source and spelling, its fullest form: a1's "Kowalczyk" stands with its
    # "Marta Kowalczyk", not as a third spelling.
    assert sorted(sides.values(), key=len) == [{("a3", "Marta Kowalczik")},
                                                {("a1", "Marta Kowalczyk"), ("a2", "Marta Kowalczyk")}]
    assert "'Marta Kowalczyk' (2 sources) vs 'Marta Kowalczik' (1 source)" in finding[0].note


def test_an_identifier_two_sources_give_is_corroborated_and_never_spelt_two_ways():
    """"CVE-2031-4410" in two sources is one vulnerability, agreed on; a third source's
    "CVE-2031-4417", one digit apart, is another vulnerability, not a misspelling."""
    specs = [
        _spec("k1", "Velo patched the flaw (CVE-2031-4410) on Tuesday.", ("CVE-2031-4410", "CODE")),
        _spec("k2", "The stopgap, the CVE-2031-4410 Shim Workaround, blocks the attack.",
              ("CVE-2031-4410", "CODE"), ("CVE-2031-4410 Shim Workaround", "WORK_OF_ART")),
        _spec("k3", "Last month Velo fixed CVE-2031-4417 in its mail client.", ("CVE-2031-4417", "CODE")),
    ]
    (finding,) = _findings(specs)
    assert {(r.kind, r.doc_id, r.value, r.topic) for r in finding} == {
        ("corroboration", "k1", "CVE-2031-4410", "identifier CVE-2031-4410"),
        ("corroboration", "k2", "CVE-2031-4410", "identifier CVE-2031-4410")}


def test_a_text_that_names_both_again_and_again_names_two_people():
    specs = [
        _spec("c1", "Marta Kowalczyk met Marta Kowalczik in Brenn. Marta Kowalczyk and Marta Kowalczik then left.",
              ("Marta Kowalczyk", "PERSON"), ("Marta Kowalczik", "PERSON")),
        _spec("c2", "Marta Kowalczik spoke first.", ("Marta Kowalczik", "PERSON")),
        _spec("c3", "Marta Kowalczyk spoke last.", ("Marta Kowalczyk", "PERSON")),
    ]
    assert _findings(specs) == []


def test_a_slip_in_a_text_that_spells_the_name_otherwise_counts():
    specs = [
        _spec("s1", "Marta Kowalczyk was rescued. Marta Kowalczyk was flown to Brenn. Rescuers had reached "
              "Marta Kowalczik at dusk.", ("Marta Kowalczyk", "PERSON"), ("Marta Kowalczik", "PERSON")),
        _spec("s2", "Marta Kowalczyk thanked the rescuers.", ("Marta Kowalczyk", "PERSON")),
    ]
    (finding,) = _findings(specs)
    assert {(r.doc_id, r.value) for r in finding} == {("s1", "Marta Kowalczyk"), ("s2", "Marta Kowalczyk"),
                                                       ("s1", "Marta Kowalczik")}


def test_a_name_and_its_people_are_two_names():
    specs = [
        _spec("d1", "Velaria said the Velarian border was closed.", ("Velaria", "GPE"), ("Velarian", "NORP")),
        _spec("d2", "Velarian officials closed the border.", ("Velarian", "NORP")),
        _spec("d3", "The border of Velaria was closed.", ("Velaria", "GPE")),
    ]
    assert _findings(specs) == []


def test_one_source_alone_is_not_compared_with_itself():
    specs = [
        _spec("e1", "Marta Kowalczyk was rescued. Marta Kowalczik was flown out.",
              ("Marta Kowalczyk", "PERSON"), ("Marta Kowalczik", "PERSON")),
        _spec("e2", "Rescuers reached the ridge in Brenn.", ("Brenn", "GPE")),
    ]
    assert _findings(specs) == []


@st.composite
def _near_forms(draw) -> list[tuple[str, ...]]:
    """Names and copies of them with one or two letters changed, inserted, deleted or swapped, or
    two of their words run together."""
    words = st.text(alphabet="abcd", min_size=1, max_size=11)
    forms = draw(st.lists(st.lists(words, min_size=1, max_size=3).map(tuple), min_size=1, max_size=5))
    for _ in range(draw(st.integers(0, 8))):
        form = list(draw(st.sampled_from(forms)))
        i = draw(st.integers(0, len(form) - 1))
        if i + 1 < len(form) and draw(st.booleans()):  # two words run together
            forms.append((*form[:i], form[i] + form[i + 1], *form[i + 2:]))
            continue
        for _ in range(draw(st.integers(1, 2))):
            word = form[i]
            j = draw(st.integers(0, len(word)))
            edit = draw(st.sampled_from(["insert", "delete", "substitute", "swap"]))
            if edit == "insert":
                word = word[:j] + draw(st.sampled_from("abcd")) + word[j:]
            elif edit == "delete" and j < len(word):
                word = word[:j] + word[j + 1:]
            elif edit == "substitute" and j < len(word):
                word = word[:j] + draw(st.sampled_from("abcd")) + word[j + 1:]
            elif edit == "swap" and j + 1 < len(word):
                word = word[:j] + word[j + 1] + word[j] + word[j + 2:]
            form[i] = word or "a"
        forms.append(tuple(form))
    return sorted(set(forms))


@given(_near_forms(), st.booleans())
def test_blocking_finds_every_variant_pair_that_comparing_all_pairs_finds(forms, person):
    everything = {(f, g) for f, g in itertools.combinations(forms, 2) if spelling_variant(f, g, person=person)}
    blocked = {(f, g) for f, g in candidate_pairs(forms) if spelling_variant(f, g, person=person)}
    assert blocked == everything


def test_compare_counts_the_pairs_it_scores():
    specs = [
        _spec("a1", "Marta Kowalczyk was rescued near Brenn.", ("Marta Kowalczyk", "PERSON"), ("Brenn", "GPE")),
        _spec("a2", "Marta Kowalczik was rescued near Brenn.", ("Marta Kowalczik", "PERSON"), ("Brenn", "GPE")),
    ]
    docs, men = make_corpus(specs)
    # Two names and one place, three forms: only the two names one letter apart are a candidate pair.
    assert compare_documents(docs, men, kinds=NAMES_ONLY).pairs_scored == 1


@settings(max_examples=300)
@given(st.text())
def test_name_key_keeps_exactly_the_letters_and_digits_of_any_text(text):
    """The regex in ``name_key`` drops what ``str.isalnum`` rejects, whatever the script."""
    from pipeline.compare.claims import name_key

    words = "".join(ch if ch.isalnum() else " " for ch in text.lower()).split()
    assert name_key(text).split() == [w for w in words if w not in ("the", "mr", "mrs", "ms", "dr", "jr", "sr",
                                                                     "ii", "iii", "iv")]


def test_the_gazetteer_puts_countries_in_their_continents():
    from pipeline.compare.gazetteer import is_country_or_continent, lies_in, region_holds
    assert lies_in("United States", "North America") and lies_in("Houston", "North America")
    assert not lies_in("France", "North America")
    assert region_holds("North America", "US") and region_holds("Europe", "Europe")
    assert not region_holds("Europe", "United States") and not region_holds("United States", "North America")
    assert is_country_or_continent("Europe") and is_country_or_continent("the US")
    assert not is_country_or_continent("Aceh")  # a province: the gazetteer cannot tell what it lies in


def test_a_title_the_parser_takes_into_a_name_is_no_part_of_its_spelling():
    """"Headteacher Anna Pelling" (a title at a sentence's start, taken into the name) in one report
    and "Anna Pilling" in another: one name spelled two ways."""
    found = _findings([
        _spec("t1", "Headteacher Anna Pelling said she was disappointed.", ("Headteacher Anna Pelling", "PERSON")),
        _spec("t2", "Head Anna Pilling said the school had a plan.", ("Anna Pilling", "PERSON")),
    ])
    assert [sorted(r.value for r in f) for f in found if f[0].kind == "name_conflict"] == [
        ["Anna Pilling", "Headteacher Anna Pelling"]], found


def test_a_word_saying_who_a_person_is_before_the_name_is_no_part_of_it():
    """"Neighbour Keith Doran said" (a descriptor at a sentence's start, taken into the name) and "Keith
    Dorran, who lives opposite": one name spelled two ways. A descriptor that may be a surname stays
    before one word ("Driver Smith") and anywhere but first ("Minnie Driver")."""
    from pipeline.vocab.entities import strip_titles
    found = _findings([
        _spec("t1", "Neighbour Keith Doran said it sounded like a bomb.", ("Neighbour Keith Doran", "PERSON")),
        _spec("t2", "Keith Dorran, who lives opposite, said the blast shook his windows.", ("Keith Dorran", "PERSON")),
    ])
    assert [sorted(r.value for r in f) for f in found if f[0].kind == "name_conflict"] == [
        ["Keith Dorran", "Neighbour Keith Doran"]], found
    assert strip_titles("Witness Amy Lee") == "Amy Lee" and strip_titles("Driver Smith") == "Driver Smith"
    assert strip_titles("Minnie Driver") == "Minnie Driver"
