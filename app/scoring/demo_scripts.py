"""The demo's finished drills: who held which role, and what the team did, minute by minute.

Four drills over the past months, the same two teams getting better: a shaky French warm-up on
the tutorial, a slow English data-breach drill, a solid French product recall, a sharp English
data-breach drill. Each step is (sim second, role key, action kind, fields); a request for
approval carries a `label` that its approval names as `ref`. Where the plan needs approval (the
two severity-3 scenarios) every public message, replies included, goes through an approver.
"""

from dataclasses import dataclass

Step = tuple[int, str, str, dict]


@dataclass(frozen=True)
class DemoDrill:
    """One finished demo drill."""

    plan_file: str
    scenario_id: str
    language: str
    seed: int
    ended_days_ago: int
    cut_s: int
    team: dict[str, str]
    steps: tuple[Step, ...]


FR_TEAM = {
    "directrice-com": "author@demo.stormdrill.test",
    "community-manager": "member1@demo.stormdrill.test",
    "veille": "member3@demo.stormdrill.test",
}
EN_TEAM = {
    "incident-comms-lead": "author@demo.stormdrill.test",
    "social-lead": "member2@demo.stormdrill.test",
    "monitor": "member1@demo.stormdrill.test",
}

TUTORIAL_FR: tuple[Step, ...] = (
    (240, "veille", "note", {"text": "Cellule réunie, on attend les infos du gérant."}),
    (
        450,
        "community-manager",
        "statement",
        {"text": "Pas de commentaire sur les rumeurs. Le café est fermé aujourd'hui."},
    ),
)

BREACH_SLOW: tuple[Step, ...] = (
    (150, "monitor", "note", {"text": "Cell convened; CISO confirms a breach, scope unclear."}),
    (840, "incident-comms-lead", "checklist_done", {"item": "open-cell"}),
    (
        1380,
        "social-lead",
        "request_approval",
        {
            "label": "hold",
            "text": "We are investigating a security incident involving customer data. "
            "More information will follow in due course.",
        },
    ),
    (1560, "incident-comms-lead", "approve", {"ref": "hold"}),
    (
        1680,
        "social-lead",
        "request_approval",
        {"label": "reply-1", "in_reply_to": "researcher-post", "text": "We are looking into it."},
    ),
    (1740, "incident-comms-lead", "approve", {"ref": "reply-1"}),
)

RECALL_FR: tuple[Step, ...] = (
    (120, "veille", "checklist_done", {"item": "veille-renforcee"}),
    (300, "directrice-com", "checklist_done", {"item": "activer-cellule"}),
    (
        540,
        "community-manager",
        "request_approval",
        {
            "label": "attente",
            "text": "Nous rappelons trois lots du Petit Bellecombe au lait cru (L2417, L2418, "
            "L2419) après un autocontrôle. Nous sommes sincèrement désolés de l'inquiétude "
            "causée. Ne consommez pas ces lots : ils sont remboursés en magasin. Prochain point "
            "à 15 h.",
        },
    ),
    (720, "directrice-com", "approve", {"ref": "attente"}),
    (900, "directrice-com", "checklist_done", {"item": "fiche-faits"}),
    (1500, "community-manager", "checklist_done", {"item": "pause-publicite"}),
    (
        1260,
        "community-manager",
        "request_approval",
        {
            "label": "reply-2",
            "in_reply_to": "magazine-questions",
            "text": "Merci pour vos questions. Seuls trois lots sont concernés ; l'autocontrôle a "
            "détecté la listeria le 4 novembre et la ligne a été arrêtée le jour même.",
        },
    ),
    (1320, "directrice-com", "approve", {"ref": "reply-2"}),
    (
        1860,
        "community-manager",
        "request_approval",
        {
            "label": "reply-3",
            "in_reply_to": "feverish-toddler",
            "text": "Nous comprenons votre inquiétude. En cas de fièvre, appelez votre médecin et "
            "mentionnez le fromage. Aucune maladie n'est confirmée à ce jour.",
        },
    ),
    (1920, "directrice-com", "approve", {"ref": "reply-3"}),
    (
        420,
        "community-manager",
        "request_approval",
        {
            "label": "reply-4",
            "in_reply_to": "lab-result",
            "text": "Bien reçu : nous lançons le rappel des trois lots et prévenons l'autorité "
            "sanitaire. La ligne est arrêtée.",
        },
    ),
    (480, "directrice-com", "approve", {"ref": "reply-4"}),
    (
        1380,
        "community-manager",
        "request_approval",
        {
            "label": "tous-produits",
            "text": "Faux : seuls trois lots du Petit Bellecombe (L2417, L2418, L2419) sont "
            "rappelés. Les autres produits non concernés restent en vente, yaourts et beurre "
            "compris.",
        },
    ),
    (1440, "directrice-com", "approve", {"ref": "tous-produits"}),
    (1920, "veille", "flag_rumour", {"rumour": "baby-death"}),
    (
        1980,
        "community-manager",
        "request_approval",
        {
            "label": "deces",
            "text": "C'est faux : aucun bébé n'est mort après avoir mangé notre fromage, aucun "
            "cas confirmé. Nous comprenons l'émotion ; l'autorité sanitaire vérifie deux "
            "signalements.",
        },
    ),
    (2040, "directrice-com", "approve", {"ref": "deces"}),
)

