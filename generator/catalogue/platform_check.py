"""The catalogue's cross-checks of platforms: each platform's references, the one that replaced it, and the dated
source a network needs to use another platform than the default. A part of `references.py`'s check, which gives
it `refer`, `text`, `source` and the located file."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from generator.catalogue import model
from generator.inputs.errors import Problem


class PlatformCheck:
    """Platforms and the networks' choice of one (a mixin of `references.ReferenceCheck`)."""

    def platform(self, path: tuple, platform: model.Platform) -> Iterable[Problem]:
        yield from self.refer(path + ("link",), platform.link, self.cat.links, "link ids")
        yield from self.each_source(path + ("sources",), platform.sources)
        for i, step_id in enumerate(platform.procedure):
            yield from self.refer(path + ("procedure", i), step_id, self.cat.steps, "step ids")
        yield from self.text(path + ("heading",), platform.heading)
        yield from self.text(path + ("intro",), platform.intro)
        yield from self.text(path + ("before",), platform.before)
        yield from self.text(path + ("what_next",), platform.what_next)
        yield from self.text(path + ("approver",), platform.approver)
        yield from self.refer(path + ("what_next_after",), platform.what_next_after, platform.procedure,
                              "steps of its procedure")
        yield from self.text(path + ("no_helpdesk",), platform.no_helpdesk)
        if platform.sign_in_practice:
            practice, where = platform.sign_in_practice, path + ("sign_in_practice",)
            yield from self.each_source(where + ("sources",), practice.sources)
            for i, method in enumerate(practice.methods):
                yield from self.refer(where + ("methods", i), method, [m.id for m in self.cat.verification_methods
                                                                       if not m.retired], "verification methods in use")
                yield from self.text(where + ("methods", i), f"practise-sign-in.method.{method}")
            for i, method in enumerate(practice.not_enough):
                yield from self.refer(where + ("not_enough", i), method, practice.methods, "methods it offers")
        for i, key in enumerate(platform.help):
            yield from self.text(path + ("help", i), key)
        for i, trouble in enumerate(platform.troubles):
            yield from self.refer(path + ("troubles", i), trouble, self.cat.troubles, "trouble ids")
        if platform.successor:
            yield from self.successor(path + ("successor",), platform.successor)

    def successor(self, path: tuple, successor: model.Successor) -> Iterable[Problem]:
        yield from self.refer(path + ("platform",), successor.platform, self.cat.platforms, "platform ids")
        yield from self.text(path + ("news",), successor.news)
        yield from self.each_source(path + ("sources",), successor.sources)

    # A network stays off the default platform only where a source newer than the default's move says so.
    PLATFORM_EVIDENCE_AFTER = date(2024, 12, 31)

    def platform_source(self, path: tuple, guide: model.GuideSettings, network: model.Network | None
                        ) -> Iterable[Problem]:
        """A network on another platform than the default names the source that says so, dated after 2024."""
        chosen = network is not None and "platform" in guide.model_fields_set
        if not chosen or guide.platform == self.cat.default_guide.platform:
            return
        if guide.platform_source is None:
            yield self.located.problem(path + ("platform",), f"expected `platform_source`: the id of a source "
                                       f"dated after 2024 that says {network.short_name} uses {guide.platform!r} "
                                       f"(every network uses {self.cat.default_guide.platform!r} unless one does)")
            return
        yield from self.source(path + ("platform_source",), guide.platform_source)
        if guide.platform_source in self.sources:
            source = self.cat.source(guide.platform_source)
            day = source.published or source.consulted
            if day is None or day <= self.PLATFORM_EVIDENCE_AFTER:
                yield self.located.problem(path + ("platform_source",), f"expected a source dated after 2024 "
                                           f"(`published` or `consulted`), got {source.id!r}, "
                                           + (f"dated {day.isoformat()}" if day else "undated"))
