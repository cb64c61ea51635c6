"""Commands over an event database: query, export, trends, alerts, actors, serve.

Each is a thin wrapper over the library function of the same name; the database is
``--db`` (a DuckDB file, or a ``postgresql://`` URL), or $NEWSEVENTS_DB.
"""
from __future__ import annotations

import json
import sys

import click

DB = click.option("--db", envvar="NEWSEVENTS_DB", required=True, metavar="PATH|URL",
                  help="DuckDB file or postgresql:// URL (default: $NEWSEVENTS_DB).")


def _filters(func):
    options = [
        click.option("--dyad", metavar="A:B", help="Actor and recipient codes, e.g. RUS:UKR."),
        click.option("--actor", metavar="CODE", help="Code of the actor (who acts)."),
        click.option("--recipient", metavar="CODE", help="Code of the recipient (acted upon)."),
        click.option("--undirected", is_flag=True, help="Count the dyad in both directions."),
        click.option("--involving", metavar="CODE", help="The code in either role."),
        click.option("--type", "types", multiple=True, metavar="TYPE", help="PLOVER type (repeatable)."),
        click.option("--aux", multiple=True, metavar="AUX",
                     help="Keep these aux modes: real, future, hypothetical, historical, negated (repeatable)."),
        click.option("--since", "start", metavar="DATE", help="First event date (YYYY-MM-DD)."),
        click.option("--until", "end", metavar="DATE", help="Last event date (YYYY-MM-DD)."),
        click.option("--place", metavar="TEXT", help="Place name (substring) or ISO country code."),
        click.option("--text", "q", metavar="TEXT", help="Words in the event's sentence."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _make_filter(dyad, actor, recipient, undirected, involving, types, aux, start, end, place, q):
    from ..store import EventFilter

    if dyad:
        if ":" not in dyad:
            raise click.BadParameter("write the dyad as ACTOR:RECIPIENT, e.g. RUS:UKR", param_hint="--dyad")
        actor, recipient = dyad.split(":", 1)
    upper = lambda v: v.strip().upper() if v else None  # noqa: E731
    return EventFilter(actor=upper(actor), recipient=upper(recipient), undirected=undirected,
                       involving=upper(involving), types=list(types), aux=list(aux) or None,
                       start=start, end=end, place=place, q=q)


def _fail(err) -> None:
    raise click.ClickException(str(err))


def register(group: click.Group) -> None:
    for command in (query, export, trends, alerts, actors, serve):
        group.add_command(command)


@click.command()
@DB
@_filters
@click.option("-n", "--limit", default=20, show_default=True, help="How many events to show.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line instead of a table.")
def query(db, limit, as_json, **kw):
    """Show stored events that match the filters, newest first.

    \b
    Examples:
      newsevents query --db demo.duckdb --dyad RUS:UKR --type ASSAULT
      newsevents query --db demo.duckdb --involving NATO --since 2022-02-01 --until 2022-03-31
      newsevents query --db demo.duckdb --text sanctions --aux future --json
    """
    from ..store import StoreError, query as run

    try:
        rows = run(db, _make_filter(**kw), limit=limit)
    except StoreError as err:
        _fail(err)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            dyad = f"{'+'.join(row['actor_codes']) or '-'} → {'+'.join(row['recipient_codes']) or '-'}"
            aux = f" [{row['aux']}]" if row["aux"] else ""
            when = str(row.get("date_start") or row["event_date"] or "?")  # the event's own date, not when counted
            click.echo(f"{when:10}  {dyad:16} {row['type']:10}{aux} "
                       f"{row['score'] if row['score'] is not None else '':>5}  {(row['sentence'] or '')[:90]}")


@click.command()
@DB
@_filters
@click.option("-o", "--output", required=True, metavar="FILE", help="Where to write ('-' for stdout).")
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt"]),
              help="Output format (default: from the file suffix; .tsv means gdelt).")
def export(db, output, fmt, **kw):
    """Write the matching events to JSON Lines, CSV, Parquet or GDELT-style TSV.

    \b
    Examples:
      newsevents export --db demo.duckdb -o events.parquet
      newsevents export --db demo.duckdb --dyad USA:RUS -o usa-rus.csv
      newsevents export --db demo.duckdb -f gdelt -o events.tsv   # CAMEO codes, Goldstein-style scores
    """
    from ..store import StoreError, export as run
    from ..store.exports import guess_format

    fmt = guess_format(output, fmt)
    if output == "-" and fmt == "parquet":
        raise click.BadParameter("Parquet needs a file name", param_hint="--output")
    try:
        count = run(db, sys.stdout if output == "-" else output, fmt=fmt, f=_make_filter(**kw))
    except StoreError as err:
        _fail(err)
    click.echo(f"wrote {count} events to {output} ({fmt})", err=True)


@click.command()
@DB
@click.option("--dyad", metavar="A:B", help="A dyad, e.g. RUS:UKR (directed unless --undirected).")
@click.option("--actor", metavar="CODE", help="One actor's events (see --role).")
@click.option("--role", type=click.Choice(["actor", "recipient", "any"]), default="actor", show_default=True)
@click.option("--undirected", is_flag=True, help="Count the dyad in both directions.")
@click.option("--freq", type=click.Choice(["day", "week", "month"]), default="week", show_default=True)
@click.option("--include-aux", multiple=True, metavar="AUX",
              help="Also count these aux modes (e.g. future, or 'plans'); default: real events only.")
@click.option("--since", "start", metavar="DATE")
@click.option("--until", "end", metavar="DATE")
@click.option("--csv", "as_csv", is_flag=True, help="CSV instead of a table.")
def trends(db, dyad, actor, role, undirected, freq, include_aux, start, end, as_csv):
    """Counts, PLOVER score sums and quad classes per day, week or month.

    \b
    Examples:
      newsevents trends --db demo.duckdb --dyad RUS:UKR --undirected
      newsevents trends --db demo.duckdb --actor USA --role any --freq month --csv
      newsevents trends --db demo.duckdb --dyad USA:RUS --include-aux future
    """
    from ..store import StoreError
    from ..trends import VALUES, trends as run

    recipient = None
    if dyad:
        actor, _, recipient = dyad.upper().partition(":")
    try:
        rows = run(db, actor=actor and actor.upper(), recipient=recipient or None, undirected=undirected,
                   freq=freq, include_aux=include_aux, role=role, start=start, end=end)
    except StoreError as err:
        _fail(err)
    columns = ("period",) + VALUES
    short = ("period", "events", "score", "coop", "conflict", "v.coop", "m.coop", "v.conf", "m.conf")
    click.echo(",".join(columns) if as_csv else "  ".join(f"{c:>10}" for c in short))
    for row in rows:
        values = [row["period"]] + [round(row[c], 2) for c in VALUES]
        click.echo(",".join(map(str, values)) if as_csv else "  ".join(f"{v:>10}" for v in values))


@click.command()
@DB
@click.option("--actor", metavar="CODE", help="Only dyads that include this code.")
@click.option("--recipient", metavar="CODE", help="…and this one.")
@click.option("--threshold", default=3.0, show_default=True, help="z-score over the baseline that alerts.")
@click.option("--window", default=8, show_default=True, help="Weeks in the rolling baseline.")
@click.option("--min-conflict", default=15.0, show_default=True, help="Least weekly conflict score that alerts.")
@click.option("--directed", is_flag=True, help="Treat A→B and B→A as different dyads.")
@click.option("--evidence", default=3, show_default=True, help="Events listed per alert.")
@click.option("--json", "as_json", is_flag=True)
def alerts(db, actor, recipient, threshold, window, min_conflict, directed, evidence, as_json):
    """List weeks in which a dyad turned sharply toward conflict, with the events behind each.

    A week alerts when its conflict score (sum of -score over its conflictual events)
    is THRESHOLD standard deviations above the WINDOW weeks before it and at least
    MIN-CONFLICT (see newsevents.alerts for the method).

    \b
    Examples:
      newsevents alerts --db demo.duckdb
      newsevents alerts --db demo.duckdb --actor RUS --threshold 2.5
      newsevents alerts --db demo.duckdb --json > alerts.jsonl
    """
    from ..alerts import alerts as run
    from ..store import StoreError

    try:
        found = run(db, actor=actor and actor.upper(), recipient=recipient and recipient.upper(),
                    threshold=threshold, window=window, min_conflict=min_conflict,
                    undirected=not directed, evidence=evidence)
    except StoreError as err:
        _fail(err)
    if not found and not as_json:
        click.echo("no escalation alerts", err=True)
    for alert in found:
        if as_json:
            click.echo(json.dumps(alert, ensure_ascii=False))
            continue
        arrow = "→" if directed else "–"
        click.echo(f"{alert['period']}  {alert['source']} {arrow} {alert['target']}  z={alert['z']}  "
                   f"conflict {alert['conflict']:.0f} (baseline {alert['baseline']}), {alert['event_count']} events")
        for event in alert["events"]:
            click.echo(f"    {event['event_date']} {event['type']:9} {(event['sentence'] or '')[:100]}")


@click.command()
@DB
@click.option("-n", "--limit", default=30, show_default=True)
@click.option("--search", metavar="TEXT", help="Codes or names containing TEXT.")
def actors(db, limit, search):
    """List actor codes with how often each acts and is acted upon.

    \b
    Examples:
      newsevents actors --db demo.duckdb
      newsevents actors --db demo.duckdb --search rus
    """
    from ..store import StoreError, actors as run

    try:
        rows = run(db, limit=limit, q=search)
    except StoreError as err:
        _fail(err)
    click.echo(f"{'code':8} {'events':>7} {'actor':>7} {'target':>7}  name")
    for row in rows:
        click.echo(f"{row['code']:8} {row['events']:>7} {row['as_actor']:>7} {row['as_recipient']:>7}  {row['name'] or ''}")


@click.command()
@DB
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True)
@click.option("--write-token", envvar="NEWSEVENTS_WRITE_TOKEN", metavar="TOKEN",
              help="Allow POST/DELETE of documents with 'Authorization: Bearer TOKEN' (default: read-only).")
def serve(db, host, port, write_token):
    """Serve the dashboard and the JSON API (read-only unless --write-token).

    \b
    Examples:
      newsevents serve --db demo.duckdb              # open http://127.0.0.1:8765/
      newsevents serve --db postgresql://me@localhost/events --port 9000
      NEWSEVENTS_WRITE_TOKEN=s3cret newsevents serve --db demo.duckdb
    """
    from ..store import StoreError
    from ..web import serve as run

    click.echo(f"newsevents dashboard: http://{host}:{port}/  (API: /api, schema: /openapi.json)", err=True)
    try:
        run(db, host=host, port=port, write_token=write_token)
    except StoreError as err:
        _fail(err)
