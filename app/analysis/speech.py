"""How a text speaks: apology (full or conditional), accountability or blame, contempt, refusal."""

import re
from dataclasses import dataclass
from functools import lru_cache

from app.analysis.frame import is_negated
from app.analysis.types import ApologyKind, BlameTarget, Span

_THIRD_EN = r"(supplier|contractor|subcontractor|partner|provider|vendor|carrier|manufacturer)s?"
_THIRD_FR = r"(fournisseur|prestataire|sous-traitant|partenaire|transporteur|fabricant)s?"
_PUBLIC_EN = r"(customers?|users?|people|clients?|some|parents|passengers?|consumers?|drivers?)"
_PUBLIC_FR = r"(clients?|utilisateurs?|usagers?|consommateurs?|certains|parents|passagers?)"
PATTERNS: dict[str, dict[str, str]] = {
    "apology": {
        "en": r"\b(we|i)( are| am|'re|'m)? (truly |very |deeply |so |sincerely |really )*(sorry"
        r"|apologi[sz]e|regret)|\b(our|my) (sincere |deepest |heartfelt )*apolog|\bwe owe you an"
        r" apology|\bplease accept our apolog",
        "fr": r"\bnous nous excusons|\bnous (vous )?presentons (toutes )?nos (plus )?(sinceres )?"
        r"excuses|\b(toutes )?nos excuses|\bpardon\b|\bnous sommes (sincerement |vraiment "
        r"|profondement )*(desoles|navres)|\bdesoles\b|\bnavres\b|\bnous regrettons",
    },
    "conditional": {
        "en": r"\b(if|to anyone who|to those who|for anyone who|that (some|you|anyone|people) "
        r"(felt|feel|were|was|chose|may|might|found|took)|for any (offen|upset|misunderst)\w*|you"
        r" feel|may have (been )?(offend|upset|caus)\w*)",
        "fr": r"\b(si|a ceux qui|a celles et ceux qui|aupres de ceux qui|a toute personne qui|que"
        r" certains|que vous (ayez|ressent)\w*|aurait pu|a pu (paraitre|sembler|choquer|blesser)"
        r"|pour tout malentendu)\b",
    },
    "accountability": {
        "en": r"\b(our (own )?(fault|mistake|error|responsibility|failure)|we (take|accept) (full "
        r"|complete |total )?(responsibility|accountability|the blame)|we are (fully |entirely )?"
        r"(responsible|accountable|to blame)|we (got (this|it) wrong|made (a|this|an) (mistake|"
        r"error)|failed|let you down|should have)|this should (not|never) have happened|it was us)",
        "fr": r"\b(notre (propre )?(faute|erreur|responsabilite)|(nous )?(assumons|prenons|"
        r"reconnaissons) (l'entiere |toute |la |notre |pleinement )*(responsabilite|erreur|faute)"
        r"|nous (sommes|etions) (pleinement |entierement )?responsables|nous avons (failli|"
        r"commis une erreur|fait une erreur)|nous nous sommes trompes|n'aurait (jamais|pas) du "
        r"(arriver|se produire))",
    },
    "blame_third_party": {
        "en": rf"\b((fault|blame|responsibility) (lies|rests|is) (entirely |solely |squarely |"
        rf"fully )?(with|on) (a |an |the |our |one of our )?\w* ?{_THIRD_EN}|(caused|triggered) "
        rf"by (a |an |the |our |one of our )?\w* ?{_THIRD_EN}|{_THIRD_EN}('s)? (is |are |was |"
        rf"were )?(solely |entirely )?(to blame|at fault|responsible|fault|error|failure|negligen"
        rf"ce|mistake))",
        "fr": rf"\b((faute|responsabilite) (incombe|revient|est imputable) (entierement |"
        rf"uniquement |totalement )?(a|au) (notre |un |le |nos |l'un de nos )?\w* ?{_THIRD_FR}|"
        rf"(imputable|due?|causee?) (a|au|par) (notre |un |le |nos )?{_THIRD_FR}|{_THIRD_FR} (est"
        rf" |sont )?(seuls? |entierement )?(responsables?|en cause|fautifs?)|(faute|erreur) (de|"
        rf"du|d'un) (notre )?{_THIRD_FR})",
    },
    "blame_victims": {
        "en": rf"\b({_PUBLIC_EN}( who)? (did not|didn't|failed to|ignored|misused|should have|"
        rf"chose to|refused to)|(user|customer|human|operator) error|misuse|improper use)\b",
        "fr": rf"\b({_PUBLIC_FR}( qui)? (n'ont pas|ont mal|auraient du|ont ignore|ont choisi)|"
        rf"mauvaise utilisation|erreur (humaine|de l'utilisateur|des utilisateurs))",
    },
    "contempt": {
        "en": r"\b(idiots?|stupid|morons?|clowns?|hysteri\w*|ridiculous|pathetic|ignorant|whin\w+"
        r"|crybab\w+|grow up|get a life|shame on (them|you)|should be ashamed|thugs?|lunatic\w*"
        r"|snowflakes?|nonsense)\b",
        "fr": r"\b(bande de|voyous?|idiots?|imbeciles?|abrutis?|cretins?|hysteri\w*|ridicules?"
        r"|pathetiques?|devraient avoir honte|honte a (eux|vous)|n'importe quoi|pleurnich\w*"
        r"|guignols?|excites)\b",
    },
    "sarcasm": {
        "en": r"\b(oh (sure|great|wonderful|please)|yeah,? right|thanks for nothing|congratulat"
        r"ions to (those|everyone) who|good luck with that|as if|what a surprise|so-called)\b"
        r"|🙄|\"experts?\"",
        "fr": r"\b(bravo a (ceux|celles|tous)|merci du conseil|quelle surprise|c'est ca,? oui"
        r"|soi-disant experts?|grand bien (leur|vous) fasse)\b|«\s*experts?\s*»|🙄",
    },
    "refusal": {
        "en": r"\b(no comment|(we|i) (do|will|can|would) not comment|(we|i) (decline|refuse) to"
        r" comment|we (will|can) not (discuss|share|say|answer|disclose)|nothing (further )?to (s"
        r"ay|add)|(ongoing|pending) (legal|judicial) (proceedings|action|investigation|litigatio"
        r"n)|on (the )?(advice|instructions?) of (our )?(counsel|lawyers|legal)|without prejudice"
        r"|we reserve (all )?(our|the) rights?|not in a position to comment|cannot comment)\b",
        "fr": r"\b(pas de commentaire|aucun commentaire|sans commentaire|nous ne (faisons|ferons)"
        r" (aucun|pas de) commentaire|nous ne (commentons|commenterons) pas|nous ne souhaitons "
        r"pas (nous exprimer|commenter|repondre)|rien a ajouter|procedure (judiciaire|juridique)"
        r" en cours|sur (les )?conseils? de nos (avocats|conseils)|sous toutes reserves|nous nous"
        r" reservons le droit|nous reservons (tous )?nos droits|pour des raisons juridiques)\b",
    },
    "transparency": {
        "en": r"\b(what we know|what we (do not|don't) (yet )?know|we (do not|don't) yet know|we "
        r"(have )?confirmed|so far|at this stage|we will (share|keep you|publish)|as soon as we "
        r"know|here is what)\b",
        "fr": r"\b(ce que nous savons|ce que nous ne savons pas|nous ne savons pas encore|a ce "
        r"stade|pour l'instant|nous (avons )?confirm\w*|nous (partagerons|publierons|vous "
        r"tiendrons informe\w*)|des que nous (en )?saurons|voici ce que)\b",
    },
}
_NEGATABLE = ("apology", "accountability", "blame_third_party")