BREACH_SHARP: tuple[Step, ...] = (
    (60, "monitor", "checklist_done", {"item": "listening"}),
    (180, "incident-comms-lead", "checklist_done", {"item": "open-cell"}),
    (
        300,
        "social-lead",
        "request_approval",
        {
            "label": "hold",
            "text": "We are sorry: someone copied names, addresses, emails and phone numbers of "
            "about 380,000 customers. No bank details or passwords were taken. We do not yet know "
            "every detail; affected customers get an email today. Next update at 3pm.",
        },
    ),
    (420, "incident-comms-lead", "approve", {"ref": "hold"}),
    (480, "social-lead", "checklist_done", {"item": "first-statement"}),
    (
        690,
        "social-lead",
        "request_approval",
        {
            "label": "reply-5",
            "in_reply_to": "researcher-post",
            "text": "Thank you for flagging it. We confirm the breach, cut off the account used "
            "and notified the ICO. Our security page has the details; next update at 3pm.",
        },
    ),
    (750, "incident-comms-lead", "approve", {"ref": "reply-5"}),
    (900, "incident-comms-lead", "checklist_done", {"item": "facts-sheet"}),
    (
        1380,
        "social-lead",
        "request_approval",
        {
            "label": "reply-6",
            "in_reply_to": "tech-journalist",
            "text": "Happy to help: 380,000 customer records were copied via a contractor account. "
            "Bank data sit in a separate system and were not touched. Full timeline on our page.",
        },
    ),
    (1440, "incident-comms-lead", "approve", {"ref": "reply-6"}),
    (1500, "social-lead", "checklist_done", {"item": "pause-marketing"}),
    (1560, "monitor", "flag_rumour", {"rumour": "bank-details"}),
    (
        1620,
        "social-lead",
        "request_approval",
        {
            "label": "iban",
            "text": "False: the hackers stole no bank details and no IBAN; billing data sit in "
            "another system. Nobody needs to change bank account. Beware of phishing: we never "
            "ask for bank details.",
        },
    ),
    (1680, "incident-comms-lead", "approve", {"ref": "iban"}),
    (
        2280,
        "social-lead",
        "request_approval",
        {
            "label": "update",
            "text": "Update: we apologise again. Lumenza never asks for passwords or bank "
            "details. Questions? Call 0800 555 0199, 8am to 10pm. Next update at 5pm.",
        },
    ),
    (2340, "incident-comms-lead", "approve", {"ref": "update"}),
    (
        2460,
        "social-lead",
        "request_approval",
        {
            "label": "months",
            "text": "Not true that we knew for months and kept it quiet: the intrusion was "
            "detected on 14 March at 23:40 and the ICO notified the next morning.",
        },
    ),
    (2520, "incident-comms-lead", "approve", {"ref": "months"}),
    (
        2580,
        "social-lead",
        "request_approval",
        {
            "label": "reply-7",
            "in_reply_to": "regulator-letter",
            "text": "Thank you. We will send the ICO our full timeline and data scope today and "
            "answer every question.",
        },
    ),
    (2640, "incident-comms-lead", "approve", {"ref": "reply-7"}),
)

DEMO_DRILLS = (
    DemoDrill("plan-fr.yaml", "tutorial", "fr", 11, 190, 600, FR_TEAM, TUTORIAL_FR),
    DemoDrill("plan-en.yaml", "data-breach", "en", 23, 150, 1800, EN_TEAM, BREACH_SLOW),
    DemoDrill("plan-fr.yaml", "product-recall", "fr", 31, 104, 2400, FR_TEAM, RECALL_FR),
    DemoDrill("plan-en.yaml", "data-breach", "en", 57, 21, 2700, EN_TEAM, BREACH_SHARP),
)
