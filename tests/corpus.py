"""The corpus of broken inputs: what a helpdesk or translator may get wrong, and the exact message for it.

Each case edits one file of a throwaway project (the small fixture catalogue and the real texts):
`old` -> `new` replaces text once; `old=None` writes `new` as the whole file. `expected` is every line
`ern-guides check` prints before its summary.
"""

from __future__ import annotations

from dataclasses import dataclass

CATALOGUE = "data/ern_catalogue.yaml"
FRENCH = "guides/fr/site.yaml"


@dataclass(frozen=True)
class Case:
    file: str
    old: str | None
    new: str | bytes
    expected: list[str]


def catalogue(old, new, expected) -> Case:
    return Case(CATALOGUE, old, new, expected if isinstance(expected, list) else [expected])


CASES = {
    "duplicate key": catalogue("  target: CPMS\n", "  target: CPMS\n  target: CPMS\n",
                      "data/ern_catalogue.yaml:30:3: application.target: duplicate key 'target' (first written on line 29)"),
    "tab": catalogue("  target: CPMS\n", "\ttarget: CPMS\n",
            "data/ern_catalogue.yaml:29:1: tab character found; indent with spaces, not tabs"),
    "malformed yaml": catalogue("  choices: [AAC, CPMS]", "  choices: [AAC, CPMS",
                       "data/ern_catalogue.yaml:29:9: the `[` on line 28 is not closed; end the entry with `]` on that line"),
    "wrong type": catalogue("hospitals_complete: true", "hospitals_complete: maybe",
                   "data/ern_catalogue.yaml:106:29: networks[1].countries[0].hospitals_complete: expected true or false, got 'maybe'"),
    "missing field": catalogue("    short_name: BETA\n", "",
                      "data/ern_catalogue.yaml:96:5: networks[1].short_name: expected a value, got nothing (this field is required)"),
    "unknown field": catalogue("    label: BETA - Second Test Diseases\n", "    label: BETA - Second Test Diseases\n    colour: blue\n",
                      "data/ern_catalogue.yaml:99:13: networks[1].colour: unknown field 'colour'; check its spelling and indentation"),
    "unknown country": catalogue("      - country: DE\n", "      - country: XX\n",
                        ["data/ern_catalogue.yaml:105:18: networks[1].countries[0].country: expected one of the country codes of `countries:` (line 49): DE, IT; got 'XX'; if the organisation screen lists that country, add it there first, as the screen names it, e.g. `- {code: XX, name: <name on screen>}`",
                         "data/ern_catalogue.yaml:111:26: networks[1].guide.example.country: expected one of the countries of this network: XX; got 'DE'"]),
    "unknown profile": catalogue("profiles: [hp, researcher]", "profiles: [hp, surgeon]",
                        "data/ern_catalogue.yaml:114:22: networks[1].guide.profiles[1]: expected one of the access profile ids: hp, researcher; got 'surgeon'"),
    "unknown step": catalogue("procedure: [eu-login, request-access]", "procedure: [eu-login, request-acess]",
                     "data/ern_catalogue.yaml:79:27: platforms.saas.procedure[1]: expected one of the step ids: eu-login, request-access; got 'request-acess'"),
    "unknown text key": catalogue("comment_hint: comment-hint.speciality-neuro", "comment_hint: comment-hint.nothing",
                         "data/ern_catalogue.yaml:113:21: networks[1].guide.comment_hint: no English text 'comment-hint.nothing' yet: add it to guides/en/networks.yaml, with `text` and a `note` for translators"),
    "duplicate hospital": catalogue("{code: DE30, name: Universitätsklinikum Bonn}", "{code: DE22, name: Universitätsklinikum Bonn}",
                           "data/ern_catalogue.yaml:109:13: networks[1].countries[0].hospitals[1]: duplicate hospital code 'DE22'"),
    "malformed hospital code": catalogue("{code: DE30,", "{code: DE3,",
                                "data/ern_catalogue.yaml:109:20: networks[1].countries[0].hospitals[1].code: expected a hospital code of two capitals and two digits like 'DE22', got 'DE3'"),
    "hospital in wrong country": catalogue("{code: DE30,", "{code: IT30,",
                                  "data/ern_catalogue.yaml:109:20: networks[1].countries[0].hospitals[1].code: expected a code starting with 'DE' (the country of this list), got 'IT30'"),
    "http url": catalogue("url: https://cpms.ern-net.eu\n", "url: http://cpms.ern-net.eu\n",
                 "data/ern_catalogue.yaml:20:10: links.cpms.url: expected an https:// address without spaces, quotes or brackets (write ( as %28 and ) as %29), got 'http://cpms.ern-net.eu'"),
    "bad e-mail": catalogue("helpdesk@beta.example.eu", "helpdesk(at)beta.example.eu",
                   "data/ern_catalogue.yaml:102:16: networks[1].contacts[0].email: expected an e-mail address like 'helpdesk@example.eu', got 'helpdesk(at)beta.example.eu'"),
    "bad id": catalogue("  - id: alpha\n", "  - id: Alpha One\n",
               "data/ern_catalogue.yaml:93:9: networks[0].id: expected a lowercase id like 'ern-rnd', got 'Alpha One'"),
    "example hospital not listed": catalogue("hospital: DE22}", "hospital: DE42}",
                                    "data/ern_catalogue.yaml:111:40: networks[1].guide.example.hospital: expected one of the hospital codes of that country: DE22, DE30; got 'DE42'"),
    "html in a label": catalogue("label: ALPHA - First Test Diseases", "label: ALPHA <script>alert(1)</script>",
                        "data/ern_catalogue.yaml:95:12: networks[0].label: expected text on one line, without '<', '>' or invisible characters (however written: a YAML escape like \\u2028 too), got 'ALPHA <script>alert(1)</script>'"),
    "empty catalogue": Case(CATALOGUE, None, "", ["data/ern_catalogue.yaml:1:1: expected the catalogue (a mapping with 'networks', 'steps', ...), got an empty file"]),
    "not UTF-8": Case(CATALOGUE, None, "sources:\n  - title: Liège\n".encode("latin-1"), ['data/ern_catalogue.yaml:2:1: expected UTF-8 text, got an undecodable byte 0xe8; save the file as UTF-8']),
    "unknown step in a network": catalogue("      comment_hint: comment-hint.speciality-neuro\n",
                                           "      comment_hint: comment-hint.speciality-neuro\n      procedure: [eu-login, preferences]\n",
                                           "data/ern_catalogue.yaml:114:29: networks[1].guide.procedure[1]: expected one of the step ids: eu-login, request-access; got 'preferences'"),
    "unknown verification method": catalogue("  recommended_verification: sms", "  recommended_verification: pigeon", "data/ern_catalogue.yaml:88:29: default_guide.recommended_verification: expected one of the verification method ids: sms; got 'pigeon'"),
    "http website": catalogue("    label: BETA - Second Test Diseases\n", "    label: BETA - Second Test Diseases\n    website: http://beta.example.eu\n", "data/ern_catalogue.yaml:99:14: networks[1].website: expected an https:// address without spaces, quotes or brackets (write ( as %28 and ) as %29), got 'http://beta.example.eu'"),
    "unknown source": catalogue("    sources: [doc]\n    checked: 2026-01-15\n    contacts:", "    sources: [document]\n    checked: 2026-01-15\n    contacts:", "data/ern_catalogue.yaml:99:15: networks[1].sources[0]: expected one of the source ids: doc; got 'document'"),
    "duplicate network": catalogue("  - id: beta\n", "  - id: alpha\n", "data/ern_catalogue.yaml:96:5: networks[1]: duplicate network id 'alpha'"),
    "two kinds in one block": catalogue("      - warning: step.eu-login.real-name\n", "      - warning: step.eu-login.real-name\n        do: step.eu-login.create\n", 'data/ern_catalogue.yaml:59:9: steps.eu-login.blocks[1]: expected exactly one of do, tip, warning, note, screen, items, changes; got do, warning'),
    "unknown list": catalogue("      - do: step.eu-login.create\n", "      - items: videos\n", "data/ern_catalogue.yaml:60:16: steps.eu-login.blocks[2].items: expected one of the list ids, but none are defined; got 'videos'"),
    "missing placeholder": Case(FRENCH, "  text: \"Guide {network}\"\n", "  text: Guide\n", ['guides/fr/site.yaml:10:1: home.table.open: expected placeholders {network} as in English, got none']),
    "extra placeholder": Case(FRENCH, "  text: Réseau\n", "  text: Réseau {network}\n", ['guides/fr/site.yaml:4:1: home.table.network: expected placeholders none as in English, got {network}']),
    "broken template expression": Case(FRENCH, "  text: Domaine\n", "  text: Domaine {{ network.name }\n", ['guides/fr/site.yaml:6:1: home.table.diseases: template syntax ({{ }}, {% %}) is not allowed in texts; use {placeholder}']),
    "malformed text file": Case(FRENCH, "  text: Guide\n", "  text: Guide: [\n", ['guides/fr/site.yaml:9:14: invalid YAML: a colon followed by a space inside a value; put the whole value in quotes']),
    "duplicate text key": Case(FRENCH, "guide.help.title:\n  text: Guide\n", "guide.help.title:\n  text: Guide\nguide.help.title:\n  text: Guide\n", ["guides/fr/site.yaml:10:1: guide.help.title: duplicate key 'guide.help.title' (first written on line 8)"]),
    "javascript link in a text": Case(FRENCH, "  text: Domaine\n", "  text: '[Domaine](javascript:alert)'\n", ["guides/fr/site.yaml:6:1: home.table.diseases: expected a link to https://, mailto:, #anchor or a {placeholder}, got 'javascript:alert'"]),
    "text key unknown to English": Case(FRENCH, "guide.help.title:\n", "guide.help.titles:\n", ['guides/fr/site.yaml:8:1: guide.help.titles: unknown key: no English text has it']),
    "English text without a note": Case("guides/en/extra.yaml", None, "home.extra:\n  text: Hello\n", ["guides/en/extra.yaml:1:1: home.extra: expected a 'note' telling translators where this text appears, got nothing"]),
    "unknown language folder": Case("guides/english/site.yaml", None, "home.heading:\n  text: Hello\n", ["guides/english:1:1: expected a folder named by a language code like 'fr' or 'pt-BR', got 'english'"]),
    "lost list structure": Case("guides/fr/site.yaml", None,
                                "guide.before.body:\n  text: Votre e-mail, votre portable, {browsers}.\n",
                                ["guides/fr/site.yaml:1:1: guide.before.body: expected 0 link(s) and 3 list item(s) as in English, got 0 and 0"]),
    "lost link": Case("guides/fr/steps.yaml", None,
                      "step.request-access.simulator:\n  text: Entraînez-vous avec le simulateur ({simulator}) pour {network}.\n",
                      ["guides/fr/steps.yaml:1:1: step.request-access.simulator: expected 1 link(s) and 0 list item(s) as in English, got 0 and 0"]),
}

