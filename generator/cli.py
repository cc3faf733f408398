"""`ern-guides`: check the catalogue and texts, write the JSON Schema, generate pages."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator import pdf, pipeline, simulator
from generator.browser import BrowserNotFound
from generator.errors import InputError
from generator.model import Catalogue

SCHEMA = Path(__file__).parent / "catalogue.schema.json"


def schema_text() -> str:
    schema = Catalogue.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ERN Guides catalogue (data/ern_catalogue.yaml)"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ern-guides", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check data/ern_catalogue.yaml and guides/ without building")
    schema = commands.add_parser("schema", help="write the catalogue's JSON Schema")
    schema.add_argument("--output", type=Path, default=SCHEMA)
    generate = commands.add_parser("generate", help="write the generated Markdown pages to a folder")
    generate.add_argument("output", type=Path)
    commands.add_parser("pdf", help="print every guide to build/pdf/<lang>/<network>.pdf (A4)")
    commands.add_parser("graph", help="print the simulator's states and transitions as a Mermaid flowchart")
    args = parser.parse_args(argv)

    try:
        if args.command == "schema":
            args.output.write_text(schema_text(), encoding="utf-8")
            print(f"wrote {args.output}")
        elif args.command == "check":
            catalogue, texts = pipeline.check(args.root, pipeline.languages_in(args.root))
            print(f"ok: {len(catalogue.networks)} networks, languages {', '.join(texts)}")
        elif args.command == "generate":
            result = pipeline.generate(args.root, pipeline.languages_in(args.root))
            for path, text in sorted(result.pages.items()):
                (args.output / path).parent.mkdir(parents=True, exist_ok=True)
                (args.output / path).write_text(text, encoding="utf-8")
            print(f"wrote {len(result.pages)} pages to {args.output}")
        elif args.command == "graph":
            catalogue, _ = pipeline.check(args.root, pipeline.languages_in(args.root))
            print(simulator.build(catalogue).mermaid(), end="")
        elif args.command == "pdf":
            catalogue, texts = pipeline.check(args.root, pipeline.languages_in(args.root))
            written = pdf.print_guides(args.root, list(texts), [n.id for n in catalogue.networks])
            print(f"wrote {len(written)} PDFs to {pdf.PDF_DIR}/; the next `mkdocs build` links them from the guides")
    except InputError as e:
        print(e.report(), file=sys.stderr)
        return 1
    except (BrowserNotFound, RuntimeError) as e:
        print(str(e), file=sys.stderr)
        return 1
    return 0
