"""The command line: ``python -m ecotown summary --dataset demo --json``.

``python -m ecotown briefing --dataset demo --phase 3 --lang th --format pdf --out brief.pdf``
writes exactly the bytes of the web app's download button (:func:`ecotown.briefing.briefing`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from ecotown.analysis.progress import progress_report, reference_points, with_change
from ecotown.analysis.summary import area_table, summarise, view_year
from ecotown.cli.data import add_commands as add_data_commands
from ecotown.cli.options import add_view_options, message_lang, view_from_args
from ecotown.i18n.labels import fiscal_year_text, t
from ecotown.model.geography import area_points, load_provinces
from ecotown.model.validate import DatasetError
from ecotown.store import load_dataset

__all__ = ["main"]


def view_areas(dataset, provinces, view):
    """The area table a view shows: its fiscal year and, in a change view, the change."""
    table = area_table(dataset, provinces, view.year)
    if view.since is not None:
        table = with_change(table, dataset, view.since, view_year(dataset, view.year))
    return table


def _open_view(args: argparse.Namespace):
    """The provinces, the dataset and the view the options describe; ``None`` after
    printing what is wrong with the options."""
    provinces = load_provinces()
    dataset = load_dataset(args.dataset)
    view = view_from_args(args, provinces, dataset)
    return None if view is None else (provinces, dataset, view)


def _summary(args: argparse.Namespace) -> int:
    opened = _open_view(args)
    if opened is None:
        return 1
    provinces, dataset, view = opened
    counts = summarise(dataset, view_areas(dataset, provinces, view), view.filters, view.year)
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
        return 0
    lang = args.lang
    print(f"{t('dataset', lang)}: {dataset.title(lang)}")
    print(f"year: {counts['year']} ({fiscal_year_text(counts['year'], lang)})")
    for key in ("areas", "provinces", "joined_later"):
        print(f"{key}: {counts[key]}")
    for key in ("by_phase", "by_level", "by_region"):
        print(f"{key}: " + ", ".join(f"{k}={v}" for k, v in counts[key].items()))
    print(f"known_level_share: {counts['known_level_share']}")
    return 0


def _briefing(args: argparse.Namespace) -> int:
    from ecotown.briefing import FORMATS, briefing

    lang = message_lang(args)
    if args.format not in FORMATS:
        print(t("brief_cli_bad_format", lang, value=args.format, choices=", ".join(FORMATS)),
              file=sys.stderr)
        return 1
    opened = _open_view(args)
    if opened is None:
        return 1
    provinces, dataset, view = opened
    export = briefing(dataset, view_areas(dataset, provinces, view), provinces, view,
                      args.format)
    return _write_export(args, export, lang)


def _deck(args: argparse.Namespace) -> int:
    from ecotown.briefing.deck_export import DECK_FORMATS, deck

    lang = message_lang(args)
    if args.format not in DECK_FORMATS:
        print(t("brief_cli_bad_format", lang, value=args.format,
                choices=", ".join(DECK_FORMATS)), file=sys.stderr)
        return 1
    opened = _open_view(args)
    if opened is None:
        return 1
    provinces, dataset, view = opened
    export = deck(dataset, view_areas(dataset, provinces, view), provinces, view, args.format)
    return _write_export(args, export, lang)


def _publish(args: argparse.Namespace) -> int:
    from ecotown.store import dataset_version
    from ecotown.travel.publish import PublishError, publish_site

    lang = message_lang(args)
    provinces = load_provinces()
    dataset = load_dataset(args.dataset)
    version = dataset_version(args.dataset) if isinstance(args.dataset, str) else ""
    try:
        done = publish_site(dataset, provinces, Path(args.out), version)
    except PublishError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 1
    size = f"{done.bytes / 1_000_000:,.1f} MB" if done.bytes >= 100_000 \
        else f"{done.bytes / 1000:,.0f} kB"
    print(t("pub_wrote", lang, release=done.release, path=args.out, files=done.files,
            size=size))
    return 0


def _view_html(args: argparse.Namespace) -> int:
    from ecotown.travel.view_html import view_html

    opened = _open_view(args)
    if opened is None:
        return 1
    provinces, dataset, view = opened
    export = view_html(dataset, view_areas(dataset, provinces, view), provinces, view)
    return _write_export(args, export, message_lang(args))


def _compare(args: argparse.Namespace) -> int:
    from ecotown.analysis.compare import compare_areas, parse_area_ids
    from ecotown.model.years import parse_year

    lang = message_lang(args)
    dataset = load_dataset(args.dataset)
    ids, problems = parse_area_ids(",".join(args.areas), list(dataset.areas["area_id"]))
    year = None
    if args.year is not None:
        year = parse_year(args.year)
        if year is None:
            problems.append({"problem": "year", "value": args.year})
    if problems:
        for problem in problems:
            print(t(f"compare_{problem['problem']}", lang, value=problem["value"]),
                  file=sys.stderr)
        return 1
    report = compare_areas(dataset, ids, year)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    for area in report["areas"]:
        path = report["paths"][area["area_id"]]
        print(f"{area['area_id']}  {area['name_' + lang]}  level={area['level']} "
              f"({area['level_year']})  {path['status']}  2037={path['projected_2037']}")
    for row in report["differences"]:
        print(f"{row['indicator_id']}  spread={row['spread']}  "
              + "  ".join(f"{a}={v}" for a, v in row["scores"].items()))
    return 0


def _indicators(args: argparse.Namespace) -> int:
    from ecotown.analysis.filters import apply_filters
    from ecotown.analysis.indicators import DEPTHS, indicator_matrix, weakest_items

    lang = message_lang(args)
    if args.depth not in DEPTHS:
        print(t("ind_cli_bad_depth", lang, value=args.depth, choices=", ".join(DEPTHS)),
              file=sys.stderr)
        return 1
    opened = _open_view(args)
    if opened is None:
        return 1
    provinces, dataset, view = opened
    shown = apply_filters(view_areas(dataset, provinces, view), view.filters)
    matrix = indicator_matrix(dataset, list(shown["area_id"]),
                              view.year if args.year is not None else None, args.depth)
    matrix["weakest"] = weakest_items(matrix)
    if args.json:
        print(json.dumps(matrix, ensure_ascii=False, indent=2))
        return 0
    for weak in matrix["weakest"]:
        print(f"{weak['item_id']}  {weak['below']}/{weak['scored']} below half  "
              f"median {weak['median']}  {weak['name_' + lang]}")
    return 0


def _write_export(args: argparse.Namespace, export, lang: str) -> int:
    if args.out == "-":
        sys.stdout.buffer.write(export.data)
        sys.stdout.buffer.flush()
        return 0
    path = Path(args.out or export.filename)
    try:
        path.write_bytes(export.data)
    except OSError as exc:
        print(t("brief_cli_cannot_write", lang, path=path, detail=exc.strerror or exc),
              file=sys.stderr)
        return 1
    print(t("brief_cli_wrote", lang, path=path, size=len(export.data)))
    return 0


def _progress(args: argparse.Namespace) -> int:
    opened = _open_view(args)
    if opened is None:
        return 1
    provinces, dataset, view = opened
    report = progress_report(dataset, area_points(dataset.areas, provinces), view.filters,
                             view.year, view.since)
    report["reference_points"] = reference_points(
        dataset.programme_figures if _has_counts(dataset) else
        load_dataset("public").programme_figures, dataset)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=_plain))
        return 0
    lang = args.lang
    print(f"{t('dataset', lang)}: {dataset.title(lang)}")
    for year, counts in report["by_year"].items():
        detail = report["by_year_detail"][year]
        print(f"{fiscal_year_text(int(year), lang, span=False)}: "
              + ", ".join(f"{k}={v}" for k, v in counts.items())
              + f", none={detail['no_level']}, as_of_earlier={detail['as_of_earlier']}"
              f", joined_later={detail['joined_later']}")
    for mover in report["movers"]:
        print(f"  {mover['area_id']}: {mover['from']} -> {mover['to']} "
              f"({mover['year_from']}-{mover['year_to']}) {mover['change']:+d}")
    if report["projection_2037"]:
        projection = report["projection_2037"]
        print(t("path_projection", lang, n=projection["reach_level_5"],
                of=report["path"]["areas"]))
        print(projection["method" if lang == "en" else "method_th"])
    return 0


def _has_counts(dataset) -> bool:
    figures = dataset.programme_figures
    return "year" in figures.columns and figures["year"].notna().any()


def _plain(value):
    """JSON for pandas' missing values and integers."""
    if value is None or value is pd.NA:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return str(value)