# Sources, dates, retired facts and platforms (appended: the cases above keep their line numbers).
CASES |= {
    "missing source document": catalogue("    url: https://example.eu/doc\n    publisher: Test publisher\n", "    file: data/sources/nothing.txt\n",
                                         "data/ern_catalogue.yaml:3:11: sources[0].file: expected a document at data/sources/nothing.txt (from the project folder), found none"),
    "source document outside the project": catalogue("    url: https://example.eu/doc\n    publisher: Test publisher\n", "    file: ../../../etc/hostname\n",
                                                     "data/ern_catalogue.yaml:3:11: sources[0].file: expected a path inside the project folder, like 'data/sources/doc.txt' (keep the document there); got '../../../etc/hostname'"),
    "source both document and page": catalogue("    url: https://example.eu/doc\n", "    url: https://example.eu/doc\n    file: doc.txt\n",
                                               "data/ern_catalogue.yaml:2:5: sources[0]: expected either `file` (a document) or `url` (a web page or notice), not both and not neither"),
    "web source without consulted date": catalogue("    consulted: 2026-01-15\n", "",
                                                   "data/ern_catalogue.yaml:2:5: sources[0]: expected `consulted` for a web source, got nothing"),
    "step without sources": catalogue("  eu-login:\n    sources: [doc]\n", "  eu-login:\n",
                                      "data/ern_catalogue.yaml:53:3: steps.eu-login.sources: expected a value, got nothing (this field is required)"),
    "impossible date": catalogue("  eu-login:\n    sources: [doc]\n    checked: 2026-01-15\n", "  eu-login:\n    sources: [doc]\n    checked: 2026-13-45\n",
                                 "data/ern_catalogue.yaml:55:14: steps.eu-login.checked: expected a date like 2025-07-01, got '2026-13-45': there is no month 13 (months go from 01 to 12)"),
    "network facts without sources": catalogue("    sources: [doc]\n    checked: 2026-01-15\n    contacts:", "    contacts:",
                                               ["data/ern_catalogue.yaml:96:5: networks[1]: expected `checked`: the day this network's facts were last checked (YYYY-MM-DD), got nothing",
                                                "data/ern_catalogue.yaml:96:5: networks[1]: expected `sources`: the ids of the sources of this network's own facts, got nothing"]),
    "contact without address": catalogue("      - email: helpdesk@beta.example.eu\n        source: doc\n", "      - source: doc\n",
                                         "data/ern_catalogue.yaml:102:9: networks[1].contacts[0]: expected `email`, `url` (a web page) or, for a helpdesk whose address is not published, its `name`; got none of them"),
    "contact with two addresses": catalogue("      - email: helpdesk@beta.example.eu\n", "      - email: helpdesk@beta.example.eu\n        url: https://beta.example.eu/help\n",
                                            "data/ern_catalogue.yaml:102:9: networks[1].contacts[0]: expected either `email` or `url` (a web page), not both"),
    "unknown platform": catalogue("  platform: saas\n", "  platform: cpms3\n",
                                  "data/ern_catalogue.yaml:87:13: default_guide.platform: expected one of the platform ids: saas; got 'cpms3'"),
    "recommended method retired": catalogue("    source: doc\ncountries:", "    source: doc\n    retired_on: 2025-07-01\n    retired_source: doc\n    replaced_by: [app]\n  - id: app\n    label: EU Login Mobile App PIN Code\n    source: doc\ncountries:",
                                            "data/ern_catalogue.yaml:94:29: default_guide.recommended_verification: expected a verification method still in use (app); got 'sms', retired on 2025-07-01"),
    "note anchored in a step the guide lacks": catalogue("      profiles: [hp, researcher]\n", "      profiles: [hp, researcher]\n      notes:\n        - warning: step.eu-login.junk\n          source: doc\n          step: preferences\n          at: end\n",
                                                         "data/ern_catalogue.yaml:118:17: networks[1].guide.notes[0].step: expected one of the steps of BETA's guide: eu-login, request-access; got 'preferences'"),
    "note after a block the step lacks": catalogue("      profiles: [hp, researcher]\n", "      profiles: [hp, researcher]\n      notes:\n        - warning: step.eu-login.junk\n          source: doc\n          step: request-access\n          after: step.request-access.hospital\n",
                                                   "data/ern_catalogue.yaml:119:18: networks[1].guide.notes[0].after: expected one of the blocks of step 'request-access': saas-hospitals, step.request-access.comment, step.request-access.country, step.request-access.find-network; got 'step.request-access.hospital'"),
    "note both at and after": catalogue("      profiles: [hp, researcher]\n", "      profiles: [hp, researcher]\n      notes:\n        - warning: step.eu-login.junk\n          source: doc\n          step: eu-login\n          at: start\n          after: step.eu-login.open\n",
                                        "data/ern_catalogue.yaml:116:11: networks[1].guide.notes[0]: expected either `at: start`, `at: end` or `after:` a block of the step, not both and not neither"),
    "note with a text not written yet": catalogue("      profiles: [hp, researcher]\n", "      profiles: [hp, researcher]\n      notes:\n        - warning: network.beta.new-warning\n          source: doc\n          step: eu-login\n          at: end\n",
                                                  "data/ern_catalogue.yaml:116:20: networks[1].guide.notes[0].warning: no English text 'network.beta.new-warning' yet: add it to guides/en/networks.yaml, with `text` and a `note` for translators"),
    "guest lifetime of no days": catalogue("      profiles: [hp, researcher]\n", "      profiles: [hp, researcher]\n      guest_account: {max: 0, source: doc}\n",
                                           "data/ern_catalogue.yaml:115:28: networks[1].guide.guest_account.max: expected a number of at least 1, got 0"),
    "prerequisite on an unknown profile": catalogue("      profiles: [hp, researcher]\n", "      profiles: [hp, researcher]\n      profile_prerequisites:\n        - {profiles: [coordinator], requires: hp, source: doc}\n",
                                                    "data/ern_catalogue.yaml:116:23: networks[1].guide.profile_prerequisites[0].profiles[0]: expected one of the access profile ids: hp, researcher; got 'coordinator'"),
}

