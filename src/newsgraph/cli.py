"""The `newsgraph` command: a thin layer over the importable functions, which print nothing."""
from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

import newsgraph
from newsgraph.errors import NewsgraphError
from newsgraph.events.lexicon import TYPES as PLOVER_TYPES
from newsgraph.settings import Settings, load_settings
from newsgraph.store.kb import KnowledgeBase

DATE_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
DB_OPTION = click.option("--db", "db", default="newsgraph.db", show_default=True, type=click.Path(dir_okay=False),
                         help="the knowledge base file")
CONFIG_OPTION = click.option("--config", "config", default=None, type=click.Path(exists=True, dir_okay=False),
                             help="a TOML settings file (see newsgraph/default.toml)")


def _settings(config: str | None) -> Settings:
    try:
        return load_settings(config)
    except NewsgraphError as error:
        raise click.UsageError(str(error)) from None


def _open(db: str, settings: Settings) -> KnowledgeBase:
    try:
        return newsgraph.open(db, settings)
    except NewsgraphError as error:
        raise click.ClickException(str(error)) from None


@click.group()
@click.version_option(newsgraph.__version__, prog_name="newsgraph")
def main() -> None:
    """newsgraph: who said what, who did what to whom, where and when, read from news reports."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@CONFIG_OPTION
@click.option("--workers", type=click.IntRange(min=0), default=None, help="worker processes (0: one per core)")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None, help="seconds per page before it is stopped")
@click.option("--quiet", "-q", is_flag=True, help="no progress bar")
def ingest(paths: tuple[str, ...], db: str, config: str | None, workers: int | None, timeout: float | None,
           quiet: bool) -> None:
    """Read news reports (files, folders, - for standard input) into the knowledge base.

    Exit code 0 when every input was ingested, 1 when some were rejected (each is named on
    standard error with its reason), 2 on a usage error.
    """
    settings = _settings(config)
    if workers is not None:
        settings = replace(settings, workers=workers)
    if timeout is not None:
        settings = replace(settings, timeout_s=timeout)
    err = Console(stderr=True, highlight=False)
    with _open(db, settings) as kb:
        show = not quiet and err.is_terminal
        with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.fields[last]}"), console=err, disable=not show, transient=True) as bar:
            task = bar.add_task("ingest", total=_count(list(paths)) if show else None, last="")

            def progress(source: str, outcome: str) -> None:
                bar.update(task, advance=1, last=f"{outcome}: {Path(source.split('#')[0]).name}"[:60])

            report = kb.ingest(list(paths), progress=progress)
        for rejected in report.rejected:
            click.echo(rejected.line(), err=True)
        click.echo(
            f"ingested {len(report.ingested)} ({len(report.near_duplicates)} near-duplicates), "
            f"already stored {len(report.duplicates)}, rejected {len(report.rejected)}, "
            + (f"skipped {len(report.skipped)} files that are not news inputs, " if report.skipped else "") +
            f"{report.seconds:.1f} s; {kb.count()} documents in {db}", err=True)
    sys.exit(0 if report.ok else 1)


@main.command()
@click.argument("outdir", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("--redact-private", is_flag=True,
              help="replace the names of people who are not public actors (victims, suspects, bystanders)")
@DB_OPTION
@CONFIG_OPTION
def export(outdir: str, fmt: str, redact_private: bool, db: str, config: str | None) -> None:
    """Write the knowledge base to OUTDIR (JSON Lines per the export contract, CSV or Parquet)."""
    _need(db)
    with _open(db, _settings(config)) as kb:
        try:
            counts = kb.export(outdir, fmt, redact_private=redact_private)
        except NewsgraphError as error:
            raise click.ClickException(str(error)) from None
    click.echo(", ".join(f"{kind} {n}" for kind, n in counts.items()) + f" -> {outdir}", err=True)


@main.command()
@DB_OPTION
@CONFIG_OPTION
@click.option("--search", "query", default=None, help="full-text query over headlines and bodies (FTS5 syntax)")
@click.option("--limit", type=int, default=50, show_default=True)
def documents(db: str, config: str | None, query: str | None, limit: int) -> None:
    """A table of the documents in the knowledge base."""
    _need(db)
    with _open(db, _settings(config)) as kb:
        docs = kb.search(query, limit) if query else kb.documents()[:limit]
        total = kb.count()
    table = Table(title=f"{len(docs)} of {total} documents in {db}", show_lines=False)
    for name in ("id", "published", "lang", "headline", "source", "words", "comments", "copy of"):
        table.add_column(name, overflow="fold" if name == "headline" else "ellipsis",
                         max_width=60 if name == "headline" else 28)
    for d in docs:
        _row(table, d.id, d.published or "", d.language or "", d.headline or "(none)", Path(d.source).name,
                      str(len(d.body.split())), str(len(d.comments)), d.duplicate_of or "")
    _print(table)


def _count(paths: list[str]) -> int | None:
    """How many articles the inputs hold, where that is known without reading them (no WARC, JSON
    Lines or standard input, which hold an unknown number)."""
    from newsgraph.ingest.files import expand

    kinds = [kind for _, kind in expand(paths) if kind not in ("missing", "skip")]
    return None if any(k in ("warc", "jsonl", "stdin") for k in kinds) else len(kinds)


def _row(table: Table, *values: str) -> None:
    """A table row of plain text: report text is never read as rich markup ("[private person]")."""
    table.add_row(*(Text(v) for v in values))


def _need(db: str) -> None:
    if not Path(db).exists():
        raise click.UsageError(f"no knowledge base at {db}; run newsgraph ingest first or pass --db")


def _print(renderable: object) -> None:
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = 200
    console.print(renderable)


def _json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


@main.command()
@click.argument("name")
@DB_OPTION
@CONFIG_OPTION
@click.option("--json", "as_json", is_flag=True, help="print the profile as JSON")
@click.option("--include-private", is_flag=True,
              help="also profile a person who is not a public actor (see the README's acceptable use)")
def entity(name: str, db: str, config: str | None, as_json: bool, include_private: bool) -> None:
    """The profile of a public actor: aliases, roles by report, where it appears, what it said."""
    _need(db)
    with _open(db, _settings(config)) as kb:
        found = kb.find_entities(name)
        if not found:
            raise click.ClickException(f"no entity called {name!r} in {db}")
        chosen = found[0]
        if not chosen["public"] and not include_private:
            raise click.ClickException(
                f"{name!r} is a person who appears with no public role; newsgraph stores such people but does not "
                "profile them (pass --include-private only for a legitimate reason)")
        data = kb.profile(chosen)
    if as_json:
        _json(data)
        return
    geo = data["geo"]
    lines = [f"[bold]{escape(data['name'])}[/bold] ({data['type']}, {data['id']})",
             "aliases: " + escape(", ".join(data["aliases"]))]
    if geo:
        lines.append(f"place: {geo.get('lat')}, {geo.get('lon')} {geo.get('country') or ''} ({geo.get('precision')})")
    _print("\n".join(lines))
    if data["roles"]:
        roles = Table(title="roles, as the reports give them")
        for col in ("role", "as of", "report"):
            roles.add_column(col)
        for r in data["roles"]:
            _row(roles, r["role"], r["as_of"] or "", r["doc"])
        _print(roles)
    docs = Table(title=f"appears in {len(data['documents'])} reports")
    for col in ("report", "published", "mentions", "headline"):
        docs.add_column(col)
    for d in data["documents"]:
        _row(docs, d["doc"], d.get("published") or "", str(d["mentions"]), d.get("headline") or "")
    _print(docs)
    if data["quotes"]:
        _print(_quote_table(data["quotes"], f"what {data['name']} said"))


@main.command()
@DB_OPTION
@CONFIG_OPTION
@click.option("--type", "type_", default=None, help="only this type (PERSON, ORG, GPE, LOC, NORP, …)")
@click.option("--json", "as_json", is_flag=True)
def entities(db: str, config: str | None, type_: str | None, as_json: bool) -> None:
    """The entities of the knowledge base, one per real-world referent."""
    _need(db)
    with _open(db, _settings(config)) as kb:
        rows = kb.entities(type_)
    if as_json:
        _json(rows)
        return
    table = Table(title=f"{len(rows)} entities in {db}")
    for col in ("name", "type", "reports", "mentions", "aliases"):
        table.add_column(col)
    for r in rows:
        name = r["name"] if r["public"] or r["type"] != "PERSON" else "[private person]"
        aliases = ", ".join(a for a in r["aliases"] if a != r["name"]) if r["public"] else ""
        _row(table, name, r["type"], str(len({m["doc"] for m in r["mentions"]})), str(len(r["mentions"])), aliases)
    _print(table)


@main.command()
@DB_OPTION
@CONFIG_OPTION
@click.option("--speaker", default=None, help="an entity's name or alias, or words of an unnamed source")
@click.option("--about", default=None, help="words the quote contains")
@click.option("--json", "as_json", is_flag=True)
def quotes(db: str, config: str | None, speaker: str | None, about: str | None, as_json: bool) -> None:
    """Who said what: quotes with their speakers, cues and reporting chains."""
    _need(db)
    with _open(db, _settings(config)) as kb:
        rows = kb.quotes(speaker=speaker, about=about)
    if as_json:
        _json(rows)
        return
    _print(_quote_table(rows, f"{len(rows)} quotes"))


@main.command()
@DB_OPTION
@CONFIG_OPTION
@click.option("--about", default=None, help="an entity's name or alias")
@click.option("--disputed", is_flag=True, help="only claims that another claim contradicts")
@click.option("--json", "as_json", is_flag=True)
def claims(db: str, config: str | None, about: str | None, disputed: bool, as_json: bool) -> None:
    """Statements of fact, whose word they are, and which ones contradict each other."""
    _need(db)
    with _open(db, _settings(config)) as kb:
        rows = kb.claims(about=about, disputed=disputed)
    if as_json:
        _json(rows)
        return
    table = Table(title=f"{len(rows)} claims", show_lines=True)
    for col, width in (("id", 16), ("whose word", 22), ("stance", 7), ("when", 10), ("about", 24), ("text", 70),
                       ("disputed by", 16)):
        table.add_column(col, max_width=width, overflow="fold")
    for c in rows:
        who = "a reader comment" if c["from_comment"] else (c["attributed_to"] or "(the report)")
        _row(table, c["id"], who, c["stance"], c["when"] or "", ", ".join(c["about"]), c["text"],
                      "\n".join(c["disputes"]))
    _print(table)


@main.command()
@DB_OPTION
@CONFIG_OPTION
@click.option("--type", "type_", default=None, type=click.Choice(PLOVER_TYPES, case_sensitive=False), help="a PLOVER type")
@click.option("--actor", default=None, help="an entity's name or alias (as actor or target), or words of a group's name")
@click.option("--place", default=None, help="a place's name or alias")
@click.option("--since", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD; events the report does not date are left out")
@click.option("--until", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
@click.option("--modality", default=None, type=click.Choice(["asserted", "negated", "hypothetical", "future"]))
@click.option("--min-confidence", default=0.0, type=click.FloatRange(0, 1), show_default=True)
@click.option("--include-copies", is_flag=True, help="also the events of near-duplicate copies of a report")
@click.option("--json", "as_json", is_flag=True)
def events(db: str, config: str | None, type_: str | None, actor: str | None, place: str | None, since: str | None,
           until: str | None, modality: str | None, min_confidence: float, include_copies: bool, as_json: bool) -> None:
    """Who did what to whom, where and when: PLOVER events on a timeline, with whose word they rest on."""
    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not DATE_PREFIX.match(value):
            raise click.BadParameter(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD", param_hint=name)
    _need(db)
    with _open(db, _settings(config)) as kb:
        rows = kb.events(type_=type_, actor=actor, place=place, since=since, until=until, modality=modality,
                         min_confidence=min_confidence, include_copies=include_copies)
    if as_json:
        _json(rows)
        return
    table = Table(title=f"{len(rows)} events", show_lines=True)
    for col, width in (("when", 10), ("event", 16), ("modality", 9), ("actor", 20), ("target", 20), ("where", 16),
                       ("killed", 7), ("whose word", 18), ("conf", 5), ("reports", 7), ("sentence", 60)):
        table.add_column(col, max_width=width, overflow="fold")
    for e in rows:
        killed = "" if e["fatalities"] is None else f"{e['fatalities']}{' (' + e['fatalities_flag'] + ')' if e['fatalities_flag'] else ''}"
        _row(table, e["when"] or "", e["type"] + (f"/{e['mode']}" if e["mode"] else ""), e["modality"],
             ", ".join(e["actor"]), ", ".join(e["target"]), (e["location"] or {}).get("name") or "", killed,
             e["attributed_to"] or "(the report)", f"{e['confidence']:.2f}", str(len({s["doc"] for s in e["sources"]})),
             e["sources"][0]["text"] if e["sources"] else "")
    _print(table)


def _quote_table(rows: list[dict], title: str) -> Table:
    table = Table(title=title, show_lines=True)
    for col, width in (("speaker", 24), ("kind", 8), ("cue", 12), ("via", 16), ("text", 90), ("report", 16)):
        table.add_column(col, max_width=width, overflow="fold")
    for q in rows:
        _row(table, q["speaker_name"] or "(unknown)", q["kind"], q["cue"] or "", q["via"] or "", q["text"], q["doc"])
    return table


if __name__ == "__main__":
    main()
