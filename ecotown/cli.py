"""The command line: ``python -m ecotown summary --dataset demo --json``."""

from __future__ import annotations

import argparse
import json
import sys

from ecotown.dataset import load_dataset
from ecotown.filters import Filters
from ecotown.geography import load_provinces
from ecotown.labels import t
from ecotown.summary import area_table, summarise
from ecotown.validate import DatasetError

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