# Input that would make reading unbounded or surprising, and the slips YAML reports in its own words (#12).
CASES |= {
    "anchor (an alias bomb starts with one)": catalogue("  target: CPMS\n", "  target: CPMS\n  bomb: &a [lol, lol]\n  bomb2: [*a, *a]\n",
                                                        "data/ern_catalogue.yaml:30:9: anchors (&a) are not allowed; write the value out in full where it is needed"),
    "alias": catalogue("  target: CPMS\n", "  target: *a\n",
                       "data/ern_catalogue.yaml:29:11: aliases (*a) are not allowed; write the value out in full"),
    "unknown tag": catalogue("  target: CPMS\n", "  target: !include other.yaml\n",
                             "data/ern_catalogue.yaml:29:11: YAML tags like !include are not allowed; remove it and write the value itself"),
    "merge key": catalogue("  target: CPMS\n", "  target: CPMS\n  <<: {x: 1}\n",
                           "data/ern_catalogue.yaml:30:3: merge keys (<<) are not allowed; write the fields out in full"),
    "deep nesting": catalogue("  target: CPMS\n", "  target: " + "[" * 40 + "]" * 40 + "\n",
                              "data/ern_catalogue.yaml:29:41: nested more than 32 levels deep; is the indentation right?"),
    "NUL byte": catalogue("  target: CPMS\n", "  target: CP\x00MS\n",
                          "data/ern_catalogue.yaml:29:13: a control character (U+0000) that YAML does not allow; delete it (it is often pasted in by accident)"),
    "private-use character": catalogue("  target: CPMS\n", "  target: CP\ue000MS\n",
                                       "data/ern_catalogue.yaml:29:13: a private-use character (U+E000) that shows as nothing or as a box; delete it (it is often pasted in by accident)"),
    "folder named like a text file": Case("guides/fr/extra.yaml/notes.txt", None, "",
                                          ["guides/fr/extra.yaml:1:1: expected a file, found a folder with that name; rename or remove the folder"]),
    "list item indented one space too far": catalogue("          - {code: DE30, name: Universitätsklinikum Bonn}\n", "           - {code: DE30, name: Universitätsklinikum Bonn}\n",
                                                      "data/ern_catalogue.yaml:109:12: the indentation of this line (11 spaces) does not fit the lines above it (10 spaces); indent it exactly like the other entries of its list or mapping"),
    "field indented one space too far": catalogue("        hospitals_complete: true\n", "         hospitals_complete: true\n",
                                                  "data/ern_catalogue.yaml:106:28: this line is indented by 9 spaces, the field above it by 8; if it is a field of its own, indent it like the field above, else put the whole value in quotes"),
    "hospital name with a comma": catalogue("{code: DE30, name: Universitätsklinikum Bonn}", "{code: DE30, name: Universitätsklinikum Bonn, Campus Venusberg}",
                                            'data/ern_catalogue.yaml:109:75: networks[1].countries[0].hospitals[1].Campus Venusberg: unknown field \'Campus Venusberg\'; if it is the end of the value before it (a name with a comma), put that whole value in quotes: name: "..., ..."'),
    "name YAML reads as a number": catalogue("{code: DE30, name: Universitätsklinikum Bonn}", "{code: DE30, name: 0051}",
                                             "data/ern_catalogue.yaml:109:32: networks[1].countries[0].hospitals[1].name: expected text, got 0051, which YAML reads as the number 41; put it in quotes: '0051'"),
    "name YAML reads as false": catalogue("  - {code: IT, name: Italy}\n", "  - {code: IT, name: NO}\n",
                                          "data/ern_catalogue.yaml:51:22: countries[1].name: expected text, got NO, which YAML reads as false; put it in quotes: 'NO'"),
    "address that breaks out of its link": catalogue("    label: BETA - Second Test Diseases\n", "    label: BETA - Second Test Diseases\n    website: https://beta.example.eu/x)[EVIL](javascript:alert(1)\n",
                                                     "data/ern_catalogue.yaml:99:14: networks[1].website: expected an https:// address without spaces, quotes or brackets (write ( as %28 and ) as %29), got 'https://beta.example.eu/x)[EVIL](javascript:alert(1)'"),
    "attribute list in a text": Case(FRENCH, "  text: Domaine\n", "  text: 'Domaine {: onmouseover=alert(1) }'\n",
                                     ["guides/fr/site.yaml:6:1: home.table.diseases: curly braces are only for placeholders like {network}; attribute lists such as {: ...} or { .class } are not allowed in texts"]),
    "reference-style javascript link in a text": Case(FRENCH, "  text: Domaine\n", "  text: \"[Domaine][x]\\n\\n[x]: javascript:alert(1)\"\n",
                                                      ["guides/fr/site.yaml:6:1: home.table.diseases: expected a link to https://, mailto:, #anchor or a {placeholder}, got 'javascript:alert(1)'"]),
}

