"""Natural variation: how each kind of account writes the same words (openers, closers, emoji,
casing, typos, abbreviations, extra hashtags), per language.

Applied once per template reading when a drill's content is prepared, never per post. Slots
(`{brand}`), handles, hashtags and links are left untouched.
"""

# Registers: how much an account type bends its writing.
CASUAL = frozenset(
    {"angry_customer", "worried_customer", "troll", "supporter", "local_resident", "employee"}
)
LOUD = frozenset({"influencer", "activist"})
FORMAL = frozenset({"journalist", "regulator", "expert"})
OPENERS = {
    "en": {
        "negative": "wow.|unreal.|honestly|ok so|seriously,|right,|so|not gonna lie|um|oh great.",
        "neutral": "quick q:|hi,|hey|so|question:|genuine question,|ok|hello?",
        "positive": "tbh|honestly|fair play,|ngl|credit where due,|ok",
    },
    "fr": {
        "negative": "sérieux|franchement|bon.|incroyable.|alors là|j'hallucine|bref|euh|génial.",
        "neutral": "petite question :|bonjour,|du coup|question :|salut,|bon|hello",
        "positive": "franchement|perso|bon|honnêtement|faut reconnaître,|ok",
    },
}
CLOSERS = {
    "en": {
        "negative": "smh|😡|🙄|!!|ffs|unbelievable|😤|...|joke|👎|so done",
        "neutral": "?|🤔|anyone?|thx|🙏|cheers|??|x",
        "positive": "👏|🙏|respect|❤️|👍|fair enough|good on them",
    },
    "fr": {
        "negative": "😡|🙄|n'importe quoi|pfff|honteux|!!|...|lamentable|👎|ras le bol",
        "neutral": "🤔|merci d'avance|?|🙏|des infos ?|??|merci",
        "positive": "👏|chapeau|🙏|❤️|👍|bravo|respect",
    },
}
ABBREVIATIONS = {
    "en": (
        ("you ", "u "),
        ("your ", "ur "),
        ("because", "bc"),
        ("people", "ppl"),
        ("please", "pls"),
        ("though", "tho"),
        ("really", "rly"),
        ("I don't know", "idk"),
        ("tonight", "tonite"),
        ("with ", "w/ "),
    ),
    "fr": (
        ("pourquoi", "pk"),
        ("beaucoup", "bcp"),
        ("quelque chose", "qqch"),
        ("s'il vous plaît", "svp"),
        ("je sais pas", "jsp"),
        ("aujourd'hui", "auj"),
        ("vraiment", "vrmt"),
        ("toujours", "tjrs"),
        ("quand même", "qd même"),
    ),
}
HEADS = {
    "journalist": {
        "en": "UPDATE:|NEW:|Latest:|Developing:|Now:|Follow-up:|On our live page:|||",
        "fr": "INFO —|DIRECT —|À LA UNE :|NOUVEAU :|Suivi :|En direct :|Actualisation :|||",
    },
    "regulator": {
        "en": "Update:|Reminder:|Important:|Public information:|||",
        "fr": "Point de situation :|Rappel :|Important :|Information du public :|||",
    },
    "expert": {
        "en": "For context:|Quick note:|PSA:|A word of caution:|To be clear:|||",
        "fr": "Pour info :|Petit rappel :|Pour remettre en contexte :|Précision :|Attention :|||",
    },
}
TAILS = {
    "journalist": {
        "en": "More soon.|Story updating.|(1/2)|Details to follow.|Live updates on our site.|"
        "Thread below.|We have asked for comment.|||",
        "fr": "Plus d'infos à venir.|Article mis à jour.|(1/2)|Suite à venir.|"
        "Suivi en direct sur notre site.|Détails dans le fil.|Nous avons demandé une réaction.|||",
    },
    "regulator": {
        "en": "Details on our website.|We will update this notice.|Please share.||",
        "fr": "Détails sur notre site.|Cette information sera mise à jour.|Merci de relayer.||",
    },
    "expert": {
        "en": "Happy to answer questions.|Thread below.|Sources in replies.|My two cents.|||",
        "fr": "Questions bienvenues.|Sources en réponse.|Mon avis, pour ce qu'il vaut.|||",
    },
}
_PROTECTED = ("{", "}", "@", "#", "http", "[", "]")
# Synonyms per register and language: each group's words may stand for one another. Whole words,
# matched in lower case; the casual groups only for the crowd, the formal ones for everybody. A
# group holds one gender only (« énervé|furieux »; a word of either gender, « lamentable », only
# with its kind: « une réponse lamentable » must not become « une réponse honteux »), so a swap
# never breaks agreement, and one part of speech with one construction (no « group », which is
# also a chat group, no « asked », whose « asked who » « pressed » cannot follow, no « super »,
# which is also an adverb, no « tells us » for « says », nor « concerned » (worried) or
# « involved » (« the staff involved », « no agency was involved ») for « affected »), so a
# swap never breaks the sentence nor turns its meaning.
SYNONYMS = {
    "casual": {
        "en": (
            "angry|furious|livid|fuming|raging",
            "ridiculous|absurd|pathetic|a joke|unreal",
            "disgusting|shameful|disgraceful|appalling",
            "honestly|seriously|frankly|genuinely",
            "worried|scared|anxious|nervous",
            "great|brilliant|fantastic",
            "terrible|awful|dreadful|rubbish",
            "lol|lmao|haha|😂",
            "kids|children|little ones",
        ),
        "fr": (
            "énervé|furieux|remonté|en rogne",
            "ridicule|absurde|pathétique|grotesque|lunaire",
            "honteux|scandaleux",
            "franchement|sérieusement|honnêtement|vraiment",
            "génial|trop bien",
            "lamentable|catastrophique|pitoyable",
            "mdr|ptdr|lol|😂",
            "enfants|gamins|petits bouts",
        ),
    },
    "formal": {
        "en": (
            "says|states|confirms",
            "said|stated|confirmed",
            "customers|consumers|clients",
            "company|firm",
            "affected|impacted",
            "reports|claims",
            "currently|at this stage|for now",
        ),
        "fr": (
            "indique|affirme|confirme|précise",
            "a indiqué|a affirmé|a confirmé|a précisé",
            "clients|consommateurs|usagers",
            "entreprise|société",
            "concernés|touchés|visés",
            "signalements|témoignages",
            "actuellement|à ce stade|pour l'instant",
        ),
    },
}


