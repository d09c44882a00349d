"""Number words: cardinals, the words that multiply them, fractions and ordinals.

The one table of how English spells numbers, shared by number extraction (which reads "twenty
-three thousand" as 23,000), date extraction ("three weeks ago", "the second quarter") and
compare (which masks number words in a frame so the encoder sees what is counted, not how many).
"""

from __future__ import annotations

SMALL_CARDINALS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
CARDINALS: dict[str, int] = {**SMALL_CARDINALS, **TENS}
# Words that multiply the number before them ("three hundred", "2.5 million").
MULTIPLIERS: dict[str, int] = {
    "hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}
DOZEN = 12
FRACTIONS: dict[str, float] = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}


def ordinals_between(low: int, high: int) -> dict[str, int]:
    """The spelled ordinals from ``low`` to ``high`` (inclusive), one word each."""
    return {w: n for w, n in ORDINALS.items() if low <= n <= high and "-" not in w}

# Nouns that count people or animals in the singular ("seven crew", "40 staff", "200 police",
# "300 cattle"): the counted noun although the tagger calls it singular.
COLLECTIVE_NOUNS: frozenset[str] = frozenset({
    "crew", "staff", "personnel", "police", "cattle", "livestock", "infantry", "clergy", "militia",
})
# Nouns of belonging that leave the counting to the collective noun before them: "22 crew members"
# counts the crew, as "23 crew" does.
MEMBER_NOUNS: frozenset[str] = frozenset({"member", "members"})

# The word of a named scale whose whole-number ranks news gives ("a Category 3 hurricane", "Cat 4"):
# the number after it is a rank, and the two together are no name (the small model tags
# "Category 3" as a nationality or an organisation).
SCALE_RANK_WORD = r"(?:[Cc]ategory|CATEGORY|Cat\.?)"
# The highest rank of such a scale: a larger number after the word is something else ("category 45" of a list).
MAX_SCALE_RANK = 10
