"""`ern-guides`: check the catalogue and texts, write the JSON Schema, generate pages."""

from __future__ import annotations

import argparse
import os
import json
import sys
from pathlib import Path

from generator import pipeline
from generator.catalogue import hospitals_import, traceability, wizard
from generator.catalogue.model import Catalogue
from generator.inputs.errors import InputError, Problem
from generator.inputs.writing import ProjectLock, settle
from generator.printing import pdf
from generator.printing.browser import BrowserNotFound
from generator.publishing import headers
from generator.translating import po, translation
from generator.translating.plural_forms import wanted_keys
from generator.words import glossary
from generator.words.texts import changed_labels, file_for

PACKAGE = Path(__file__).parent
# What a command that stopped on problems left undone, where it is not a build.
OUTCOME = {"po-import": "nothing was imported", "import-hospitals": "the catalogue was left as it was",
           "stamp": "nothing was stamped", "new-language": "nothing was written", "po-export": "nothing was written"}
SCHEMA = PACKAGE / "catalogue" / "schema.json"


def schema_text() -> str:
    schema = Catalogue.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ERN Guides catalogue (data/ern_catalogue.yaml)"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _status(root: Path, strict: bool, guide: str | None = None) -> int:
    gaps = False
    only = translation.guide_keys(root, guide) if guide else None
    for language in pipeline.languages_in(root)[1:]:
        c = translation.coverage(root, language, only)
        gaps |= not c.complete
        print(f"{language}{f' ({guide})' if guide else ''}: {c.translated}/{c.total} translated, {len(c.missing)} "
              f"missing, {len(c.stale)} stale, {len(c.mismatched)} placeholder mismatches")
        for label, keys in (("missing", c.missing), ("stale", c.stale), ("mismatched", c.mismatched)):
            for key in keys:
                print(f"  {label}: {key}")
        folder = root / pipeline.GUIDES / language
        translated = translation.translation(root, language)
        for problem in glossary.variants(glossary.load_glossary(folder, f"{pipeline.GUIDES}/{language}"), translated):
            gaps = True
            print(f"  glossary: {problem}")
        source = translation.english(root)
        for key, entry in translated.items():
            for label in changed_labels(source[key], entry) if key in source and (only is None or key in only) else []:
                gaps = True
                print(f"  label: {entry.file}:{entry.line}: {key}: keep **{label}** as the screen shows it, in "
                      "English")
    return 1 if strict and gaps else 0


def _import_hospitals(root: Path, network_id: str, file: Path, yes: bool) -> int:
    """Show what the member list changes, country by country; apply it when confirmed, then check the catalogue
    (put back as it was if the check fails)."""
    languages = pipeline.languages_in(root)
    catalogue, _ = pipeline.check(root, languages)
    network = next((n for n in catalogue.networks if n.id == network_id), None)
    if network is None:
        raise InputError([Problem("ern-guides import-hospitals", 1, 1, "", f"expected one of the network ids: "
                                  f"{', '.join(n.id for n in catalogue.networks)}; got {network_id!r}")])
    wanted = hospitals_import.read_rows(file, str(file), {c.code for c in catalogue.countries})
    current = {entry.country: {h.code: h.name for h in entry.hospitals} for entry in network.countries}
    changes = hospitals_import.plan(current, wanted)
    if not changes:
        print(f"{network.short_name}: the catalogue already lists these hospitals; nothing to change")
        return 0
    for change in changes:
        print(f"{change.country}:", *change.lines(), sep="\n")
    print(f"{network.short_name}: {sum(len(c.added) for c in changes)} to add, "
          f"{sum(len(c.renamed) for c in changes)} to rename, {sum(len(c.removed) for c in changes)} to remove")
    path = root / pipeline.CATALOGUE
    before = path.read_text(encoding="utf-8")
    after = hospitals_import.merged_text(before, network.id, wanted, changes, [c.code for c in catalogue.countries])
    if not _confirmed(yes):
        return 0
    hospitals_import.apply(root, path, after)
    try:
        pipeline.check(root, languages)
    except InputError as e:
        hospitals_import.apply(root, path, before)
        print(*e.problems, sep="\n", file=sys.stderr)
        print("the import would cause these problems (lines as the catalogue would read after it); the catalogue "
              "was left as it was", file=sys.stderr)
        return 1
    print(f"wrote {pipeline.CATALOGUE}; `ern-guides check` passes")
    return 0


