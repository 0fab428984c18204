"""Data stewardship on the command line: import, validate, versions, restore, audit, templates.

::

    python -m ecotown validate assessments_2025.xlsx --lang en
    python -m ecotown import assessments_2025.xlsx --dataset official --steward "A. Steward"
    python -m ecotown import assessments_2025.xlsx --dataset official --yes
    python -m ecotown versions official
    python -m ecotown restore official 2 --yes
    python -m ecotown audit --dataset official
    python -m ecotown templates ./templates

``add_commands(subparsers)`` adds these to ``python -m ecotown``; :func:`main` runs them
on their own (tests, and ``python -m ecotown.cli.data``). Problems are printed, every
one, and exit with 1; nothing is written without ``--yes``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ecotown import stewardship, store
from ecotown.i18n.labels import t
from ecotown.model.schema import TABLES
from ecotown.model.validate import DatasetError
from ecotown.stewardship import templates

__all__ = ["add_commands", "main"]


def _kinds(pairs: list[str] | None) -> dict[str, str]:
    kinds = {}
    for pair in pairs or []:
        file, sep, kind = pair.rpartition("=")
        if not sep or not file or not kind:
            raise SystemExit(f"--kind takes FILE=KIND (e.g. scores.xlsx=assessments), got {pair!r}")
        kinds[file] = kind
    return kinds


def _replace(text: str | None) -> tuple[str, ...]:
    if text in (None, ""):
        return ()
    if text == "all":
        return stewardship.KINDS
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _uploads(paths: list[str], caps: stewardship.Caps) -> tuple[list[stewardship.Upload], list]:
    uploads, missing = [], []
    for path in paths:
        if Path(path).is_file():
            uploads.append(stewardship.Upload.from_path(path, caps))
        else:
            missing.append(stewardship.ImportProblem(stewardship.display_name(path),
                                                  "v_missing_file"))
    return uploads, missing


def _print_problems(problems: list, lang: str) -> None:
    print(t("d_problems_n", lang, n=len(problems)), file=sys.stderr)
    for problem in problems:
        print(f"- {problem.message(lang)}", file=sys.stderr)


def _problem_json(problem, lang: str) -> dict:
    return {"file": problem.file, "sheet": getattr(problem, "sheet", ""), "row": problem.row,
            "column": problem.column, "value": problem.value, "code": problem.code,
            "message": stewardship.problem_text(problem, lang)}


def _plan_json(plan: stewardship.Preview, lang: str, version: str | None = None) -> dict:
    return {"ok": plan.ok, "dataset": plan.dataset, "new": plan.new, "base": plan.base,
            "version": version, "tables": plan.tables, "changes": plan.summary(),
            "notes": [t(n, lang) for n in plan.notes],
            "problems": [_problem_json(p, lang) for p in plan.problems]}


def _plan(args: argparse.Namespace) -> stewardship.Preview:
    caps = stewardship.Caps.from_env()
    uploads, missing = _uploads(args.files, caps)
    plan = stewardship.preview(uploads, args.dataset, base=args.base, kinds=_kinds(args.kind),
                            replace=_replace(args.replace), caps=caps)
    plan.problems[:0] = missing
    return plan


def _report(plan: stewardship.Preview, args: argparse.Namespace, version: str | None) -> int:
    if args.json:
        print(json.dumps(_plan_json(plan, args.lang, version), ensure_ascii=False, indent=2))
    else:
        print("\n".join(stewardship.preview_lines(plan, args.lang)))
    if plan.problems:
        _print_problems(plan.problems, args.lang)
        return 1
    return 0


def _import(args: argparse.Namespace) -> int:
    plan = _plan(args)
    if plan.problems or not args.yes:
        code = _report(plan, args, None)
        if not code and not args.json:
            print(t("d_cli_not_written", args.lang))
        return code
    version, done = stewardship.commit(plan, args.steward, rebase=True)
    _report(done, args, version)
    if not args.json:
        print(t("d_cli_imported", args.lang, dataset=done.dataset, version=version))
    return 0


def _validate(args: argparse.Namespace) -> int:
    plan = _plan(args)
    code = _report(plan, args, None)
    if not code and not args.json:
        print(t("d_cli_valid", args.lang))
    return code


def _versions(args: argparse.Namespace) -> int:
    names = [args.dataset] if args.dataset else store.imported_names()
    if not names:
        print(t("d_cli_no_datasets", args.lang))
    for name in names:
        rows = store.list_versions(store.check_name(name))
        if not rows:
            raise store.StoreError("d_no_versions", name)
        print(name)
        for row in rows:
            mark = "*" if row["latest"] else " "
            print(f" {mark} {row['version']}  {row.get('time', '')}  {row.get('steward', '')}  "
                  f"{stewardship.action_text(row, args.lang)}  "
                  f"{stewardship.summary_text(row, args.lang)}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    old = store.check_version(args.version)
    store.read_files(store.check_name(args.dataset), old)  # exists?
    if not args.yes:
        print(t("d_cli_not_written", args.lang))
        return 0
    version = stewardship.restore(args.dataset, old, args.steward)
    print(t("d_cli_restored", args.lang, dataset=args.dataset, version=version, old=old))
    return 0


def _repair(args: argparse.Namespace) -> int:
    name = store.check_name(args.dataset)
    steward = stewardship.check_steward(args.steward)
    version = store.repair_latest(name, steward)
    print(t("d_repaired", args.lang, dataset=name, version=version))
    return 0


def _audit(args: argparse.Namespace) -> int:
    entries = store.read_audit(args.dataset)
    if args.json:
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return 0
    for entry in entries:
        print(f"{entry.get('time', '')}  {entry.get('dataset', '')} v{entry.get('version', '')}"
              f"  {entry.get('steward', '')}  {stewardship.action_text(entry, args.lang)}  "
              f"{stewardship.files_text(entry)}  {stewardship.summary_text(entry, args.lang)}")
    return 0


def _templates(args: argparse.Namespace) -> int:
    target = Path(args.directory)
    target.mkdir(parents=True, exist_ok=True)
    for tbl in TABLES:
        (target / templates.template_filename(tbl.kind, "xlsx")).write_bytes(
            templates.template_xlsx(tbl.kind))
        (target / templates.template_filename(tbl.kind, "csv")).write_bytes(
            templates.template_csv(tbl.kind))
    print(t("d_cli_templates", args.lang, n=2 * len(TABLES), path=target))
    return 0


def _guarded(handler):
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except DatasetError as exc:  # a refused name, version, base, or a broken base
            _print_problems(exc.problems, args.lang)
            return 1
        except OSError as exc:  # not writable, a file in the way, disk full: data unchanged
            detail = exc.strerror or type(exc).__name__
            print(t("d_cli_data_dir", args.lang, path=store.data_dir(), detail=detail),
                  file=sys.stderr)
            return 1

    return run


def _file_options(parser: argparse.ArgumentParser, target_required: bool) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="CSV or XLSX files")
    parser.add_argument("--dataset", required=target_required, default=None,
                        help="the dataset to import into (new or imported), e.g. official")
    parser.add_argument("--base", default=None,
                        help="for a new dataset: public (default), demo or an imported one")
    parser.add_argument("--kind", action="append", metavar="FILE=KIND",
                        help="the table kind of a file, if its columns do not tell")
    parser.add_argument("--replace", metavar="KINDS",
                        help="kinds whose file replaces the whole table, e.g. areas or all")
    parser.add_argument("--lang", choices=("th", "en"), default="th")
    parser.add_argument("--json", action="store_true", help="print the preview as JSON")


def add_commands(subparsers) -> None:
    """Add ``import``, ``validate``, ``versions``, ``restore``, ``repair``, ``audit`` and
    ``templates``."""
    imp = subparsers.add_parser("import", help="import files as a new dataset version")
    _file_options(imp, target_required=True)
    imp.add_argument("--steward", default=None, help="who imports (default: login name)")
    imp.add_argument("--yes", action="store_true", help="write the version (else preview)")
    imp.set_defaults(run=_guarded(_import))

    val = subparsers.add_parser("validate", help="check files without importing them")
    _file_options(val, target_required=False)
    val.set_defaults(run=_guarded(_validate))

    ver = subparsers.add_parser("versions", help="list the versions of imported datasets")
    ver.add_argument("dataset", nargs="?", default=None)
    ver.add_argument("--lang", choices=("th", "en"), default="th")
    ver.set_defaults(run=_guarded(_versions))

    res = subparsers.add_parser("restore", help="publish a copy of an old version")
    res.add_argument("dataset")
    res.add_argument("version")
    res.add_argument("--steward", default=None)
    res.add_argument("--yes", action="store_true")
    res.add_argument("--lang", choices=("th", "en"), default="th")
    res.set_defaults(run=_guarded(_restore))

    rep = subparsers.add_parser("repair", help="point a damaged LATEST at the newest complete "
                                               "version (audited)")
    rep.add_argument("dataset")
    rep.add_argument("--steward", default=None)
    rep.add_argument("--lang", choices=("th", "en"), default="th")
    rep.set_defaults(run=_guarded(_repair))

    aud = subparsers.add_parser("audit", help="print the import log")
    aud.add_argument("--dataset", default=None)
    aud.add_argument("--json", action="store_true")
    aud.add_argument("--lang", choices=("th", "en"), default="th")
    aud.set_defaults(run=_guarded(_audit))

    tpl = subparsers.add_parser("templates", help="write every XLSX and CSV template")
    tpl.add_argument("directory")
    tpl.add_argument("--lang", choices=("th", "en"), default="th")
    tpl.set_defaults(run=_guarded(_templates))


def main(argv: list[str] | None = None) -> int:
    """Run the data commands alone; return the exit code (problems exit 1)."""
    parser = argparse.ArgumentParser(prog="python -m ecotown", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
