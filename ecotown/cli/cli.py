"""The command line: ``python -m ecotown summary --dataset demo --json``.

``python -m ecotown briefing --dataset demo --phase 3 --lang th --format pdf --out brief.pdf``
writes exactly the bytes of the web app's download button (:func:`ecotown.export.briefing`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ecotown.analysis.filters import Filters
from ecotown.analysis.summary import area_table, summarise
from ecotown.analysis.urlstate import COLOR_MODES, MAX_QUERY, parse_view
from ecotown.cli.data import add_commands as add_data_commands
from ecotown.i18n.labels import t
from ecotown.model.geography import load_provinces
from ecotown.model.regions import REGIONS
from ecotown.model.validate import DatasetError
from ecotown.store import load_dataset

__all__ = ["main"]


def _csv(text: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


def _filters(args: argparse.Namespace) -> Filters:
    try:
        phases = tuple(int(p) for p in _csv(args.phase))
    except ValueError as exc:
        raise SystemExit(f"--phase takes whole numbers 1-3, e.g. 1,3: {exc}") from exc
    return Filters(phases=phases, levels=_csv(args.level), regions=_csv(args.region),
                   provinces=_csv(args.province), query=args.q or "")


def _summary(args: argparse.Namespace) -> int:
    dataset = load_dataset(args.dataset)
    counts = summarise(dataset, area_table(dataset, load_provinces()), _filters(args))
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
        return 0
    lang = args.lang
    print(f"{t('dataset', lang)}: {dataset.title(lang)}")
    for key in ("year", "areas", "provinces"):
        print(f"{key}: {counts[key]}")
    for key in ("by_phase", "by_level", "by_region"):
        print(f"{key}: " + ", ".join(f"{k}={v}" for k, v in counts[key].items()))
    print(f"known_level_share: {counts['known_level_share']}")
    return 0


def _province_codes(text: str | None, provinces) -> str | None:
    """Province names (Thai or English, any case) become DOPA codes; codes pass through."""
    if text is None:
        return None
    by_name = {str(name).casefold(): code for code, th, en in
               zip(provinces["province_code"], provinces["name_th"], provinces["name_en"],
                   strict=True) for name in (th, en)}
    return ",".join(by_name.get(part.strip().casefold(), part.strip())
                    for part in text.split(","))


_ALLOWED = {
    "lang": "th, en",
    "color": ", ".join(COLOR_MODES),
    "phase": "1, 2, 3",
    "level": "1, 2, 3, 4, 5, none",
    "region": ", ".join(REGIONS),
    "province": "DOPA code or name, e.g. 21, Rayong, ระยอง",
    "q": f"at most {MAX_QUERY} characters",
}


def _briefing(args: argparse.Namespace) -> int:
    from ecotown.briefing import FORMATS, briefing

    lang = args.lang if args.lang in ("th", "en") else "th"
    if args.format not in FORMATS:
        print(t("brief_cli_bad_format", lang, value=args.format, choices=", ".join(FORMATS)),
              file=sys.stderr)
        return 1
    provinces = load_provinces()
    params = {"lang": args.lang, "color": args.color, "phase": args.phase,
              "level": args.level, "region": args.region,
              "province": _province_codes(args.province, provinces), "q": args.q}
    view, notices = parse_view({k: v for k, v in params.items() if v is not None},
                               [args.dataset])
    if notices:  # on the command line a value that a URL would drop is an error
        for notice in notices:
            print(t("brief_cli_bad_value", lang, param=notice.param, value=notice.value,
                    reason=t("brief_cli_too_long" if notice.reason == "reason_too_long"
                             else notice.reason, lang),
                    allowed=_ALLOWED.get(notice.param, "")),
                  file=sys.stderr)
        return 1
    dataset = load_dataset(args.dataset)
    export = briefing(dataset, area_table(dataset, provinces), provinces, view, args.format)
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
    summary.add_argument("--lang", choices=("th", "en"), default="th")
    summary.add_argument("--phase", help="e.g. 1,3")
    summary.add_argument("--level", help="e.g. 3,4,none")
    summary.add_argument("--region", help="e.g. east,north")
    summary.add_argument("--province", help="DOPA codes, e.g. 21,20")
    summary.add_argument("--q", help="search area names")
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
    brief.add_argument("--lang", default="th", help="th or en")
    brief.add_argument("--color", default="level", help="province colour: level, phase, count")
    brief.add_argument("--phase", help="e.g. 1,3")
    brief.add_argument("--level", help="e.g. 3,4,none")
    brief.add_argument("--region", help="e.g. east,north")
    brief.add_argument("--province", help="DOPA codes or names, e.g. 21,Chon Buri")
    brief.add_argument("--q", help="search area names")
    brief.set_defaults(run=_briefing)
    add_data_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; data problems print messages and exit 1, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except DatasetError as exc:
        print(t("error_dataset", args.lang), file=sys.stderr)
        for message in exc.messages(args.lang):
            print(f"- {message}", file=sys.stderr)
        return 1
