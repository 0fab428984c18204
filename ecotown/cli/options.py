"""The options of a view, shared by ``summary`` and ``briefing`` (and later ``deck``):
language, colour mode and filters, checked exactly as a URL is, with bilingual messages."""

from __future__ import annotations

import argparse
import sys

from ecotown.analysis.summary import dataset_years
from ecotown.analysis.urlstate import MAX_QUERY, ViewState, fit_years, parse_view
from ecotown.i18n.labels import LANGS, t
from ecotown.model.regions import REGIONS
from ecotown.model.vocabulary import COLOR_MODES

__all__ = ["add_view_options", "message_lang", "province_codes", "view_from_args"]

_ALLOWED = {
    "lang": "th, en",
    "color": ", ".join(COLOR_MODES),
    "phase": "1, 2, 3",
    "level": "1, 2, 3, 4, 5, none",
    "minlevel": "1, 2, 3, 4, 5",
    "region": ", ".join(REGIONS),
    "province": "DOPA code or name, e.g. 21, Rayong, ระยอง",
    "q": f"at most {MAX_QUERY} characters",
    "year": "a fiscal year, B.E. 2553–2580 or C.E. 2010–2037, e.g. 2568 or 2025",
    "since": "a fiscal year before --year, B.E. or C.E.",
}


_FLAGS = {"minlevel": "min-level"}  # URL parameter -> command-line option, where they differ


def add_view_options(parser: argparse.ArgumentParser, colour: bool = True) -> None:
    """Add ``--lang``, (``--color``), ``--phase``, ``--level``, ``--region``, ``--province``
    and ``--q`` to a command."""
    parser.add_argument("--lang", default="th", help="th or en")
    if colour:
        parser.add_argument("--color", default="level",
                            help="province colour: level, phase, count")
    parser.add_argument("--phase", help="e.g. 1,3")
    parser.add_argument("--level", help="e.g. 3,4,none")
    parser.add_argument("--min-level", dest="min_level",
                        help="level N or above, e.g. 2 (areas with no level left out)")
    parser.add_argument("--region", help="e.g. east,north")
    parser.add_argument("--province", help="DOPA codes or names, e.g. 21,Chon Buri,ระยอง")
    parser.add_argument("--q", help="search area names")
    parser.add_argument("--year", help="fiscal year shown, B.E. or C.E. (e.g. 2568 or 2025); "
                        "default: the dataset's last year")
    parser.add_argument("--since", help="a change view: the fiscal year compared with")


def message_lang(args: argparse.Namespace) -> str:
    """The language of messages: ``--lang`` if it is one we speak, else Thai."""
    lang = getattr(args, "lang", "th")
    return lang if lang in LANGS else "th"


def province_codes(text: str | None, provinces) -> str | None:
    """Province names (Thai or English, any case) become DOPA codes; codes pass through."""
    if text is None:
        return None
    by_name = {str(name).casefold(): code for code, th, en in
               zip(provinces["province_code"], provinces["name_th"], provinces["name_en"],
                   strict=True) for name in (th, en)}
    return ",".join(by_name.get(part.strip().casefold(), part.strip())
                    for part in text.split(","))


def view_from_args(args: argparse.Namespace, provinces, dataset=None) -> ViewState | None:
    """The view the options describe, or ``None`` after printing what is wrong.

    On the command line a value that a URL would quietly drop is an error, said in the
    chosen language with what is allowed; with ``dataset``, so is a year it does not have.
    """
    lang = message_lang(args)
    params = {"lang": args.lang, "color": getattr(args, "color", None), "phase": args.phase,
              "level": args.level, "minlevel": getattr(args, "min_level", None),
              "region": args.region,
              "province": province_codes(args.province, provinces), "q": args.q,
              "year": getattr(args, "year", None), "since": getattr(args, "since", None)}
    view, notices = parse_view({k: v for k, v in params.items() if v is not None},
                               [args.dataset])
    for notice in notices:
        print(t("brief_cli_bad_value", lang, param=_FLAGS.get(notice.param, notice.param),
                value=notice.value,
                reason=t("brief_cli_too_long" if notice.reason == "reason_too_long"
                         else notice.reason, lang),
                allowed=_ALLOWED.get(notice.param, "")), file=sys.stderr)
    if notices:
        return None
    if dataset is not None:
        view, notices = fit_years(view, dataset_years(dataset))
        for notice in notices:
            print(t("brief_cli_bad_value", lang, param=notice.param, value=notice.value,
                    reason=t(notice.reason, lang), allowed=", ".join(
                        f"{y} (B.E. {y + 543})" for y in dataset_years(dataset))),
                  file=sys.stderr)
    return None if notices else view
