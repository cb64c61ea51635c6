"""``newsevents dedup``: one record per distinct event, counted GDELT-style, from coded JSON Lines."""
from __future__ import annotations

import json
import sys

import click


def register(group: click.Group) -> None:
    group.add_command(dedup)


@click.command(context_settings={"max_content_width": 100})
@click.argument("events", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write here instead of stdout.")
@click.option("--window-days", type=int, default=2, show_default=True,
              help="Reports of the same event in different stories merge if their documents are this close.")
def dedup(events, output, window_days):
    """Merge the records of EVENTS (from `newsevents code -f jsonl`) that tell the same event.

    Each output record is the event's first mention, with `mentions` (every report),
    `sources` (distinct documents), `story_ids` and `provenance` (where each mention
    was read). Same event: same type, actor and recipient codes, aux mode and
    overlapping dates, in the same story (syndicated copies share a story_id) or in
    documents at most --window-days apart.

    \b
    Example:
      newsevents code archive/ -f jsonl -o events.jsonl
      newsevents dedup events.jsonl -o distinct.jsonl
    """
    from ..dedup import dedup_events

    records = []
    for path in events:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except json.JSONDecodeError as err:
                        raise click.ClickException(f"{path}:{number}: not valid JSON ({err.msg})") from None
    stories = {r["doc_id"]: r["story_id"] for r in records if r.get("doc_id") and r.get("story_id")}
    merged = dedup_events(records, stories, window_days=window_days)
    handle = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for record in merged:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if output:
            handle.close()
    click.echo(f"{len(records)} records, {len(merged)} distinct events", err=True)
