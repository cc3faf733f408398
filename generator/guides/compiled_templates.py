"""Jinja templates compiled once per process, kept in memory for the environments that load them again."""

from __future__ import annotations

from types import CodeType

import jinja2
from jinja2.bccache import Bucket


class CompiledTemplates(jinja2.BytecodeCache):
    """Every environment of one kind (the same settings) that loads a template again gets it compiled already:
    MkDocs makes the theme's environment anew for each language's pass and each rebuild of `serve`. Kept by
    Jinja's checksum of the template's source, so an edited template is compiled again. Environments of different
    settings compile differently: give each kind its own."""

    def __init__(self) -> None:
        self.compiled: dict[tuple[str, str], CodeType] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self.compiled[bucket.key, bucket.checksum] = bucket.code
