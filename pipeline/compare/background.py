"""When a statement is background: dated too long before its article, or about somewhere else.

Claim-time checks: the builders (``figures``, ``statuses``) and the corpus-wide marks
(``events``) decide here whether a statement is about the story's own event, so the aligner
only reads ``Claim.background`` and never decides it.
"""

from __future__ import annotations

from pipeline.vocab import timeml

# The background reason events.mark_elsewhere gives.
ELSEWHERE = "about somewhere else"
# A figure dated this many days or fewer before the other source's publication can still be the
# same current figure ("on Sunday ... killed 10" in a Monday paper).
BACKGROUND_DAYS = 7
# How long after the end of its period a figure is still current news: a day's (or week's) toll
# for a week, a month's figure for a month, a quarter's or a year's results for about a quarter
# (annual results for 2024 come out in February 2025).
STALE_AFTER_DAYS = {"day": BACKGROUND_DAYS, "week": BACKGROUND_DAYS, "weekend": BACKGROUND_DAYS, "month": 31}
STALE_AFTER_DAYS_DEFAULT = 92


# A lasting state stays news for a year: a person's age until the next birthday ("Voss, 42, was
# found guilty in September" is still her age; a birthday between two reports is the ages' own
# rule, number_findings._ageing), a case's charge for the length of a trial.
LASTING_STALE_AFTER_DAYS = 365


# The date of an article's lead is the story's own news for a quarter, whatever its precision ("told
# it requires improvement after a visit in April", in June); past that it is an earlier event.
LEAD_STALE_AFTER_DAYS = STALE_AFTER_DAYS_DEFAULT


def is_background(as_of: str, ref_time: str, *, lasting: bool = False, lead: bool = False) -> bool:
    """True when a figure's reference period ended well before the article's reference time."""
    pub = timeml.parse_iso_date(ref_time)
    end = timeml.end(as_of)
    if pub is None or end is None:
        return False
    allowance = LASTING_STALE_AFTER_DAYS if lasting else LEAD_STALE_AFTER_DAYS if lead else STALE_AFTER_DAYS.get(
        timeml.granularity(as_of), STALE_AFTER_DAYS_DEFAULT)
    return (pub - end).days > allowance