def vary(
    text: str, persona: str, sentiment: str, language: str, tags: list[str], rng, ends: bool = True
) -> str:
    """One way this kind of account would write `text`; `ends`: whether the post ends with it
    (a closer or a hashtag tacked on; not before more words: "Respect. fair enough thank you…")."""
    text = _synonyms(text, language, persona not in FORMAL, rng)
    if persona in FORMAL:
        head = rng.choice(HEADS[persona][language].split("|"))
        tail = rng.choice(TAILS[persona][language].split("|"))
        return " ".join(part for part in (head, text, tail) if part)
    if persona == "bot":
        return _bot(text, tags, rng)
    mood = sentiment if sentiment in OPENERS[language] else "neutral"
    words = text
    if rng.random() < 0.3:
        words = _abbreviate(words, language, rng)
    if persona in CASUAL and rng.random() < 0.12:
        words = _typo(words, rng)
    if rng.random() < 0.35:
        opener = rng.choice(OPENERS[language][mood].split("|"))
        words = f"{opener} {_lower_first(words)}"
    if ends and rng.random() < (0.5 if persona in LOUD else 0.35):
        words = closed(words, rng.choice(CLOSERS[language][mood].split("|")), language)
    if persona in CASUAL and rng.random() < 0.3:
        words = _lower(words)
    fresh = _fresh_tags(words, tags) if ends else []
    if fresh and rng.random() < 0.15 and "{hashtag}" not in words:
        words = f"{words} {rng.choice(fresh)}"
    return words