def _validate_dataset(args: argparse.Namespace) -> int:
    load_dataset(args.dataset)
    print(f"{args.dataset}: OK")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m ecotown``."""
    parser = argparse.ArgumentParser(prog="python -m ecotown", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    summary = sub.add_parser("summary", help="counts by phase, level, region and province")
    summary.add_argument("--dataset", default="public", help="public, demo or a directory")
    summary.add_argument("--json", action="store_true", help="print JSON")
    add_view_options(summary, colour=False)
    summary.set_defaults(run=_summary)
    check = sub.add_parser("check", help="validate a whole dataset directory")
    check.add_argument("--dataset", default="public")
    check.add_argument("--lang", choices=("th", "en"), default="th")
    check.set_defaults(run=_validate_dataset)
    brief = sub.add_parser("briefing", help="the current view as PNG, PDF, CSV or XLSX",
                           description="Export a view like the app's download button: a "
                           "16:9 PNG slide, an A4 PDF, or the area table as CSV or XLSX.")
    brief.add_argument("--dataset", default="public", help="public, demo or a directory")
    brief.add_argument("--format", default="pdf", help="png, pdf, csv or xlsx")
    brief.add_argument("--out", help="output file (default: the suggested file name; "
                       "'-' for standard output)")
    add_view_options(brief)
    brief.set_defaults(run=_briefing)
    deck_cmd = sub.add_parser("deck", help="the view as a briefing deck: PowerPoint or PDF",
                              description="Export the view as a 16:9 briefing deck, like the "
                              "app's download button (the same bytes): an editable PowerPoint "
                              "or a PDF pack, its sentences written from the data.")
    deck_cmd.add_argument("--dataset", default="public", help="public, demo or a directory")
    deck_cmd.add_argument("--format", default="pptx", help="pptx or pdf")
    deck_cmd.add_argument("--out", help="output file (default: the suggested file name; "
                          "'-' for standard output)")
    add_view_options(deck_cmd)
    deck_cmd.set_defaults(run=_deck)
    one_file = sub.add_parser("view-html", help="the view as one offline HTML file",
                              description="Export the view as one self-contained HTML file "
                              "(map, figures, 2037 status, the shown areas with their level "
                              "history and sources) that opens offline by double-click, like "
                              "the app's download button (the same bytes).")
    one_file.add_argument("--dataset", default="public", help="public, demo or a directory")
    one_file.add_argument("--out", help="output file (default: the suggested file name; "
                          "'-' for standard output)")
    add_view_options(one_file)
    one_file.set_defaults(run=_view_html)
    publish = sub.add_parser("publish", help="a static, read-only atlas of one dataset",
                             description="Write the published atlas of one dataset version: "
                             "static pages (both languages, the app's URL parameters) with "
                             "filters, years, the change view and the area and province cards "
                             "running in the reader's browser, served by any web server. OUT "
                             "becomes a link to the new release, swapped atomically.")
    publish.add_argument("--dataset", default="public", help="public, demo or a directory")
    publish.add_argument("--out", required=True, help="the folder a web server serves")
    publish.add_argument("--lang", default="th", help="th or en (messages)")
    publish.set_defaults(run=_publish)
    compare = sub.add_parser("compare", help="2 to 6 areas side by side",
                             description="Compare areas as the compare page does: levels over "
                             "time, the path to 2037, dimension scores against the programme's "
                             "and the phase's medians, and the indicators where they differ "
                             "most (an area without indicator data has null, never zero).")
    compare.add_argument("areas", nargs="+", help="area ids, e.g. P1-05 P2-03 (or P1-05,P2-03)")
    compare.add_argument("--dataset", default="public", help="public, demo or a directory")
    compare.add_argument("--year", help="fiscal year seen from, B.E. or C.E.")
    compare.add_argument("--lang", default="th", help="th or en (messages and names)")
    compare.add_argument("--json", action="store_true", help="print JSON")
    compare.set_defaults(run=_compare)
    indicators = sub.add_parser("indicators", help="the view's areas x indicators, weakest",
                                description="The indicators page's numbers for a view: each "
                                "area's 0-100 score per indicator, aspect or dimension (null "
                                "without data, never zero) and the items on which most areas "
                                "score below half.")
    indicators.add_argument("--dataset", default="public", help="public, demo or a directory")
    indicators.add_argument("--depth", default="indicator",
                            help="indicator, aspect or dimension")
    indicators.add_argument("--json", action="store_true", help="print JSON")
    add_view_options(indicators, colour=False)
    indicators.set_defaults(run=_indicators)
    progress = sub.add_parser("progress", help="levels per year, movers, the path to 2037",
                              description="The programme over time: areas at each level per "
                              "fiscal year, the movers between --since (default: the year "
                              "before) and --year, and the path to level 5 by 2037 with its "
                              "labelled projection.")
    progress.add_argument("--dataset", default="public", help="public, demo or a directory")
    progress.add_argument("--json", action="store_true", help="print JSON")
    add_view_options(progress, colour=False)
    progress.set_defaults(run=_progress)
    add_data_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; data problems print messages and exit 1, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except DatasetError as exc:
        print(t("error_dataset", message_lang(args)), file=sys.stderr)
        for message in exc.messages(message_lang(args)):
            print(f"- {message}", file=sys.stderr)
        return 1
