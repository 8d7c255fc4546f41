"""Command line: `python -m radar build | generate-sample | import-edition | backup | restore`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from radar import config
from radar.errors import RadarError
from radar.i18n import t


def _build(args: argparse.Namespace) -> int:
    from radar.db.national import build_database, upgrade_database

    target = Path(args.db) if args.db else config.db_path()
    if args.if_missing and target.exists():
        added = upgrade_database(target)  # a file of an older version gets the tables it lacks; no row changes
        print(f"{target} exists; not rebuilt" + (f" (added the empty tables {', '.join(added)})" if added else ""))
        return 0
    build_database(Path(args.seed), target)
    print(f"wrote {target}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    from radar.sample import write_sample

    for path in write_sample(Path(args.seed), Path(args.out) if args.out else None):
        print(f"wrote {path}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    import json
    import os
    import tempfile

    from radar.db import own

    data = own.backup(config.own_db_path())
    target = Path(args.file)
    # Written beside the target and renamed: a backup that stops half way never replaces a good one.
    handle, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
    with os.fdopen(handle, "wb") as out:
        out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    os.replace(tmp, target)
    print(t("backup_written", args_lang(), file=target, radars=len(data["radars"])))
    return 0


def _restore(args: argparse.Namespace) -> int:
    import json

    from radar.db import own
    from radar.errors import DataError

    try:
        data = json.loads(Path(args.file).read_bytes())
    except (OSError, ValueError):
        raise DataError("backup_error_format") from None
    counts = own.restore(config.own_db_path(), data)
    print(t("backup_restored", args_lang(), file=args.file, **counts))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m radar", description="Teknologiradar data tools")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the DuckDB file from the seed files")
    build.add_argument("--seed", default=str(config.SEED_DIR))
    build.add_argument("--db", default=None, help="target file (default: data/radar.duckdb)")
    build.add_argument("--if-missing", action="store_true", help="do nothing when the file exists")
    build.set_defaults(run=_build)
    gen = sub.add_parser("generate-sample", help="regenerate the sample survey answers (deterministic)")
    gen.add_argument("--seed", default=str(config.SEED_DIR))
    gen.add_argument("--out", default=None, help="folder to write to (default: the seed folder)")
    gen.set_defaults(run=_generate)
    backup = sub.add_parser(
        "backup", help="write every own radar (entries, history, links, bin) to FILE; works while the app runs"
    )
    backup.add_argument("file", help="the backup file to write (JSON)")
    backup.set_defaults(run=_backup)
    restore = sub.add_parser("restore", help="bring back the own radars of a backup FILE (a radar with the same id is replaced)")
    restore.add_argument("file", help="a file written by `python -m radar backup`")
    restore.set_defaults(run=_restore)
    try:
        from radar.edition import add_import_command  # the new-edition importer, when present
    except ModuleNotFoundError:
        pass
    else:
        add_import_command(sub)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except RadarError as error:
        print(t(error.key, args_lang(), **error.params), file=sys.stderr)
        return 1


def args_lang() -> str:
    """Language of command-line messages: TEKNOLOGIRADAR_LANG or Danish."""
    import os

    return os.environ.get("TEKNOLOGIRADAR_LANG", "da")


if __name__ == "__main__":
    sys.exit(main())
