"""Topic labels of findings, as a person would write them: "death toll (Qeshm)", "share of AI
chips", "date: Gray was killed"; with the names the statements are about."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from pipeline.compare.claims import Claim, dimension_told, sizes_a_thing, thing_sized
from pipeline.compare.lexicon import load_lexicon
from pipeline.compare.text import STOPWORDS, stem, words
from pipeline.vocab import units
from pipeline.vocab.units import PHYSICAL_FAMILIES

# Words of a date's frame that name the dated event ("Gray was killed on #" -> "Gray was killed").
EVENT_WORDS = 5
# ... of which at least this many say something ("As part of its #" names nothing: the next source's
# words, else the words the sources share).
EVENT_CONTENT_WORDS = 2
MEASURE_WORDS = 6


def surface_topic(claims: Sequence[Claim], k: int = 3) -> str:
    """A few words the statements share, as written in the first quote."""
    shared = Counter(s for c in claims for s in set(c.context))
    need = max(2, (len({c.doc_id for c in claims}) + 1) // 2)
    first = claims[0].row.quote
    out: list[str] = []
    for w in words(first):
        st = stem(w)
        if shared.get(st, 0) >= need and w not in out and len(w) > 2 and st in claims[0].context:
            out.append(w)
        if len(out) == k:
            break
    return " ".join(out)


def subjects(claims: Sequence[Claim], k: int = 2) -> str:
    counts = Counter(s for c in claims for s in c.subjects - c.sources)
    return ", ".join(s for s, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:k])


def topic_label(prefix: str, claims: Sequence[Claim]) -> str:
    subj = subjects(claims)
    label = prefix.strip()
    return f"{label} ({subj})" if subj else label


def measure_topic(claims: Sequence[Claim]) -> str:
    """What a group of figures measures: the concept's phrase (with whose estimate it is: "crowd
    size, estimate by police"), else the shortest wording a source uses ("share of AI chips"), else
    the shared measure stems."""
    if size := _size_topic(claims):
        return size
    if amount := _amount_of_topic(claims):
        return amount
    if since := _since_topic(claims):
        return since
    concept = next((c.concept for c in claims if c.concept), "")
    phrases = dict(load_lexicon().topics)
    if concept:
        label = phrases.get(concept, concept.replace("_", " "))
        if label.startswith("version of ") and any(c.row.qualifier == "range" for c in claims):
            label = "versions of " + label.removeprefix("version of ")  # "IE 6 to 10": which versions
        named = {c.measure_text for c in claims if c.measure_text in units.DIMENSION_NOUNS.get(concept, ())}
        if concept == claims[0].value.family and len(named) == 1:
            return named.pop()  # "altitude" where a source says "at an altitude of about 40 km", not "distance"
        priced = {p for c in claims if (p := getattr(c.value, "priced", ""))}
        if len(priced) == 1:
            return f"{label} of the {priced.pop()}"  # "price or value of the satellite": of what, when a source says
        described = {getattr(c.value, "age_of", "") for c in claims}
        if concept == "age" and len(described) == 1 and "" not in described:
            return f"age of the {described.pop()}"  # whose age, when only a noun says: "age of the driver"
        parties = sorted({p for c in claims if (p := getattr(c.value, "estimated_by", ""))}, key=lambda p: (len(p), p))
        return f"{label}, estimate by {parties[0]}" if parties else label  # whose estimate the finding is about
    family = claims[0].value.family
    # an offset's words name what it dates ("found ... four days after he went missing"); a span's, what lasted
    spans = [c for c in claims if not c.value.offset] or claims
    texts = sorted({" ".join(c.measure_text.split()[:MEASURE_WORDS]) for c in spans if c.measure_text},
                   key=lambda t: (len(t), t))
    if texts:
        return texts[0]
    if family in phrases:
        return phrases[family]
    return " ".join(sorted(claims[0].value.measure_keys)) or family or "figure"


# Where the clause an offset counts from ends: punctuation, or a word that opens another phrase.
_CLAUSE_ENDS = frozenset({"on", "in", "at", "when", "while", "as", "and", "but", "from", "to", "with", "for", "by"})
SINCE_WORDS = 5


def _since_topic(claims: Sequence[Claim]) -> str:
    """"time since it went missing" when a figure counts days from a clause ("rescued on Monday,
    three days after it went missing on a walk") and the others are spans of that time: the
    clause names what the span measures, which the span's own words ("a spaniel") may not."""
    for c in claims:
        if c.value.family != "duration" or c.value.offset != "after" or not c.value.since:
            continue
        after = c.frame.partition("#")[2].split()
        if "after" not in after[:3]:
            continue
        told = []
        for w in after[after.index("after") + 1:][:SINCE_WORDS]:
            word = w.strip(",;:()\"“”.")
            if not word or word.lower() in _CLAUSE_ENDS:
                break
            told.append(word)
            if word != w:
                break
        if told:
            return "time since " + " ".join(told)
    return ""


# A measure told as an amount of a stuff: "# millimetres of rain", "#km of coastline", "# tonnes of crude oil".
_AMOUNT_OF = re.compile(r"#\s*([a-z]+)\s+of\s+(?:the\s+)?([a-z]+(?:\s+[a-z]+)?)\b")


def _amount_of_topic(claims: Sequence[Claim]) -> str:
    """"millimetres of rain" when the first figure of a physical measure no word of the lexicon
    names is told as an amount of a stuff ("More than 200 millimetres of rain fell"); '' otherwise.
    The family's own name ("distance") would say less, or the wrong thing."""
    first = claims[0]
    if first.value.family not in PHYSICAL_FAMILIES or first.concept != first.value.family:
        return ""
    told = []
    for c in claims:
        if m := _AMOUNT_OF.search(c.frame):
            stuff = [w for w in m.group(2).split() if w not in STOPWORDS][:2]
            told.append((len(stuff), f"{m.group(1)} of {' '.join(stuff)}"))
    # the fewest words any source uses ("of oil that spilled" against "of crude oil leaked"): a
    # second word may be the clause's verb ("of rain fell")
    return min(told, key=lambda t: t[0])[1] if told else ""


def _size_topic(claims: Sequence[Claim]) -> str:
    """"length of the boat" when every figure is a thing's size ("the 18-metre boat", "the
    22-metre vessel"), "height of the dam" when an adjective says which dimension ("35 metres
    high"); '' otherwise."""
    if not all(sizes_a_thing(c) for c in claims):
        return ""
    dimension = next((d for c in claims if (d := dimension_told(c))), claims[0].value.family)
    thing = next((t for c in claims if (t := thing_sized(c))), "")
    return f"{dimension} of the {thing}" if thing else dimension


# A determiner right before a date makes the date a modifier of the noun after it ("the June 20
# shooting", "a March 3 fire"): that noun names the dated happening.
_DETERMINERS = frozenset({"the", "a", "an"})
NOUN_WORDS = 3


def _dated_noun(frame: str) -> str:
    """"the # shooting was ..." -> "shooting"; "" when the date modifies no noun of its own."""
    before, _, after = frame.partition("#")
    if not before.split() or before.split()[-1].lower() not in _DETERMINERS:
        return ""
    out: list[str] = []
    for w in after.split()[:NOUN_WORDS]:
        word = w.strip(",;:()\"“”.")
        if not word.isalpha() or not word.islower() or word in STOPWORDS or word.endswith("ly"):
            break
        out.append(word)
        if word != w:
            break  # punctuation ends the noun phrase
    return " ".join(out)


def event_topic(claims: Sequence[Claim]) -> str:
    """The dated happening in a source's own words: the noun a date modifies in any statement
    ("the June 20 shooting" -> "shooting"), else the few words before the date in the first
    statement's frame ("Gray was killed on #" -> "Gray was killed"), else the shared words."""
    for c in claims:
        if "#" in c.frame and (noun := _dated_noun(c.frame)):
            return noun
    for c in claims:
        before = c.frame.split("#")[0].split() if "#" in c.frame else []
        while before and before[-1].lower().strip(",;:") in STOPWORDS:
            before.pop()
        phrase = [w.strip(",;:()\"“”") for w in before[-EVENT_WORDS:]]
        if sum(w.lower() not in STOPWORDS for w in phrase) >= EVENT_CONTENT_WORDS:
            return " ".join(phrase).strip()
    return surface_topic(claims) or "the event"
