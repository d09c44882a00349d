"""Entity labels (spaCy's OntoNotes set) as the stages group them."""

from __future__ import annotations

# Labels of names: they own the digits inside them (GPT-4, Mate 60, Route 66), and a name written
# two ways across sources is a spelling disagreement.
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT", "GPE", "LOC", "NORP"})
# Labels of places: a place has a role in its sentence (entities.csv `role`: "court in"), and a
# figure's or date's place tells which event it belongs to.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# An identifier written in capitals and digits with a hyphen before at least three digits
# ("CVE-2013-3893", "MS13-008", "HB-1234"): a vulnerability, bulletin, bill or case number. Two
# sources giving it speak of the same thing; it is never a spelling of another one (CVE-2013-3893
# and CVE-2013-3897 are two vulnerabilities). "COVID-19", "F-35" and "I-95" are names, not codes.
CODE_LABEL = "CODE"
# Common nouns that stand for one person of a story ("the driver, 61,", "a 43-year-old man"): a
# number set off after one of them, or an age before it, is that person's age.
PERSON_NOUNS = frozenset("""
man woman boy girl child baby toddler teenager pensioner person victim suspect driver motorist cyclist
pedestrian passenger pilot captain skipper climber hiker walker runner swimmer diver rider jockey player
gunman attacker assailant shooter robber burglar thief killer defendant accused prisoner inmate officer
constable soldier firefighter nurse doctor teacher student pupil worker employee owner landlord tenant
resident neighbour neighbor mother father son daughter wife husband brother sister grandmother
grandfather singer actor actress artist author writer founder director manager chairman chairwoman
chief spokesman spokeswoman survivor patient fisherman farmer miner engineer mechanic chef journalist
guard
""".split())
# Of those, the nouns anyone is: an age told of "a man" in two reports is one man's only when both
# tell the same happening of him; "the driver" of a crash story is one person whatever is told.
ANYONE_NOUNS = frozenset({"man", "woman", "boy", "girl", "person", "child", "baby", "toddler", "teenager", "pensioner",
                          "adult", "youth", "people", "men", "women"})
# Titles written before a person's name ("Headteacher Ruth Callard", "Cllr Aisha Benn"): not part of the name.
TITLES = frozenset("""
mr mrs ms miss dr prof professor president vice-president vp premier chancellor pm prime minister
chairman chairwoman chair secretary minister senator sen rep representative governor gov mayor
general gen lt col colonel captain capt sgt sergeant officer detective det judge justice king queen
prince princess lord sir dame pope ambassador ceo chief executive founder sheikh comrade
headteacher principal councillor cllr inspector superintendent supt constable pc coroner bishop
archbishop reverend rev rabbi imam
""".split())


# Words that say who a person is in the story, written before the name as a title is in news prose
# ("Neighbour Keith Doran said", "Witness Amy Lee saw"): no part of the name. Many are also surnames
# ("Minnie Driver"), so one is taken off only before a given name and a surname.
DESCRIPTORS = frozenset("""
neighbour neighbor witness eyewitness resident passenger bystander driver motorist pedestrian
shopkeeper landlord landlady spokesman spokeswoman spokesperson owner manager customer tourist
victim survivor pensioner student pupil teacher nurse paramedic firefighter lifeguard pilot
""".split())


def strip_titles(name: str) -> str:
    """A person's name without the titles (or descriptors, ``DESCRIPTORS``) written before it; one word
    of the name always stays, and two after a descriptor."""
    words = name.split()
    while len(words) > 1 and (words[0].lower().strip(".") in TITLES
                              or (len(words) > 2 and words[0].lower() in DESCRIPTORS)):
        words = words[1:]
    return " ".join(words)
