"""Timeline chart: dated events per source as an SVG ``data:`` URI (matplotlib, no pyplot state).

SVG with ``svg.fonttype = none`` keeps chart text searchable in the PDF, and a ``data:`` URI is
the only kind of URL the report's fetcher serves without a file, so the chart needs no temp file.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from pipeline.vocab import timeml

# The chart's height grows with the number of sources (inches per source row, plus axes),
# capped so 50+ sources still fit one A4 page at the width used in the template.
ROW_HEIGHT_IN = 0.24
BASE_HEIGHT_IN = 1.3
MAX_HEIGHT_IN = 9.0
WIDTH_IN = 6.6
# Events before this many years ahead of the first publication are usually background history
# ("since 1949"); they are kept on the chart, but the x axis is not stretched for them beyond
# this many years before the earliest publication date.
HISTORY_WINDOW_YEARS = 15

# Dates outside these years are not drawn ("the treaty expires on 9999-12-31" would stretch the
# axis past what the plotting library can represent); they stay in dates.csv.
CHART_YEARS = (1000, 2200)

_COLOURS = {"event": "#4a7ab5", "published": "#222222", "conflict": "#c62828", "finding": "#2e7d32"}


class TimelinePoint(NamedTuple):
    row: str  # source name ("S1 Reuters")
    value: str  # TimeML value
    kind: str  # event | published | conflict | finding (a date two sources agree on)
    finding_id: str


def timeline_svg_data_uri(points: Sequence[TimelinePoint], rows: Sequence[str]) -> str:
    """Draw events (dots, bars for periods), publication dates (ticks) and conflicts (red X + id)."""
    import matplotlib  # imported here: a second of import time only when a report is drawn
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    parsed = [(p, timeml.interval(p.value)) for p in points]
    parsed = [(p, span) for p, span in parsed if span is not None and p.row in rows
              and CHART_YEARS[0] <= span[0].year and span[1].year <= CHART_YEARS[1]]
    if not parsed:
        return ""
    y_of = {r: i for i, r in enumerate(rows)}
    published = [span[0] for p, span in parsed if p.kind == "published"]
    lo = min(span[0] for _, span in parsed)
    if published:
        floor = date(max(min(published).year - HISTORY_WINDOW_YEARS, 1), 1, 1)
        lo = max(lo, floor)
    with matplotlib.rc_context(
        {"svg.fonttype": "none", "svg.hashsalt": "report", "font.family": "DejaVu Sans", "font.size": 7}
    ):
        height = min(BASE_HEIGHT_IN + ROW_HEIGHT_IN * len(rows), MAX_HEIGHT_IN)
        fig = Figure(figsize=(WIDTH_IN, height))
        FigureCanvasSVG(fig)
        ax = fig.add_subplot()
        for kind, marker, size in (("event", "o", 14), ("published", "|", 70), ("finding", "D", 22),
                                   ("conflict", "X", 46)):
            xs, ys = [], []
            for p, (start, end) in parsed:
                if p.kind != kind or end < lo:
                    continue
                start = max(start, lo)
                if kind == "event" and (end - start).days > 40:
                    ax.plot(
                        [start, end],
                        [y_of[p.row]] * 2,
                        color=_COLOURS[kind],
                        alpha=0.35,
                        linewidth=3,
                        solid_capstyle="butt",
                    )
                xs.append(start)
                ys.append(y_of[p.row])
            if xs:
                ax.scatter(
                    xs,
                    ys,
                    marker=marker,
                    s=size,
                    color=_COLOURS[kind],
                    alpha=0.6 if kind == "event" else 1.0,
                    label={
                        "event": "date mentioned",
                        "published": "publication date",
                        "conflict": "conflicting date (finding id)",
                        "finding": "date sources agree on (finding id)",
                    }[kind],
                    zorder=3 if kind == "conflict" else 2,
                    linewidths=1.2 if kind != "event" else 0,
                )
        labelled: set[tuple[str, str]] = set()
        for p, (start, _end) in parsed:
            # a conflict is labelled on every row it appears on; an agreed date once, on its first row
            key = (p.row, p.finding_id) if p.kind == "conflict" else ("", p.finding_id)
            if p.kind in ("conflict", "finding") and key not in labelled:
                labelled.add(key)
                ax.annotate(p.finding_id, (max(start, lo), y_of[p.row]), xytext=(4, 4), textcoords="offset points",
                            color=_COLOURS[p.kind], fontsize=6.5, fontweight="bold")
        ax.set_yticks(range(len(rows)), list(rows))
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12 if len(rows) < 8 else -0.06),
            ncol=3,
            frameon=False,
            fontsize=6.5,
        )
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
