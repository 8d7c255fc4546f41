"""Command line: `python -m radar build | generate-sample | import-edition`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from radar import config
from radar.errors import RadarError
from radar.i18n import t


def _build(args: argparse.Namespace) -> int:
    from radar.db.national import build_database

    target = Path(args.db) if args.db else config.db_path()
    if args.if_missing and target.exists():
        print(f"{target} exists; not rebuilt")
        return 0
    build_database(Path(args.seed), target)
    print(f"wrote {target}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    from radar.sample import write_sample

    for path in write_sample(Path(args.seed), Path(args.out) if args.out else None):
        print(f"wrote {path}")
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