def _import_po(root: Path, language: str, file: Path, force: bool, yes: bool) -> int:
    """Show what a PO file changes (new texts, changed ones with before and after); write it when confirmed."""
    planned = po.plan_import(root, language, po.read_po(file), str(file), force)
    for warning in planned.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for key, text in planned.new:
        print(f"  + {key}: {_one_line(text)}")
    for key, before, after in planned.changed:
        print(f"  ~ {key}: {_one_line(before)}", f"    -> {_one_line(after)}" if after != before else
              f"    (same text, {'reviewed' if planned.texts[key][1] else 'marked stale'})", sep="\n")
    print(f"guides/{language}/: {len(planned.new)} new, {len(planned.changed)} changed, {planned.fuzzy} fuzzy "
          f"(kept stale until reviewed), {planned.alone} left alone")
    if not (planned.new or planned.changed):
        print("nothing to change")
        return 0
    if not _confirmed(yes):
        return 0
    written = translation.write_language(root, language, planned.texts)
    print(f"wrote {len(planned.new)} new and {len(planned.changed)} changed translation(s) into "
          f"{', '.join(p.relative_to(root).as_posix() for p in written)}")
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _confirmed(yes: bool) -> bool:
    """`--yes`, or "y" typed at a terminal; otherwise says how to apply."""
    if yes or (sys.stdin.isatty() and input("Apply these changes? [y/N] ").strip().lower() in ("y", "yes")):
        return True
    print("nothing changed; run again with --yes to apply")
    return False


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `ern-guides status | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    """Every subcommand with a one-line description (its --help says it too), every argument with its help;
    `--root` is accepted before or after the subcommand."""
    parser = argparse.ArgumentParser(prog="ern-guides", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("--root", type=Path, default=argparse.SUPPRESS, help="project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=summary, description=summary[0].upper() + summary[1:] + ".",
                                   parents=[after])

    check = command("check", "check data/ern_catalogue.yaml and guides/ without building")
    check.add_argument("--strict", action="store_true",
                       help="also fail (exit 1) on facts checked longer ago than max_age_days")
    check.add_argument("--details", action="store_true",
                       help="name every text not yet translated, not only how many there are in each file")
    schema = command("schema", "write the catalogue's JSON Schema, which editors use to complete and check it")
    schema.add_argument("--output", type=Path, metavar="FILE",
                        help=f"where to write it (default: {SCHEMA.relative_to(PACKAGE.parent)} in the "
                             f"project folder, the copy the catalogue names)")
    generate = command("generate", "write the generated Markdown pages to a folder, without building the site")
    generate.add_argument("output", type=Path, metavar="FOLDER", help="folder to write the pages into")
    command("pdf", "print every guide to build/pdf/<lang>/<network>.pdf (A4); the next build links them")
    command("unsourced", "list the English texts that state facts without naming a source")
    host = command("headers", "print the security headers for the web server that serves site/")
    host.add_argument("host", choices=headers.HOSTS, help="the kind of web server")
    command("graph", "print the simulator's states and transitions as a Mermaid flowchart")
    status = command("status", "show the translation coverage of every language")
    status.add_argument("--strict", action="store_true", help="exit 1 if anything is missing, stale or mismatched")
    status.add_argument("--guide", metavar="NETWORK", help="only the texts of one network's guide and practice")
    new = command("new-language", "start a translation: create guides/<code>/ and register it in mkdocs.yml")
    new.add_argument("code", help="the language's code, like 'it' or 'pt-BR'")
    stamp = command("stamp", "mark a language's translations as up to date with the English")
    stamp.add_argument("code", help="the language's code, like 'fr'")
    stamp.add_argument("keys", nargs="*", metavar="KEY", help="only these texts (default: every stale one)")
    stamp.add_argument("--force", action="store_true", help="also texts unchanged since the English changed")
    export = command("po-export", "write a gettext PO file of a language (for Poedit, Weblate...)")
    export.add_argument("code", help="the language's code, like 'fr'")
    export.add_argument("--output", type=Path, metavar="FILE", help="where to write it (default: <code>.po here)")
    export.add_argument("--guide", metavar="NETWORK", help="only the texts of one network's guide and practice")
    members = command("import-hospitals", "merge a network's member list, exported from a spreadsheet as CSV "
                                          "(columns country, code, name), into the catalogue")
    members.add_argument("network", metavar="NETWORK", help="the network's id, like 'ern-rnd'")
    members.add_argument("file", type=Path, metavar="FILE.csv", help="the member list; countries it does not "
                                                                     "mention are left as they are")
    members.add_argument("--yes", action="store_true", help="apply the changes shown without asking")
    terms = command("glossary-export", "write a language's glossary as TBX, for translation tools")
    terms.add_argument("code", help="the language's code, like 'fr'")
    terms.add_argument("--output", type=Path, metavar="FILE", help="where to write it (default: <code>.tbx here)")
    command("pseudo-locale", "make the accented, longer pseudo-language en-XA to spot hard-coded text")
    load = command("po-import", "take a language's translations from a gettext PO file")
    load.add_argument("code", help="the language's code, like 'fr'")
    load.add_argument("file", type=Path, help="the PO file, as exported by po-export and translated")
    load.add_argument("--force", action="store_true", help="import even entries whose English or translation "
                                                           "changed in the files after the PO was exported")
    load.add_argument("--yes", action="store_true", help="apply the changes shown without asking")
    return parser


# The commands that change the project's files: each holds the lock a build holds, so that a build never reads
# a change half made.
WRITERS = ("po-import", "stamp", "new-language", "import-hospitals", "pseudo-locale")


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)

    try:
        if args.command in WRITERS:
            pipeline.languages_in(args.root)  # a project folder, or say how to name one
            with ProjectLock(args.root):
                return _command(args)
        settle(args.root)  # a change a dead process left half made: finished before anything is read
        return _command(args)
    except InputError as e:
        print(e.report(OUTCOME.get(args.command, "nothing was built")), file=sys.stderr)
        return 1
    except (BrowserNotFound, RuntimeError) as e:
        print(str(e), file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader stopped reading: `main` ends quietly
        raise
    except OSError as e:  # a destination missing, not a folder, not writable, full: one line, no traceback
        where = f"{e.filename}: " if e.filename else ""
        print(f"{where}{(e.strerror or str(e)).lower()}; {OUTCOME.get(args.command, 'nothing was built')}",
              file=sys.stderr)
        return 1


def _command(args: argparse.Namespace) -> int:
    if args.command == "schema":
        if args.output is None:
            pipeline.languages_in(args.root)  # a project folder, or say how to name one
        target = args.output or args.root / SCHEMA.relative_to(PACKAGE.parent)
        target.write_text(schema_text(), encoding="utf-8")
        print(f"wrote {target}")
    elif args.command == "unsourced":
        catalogue, texts = pipeline.check(args.root, pipeline.languages_in(args.root))
        found = traceability.unsourced(catalogue, texts["en"].source)
        if not found:
            print("every English text that states a fact names its source")
            return 0
        for key, entry in found:
            print(f"{entry.file}:{entry.line}: {key}: {' '.join(entry.text.split())[:100]}")
        print(f"{len(found)} English text(s) without a source: give each `sources: [ids]` (the catalogue's "
              "sources of its facts) or, if it states no fact, `interface: true`", file=sys.stderr)
        return 1
    elif args.command == "headers":
        print(headers.config(args.host), end="")
    elif args.command == "check":
        catalogue, texts = pipeline.verify(args.root, pipeline.languages_in(args.root))
        pdf.existing(args.root)  # the printed guides the build would publish
        old = pipeline.outdated_facts(args.root, catalogue)
        for problem in old:
            print(f"warning: {problem}", file=sys.stderr)
        for problem in [*traceability.unknown_sources(catalogue, texts["en"].source),
                        *traceability.retired_mentions(catalogue, texts["en"].source)]:
            print(f"warning: {problem}", file=sys.stderr)
        for key, entry in traceability.unsourced(catalogue, texts["en"].source):
            print(f"warning: {entry.file}:{entry.line}: {key}: no source (see `ern-guides unsourced`)",
                  file=sys.stderr)
        for language, t in texts.items():
            missing: dict[str, list[str]] = {}
            for key in sorted(set(wanted_keys(t.source, language)) - set(t.entries)):  # as `status` counts them
                missing.setdefault(file_for(t.source, key, language), []).append(key)
            for file, keys in missing.items():  # one line per file, unless asked for each text
                for key in keys if args.details or len(keys) == 1 else []:
                    print(f"warning: {file}: {key}: not yet translated, shown in English (see `ern-guides "
                          f"status`)", file=sys.stderr)
                if len(keys) > 1 and not args.details:
                    print(f"warning: {file}: {len(keys)} texts not yet translated, shown in English (see "
                          f"`ern-guides status`, or `ern-guides check --details`)", file=sys.stderr)
        if old and args.strict:
            print(f"{len(old)} fact(s) past max_age_days; failing because of --strict.", file=sys.stderr)
            return 1
        print(f"ok: {len(catalogue.networks)} networks, languages {', '.join(texts)}"
              + (f"; {len(old)} fact(s) to check again (see warnings)" if old else ""))
    elif args.command == "generate":
        result = pipeline.generate(args.root, pipeline.languages_in(args.root))
        for path, text in sorted(result.pages.items()):
            (args.output / path).parent.mkdir(parents=True, exist_ok=True)
            (args.output / path).write_text(text, encoding="utf-8")
        print(f"wrote {len(result.pages)} pages to {args.output}")
    elif args.command == "graph":
        catalogue, _ = pipeline.check(args.root, pipeline.languages_in(args.root))
        print(wizard.build(catalogue).mermaid(), end="")
    elif args.command == "status":
        return _status(args.root, args.strict, args.guide)
    elif args.command == "new-language":
        for line in translation.new_language(args.root, args.code):
            print(f"created {line}")
        print(f"next: translate guides/{args.code}/*.yaml (see TRANSLATING.md), then `ern-guides status`")
    elif args.command == "stamp":
        stamped, refused = translation.stamp(args.root, args.code, args.keys or None, args.force)
        for key in refused:
            print(f"not stamped: {key}: its text has not changed since the English did; review it, or use "
                  "--force", file=sys.stderr)
        print(f"{len(stamped)} translation(s) marked up to date")
        return 1 if refused else 0
    elif args.command == "import-hospitals":
        return _import_hospitals(args.root, args.network, args.file, args.yes)
    elif args.command == "glossary-export":
        translation.known_language(args.root, args.code, "glossary-export")
        folder = args.root / pipeline.GUIDES / args.code
        target = args.output or Path(f"{args.code}.tbx")
        target.write_text(glossary.tbx(glossary.load_glossary(folder, f"{pipeline.GUIDES}/{args.code}"), args.code),
                          encoding="utf-8")
        print(f"wrote {target}")
    elif args.command == "pseudo-locale":
        print(f"guides/{translation.pseudo_locale(args.root)}/ written; build the site to see it")
    elif args.command == "po-export":
        exported = po.export_po(args.root, args.code,
                                translation.guide_keys(args.root, args.guide) if args.guide else None)
        target = args.output or Path(f"{args.code}.po")
        target.write_text(exported, encoding="utf-8")
        print(f"wrote {target}")
    elif args.command == "po-import":
        return _import_po(args.root, args.code, args.file, args.force, args.yes)
    elif args.command == "pdf":
        catalogue, texts = pipeline.check(args.root, pipeline.languages_in(args.root))
        written = pdf.print_guides(args.root, list(texts), [n.id for n in catalogue.networks])
        print(f"wrote {len(written)} PDFs to {pdf.PDF_DIR}/; the next `mkdocs build` links them from the guides")
    return 0