# Names that would make a page the site already has, or none (#12).
CASES |= {
    "organisation named like a simulator page": catalogue("  - label: COVID-19\n", "  - label: Index\n",
                                                          "data/ern_catalogue.yaml:31:12: other_organisations[0].label: its practice page would be sim/index.html, already a page of the simulator's own; change the label"),
    "organisation label of punctuation only": catalogue("  - label: COVID-19\n", "  - label: '!!!'\n",
                                                        "data/ern_catalogue.yaml:31:12: other_organisations[0].label: expected a label with letters or digits (it names the practice page), got '!!!'"),
    "two organisations making one page": catalogue("    source: doc\nguest_access:", "    source: doc\n  - label: Covid 19\n    note: organisation.covid-19\n    source: doc\nguest_access:",
                                                   "data/ern_catalogue.yaml:34:12: other_organisations[1].label: its practice page would be sim/covid-19.html, already the page of 'COVID-19'; change the label"),
    "network id index": catalogue("  - id: alpha\n", "  - id: index\n",
                                  ["data/ern_catalogue.yaml:93:9: networks[0].id: 'index' names a page of the site itself; choose another id"]),
}

# Where a text's facts come from (#13).
CASES |= {
    "English text both sourced and interface": Case("guides/en/extra.yaml", None, "home.extra:\n  text: Hello\n  note: x\n  sources: [doc]\n  interface: true\n",
                                                    ["guides/en/extra.yaml:1:1: home.extra: expected either sources (the text states facts) or interface: true (it states none), not both"]),
    "name YAML reads as a date": catalogue("{code: DE30, name: Universitätsklinikum Bonn}", "{code: DE30, name: 2026-01-15}",
                                           "data/ern_catalogue.yaml:109:32: networks[1].countries[0].hospitals[1].name: expected text, got 2026-01-15, which YAML reads as a date; put it in quotes: '2026-01-15'"),
}

