"""Entity labels (spaCy's OntoNotes set) as the stages group them."""

from __future__ import annotations

# Labels of names: they own the digits inside them (GPT-4, Mate 60, Route 66), and a name written
# two ways across sources is a spelling disagreement.
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT", "GPE", "LOC", "NORP"})
# Labels of places: a place has a role in its sentence (entities.csv `role`: "court in"), and a
# figure's or date's place tells which event it belongs to.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
