"""The `factcheck` command: the same core as the plugin, without building the site."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Iterable, Optional, Sequence

import yaml

from ..core.pipeline import Checked, check, render_deferred
from ..core.problems import Problem, ProblemsFound, errors, format_github, format_json, format_text
from ..core.safe_files import LinkRefused, refuse_links, refuse_links_under
from ..core.settings import Settings


def settings_from_mkdocs_yml(config_file: Path) -> Settings:
    """The run's Settings from mkdocs.yml's plugin options, without running MkDocs.

    Raises ProblemsFound (located in mkdocs.yml, with MkDocs' own message) when an option is wrong.
    """
    settings, problems = settings_and_option_problems(config_file)
    if settings is None:
        raise ProblemsFound(problems)
    return settings


def settings_and_option_problems(config_file: Path) -> tuple[Optional[Settings], list[Problem]]:
    """The Settings (None when an option is wrong) and every problem of the options (warnings too).

    mkdocs.yml may hold tags such as ``!!python/name`` for Material's extensions; they are
    read as nothing here, since only the ``factcheck`` options and the site's name and address matter.
    """
    from ..mkdocs.config import checked_options, settings_from_options

    root = config_file.parent.resolve()
    raw = _lenient_config(config_file) if config_file.exists() else {}
    options, problems = checked_options(_options_in(raw), config_file)
    if errors(problems):
        return None, problems
    site_name = raw.get("site_name")
    settings = settings_from_options(
        options, root=root, site_name=site_name if isinstance(site_name, str) else "Fact checks",
        site_url=raw.get("site_url") or "")
    return settings, problems


def _lenient_config(config_file: Path) -> dict:
    """mkdocs.yml as data, its tags (``!!python/name`` …) read as nothing."""

    class _Lenient(yaml.SafeLoader):
        pass

    _Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    raw = yaml.load(config_file.read_text("utf-8"), Loader=_Lenient) or {}
    return raw if isinstance(raw, dict) else {}


def _options_in(raw: dict) -> dict:
    options: dict = {}
    plugins = raw.get("plugins") or []
    if isinstance(plugins, dict):  # MkDocs also accepts the plugins as a mapping of name to options
        plugins = [plugins]
    for plugin in plugins:
        if isinstance(plugin, dict) and "factcheck" in plugin:
            options = plugin["factcheck"] or {}
    return options


def factcheck_options(config_file: Path) -> dict:
    """The factcheck plugin's options as mkdocs.yml gives them ({} without the file)."""
    return _options_in(_lenient_config(config_file)) if config_file.exists() else {}


def _validate(args: argparse.Namespace) -> int:
    settings, option_problems = settings_and_option_problems(Path(args.config))
    if settings is None:
        return _report(args, tuple(option_problems), None, 0)
    checked = check(settings)
    problems = tuple(option_problems) + checked.problems
    if args.against and checked.site is not None:
        from ..core.history import verdict_change_problems

        problems += tuple(verdict_change_problems(settings, checked.site.claims, args.against))
    left_out = 0
    if args.against:
        from ..core.history import changed_paths, on_changed_files

        changed = changed_paths(settings.root, args.against)
        if changed is not None:
            kept, left_out = on_changed_files(problems, changed)
            problems = tuple(kept)
    if args.paths:
        wanted = {Path(p).resolve() for p in args.paths}
        problems = tuple(p for p in problems if (settings.root / p.path).resolve() in wanted)
    return _report(args, problems, checked, left_out)


def _report(args: argparse.Namespace, problems: tuple[Problem, ...], checked: Optional[Checked], left_out: int) -> int:
    if args.format == "github":
        # GitHub places an annotation by its path from the repository's root, wherever mkdocs.yml is.
        from dataclasses import replace

        from ..core.history import repository_prefix

        prefix = repository_prefix(Path(args.config).parent.resolve())
        if prefix:
            problems = tuple(replace(p, path=prefix + p.path) for p in problems)
    formatter = {"text": format_text, "github": format_github, "json": format_json}[args.format]
    output = formatter(problems)
    if output:
        print(output)
    if left_out:
        print(f"{left_out} problem(s) on files unchanged since {args.against} left out; run factcheck validate without --against to see them", file=sys.stderr)
    if args.format == "text":
        summary = f"{len(errors(problems))} error(s), {len(problems) - len(errors(problems))} warning(s)"
        if checked is not None and checked.site is not None:
            summary += f" in {len(checked.site.claims)} claims and {len(checked.site.corpus.sources)} sources"
        print(summary, file=sys.stderr)
    return 1 if errors(problems) else 0


def _build_pages(args: argparse.Namespace) -> int:
    settings = settings_from_mkdocs_yml(Path(args.config))
    checked = check(settings)
    if checked.site is None:
        print(format_text(checked.problems), file=sys.stderr)
        return 1
    from .export_site import DOCS, project

    pages, files = render_deferred(checked.site)
    out = Path(args.out)
    refuse_links_under(out)  # nothing is written through a link, nor half-written (issue 24)
    docs = out / DOCS
    for page in pages:
        _write(docs / page.path, (page.markdown,))
    for file in files:  # each made as it is written, a piece at a time
        _write(docs / file.path, file.pieces())
    extra = project(settings, _docs_dir(Path(args.config)), {page.path for page in pages} | {file.path for file in files})
    for item in extra:  # mkdocs.yml, the templates, the site's own pages, the note
        target = out / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        refuse_links(target, out)  # never written through a link (issue 24)
        target.write_bytes(item.data)
    print(f"wrote {len(pages)} pages and {len(files)} files to {docs}, and {len(extra)} files to build them with plain MkDocs (cd {out} && mkdocs build)", file=sys.stderr)
    return 0


def _docs_dir(config_file: Path) -> str:
    """The site's docs_dir as mkdocs.yml gives it (MkDocs' default: docs)."""
    if not config_file.exists():
        return "docs"
    value = _lenient_config(config_file).get("docs_dir")
    return value if isinstance(value, str) and value else "docs"


def _write(target: Path, pieces: Iterable[str]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    refuse_links(target)  # the folders were checked before writing (refuse_links_under)
    with open(target, "w", encoding="utf-8", newline="") as output:  # the text as made: CSV rows end in CRLF
        output.writelines(pieces)


def _init(args: argparse.Namespace) -> int:
    from .init_site import init_site

    target = Path(args.directory)
    written, refused = init_site(target, site_name=args.name or target.resolve().name.replace("-", " ").title(), site_url=args.site_url, force=args.force)
    if refused:
        for path in refused:
            print(f"{path}: exists; not overwritten", file=sys.stderr)
        print("Nothing was written. Use --force to overwrite these files.", file=sys.stderr)
        return 1
    print(f"Created a fact-check site in {target} ({len(written)} files).", file=sys.stderr)
    print(f"Next: cd {target} && factcheck validate && mkdocs serve --livereload", file=sys.stderr)
    return 0


# Commands whose module is imported only when the command runs (or its options are asked for),
# so `factcheck validate` loads none of them.
_COMMANDS_ELSEWHERE = {
    "new": ("scaffold_claim", "configure", "write a new claim file, from options or by asking"),
    "new-source": ("scaffold_source", "configure", "write a new source record and its archived text"),
    "list": ("report", "configure_list", "list the claims with their verdicts, filtered by verdict, topic or source"),
    "stats": ("report", "configure_stats", "count the claims by verdict, topic and source"),
    "suggest": ("suggest_command", "configure", "list the checkable sentences no claim quotes yet, and sentences of two documents that may disagree"),
    "import-claimreview": ("import_claimreview", "configure", "turn ClaimReview JSON-LD or a Fact Check Tools API response into claim and source files"),
}


def parser(command: Optional[str] = None) -> argparse.ArgumentParser:
    """The command line. Of the commands defined in other modules, only ``command``'s options are
    added when it is given (every command is still listed); all of them when it is None."""
    main_parser = argparse.ArgumentParser(prog="factcheck", description="Check and export a fact-check site's claims and sources.")
    main_parser.add_argument("-f", "--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    commands = main_parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="run every check the build runs, without building")
    validate.add_argument("paths", nargs="*", help="only report problems in these files")
    validate.add_argument("--format", choices=["text", "github", "json"], default="text", help="text (default), GitHub Actions annotations, or JSON")
    validate.add_argument("--against", metavar="REV", help="also fail when a verdict changed since this git revision without a new dated correction")
    validate.set_defaults(run=_validate)

    build_pages = commands.add_parser("build-pages", help="export the site as a plain MkDocs project (no plugin needed to build it)")
    build_pages.add_argument("--out", required=True, help="the folder to write the project into: mkdocs.yml, overrides/ and docs/ (the generated pages and the site's own)")
    build_pages.set_defaults(run=_build_pages)
    init = commands.add_parser("init", help="create a new fact-check site in a folder")
    init.add_argument("directory", help="the folder of the new site (created when missing)")
    init.add_argument("--name", default="", help="the site's name (default: from the folder's name)")
    init.add_argument("--site-url", default="", help="the address the site will be published at")
    init.add_argument("--force", action="store_true", help="overwrite files that exist")
    init.set_defaults(run=_init)

    for name, (module, configure, help_text) in _COMMANDS_ELSEWHERE.items():
        command_parser = commands.add_parser(name, help=help_text)
        if command is None or command == name:
            getattr(importlib.import_module(f"{__package__}.{module}"), configure)(command_parser)
    return main_parser


def command_named(argv: Sequence[str]) -> Optional[str]:
    """The command that the arguments name: the first that is not an option or the value of
    -f/--config (None when there is none, as with --help alone)."""
    skip_next = False
    for argument in argv:
        if skip_next:
            skip_next = False
        elif argument in ("-f", "--config"):
            skip_next = True
        elif not argument.startswith("-"):
            return argument
    return None


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser(command_named(argv)).parse_args(argv)
    try:
        return args.run(args)
    except ProblemsFound as found:  # a wrong option in mkdocs.yml: located, as `mkdocs build` reports it
        print(format_text(found.problems), file=sys.stderr)
        return 1
    except LinkRefused as refused:  # any command: the link, where it leads, the fix; no traceback (issue 24)
        print(f"error: {refused.described()}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