# Slips a helpdesk makes in a list of hospitals: the same plain words in flow style ({...}) as in block style.
CASES |= {
    "flow list item without its dash": catalogue("          - {code: DE30, name: Universitätsklinikum Bonn}\n", "          {code: DE30, name: Universitätsklinikum Bonn}\n",
                                                 "data/ern_catalogue.yaml:109:11: this line is indented like the list entries above it but does not start with `- `; write it as `- {code: DE30, name: Universitätsklinikum Bonn}` if it is an entry of its own"),
    "block list item without its dash": catalogue("          - {code: DE30, name: Universitätsklinikum Bonn}\n", "          - code: DE31\n            name: Bonn\n          code: DE30\n          name: Universitätsklinikum Bonn\n",
                                                  "data/ern_catalogue.yaml:111:11: this line is indented like the list entries above it but does not start with `- `; write it as `- code: DE30` if it is an entry of its own"),
    "flow value with a colon": catalogue("{code: DE30, name: Universitätsklinikum Bonn}", "{code: DE30, name: Universitätsklinikum: Bonn}",
                                         "data/ern_catalogue.yaml:109:52: invalid YAML: a colon followed by a space inside a value; put the whole value in quotes (and inside `{}`, separate the entries with commas)"),
    "block value with a colon": catalogue("          - {code: DE30, name: Universitätsklinikum Bonn}\n", "          - code: DE30\n            name: Universitätsklinikum: Bonn\n",
                                          "data/ern_catalogue.yaml:110:39: invalid YAML: a colon followed by a space inside a value; put the whole value in quotes"),
    "flow entry not closed": catalogue("{code: DE30, name: Universitätsklinikum Bonn}", "{code: DE30, name: Universitätsklinikum Bonn",
                                       "data/ern_catalogue.yaml:110:10: the `{` on line 109 is not closed; end the entry with `}` on that line"),
    "list entry with its dash but no space": catalogue("          - {code: DE30, name: Universitätsklinikum Bonn}\n", "          -{code: DE30, name: Universitätsklinikum Bonn}\n",
                                                        "data/ern_catalogue.yaml:109:11: a list entry starts with `- `, a dash and a space; write it as `- {code: DE30, name: Universitätsklinikum Bonn}`"),
    "text after the closing brace": catalogue("{code: DE30, name: Universitätsklinikum Bonn}", "{code: DE30, name: Universitätsklinikum Bonn} Campus",
                                              "data/ern_catalogue.yaml:109:59: `Campus` comes after the `}` that closes the entry; put it inside the braces, or remove it"),
    "quote not closed": catalogue("          - {code: DE30, name: Universitätsklinikum Bonn}\n", "          - code: DE30\n            name: \"Universitätsklinikum Bonn\n",
                                  "data/ern_catalogue.yaml:110:19: the \" that opens this value is not closed; end the value with \" on this line"),
    "hospital in a country not yet listed": catalogue("          - {code: DE30, name: Universitätsklinikum Bonn}\n", "          - {code: DE30, name: Universitätsklinikum Bonn}\n      - country: PT\n        hospitals:\n          - {code: PT01, name: Hospital}\n",
                                                      "data/ern_catalogue.yaml:110:18: networks[1].countries[1].country: expected one of the country codes of `countries:` (line 49): DE, IT; got 'PT'; if the organisation screen lists that country, add it there first, as the screen names it, e.g. `- {code: PT, name: <name on screen>}`"),
}

# Numbers YAML 1.1 reads differently from how a helpdesk means them: refused with the value to write.
CASES |= {
    "number with a leading zero": catalogue("approval_delay: {min: 1, max: 2, unit: days}", "approval_delay: {min: 1, max: 010}",
                                            "data/ern_catalogue.yaml:112:37: networks[1].guide.approval_delay.max: expected a number written plainly, got 010, which YAML reads as 8; write 10"),
    "number in base 60": catalogue("approval_delay: {min: 1, max: 2, unit: days}", "approval_delay: {min: 1, max: 1:30}",
                                   "data/ern_catalogue.yaml:112:37: networks[1].guide.approval_delay.max: expected a number written plainly, got 1:30, which YAML reads as 90; write 90"),
    "number with a leading zero, 060": catalogue("approval_delay: {min: 1, max: 2, unit: days}", "approval_delay: {min: 1, max: 060}",
                                                 "data/ern_catalogue.yaml:112:37: networks[1].guide.approval_delay.max: expected a number written plainly, got 060, which YAML reads as 48; write 60"),
    "hexadecimal number": catalogue("approval_delay: {min: 1, max: 2, unit: days}", "approval_delay: {min: 1, max: 0x10}",
                                    "data/ern_catalogue.yaml:112:37: networks[1].guide.approval_delay.max: expected a number written plainly, got 0x10, which YAML reads as 16; write 16"),
}

