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
