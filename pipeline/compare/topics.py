"""Topic labels of findings: the words the statements share, and the names they are about."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pipeline.compare.claims import Claim
from pipeline.compare.text import stem, words


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
