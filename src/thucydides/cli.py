"""The command line: one short command per verb over the library API.

Records go to stdout, progress and errors to stderr. Exit codes: 0 success, 1 some input
could not be processed (the rest still is), 2 usage errors.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from . import __version__
from .ingest import InputError, parse_published, read_documents
from .types import Document

INPUT_FORMATS = click.Choice(["text", "html", "jsonl"])


def _published(ctx, param, value):
    try:
        return parse_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _fail(message: str) -> None:
    """One line per failure, whatever the exception had to say."""
    click.echo(f"thucydides: error: {' '.join(message.split())}", err=True)


def _documents(source: str, input_format: str | None, published,
               failures: list) -> Iterator[Document]:
    for item in read_documents(source, input_format, published):
        if isinstance(item, InputError):
            _fail(str(item))
            failures.append(item)
        else:
            yield item


def _with_progress(items: list, label: str):
    if len(items) > 1 and sys.stderr.isatty():
        with click.progressbar(items, label=label, file=sys.stderr) as bar:
            yield from bar
    else:
        yield from items


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="thucydides")
def cli() -> None:
    """Turn conflict reporting into structured, geolocated, sourced incident records.

    \b
    Examples:
      thucydides extract report.txt --published 2016-11-15
      thucydides extract articles.jsonl --format csv > incidents.csv
      thucydides geoparse report.txt
      thucydides eval casualties --data gva.jsonl
    """


@cli.command()
@click.argument("input", metavar="INPUT")
@click.option("--published", callback=_published, metavar="DATE",
              help="Publication date (YYYY-MM-DD or ISO-8601) for inputs that carry none; "
                   "relative dates such as 'on Tuesday' are read against it.")
@click.option("--format", "output_format", type=click.Choice(["json", "jsonl", "csv", "geojson",
                                                              "table"]),
              help="Output format. Default: a table on a terminal, JSON otherwise.")
@click.option("--input-format", type=INPUT_FORMATS,
              help="How to read INPUT. Default: from the file name and content.")
@click.option("--gazetteer", type=click.Path(dir_okay=False), envvar="THUCYDIDES_GAZETTEER",
              help="Gazetteer file (default: the one built at setup).")
def extract(input: str, published, output_format: str | None, input_format: str | None,
            gazetteer: str | None) -> None:
    """Extract incidents from INPUT: a file, a folder, or - for stdin.

    Prints, per document, {"id", "document", "incidents", "claims"} with --format json
    (one object for one document, an array for several) or jsonl (one line each); csv and
    geojson give one row or feature per incident.

    \b
    Examples:
      thucydides extract live_blog.txt --published 2016-11-15
      thucydides extract page.html --format json
      thucydides extract reports/ --format csv > incidents.csv
      cat wire.txt | thucydides extract - --published 2024-03-02 --format jsonl
    """
    from . import export, extract_document

    output_format = output_format or ("table" if sys.stdout.isatty() else "json")
    failures: list = []
    documents = list(_documents(input, input_format, published, failures))
    results = []
    for document in _with_progress(documents, "Extracting"):
        try:
            result = extract_document(document, gazetteer)
        except Exception as exc:  # one bad document never stops a batch
            _fail(f"{document.id}: could not be processed ({type(exc).__name__}: {exc})")
            failures.append(document)
            continue
        if output_format == "jsonl":
            click.echo(next(iter(export.to_jsonl([result]))))
        else:
            results.append(result)
    if output_format == "json" and results:
        click.echo(export.to_json(results))
    elif output_format == "csv":
        click.echo(export.to_csv(results), nl=False)
    elif output_format == "geojson":
        click.echo(export.to_geojson(results))
    elif output_format == "table":
        click.echo(export.to_table(results))
    sys.exit(1 if failures else 0)


@cli.command()
@click.argument("input", metavar="INPUT")
@click.option("--format", "output_format", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True, help="json: one object (an array for several documents); "
                                      "jsonl: one line per document.")
@click.option("--input-format", type=INPUT_FORMATS, help="How to read INPUT.")
@click.option("--gazetteer", type=click.Path(dir_okay=False), envvar="THUCYDIDES_GAZETTEER",
              help="Gazetteer file (default: the one built at setup).")
def geoparse(input: str, output_format: str, input_format: str | None,
             gazetteer: str | None) -> None:
    """Find and resolve the place names in INPUT.

    Prints {"id", "toponyms": [{"start", "end", "text", "name", "lat", "lon",
    "country_code", "precision", "gazetteer_id"}]} per document; names the gazetteer does
    not know have null coordinates.

    \b
    Examples:
      thucydides geoparse report.txt
      thucydides geoparse articles.jsonl --format jsonl
    """
    from . import geoparse as find_places

    failures: list = []
    out = []
    for document in _documents(input, input_format, None, failures):
        try:
            record = {"id": document.id,
                      "toponyms": [t.to_dict() for t in find_places(document.text, gazetteer)]}
        except Exception as exc:
            _fail(f"{document.id}: could not be processed ({type(exc).__name__}: {exc})")
            failures.append(document)
            continue
        if output_format == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            out.append(record)
    if output_format == "json" and out:
        click.echo(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=2))
    sys.exit(1 if failures else 0)


@cli.group()
def gazetteer() -> None:
    """Build and inspect the place-name gazetteer."""


@gazetteer.command("build")
@click.option("--path", type=click.Path(dir_okay=False), envvar="THUCYDIDES_GAZETTEER",
              help="Where to write it (default: ~/.local/share/thucydides/gazetteer.sqlite, "
                   "or $THUCYDIDES_HOME).")
@click.option("--if-missing", is_flag=True,
              help="Do nothing when an up-to-date gazetteer already exists.")
def gazetteer_build(path: str | None, if_missing: bool) -> None:
    """Build the gazetteer from the installed GeoNames packages (offline, about a minute).

    \b
    Example:
      thucydides gazetteer build --if-missing
    """
    from .gazetteer import SCHEMA_VERSION, build, built_version, default_path

    target = path or default_path()
    if if_missing and built_version(target) == SCHEMA_VERSION:
        click.echo(f"thucydides: gazetteer already at {target}", err=True)
        return
    build(target)


@gazetteer.command("info")
@click.option("--path", type=click.Path(dir_okay=False), envvar="THUCYDIDES_GAZETTEER",
              help="Gazetteer file (default: the one built at setup).")
def gazetteer_info(path: str | None) -> None:
    """Print where the gazetteer is and how many places it holds.

    \b
    Example:
      thucydides gazetteer info
    """
    from .gazetteer import Gazetteer

    try:
        gaz = Gazetteer(path, build_if_missing=False)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps({"path": str(gaz.path), "places": gaz.count()}))


@gazetteer.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--path", type=click.Path(dir_okay=False), envvar="THUCYDIDES_GAZETTEER",
              help="Gazetteer file to add to (default: the one built at setup).")
def gazetteer_import(file: str, path: str | None) -> None:
    """Add the places of FILE to the gazetteer.

    FILE is a GeoNames country dump (XX.txt, tab-separated), a Who's On First CSV or
    GeoJSON export, or a CSV with the columns name, alternate names, lat, lon, type, parent,
    country. Places that share a GeoNames id with a known one add their names to it.

    \b
    Example:
      thucydides gazetteer import wof_sy.csv
    """
    from .gazetteer import Gazetteer
    from .gazetteer.imports import UnknownFormat, import_file

    try:
        count = import_file(file, Gazetteer(path))
    except (UnknownFormat, KeyError, ValueError) as exc:
        raise click.ClickException(f"{file}: {exc}") from None
    click.echo(json.dumps({"file": file, "places": count}))


@gazetteer.command("download")
@click.argument("country", metavar="COUNTRY")
@click.option("--url", envvar="THUCYDIDES_GEONAMES_URL", metavar="URL",
              help="Where the dumps are (default: https://download.geonames.org/export/dump).")
@click.option("--path", type=click.Path(dir_okay=False), envvar="THUCYDIDES_GAZETTEER",
              help="Gazetteer file to add to (default: the one built at setup).")
def gazetteer_download(country: str, url: str | None, path: str | None) -> None:
    """Fetch COUNTRY's GeoNames dump (two-letter code) and add its places.

    Adds villages, neighbourhoods and divisions that the packaged cities500 lacks.

    \b
    Example:
      thucydides gazetteer download SY
    """
    from .gazetteer import Gazetteer
    from .gazetteer.imports import download_country

    try:
        count = download_country(country, Gazetteer(path), url)
    except (OSError, ValueError, KeyError) as exc:
        raise click.ClickException(f"could not download {country}: {exc}") from None
    click.echo(json.dumps({"country": country.upper(), "places": count}))


@cli.command("eval")
@click.argument("task", type=click.Choice(["geo", "casualties", "dates", "events", "incidents"]))
@click.option("--data", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Annotated JSONL file in the task's format (see the README, 'Evaluating').")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N records.")
@click.option("--errors", "show_errors", type=click.IntRange(min=0), default=10,
              show_default=True, help="How many of the worst errors to show on a terminal.")
def evaluate(task: str, data: str, limit: int | None, show_errors: int) -> None:
    """Score thucydides on annotated data and print the metrics as one JSON object.

    On a terminal, a table of the metrics and the worst errors (document, expected, got, and
    the sentence that decided it) follow the JSON, so you can see why.

    \b
    Tasks:
      geo         toponyms (lgl, gwn, geovirus format) or event location (event_location)
      casualties  killed and injured per article (gva format)
      dates       TIMEX values (TempEval-3 format)
      events      event type of a snippet (CASE 2021 task 2 format)
      incidents   date, place and counts of each article's incident (gva format)

    \b
    Examples:
      thucydides eval casualties --data ../shared/eval/casualties/gva.jsonl
      thucydides eval geo --data ../shared/eval/geo/lgl.jsonl --limit 100
    """
    from . import evaluate as evaluation

    try:
        report = evaluation.run(task, data, limit)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(report.metrics, ensure_ascii=False))
    if sys.stdout.isatty():
        click.echo(report.table())
        for error in report.errors[:show_errors]:
            click.echo("  " + "  ".join(f"{k}={v}" for k, v in error.items()))


def main() -> None:
    cli(prog_name="thucydides")


if __name__ == "__main__":
    main()
