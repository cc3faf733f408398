"""Each source document's facts appear in the generated guide of its network, in its language.

The lists are transcribed from data/sources/ (see its README) and from web pages quoted in
issues: steps, warnings, URLs, on-screen labels, examples and per-network variations. Wording may differ; the fact may not go missing, unless the live
system has retired it: facts about a verification method are checked only while the catalogue has it in use;
once it is retired, the guide must say what changed instead.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import text_of_class
from generator.guides.guide import guide_for, pages_for

COMMON_REQUEST_SCREENS = [
    "https://cpms.ern-net.eu/login/", "To request authorisation to use", "Saas - Authorization System",
    "European Commission > DG Health and Food Safety > Saas", "Request access", "New application access",
    "Select application", "Select organisation", "Select access profile", "Recap and Submission",
    "[No value selected]", "Step 2 : select an organisation →", "25 records per page", "Search", "← Up", "Open",
    "Details", "0000 Guest Access", "Step 3 : select an access profile →", "Step 4 : type a comment →",
    "← Step 1 : select an application", "← Step 2 : select an organisation", "← Step 3 : select an access profile",
    "Organisation marked with (request submitted) can already be used to request access.",
    "Summary", "Application", "Organisation", "Access Profile", "Comments", "Before submitting",
    "A request to get access to an application will be validated by the administrators, this is a manual "
    "process and can take a few days.", "Submit request access",
]

# Screen 3's profiles with their descriptions, as each document shows them (ReCONNET's six; ERN-RND's slide four,
# EuroBloodNet's five; EURACAN's document has no picture of the screen: its guide shows the default six).
PROFILES = {
    "coordinator": "handles requests for assistance from ERN and has access to KPIs",
    "dispatcher": "handles requests for assistance on behalf of Coordinator",
    "hp": "healthcare professional available to participate in or lead panels",
    "panel-manager-ern": "Assists panel lead with managing panels at ERN level",
    "panel-manager-hcp": "Assists panel lead with managing panels at HCP level",
    "researcher": "can create or consult queries or reports on the anonymised data from the ERN",
}


def profiles(*ids: str) -> list[str]:
    return [PROFILES[i] for i in ids or PROFILES]


FACTS = {
    ("reconnet", "fr"): COMMON_REQUEST_SCREENS + profiles() + [
        "Créer votre compte EU Login", "https://webgate.ec.europa.eu/cas/eim/external/register.cgi",
        "Create an account", "e-mail de confirmation",
        "double authentification", "https://webgate.ec.europa.eu/cas", 
        "SMS", 
        "EU Login Mobile App", 
        "https://europa.eu/regions-and-cities/set-eu-login-two-factor-authentication_en",
        "CPMS Video animation guide", "COVID-19", "BOND - Bone Disorders",
        "ReCONNET - Connective Tissue and Musculoskeletal Diseases", "Entrée",
        "Austria", "Malta", "Italy", "IT04 - Civil Hospital - Brescia", "IT07 - University Hospital of Padova",
        "IT08 - AOU Pisana", "IT13 - AOU Careggi, Florence",
        "IT34 - Foundation IRCCS CA'Granda Ospedale Maggiore polyclinic - Milan",
        "IT37 - Foundation IRCCS Polyclinic San Matteo, Pavia", "IT42 - IRCCS AOU San Martino - Genoa",
        "IT61 - AO San Camillo Forlanini - Rome", "Showing 1 to 9 of 9 entries",
        "uniquement HP", "Coordinator", "Dispatcher", "Panel Manager ERN", "Panel Manager HCP", "Researcher",
        "informé par e-mail", "helpdesk.reconnet@ao-pisa.toscana.it", "panel",
        "Google Chrome, Firefox ou Safari", "Login via EU Login",
    ],
    ("ern-rnd", "en"): COMMON_REQUEST_SCREENS + profiles("coordinator", "dispatcher", "hp", "researcher") + [
        "https://webgate.ec.europa.eu/cas/eim/external/register.cgi", "First name", "Last name", "E-mail",
        "Confirm e-mail", "E-mail language", "privacy statement", "1 to 2 days",
        "AAC - Food Fraud", "BP-Portal", "Cosmetic Products Notification Portal (readonly)", "EIPAHA",
        "European Reference Networks", "Heidi Wiki", "IDB",
        "ERN-RND - Neurological Diseases", "eUROGEN - Urogenital Diseases", "PaedCAN - Paediatric Cancer",
        "Belgium", "Bulgaria", "Czech Republic", "France", "Germany", "Hungary", "Italy", "Lithuania",
        "Netherlands", "Poland", "Slovenia", "Spain", "United Kingdom",
        "DE03 - Klinikum der Universität München", "DE22 - Universitätsklinikum Tübingen",
        "DE30 - Universitätsklinikum Bonn", "DE36 - Universitätsklinikum Ulm",
        "DE42 - Universitätsklinikum Schleswig-Holstein", "Showing 1 to 6 of 6 entries", "HP",
        "Geneticist / pediatric neurologist / neuroradiologist",
        "three things", "Password",
        "Choose your verification method", 
        "quickest", "offline", "https://cpms.ern-net.eu", "Login via EU Login",
        "Mobile Phone + SMS",
        
        "4-digit PIN", "Scan QR Code",
        "ERN Dashboard", "Preferences", "Neurologist", "informed",
        "Cerebellar Ataxias and Spastic Paraplegias", "Choreas and Huntington's Disease",
        "Dystonias, paroxysmal disorders (nonepileptical ones) and Neurodegeneration with Brain Iron Accumulation",
        "Frontotemporal dementia", "Leukodystrophies",
        "Atypical parkinsonian syndromes: Genetic PD, Multisystem Atrophy, Progressive Supranuclear Palsy, "
        "Corticobasal degeneration", "latest version of Google Chrome",
    ],
    ("eurobloodnet", "en"): COMMON_REQUEST_SCREENS + profiles("coordinator", "dispatcher", "hp", "panel-manager-ern",
                                                              "panel-manager-hcp") + [
        "https://webgate.ec.europa.eu/cas/eim/external/register.cgi", "EuroBloodNet - Hematological Diseases",
        "Austria", "Belgium", "Liechtenstein", "BE03 - University Hospital Liége", "BE04 - Erasme Hospital",
        "BE05 - University Hospitals Saint-Luc", "BE10 - University Hospital Leuven",
        # (its sixth Belgian entry, whose code cannot be read, is a note for the helpdesk in the catalogue)
        "HP", "up to 3 days", "incomplete request cannot be validated", "new one",
        "https://ecas.ec.europa.eu/cas", 
        "Mobile Phone + SMS", "ERN Dashboard", "Preferences",
        "My professional role", "Amyloidosis", "Haemoglobinopathy", "Myelodysplastic syndrome (MDS)",
        "Myeloproliferative neoplasm (MPN)", "Rare lymphomas", "Update My Preferences",
        "latest version of Google Chrome or Firefox",
    ],
    ("euracan", "en"): COMMON_REQUEST_SCREENS + profiles() + [
        "ERN Collaborative Platform", "Access/request access to my network", "Create an Account", "First name",
        "Last name", "E-mail", "Enter the code", "grey window", "real", "No pseudonym!", "password",
        "junk", "two-factor authentication", "Google Play Store (Android)", "App Store (iOS)",
        "Windows Store (Windows Phone)", "Initialize", "https://ecas.ec.europa.eu/cas/mobile",
        "Add a mobile device", "Your device name", "My Android tablet", "My iPhone", "My blue Windows phone",
        "4 digits", "Your 4 digit PIN code", "Confirm your PIN code", "Submit", "checkmark", "QR code",
        "camera", "Authenticate", "notification", "Confirm", "Continue", 
        "https://ecas.ec.europa.eu/cas", 
        
        "Add", 
        
        "EURACAN - Adult Cancers", "Belgium", "Czech Republic", "Finland", "France",
        "FR01 - Assistance Publique-Hôpitaux de Paris, Hôpital Pitié-Salpêtrière",
        "FR03 - Assistance Publique-Hôpitaux de Paris, Hôpital Cochin", "FR12 - Hôpital Tenon",
        "FR18 - Centre Léon Bérard", "FR25 - Hospices Civils de Lyon", "FR36 - Institut Curie",
        "FR37 - Institut Gustave Roussy", "radio button", "HP, Researcher",
        "take part in or lead panels", "run queries and extract reports",
        "https://cpms.ern-net.eu", "Login via EU Login", "EU Login Mobile App QR Code", "Scan QR Code",
        "Code generated by your app", "Global Dashboard", "Preferences", "ERN", "My professional role",
        "Radiologist", "Oncologist", "Neuroendocrine tumors.", "Sarcoma of the soft tissue, bone and viscerae",
        "pauline.fouche@euracan.ern-net.eu",
    ],
    ("vascern", "en"): [
        "18m20s", "Requesting access to the system", "Walkthrough of Map, ERN and Centre application",
        "04m25s", "Using database and registries application", "https://cpms-training.ern-net.eu",
        "ERN coordinator", "SANTE-ERN-CPMS-ITSUPPORT@ec.europa.eu", "8 training accounts",
        "one Coordinator account", "Guest Virtual centre", "database/registry application", "5 regular HP",
        "To use non-eulogin users, click here (test only)", "No patient data", "guest access",
        "https://cpms.ern-net.eu", "https://ecas.ec.europa.eu/cas", 
        "Introduction to CPMS",
        "CPMS Webinar - ERN Coordinators", "User Manual", "Toolkit and Case Study for Health professionals",
        "FAQ", "ERN", "Preferences", "cannot be invited to panels", "My professional role", "Surgeon",
        "Hereditary Haemorrhagic Telangiectasia (HHT-WG)", "Heritable Thoracic Aortic Disease (HTAD-WG)",
        "Medium Sized Arteries (MSA-WG)", "Paediatric & Primary Lymphedema (PPL-WG)",
        "Vascular Anomalies (VASCA-WG)", "Update My Preferences",
    ],
}
# Facts of web pages quoted in issues, by the network whose pages they are (the pages are not stored here:
# the quotations are the transcript).
EURO_NMD_REQUEST = ["Request access", "CPMS", "Select organisation", "EURO-NMD - Neuromuscular Diseases", "Open",
                    "0000 Guest Access", "Select access profile", "Comments", "Submit request access"]
EURO_NMD_PAGES = ["https://ern-euro-nmd.eu/cpms-support/?a=10&c=4", "https://helpdesk.ern-euro-nmd.eu/cpms-support/?a=5",
                  "https://ern-euro-nmd.eu/cpms-support/?a=3&c=4"]
FACTS |= {
    ("euro-nmd", "en"): EURO_NMD_REQUEST + EURO_NMD_PAGES + [
        "EU Login, SAAS and the European Collaborative Platform", "Healthcare Provider", "match your profile",
        "guest user accounts last", "90 days in general", "0000 Guest Access", "Coordinator, Dispatcher", "HP",
        "standard access profile for doctors, nurses and professionals regulated in healthcare activities",
        "does not take part in panels", "anonymised data", "24 January 2019",
    ],
    ("euro-nmd", "fr"): EURO_NMD_REQUEST + EURO_NMD_PAGES + [
        "EU Login, SAAS et la European Collaborative Platform", "Healthcare Provider", "90 jours en général",
        "Coordinator, Dispatcher", "données anonymisées", "24 janvier 2019",
    ],
}

# Facts of the documents about one verification method each: among today's steps while the method is in use, in
# what the page keeps below them once it is retired.
METHOD_FACTS = {
    ("app-pin", "ern-rnd", "en"): ["EU Login Mobile App PIN Code", "Use your registered EU Login Mobile app to verify your identity."],
    ("app-qr", "ern-rnd", "en"): ["EU Login Mobile App QR Code", "Generate a one-time-password with the EU Login Mobile app."],
    ("token", "ern-rnd", "en"): ["Token", "Use a VASCO token to generate a one-time-password to login."],
    ("token-cram", "ern-rnd", "en"): ["Token CRAM"],
}
# Facts of the documents about signing in with SMS codes, which EU Login retired (see `verification_methods`).
SMS_FACTS = {
    ("reconnet", "fr"): ["My Account", "Manage my mobile phone numbers", "code de vérification unique", "SCAN QR CODE"],
    ("ern-rnd", "en"): ["https://webgate.ec.europa.eu/cas/userdata/myAccount.cgi", "Manage my mobile phone numbers", "Manage my mobile devices", "Send a text message to a registered mobile phone number for a multi-factor authentication.", "+32 123 45 67 89", "SMS text challenge", "several minutes"],
    ("eurobloodnet", "en"): ["cog wheel", "My Account", "Manage my mobile phone numbers", "Add a mobile phone number", "International format including country code, e.g. for Belgium: +32 123 45 67 89", "code you receive by SMS"],
    ("euracan", "en"): ["not be fully reliable", "My Account", "Manage my mobile phone numbers", "Add a mobile phone number", "Mobile phone number", "plus sign", "country code", "Do not include dots, parentheses or hyphens.", "eight characters", "hyphen", "up to 8 minutes", "Text message challenge code", "Finalise", "was added successfully"],
    ("vascern", "en"): ["cog wheel", "My Account", "Manage my mobile phone numbers", "Add a mobile phone number"],
}


def visible_text(page: Path, only: str | None = None, section: str | None = None) -> str:
    """The article's text as a reader sees it (tags removed, entities decoded, spaces collapsed); with `only`,
    just the text of the elements of that class; with `section`, just the part under that `<h2>` id."""
    body = page.read_text(encoding="utf-8")
    article = body[body.index("<article"):body.index("</article>")]
    if section:
        article = article[re.search(rf'<h2[^>]* id="{section}"', article).start():]
        end = article.find("<h2 ", 1)
        article = article[:end] if end > 0 else article
    if only:
        article = " ".join(text_of_class(article, only))
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", article)))


def guide_page(site: Path, network: str, language: str, page: str = "networks") -> Path:
    return site / ("" if language == "en" else language) / page / network / "index.html"


def documents_page(site: Path, catalogue, network_id: str, language: str) -> Path:
    """The network's page on the platform its documents describe: the first CPMS's, kept beside today's guide."""
    network = next(n for n in catalogue.networks if n.id == network_id)
    page = guide_for(catalogue, network, catalogue.earlier_platform(network)).page if \
        catalogue.earlier_platform(network) else guide_for(catalogue, network).page
    return site / ("" if language == "en" else language) / page / "index.html"