# Texts that would take long to read (Markdown's links cost the square of the '[' in a text): refused at once.
CASES |= {
    "a text of 10,000 brackets": Case("guides/fr/extra.yaml", None, "home.heading:\n  text: '" + "[" * 10000 + "'\n",
                                      ["guides/fr/extra.yaml:1:1: home.heading: the text is 10,000 characters long; a text may have at most 4,000 (split it into several texts)"]),
    "a text of many links": Case("guides/fr/extra.yaml", None, "home.heading:\n  text: '" + "[a](https://a.eu) " * 41 + "'\n",
                                 ["guides/fr/extra.yaml:1:1: home.heading: the text holds 41 '['; a text may hold at most 40 (a link takes one)"]),
    "a text of 60 KB of brackets and stars": Case("guides/fr/extra.yaml", None, "home.heading:\n  text: '" + "[*" * 30000 + "'\n",
                                                  ["guides/fr/extra.yaml:1:1: home.heading: the text is 60,000 characters long; a text may have at most 4,000 (split it into several texts)"]),
    "a hand-written page of 34,000 tags (102 KB)": Case("docs/tags.md", None, "# Tags\n\n" + "<a " * 34000 + "\n",
                                                      ["docs/tags.md:3:1: more than 300 '<' in the paragraph starting here; a paragraph may hold at most that many (Markdown would take minutes): split it"]),
    "a hand-written page of 10,000 brackets": Case("docs/brackets.md", None, "# Brackets\n\n" + "[" * 10000 + "\n",
                                                   ["docs/brackets.md:3:1: more than 300 '[' in the paragraph starting here; a paragraph may hold at most that many (Markdown would take minutes): split it"]),
}

# Translations that link elsewhere than their English: in any Markdown form, mail links with hidden recipients too;
# a link definition in one text would serve the links of every text on the page, so no text may hold one.
LINK_DEFINITION = ("a link definition ([name]: address) is not allowed in texts: the page's other texts could link "
                   "through it; write each link in full: [text](https://...)")
CASES |= {
    "translation adds a hidden mail link": Case("guides/fr/extra.yaml", None,
                                                "home.about:\n  text: \"Ecrivez au [helpdesk][h].\\n\\n[h]: mailto:helpdesk@ern-net.eu?bcc=spy@evil.example\"\n",
                                                [f"guides/fr/extra.yaml:1:1: home.about: {LINK_DEFINITION}"]),
    "translation adds a reference link": Case("guides/fr/steps.yaml", None,
                                         "step.request-access.simulator:\n  text: \"Entraînez-vous avec le [simulateur]({simulator}) pour {network} ; [aide][a].\\n\\n[a]: mailto:a@b.eu?cc=c@d.eu\"\n",
                                         [f"guides/fr/steps.yaml:1:1: step.request-access.simulator: {LINK_DEFINITION}"]),
    "translation split across two texts": Case("guides/fr/extra.yaml", None,
                                               "home.intro:\n  text: Ecrivez au [helpdesk][h].\nhome.about:\n  text: \"Voir.\\n\\n[h]: mailto:spy@evil.example\"\n",
                                               [f"guides/fr/extra.yaml:3:1: home.about: {LINK_DEFINITION}"]),
    "footnote-style link in a translation": Case("guides/fr/extra.yaml", None,
                                                 "home.about:\n  text: \"Voir la note[^1].\\n\\n[^1]: mailto:spy@evil.example?body=x\"\n",
                                                 [f"guides/fr/extra.yaml:1:1: home.about: {LINK_DEFINITION}"]),
    "translation re-points its link": Case("guides/fr/steps.yaml", None,
                                           "step.request-access.simulator:\n  text: Entraînez-vous avec le [simulateur](mailto:a@b.eu?cc=c@d.eu&bcc=e@f.eu&body=x) pour {network} ({simulator}).\n",
                                           ["guides/fr/steps.yaml:1:1: step.request-access.simulator: expected the links of the English text ({simulator}), got mailto:a@b.eu?cc=c@d.eu&bcc=e@f.eu&body=x: a translation links to what its English links to"]),
}

CASES |= {
    "HTML in a translation": Case("guides/fr/extra.yaml", None, "home.about:\n  text: Voir <b>ici</b><br>et là.\n",
                                  ["guides/fr/extra.yaml:1:1: home.about: HTML (<b>) is not allowed in texts: it would be shown as typed; use **bold**, a new line, or [a link](https://...)"]),
}

# Characters no text needs, written as YAML escapes (the raw ones are refused when the file is read).
CASES |= {
    f"escaped {name}": Case("guides/fr/extra.yaml", None, f'home.about:\n  text: "Voir{escape}ici"\n',
                            [f"guides/fr/extra.yaml:1:1: home.about: an invisible or private-use character (U+{code}), typed or written as a YAML escape; delete it"
                             + (f" (if your language's script needs it, allow it in typography.yaml: - {{allow: [U+{code}]}})" if code == "200D" else "")])
    for name, escape, code in (("C1 control", "\\x9b", "009B"), ("line separator", "\\u2028", "2028"),
                               ("NUL", "\\0", "0000"), ("private-use character", "\\ue001", "E001"),
                               ("right-to-left override", "\\u202e", "202E"), ("zero-width space", "\\u200b", "200B"),
                               ("zero-width joiner", "\\u200d", "200D"), ("left-to-right isolate", "\\u2066", "2066"),
                               ("byte order mark", "\\ufeff", "FEFF"), ("soft hyphen", "\\u00ad", "00AD"))
}

CASES |= {
    "hospital name with an escaped line separator": catalogue("{code: DE30, name: Universitätsklinikum Bonn}", '{code: DE30, name: "Universitäts\\u2028klinikum Bonn"}',
                                                              "data/ern_catalogue.yaml:109:32: networks[1].countries[0].hospitals[1].name: expected text on one line, without '<', '>' or invisible characters (however written: a YAML escape like \\u2028 too), got 'Universitäts\\u2028klinikum Bonn'"),
}