@lru_cache(maxsize=2)
def compiled(language: str) -> dict[str, re.Pattern[str]]:
    """The patterns of one language, compiled once."""
    return {name: re.compile(by_lang[language]) for name, by_lang in PATTERNS.items()}


@dataclass(frozen=True)
class Voice:
    """The apology, accountability or blame, and the contempt or refusal a text shows."""

    apology: ApologyKind
    accountable: bool
    denies_responsibility: bool
    blames: tuple[BlameTarget, ...]
    contempt: bool
    sarcasm: bool
    refusal: bool
    transparency: bool
    evidence: dict[str, Span]


def read_voice(folded: str, raw: str, clauses: list[tuple[int, int, bool]], language: str) -> Voice:
    """Read the voice clause by clause; a negated clause turns apology/blame into its refusal."""
    patterns = compiled(language)
    found: dict[str, Span] = {}
    negated_hits: set[str] = set()
    conditional = False
    for start, end, negated in clauses:
        for name, pattern in patterns.items():
            match = pattern.search(folded, start, end)
            if match is None or name in found:
                continue
            rest = folded[start : match.start()] + " " + folded[match.end() : end]
            if negated and name in _NEGATABLE and is_negated(rest, language):
                negated_hits.add(name)
                continue
            found[name] = Span(start, end, raw[start:end], name)
            if name == "apology":
                # The condition follows the apology within its sentence: "sorry, if anyone…".
                after = re.split(r"[.;!?]", folded[match.end() : match.end() + 70])[0]
                conditional = patterns["conditional"].search(after) is not None
    apology: ApologyKind = "none"
    if "apology" in found:
        apology = "conditional" if conditional else "full"
    blames = tuple(t for t in ("third_party", "victims") if f"blame_{t}" in found)
    return Voice(
        apology=apology,
        accountable="accountability" in found and not blames,
        denies_responsibility="accountability" in negated_hits,
        blames=blames,  # type: ignore[arg-type]
        contempt="contempt" in found,
        sarcasm="sarcasm" in found,
        refusal="refusal" in found,
        transparency="transparency" in found and "refusal" not in found,
        evidence=found,
    )
