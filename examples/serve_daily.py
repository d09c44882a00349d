"""Run newscompare on a schedule with Prefect's ``serve()``: every morning at 06:00, on a folder a
scraper fills overnight. Needs a persistent Prefect server (see the README's "Prefect" section):

    PREFECT_HOME=$PWD/.prefect PREFECT_SERVER_ANALYTICS_ENABLED=false prefect server start
    PREFECT_API_URL=http://127.0.0.1:4200/api python examples/serve_daily.py /data/story/raw /data/story/out

The process stays up and starts a flow run at each scheduled time (or when you press "Run" in
the UI); stop it with Ctrl-C.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.flow import run_pipeline

DAILY_AT_SIX = "0 6 * * *"


def daily_deployment(raw_dir: str | Path, out_dir: str | Path, cron: str = DAILY_AT_SIX):
    """The deployment ``serve()`` runs: the flow with this story's folders, on a cron schedule."""
    out = Path(out_dir)
    return run_pipeline.to_deployment(
        name=f"newscompare-{Path(raw_dir).name}-daily",
        cron=cron,
        parameters={"raw_dir": str(raw_dir), "processed_dir": str(out / "processed"),
                    "reports_dir": str(out / "reports")},
    )


if __name__ == "__main__":
    from prefect import serve

    if len(sys.argv) != 3:
        sys.exit("usage: python examples/serve_daily.py INPUT_FOLDER OUTPUT_FOLDER")
    serve(daily_deployment(sys.argv[1], sys.argv[2]))