# The files beside the catalogue and texts, and links the build's scan would refuse: found by `check` first.
CASES |= {
    "empty English text file": Case("guides/en/site.yaml", None, "",
                                    ["guides/en/site.yaml:1:1: expected English texts (`key:` with its `text:` and `note:`), got an empty file; restore it (git checkout) or delete it"]),
    "English text linking off the allow-list": Case("guides/en/extra.yaml", None, "home.extra:\n  text: See [this](https://evil.example/x).\n  note: x\n  interface: true\n",
                                                    ["guides/en/extra.yaml:1:1: home.extra: a link to https://evil.example/x: evil.example is not on data/link_allowlist.yaml nor given by the catalogue"]),
    "allow-list without its field": Case("data/link_allowlist.yaml", None, "domain: [europa.eu]\n",
                                         ["data/link_allowlist.yaml:1:1: expected the field `domains:`, the list of domains pages may link to, got the fields domain"]),
    "allow-list with an address for a domain": Case("data/link_allowlist.yaml", None, "domains:\n  - europa.eu\n  - https://evil.example/x\n",
                                                    ["data/link_allowlist.yaml:3:5: domains[1]: expected a domain like 'europa.eu' (no https://, no path), got 'https://evil.example/x'"]),
    "allow-list not closed": Case("data/link_allowlist.yaml", None, "domains: [europa.eu\n",
                                  ["data/link_allowlist.yaml:2:1: the `[` on line 1 is not closed; end the entry with `]` on that line"]),
}

# Hand-written pages of docs/: `check` finds what the build would refuse in them.
CASES |= {
    "hand-written page nested too deep": Case("docs/deep.md", None, "# Deep\n\n" + "".join("    " * i + "- a\n" for i in range(300)),
                                              ["docs/deep.md:36:1: indented 33 levels deep; a page may nest lists at most 32 levels (is the indentation right?)"]),
    "hand-written page with a script": Case("docs/about.md", None, "# About\n\n<script>alert(1)</script>\n",
                                            ["docs/about.md:3:1: a <script> element without src"]),
    "hand-written page linking off the allow-list": Case("docs/about.md", None, "# About\n\nSee [this](https://evil.example/x).\n",
                                                         ["docs/about.md:3:1: <a href='https://evil.example/x'>: evil.example is not on data/link_allowlist.yaml nor given by the catalogue"]),
    "hand-written page the generator also makes": Case("docs/en/index.md", None, "# Home\n",
                                                       ["docs/en/index.md:1:1: hand-written, but the generator also makes this page; rename it"]),
}

# Hand-written files are published by kind, not by name (#35): pages are Markdown, read as browsers read HTML.
KIND = ("a kind of file docs/ does not publish; pages are Markdown (.md), and docs/ may also hold .txt, .pdf, "
        ".png, .jpg, .jpeg, .gif, .webp, .ico, .css files (endings in lower case): write the page in Markdown, or "
        "remove it")
HOST = ("a web host's settings file ({name}); the site's headers come from `ern-guides headers`, and docs/ may not "
        "redirect readers: remove it")
CASES |= {
    **{f"a hand-written page {name}": Case(f"docs/x{name}", None, "<script>alert(1)</script>", [f"docs/x{name}:1:1: {KIND}"])
       for name in (".HTML", ".Htm", ".xhtml", ".shtml", ".svg", ".xml", ".js", ".MD")},
    **{f"a host's settings file {name}": Case(f"docs/{name}", None, "/* https://evil.example 301!\n",
                                               [f"docs/{name}:1:1: " + HOST.format(name=name)])
       for name in ("_redirects", "_headers", "CNAME", ".htaccess", "netlify.toml", "vercel.json")},
    "a file taking a theme script's path": Case("docs/assets/javascripts/bundle.js", None, "alert(1)",
                                                ["docs/assets/javascripts/bundle.js:1:1: in a folder of the theme's own scripts and stylesheets, which every page loads; put it elsewhere, such as docs/assets/"]),
    "a page named with markup": Case("docs/<style>body{display:none}<!--.md", None, "# Page\n",
                                     ["docs/<style>body{display:none}<!--.md:1:1: a name with characters other than letters, digits, '.', '_' and '-' (names are shown in titles and menus); rename it"]),
    "a style that svg hides from a plain parser": Case("docs/about.md", None, "# About\n\n<svg><style><img src=x onerror=alert(1)></style></svg>\n",
                                                       ["docs/about.md:3:1: a <style> element (a hand-written page may not restyle the site)",
                                                        "docs/about.md:3:1: an event handler <img onerror=...>"]),
    "a style element in a hand-written page": Case("docs/about.md", None, "# About\n\n<style>body { display: none }</style>\n",
                                                   ["docs/about.md:3:1: a <style> element (a hand-written page may not restyle the site)"]),
    "a script with src in a hand-written page": Case("docs/about.md", None, "# About\n\n<script src=\"assets/x.js\"></script>\n",
                                                     ["docs/about.md:3:1: a <script> element (a hand-written page may carry no script)"]),
}

# A picture that would contradict its text: the guide asks for a profile its source's screen does not show.
CASES |= {
    "profile asked for but not on the screen": catalogue("      profiles: [hp, researcher]\n", "      profiles: [hp, researcher]\n      profile_screen: {profiles: [researcher], source: doc}\n",
                                                         "data/ern_catalogue.yaml:115:24: networks[1].guide.profile_screen.profiles: BETA's guide asks for hp, which this list of the screen does not show (researcher); add it if the source shows it, or ask for a profile it shows"),
}

# An English text that names an on-screen label it does not show in bold.
CASES |= {
    "label not in the text": Case("guides/en/extra.yaml", None, "home.extra:\n  labels: [Create an account]\n  text: Create your account.\n  note: x\n  interface: true\n",
                                  ["guides/en/extra.yaml:1:1: home.extra: expected the label 'Create an account' in bold in the text (**Create an account**): labels are the words of the live screen the text quotes"]),
}

# Invisible characters, over-long labels and days still to come, in the catalogue (#35).
LABEL = ("expected text on one line, without '<', '>' or invisible characters (however written: a YAML escape like "
         "\\u2028 too)")
