"""Templates compiled once per process: a second environment of the same kind gets them compiled already, and an
edited template is compiled again."""

from __future__ import annotations

import jinja2
import pytest

from generator.guides.compiled_templates import CompiledTemplates


def environment(sources: dict[str, str], compiled: CompiledTemplates) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(sources), autoescape=True)
    env.bytecode_cache = compiled
    return env


def test_a_second_environment_does_not_compile_again():
    compiled, sources = CompiledTemplates(), {"page.html": "<p>{{ name }}</p>"}
    assert environment(sources, compiled).get_template("page.html").render(name="<b>") == "<p>&lt;b&gt;</p>"
    second = environment(sources, compiled)
    second.compile = lambda *args, **kwargs: pytest.fail("compiled again")
    assert second.get_template("page.html").render(name="x") == "<p>x</p>"


def test_an_edited_template_is_compiled_again():
    compiled, sources = CompiledTemplates(), {"page.html": "<p>{{ name }}</p>"}
    environment(sources, compiled).get_template("page.html")
    sources["page.html"] = "<h1>{{ name }}</h1>"
    assert environment(sources, compiled).get_template("page.html").render(name="x") == "<h1>x</h1>"