def as_listed(fact: str, catalogue, network_id: str) -> str:
    """A list's count as the picture says it today ("Showing 1 to 6 of 6 entries" in the document): a helpdesk
    that adds a hospital to the list makes it 7, rightly."""
    if not fact.startswith("Showing 1 to "):
        return fact
    network = next(n for n in catalogue.networks if n.id == network_id)
    guide = guide_for(catalogue, network, catalogue.earlier_platform(network))
    entry = next(e for e in network.countries if e.country == guide.example_country.code)
    rows = len(entry.hospitals) + 1  # "0000 Guest Access" first, then the hospitals
    return f"Showing 1 to {rows} of {rows} entries"


@pytest.mark.parametrize("network, language", FACTS.keys(), ids=[f"{n}-{lang}" for n, lang in FACTS])
def test_guide_says_what_its_source_document_says(built_site, catalogue, network, language):
    """Every fact of the seed documents, on the network's page on the platform they describe (VASCERN's welcome
    letter included, although VASCERN's own page describes CPMS 2.0)."""
    text = visible_text(documents_page(built_site, catalogue, network, language))
    facts = [as_listed(fact, catalogue, network) for fact in FACTS[network, language]]
    missing = [fact for fact in facts if re.sub(r"\s+", " ", fact) not in text]
    assert missing == []