CASES |= {
    "a right-to-left override in a hospital's name": catalogue(
        "Universitätsklinikum Tübingen}", "Universit\u202eätsklinikum Tübingen}",
        "data/ern_catalogue.yaml:108:32: networks[1].countries[0].hospitals[0].name: " + LABEL
        + ", got 'Universit\\u202eätsklinikum Tübingen'"),
    "a zero-width space in a label": catalogue(
        "label: ALPHA - First Test Diseases", "label: ALPHA\u200b - First Test Diseases",
        "data/ern_catalogue.yaml:95:12: networks[0].label: " + LABEL + ", got 'ALPHA\\u200b - First Test Diseases'"),
    "a NUL byte in a source's address": catalogue(
        "url: https://example.eu/doc", 'url: "https://example.eu/d\\0oc"',
        "data/ern_catalogue.yaml:3:10: sources[0].url: expected an https:// address without spaces, quotes or "
        "brackets (write ( as %28 and ) as %29), got 'https://example.eu/d\\x00oc'"),
    "a label of 400 characters": catalogue(
        "label: ALPHA - First Test Diseases", "label: ALPHA " + "x" * 394,
        "data/ern_catalogue.yaml:95:12: networks[0].label: expected text of at most 300 characters (a name, a title "
        "or a line of a screen), got 'ALPHA " + "x" * 394 + "'"),
    "a page read in 2999": catalogue(
        "consulted: 2026-01-15", "consulted: 2999-01-15",
        "data/ern_catalogue.yaml:5:16: sources[0].consulted: the day 2999-01-15 is still to come; a fact is checked, "
        "a page read or published, on a day that has been: is the year right?"),
}

# check says what the build would refuse (#35): a mail link with hidden recipients, written inline.
CASES |= {
    "a mail link with a hidden copy": Case("guides/en/networks.yaml", "comment-hint.speciality-neuro:\n",
                                           "x.write:\n  interface: true\n  note: A test.\n  text: '[Write to us](mailto:helpdesk@ern-net.eu?bcc=spy@evil.example).'\ncomment-hint.speciality-neuro:\n",
                                           ["guides/en/networks.yaml:3:1: x.write: a link to mailto:helpdesk@ern-net.eu?bcc=spy@evil.example: a mailto: link with parameters (?cc=, ?bcc=, ?body=...): recipients the reader does not see"]),
}


def _line_of(path: str, start: str) -> int:
    """The line of the project's file that starts with `start`: the English texts change, the case does not."""
    from pathlib import Path
    lines = (Path(__file__).resolve().parent.parent / path).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


# Messages that name the fix (#37): one cause, one message.
CASES |= {
    "hospitals written without `- `": catalogue(
        "        hospitals:\n          - {code: DE22, name: Universitätsklinikum Tübingen}\n          - {code: DE30, name: Universitätsklinikum Bonn}\n",
        "        hospitals:\n          code: DE22\n          name: Universitätsklinikum Tübingen\n",
        "data/ern_catalogue.yaml:107:9: networks[1].countries[0].hospitals: expected a list, got a mapping: begin each "
        "entry of the list with `- ` (`- {code: ..., name: ...}`, or `- ` before the first field of each entry)"),
    "a second country without `- `": catalogue(
        "      - country: DE\n        hospitals_complete: true\n", "      - country: DE\n        hospitals_complete: true\n        country: IT\n",
        "data/ern_catalogue.yaml:107:9: networks[1].countries[0].country: duplicate key 'country' (first written on "
        "line 105); if it starts another entry of the list, begin it with `- `"),
    "a hospital's fields without `- `, once": catalogue(
        "          - {code: DE30, name: Universitätsklinikum Bonn}\n",
        "          - code: DE30\n            name: Universitätsklinikum Bonn\n            code: DE31\n            name: Klinikum Köln\n",
        "data/ern_catalogue.yaml:111:13: networks[1].countries[0].hospitals[1].code: duplicate key 'code' (first "
        "written on line 109); if it starts another entry of the list, begin it with `- `"),
    "a misspelt field": catalogue(
        "      comment_hint:", "      coment_hint:",
        "data/ern_catalogue.yaml:113:20: networks[1].guide.coment_hint: unknown field 'coment_hint'; did you mean "
        "'comment_hint'?"),
    "a month that does not exist": catalogue(
        "    checked: 2026-01-15\n    contacts:", "    checked: 2026-13-06\n    contacts:",
        "data/ern_catalogue.yaml:100:14: networks[1].checked: expected a date like 2025-07-01, got '2026-13-06': "
        "there is no month 13 (months go from 01 to 12)"),
    "a day that does not exist": catalogue(
        "    checked: 2026-01-15\n    contacts:", "    checked: 2026-02-30\n    contacts:",
        "data/ern_catalogue.yaml:100:14: networks[1].checked: expected a date like 2025-07-01, got '2026-02-30': "
        "February 2026 has 28 days, not 30"),
    "a # in a name between braces": catalogue(
        "{code: DE30, name: Universitätsklinikum Bonn}", "{code: DE30, name: Universitätsklinikum #2 Bonn}",
        "data/ern_catalogue.yaml:109:32: YAML reads `#2 Bonn}` as a comment, so this value stops at "
        "`Universitätsklinikum`; if the `#` belongs to the value, put the whole value in quotes; if it starts a "
        "comment, put a space after it"),
    "a # in a label": catalogue(
        "    label: BETA - Second Test Diseases\n", "    label: BETA #2 - Second Test Diseases\n",
        "data/ern_catalogue.yaml:98:12: YAML reads `#2 - Second Test Diseases` as a comment, so this value stops at "
        "`BETA`; if the `#` belongs to the value, put the whole value in quotes; if it starts a comment, put a space "
        "after it"),
    "a misspelt placeholder in an English text": Case(
        "guides/en/site.yaml", "    This guide is for members of **{network_label}**",
        "    This guide is for members of **{network_lable}**",
        [f"guides/en/site.yaml:{_line_of('guides/en/site.yaml', 'guide.intro:')}:1: guide.intro: {{network_lable}} is "
         "not a placeholder this text's pages provide; did you mean {network_label}?"]),
}