def closed(text: str, closer: str, language: str) -> str:
    """`text` with a closer tacked on as people type it. A closer of marks only (« ?? », « !! »,
    « ... ») adds to the marks the text ends with rather than following them (« hand??? », never
    « hand? ?? » nor « hand?? ... »), and in English it sits against the last word (« brilliant!! »,
    not « brilliant !! »); French spaces ? and ! off, not the ellipsis (« n'importe quoi... »)."""
    text = text.rstrip(".")
    if closer.strip("?!."):
        return f"{text} {closer}"
    if text.endswith(("?", "!")):
        return text + closer.strip(".")
    if language == "fr" and closer[0] in "?!":
        return f"{text} {closer}"
    return text + closer


def _fresh_tags(text: str, tags: list[str]) -> list[str]:
    """The hashtags the text does not carry yet: nobody writes the same one twice."""
    lowered = text.lower()
    return [tag for tag in tags if tag.lower() not in lowered]


def _synonyms(text: str, language: str, casual: bool, rng) -> str:
    """Each word of a synonym group, half the time, swapped for another of its group."""
    registers = ("casual", "formal") if casual else ("formal",)
    table = _SYNONYM_TABLES[language]
    out = []
    for word in text.split(" "):
        group = None
        for register in registers:
            group = table[register].get(word.lower())
            if group:
                break
        swapped = rng.choice(group) if group and rng.random() < 0.5 else word
        out.append(swapped[:1].upper() + swapped[1:] if word[:1].isupper() else swapped)
    return " ".join(out)


def _bot(text: str, tags: list[str], rng) -> str:
    """Bots shout, stack hashtags and emoji."""
    words = _upper(text) if rng.random() < 0.3 else text
    fresh = [] if "{hashtag}" in text else _fresh_tags(text, tags)  # the slot may draw any
    extra = rng.sample(fresh, k=min(len(fresh), rng.randrange(0, 3))) if fresh else []
    emoji = rng.choice(["", "🚨", "⚠️", "👉", "🔥", "‼️", "📢"])
    return " ".join(part for part in (emoji, words, *extra) if part)


def _abbreviate(text: str, language: str, rng) -> str:
    """One or two common shortenings."""
    found = [pair for pair in ABBREVIATIONS[language] if pair[0] in text]
    for long, short in rng.sample(found, k=min(len(found), 2)):
        text = text.replace(long, short, 1)
    return text


def _typo(text: str, rng) -> str:
    """One slip of the thumb in a word of five letters or more: swapped, doubled or dropped."""
    words = text.split(" ")
    candidates = [
        i
        for i, w in enumerate(words)
        if len(w) >= 5 and w.isalpha() and not any(mark in w for mark in _PROTECTED)
    ]
    if not candidates:
        return text
    index = rng.choice(candidates)
    word = words[index]
    at = rng.randrange(1, len(word) - 2)
    slip = rng.randrange(3)
    if slip == 0:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    elif slip == 1:
        word = word[:at] + word[at] + word[at:]
    else:
        word = word[:at] + word[at + 1 :]
    words[index] = word
    return " ".join(words)


def _upper(text: str) -> str:
    """All capitals, except slots, handles, hashtags and links."""
    return " ".join(
        w if any(mark in w for mark in _PROTECTED) else w.upper() for w in text.split(" ")
    )


def _lower(text: str) -> str:
    """All lower case, except slots, handles, hashtags and links."""
    return " ".join(
        w if any(mark in w for mark in _PROTECTED) else w.lower() for w in text.split(" ")
    )


def _lower_first(text: str) -> str:
    """The first letter lowered, unless the first word is shouted, a slot or a name-like tag."""
    first = text.split(" ", 1)[0]
    if not first or first.isupper() or any(mark in first for mark in _PROTECTED):
        return text
    return text[0].lower() + text[1:]


def _tables() -> dict[str, dict[str, dict[str, tuple[str, ...]]]]:
    """Word → its synonym group, per language and register (single words only are keys)."""
    tables: dict = {}
    for register, by_language in SYNONYMS.items():
        for language, groups in by_language.items():
            table = tables.setdefault(language, {}).setdefault(register, {})
            for group in groups:
                words = tuple(group.split("|"))
                for word in words:
                    if " " not in word:
                        table.setdefault(word.lower(), words)
    return tables


_SYNONYM_TABLES = _tables()