METHOD_FACTS |= {("sms", network, language): facts for (network, language), facts in SMS_FACTS.items()}


@pytest.mark.parametrize("method, network, language", METHOD_FACTS.keys(), ids=["-".join(k) for k in METHOD_FACTS])
def test_method_facts_while_in_use_and_what_changed_once_retired(built_site, catalogue, method, network, language):
    """On the page of the platform the documents describe: a method's facts while in use; once retired, what
    changed, and the facts kept below today's steps, under a heading of their own that the box links."""
    page = documents_page(built_site, catalogue, network, language)
    text = visible_text(page)
    if catalogue.method(method).retired:
        assert catalogue.method(method).label in visible_text(page, only="ern-changed")
        body = page.read_text(encoding="utf-8")
        assert f'href="#kept-{method}"' in body and re.search(rf'<h2[^>]* id="kept-{method}"', body)
        text = visible_text(page, section=f"kept-{method}")
    missing = [fact for fact in METHOD_FACTS[method, network, language] if fact not in text]
    assert missing == []


def test_every_page_shows_its_own_procedure_with_checked_dates(built_site, catalogue):
    for network in catalogue.networks:
        for guide in pages_for(catalogue, network):
            expected = [step_id for step_id, _ in guide.steps]
            kept = [step_id for step_id, _ in guide.replaced]
            assert not kept or guide.platform.successor, f"{guide.page}: today's platform keeps no retired method's steps"
            for language in ("en", "fr"):
                page = (built_site / ("" if language == "en" else language) / guide.page / "index.html"
                        ).read_text(encoding="utf-8")
                shown = re.findall(r'<h2 id="([a-z0-9-]+)"', page)
                steps = [anchor for anchor in shown if anchor in catalogue.steps]
                assert steps == expected, f"{language} {guide.page}"
                # The steps of its procedure for a retired method, kept below today's.
                heading = re.search(r'<h2[^>]* id="kept-', page)
                assert bool(heading) == bool(kept), f"{language} {guide.page}"
                below = page[heading.start():] if heading else ""
                assert [a for a in re.findall(r'<h3[^>]* id="([a-z0-9-]+)"', below) if a in catalogue.steps] == kept
                assert page.count('class="ern-checked"') == len(expected) + len(kept), f"{language} {guide.page}"
