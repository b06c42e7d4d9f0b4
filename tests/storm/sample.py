"""A small but complete scenario built in Python, for the storm tests and benchmarks."""

from app.scenarios.models import Scenario

PERSONAS = (
    "angry_customer",
    "worried_customer",
    "journalist",
    "influencer",
    "troll",
    "bot",
    "supporter",
    "regulator",
)
STORM = {
    "en": [
        (
            "angry_customer",
            "negative",
            "My kid ate {product} from {brand} last week. SERIOUSLY?? {hashtag}",
        ),
        (
            "angry_customer",
            "negative",
            "{brand_handle} recall notice at {time} and still nothing on your site smh",
        ),
        (
            "angry_customer",
            "neutral",
            "ok so which batches of {product} are affected? asking for real",
        ),
        (
            "worried_customer",
            "negative",
            "Bought {product} in {author_city}, is it safe?? {brand_handle} please answer",
        ),
        (
            "worried_customer",
            "neutral",
            "Anyone know if the {product} sold in {city} is part of the recall?",
        ),
        (
            "worried_customer",
            "positive",
            "Thanks to the store in {author_city} for taking it back, quick refund",
        ),
        (
            "journalist",
            "neutral",
            "{brand}: how many units of {product} were shipped before the recall? DM open",
        ),
        (
            "journalist",
            "negative",
            "Sources say {brand} knew about the issue for {number} days. Story soon.",
        ),
        ("influencer", "negative", "Not buying {brand} again ngl. {hashtag}"),
        ("influencer", "neutral", "Thread on what we know about the {product} recall 🧵"),
        ("troll", "negative", "lol {brand} poisoning people again, what a surprise {hashtag}"),
        ("bot", "negative", "{hashtag} {hashtag} BREAKING {brand} recall {number} products"),
        (
            "supporter",
            "positive",
            "Been eating {brand} for years, they'll sort it out. Calm down people",
        ),
        ("supporter", "neutral", "Let's wait for facts before piling on {brand_handle}"),
        (
            "regulator",
            "neutral",
            "Official notice: recall of {product} (lots {number}). Do not consume.",
        ),
    ],
    "fr": [
        (
            "angry_customer",
            "negative",
            "Mon fils a mangé du {product} de chez {brand} la semaine dernière. SÉRIEUX ??",
        ),
        (
            "angry_customer",
            "negative",
            "{brand_handle} avis de rappel à {time} et toujours rien sur votre site",
        ),
        (
            "angry_customer",
            "neutral",
            "bon alors quels lots de {product} sont concernés ? je demande vraiment",
        ),
        (
            "worried_customer",
            "negative",
            "Acheté du {product} à {author_city}, c'est dangereux ?? {brand_handle} répondez svp",
        ),
        (
            "worried_customer",
            "neutral",
            "Quelqu'un sait si le {product} vendu à {city} est rappelé ?",
        ),
        ("worried_customer", "positive", "Merci au magasin de {author_city}, remboursé direct"),
        (
            "journalist",
            "neutral",
            "{brand} : combien d'unités de {product} livrées avant le rappel ? DM ouverts",
        ),
        (
            "journalist",
            "negative",
            "Selon nos infos, {brand} savait depuis {number} jours. Article à suivre.",
        ),
        ("influencer", "negative", "Jsuis plus jamais client de {brand} franchement. {hashtag}"),
        ("influencer", "neutral", "Thread sur ce qu'on sait du rappel de {product} 🧵"),
        (
            "troll",
            "negative",
            "mdr {brand} qui empoisonne encore les gens, quelle surprise {hashtag}",
        ),
        ("bot", "negative", "{hashtag} {hashtag} URGENT {brand} rappel {number} produits"),
        (
            "supporter",
            "positive",
            "Je mange {brand} depuis des années, ils vont gérer. Calmez-vous",
        ),
        ("supporter", "neutral", "Attendons les faits avant de tomber sur {brand_handle}"),
        (
            "regulator",
            "neutral",
            "Avis officiel : rappel de {product} (lots {number}). Ne pas consommer.",
        ),
    ],
}
CONTEXTS = {
    "en": [
        (
            "rumour",
            "angry_customer",
            "negative",
            "Heard the {product} came from a factory in {city} that was shut down years ago?!",
            "factory",
        ),
        (
            "rumour",
            "troll",
            "negative",
            "{brand} is hiding that {number} kids are in hospital {hashtag}",
            "hospital",
        ),
        ("rumour", "bot", "negative", "SHARE: {brand} hospital cover-up {hashtag}", "hospital"),
        (
            "reply_good",
            "worried_customer",
            "positive",
            "Thank you for being clear, that helps",
            None,
        ),
        (
            "reply_good",
            "supporter",
            "positive",
            "This is how you handle it. Respect {brand_handle}",
            None,
        ),
        (
            "reply_bad",
            "angry_customer",
            "negative",
            "Are you kidding me? That's your answer?? {hashtag}",
            None,
        ),
        (
            "reply_bad",
            "journalist",
            "negative",
            "{brand} refuses to answer basic questions about {product}.",
            None,
        ),
        (
            "silence",
            "angry_customer",
            "negative",
            "{number} hours and not a word from {brand_handle}. Cool cool.",
            None,
        ),
        (
            "silence",
            "journalist",
            "neutral",
            "{brand} has not responded to our requests for comment.",
            None,
        ),
    ],
    "fr": [
        (
            "rumour",
            "angry_customer",
            "negative",
            "Il paraît que le {product} vient d'une usine à {city} fermée depuis des années ?!",
            "factory",
        ),
        (
            "rumour",
            "troll",
            "negative",
            "{brand} cache que {number} enfants sont à l'hôpital {hashtag}",
            "hospital",
        ),
        (
            "rumour",
            "bot",
            "negative",
            "PARTAGEZ : {brand} cache les hospitalisations {hashtag}",
            "hospital",
        ),
        ("reply_good", "worried_customer", "positive", "Merci pour la clarté, ça aide", None),
        (
            "reply_good",
            "supporter",
            "positive",
            "Voilà comment on gère. Respect {brand_handle}",
            None,
        ),
        (
            "reply_bad",
            "angry_customer",
            "negative",
            "Vous vous foutez de nous ? C'est ça votre réponse ?? {hashtag}",
            None,
        ),
        (
            "reply_bad",
            "journalist",
            "negative",
            "{brand} refuse de répondre aux questions sur le {product}.",
            None,
        ),
        (
            "silence",
            "angry_customer",
            "negative",
            "{number} heures et pas un mot de {brand_handle}. Super.",
            None,
        ),
        ("silence", "journalist", "neutral", "{brand} n'a pas répondu à nos sollicitations.", None),
    ],
}


def _templates(language: str) -> list[dict]:
    found = [{"persona": p, "sentiment": s, "text": t} for p, s, t in STORM[language]]
    for context, persona, sentiment, text, rumour in CONTEXTS[language]:
        item = {"persona": persona, "sentiment": sentiment, "text": text, "context": context}
        if rumour:
            item["rumour"] = rumour
        found.append(item)
    return found


def _phase(pid: str, start: int, end: int, v0: float, v1: float, shape: str) -> dict:
    weights = dict(zip(PERSONAS, (5, 4, 1, 1, 1, 1, 2, 0.2), strict=True))
    return {
        "id": pid,
        "name": {"en": pid.title(), "fr": pid.title()},
        "start": start,
        "end": end,
        "volume": {"start_per_min": v0, "end_per_min": v1, "shape": shape},
        "personas": weights,
    }


def sample_data(duration_s: int = 3600) -> dict:
    """The sample scenario as plain data (what a YAML file would hold)."""
    q = duration_s // 4
    return {
        "id": "sample-recall",
        "title": {"en": "Listeria recall", "fr": "Rappel listeria"},
        "summary": {"en": "A yoghurt recall.", "fr": "Un rappel de yaourts."},
        "crisis_type": "product_recall",
        "responsibility": "preventable",
        "severity": 3,
        "duration": duration_s,
        "brand": {
            "name": "Laiterie Morvan",
            "handle": "@LaiterieMorvan",
            "placeholders": {
                "product": {"en": "strawberry yoghurt", "fr": "yaourt à la fraise"},
                "city": {"en": "Rennes", "fr": "Rennes"},
            },
        },
        "hashtags": {"en": ["#MorvanRecall", "#listeria"], "fr": ["#RappelMorvan", "#listeria"]},
        "facts": [
            {
                "id": "lots",
                "text": {
                    "en": "Three lots of strawberry yoghurt contain listeria.",
                    "fr": "Trois lots de yaourt à la fraise contiennent la listeria.",
                },
            },
            {
                "id": "no-cases",
                "text": {
                    "en": "No illness has been reported so far.",
                    "fr": "Aucun malade n'a été signalé à ce jour.",
                },
            },
            {
                "id": "plant",
                "text": {
                    "en": "The yoghurt is made at the Vitré plant, inspected in March.",
                    "fr": "Le yaourt est fabriqué à l'usine de Vitré, inspectée en mars.",
                },
            },
        ],
        "rumours": [
            {
                "id": "hospital",
                "claim": {
                    "en": "Children are in hospital.",
                    "fr": "Des enfants sont hospitalisés.",
                },
                "appears_at": 300,
                "initial_reach": 0.05,
                "spread_rate": 0.8,
                "key_terms": {"en": ["hospital", "children"], "fr": ["hôpital", "enfants"]},
                "contradicts": ["no-cases"],
            },
            {
                "id": "factory",
                "claim": {"en": "The factory was shut down.", "fr": "L'usine était fermée."},
                "appears_at": 900,
                "initial_reach": 0.03,
                "spread_rate": 0.5,
                "key_terms": {"en": ["factory", "shut"], "fr": ["usine", "fermée"]},
                "contradicts": ["plant"],
            },
        ],
        "phases": [
            _phase("onset", 0, q, 2, 8, "linear"),
            _phase("escalation", q, 2 * q, 8, 30, "exponential"),
            _phase("peak", 2 * q, 3 * q, 30, 25, "plateau"),
            _phase("decay", 3 * q, duration_s, 25, 5, "decay"),
        ],
        "templates": {"en": _templates("en"), "fr": _templates("fr")},
        "injects": [
            {
                "id": "first-post",
                "at": 20,
                "channel": "social_post",
                "actor": {
                    "name": "Julie Martin",
                    "persona": "angry_customer",
                    "handle": "@julie_m",
                },
                "content": {
                    "en": "Just got a recall text for {product} from {brand}. WTF?",
                    "fr": "SMS de rappel reçu pour le {product} de {brand}. Sérieux ?",
                },
            },
            {
                "id": "press-call",
                "at": 600,
                "channel": "journalist_dm",
                "actor": {"name": "Paul Durand", "persona": "journalist", "outlet": "Ouest Matin"},
                "content": {"en": "How many lots?", "fr": "Combien de lots ?"},
                "expects_response": True,
                "deadline": 1200,
                "priority": "high",
            },
            {
                "id": "article",
                "at": 1500,
                "channel": "news_article",
                "actor": {"name": "Ouest Matin", "persona": "journalist", "handle": "@OuestMatin"},
                "content": {
                    "en": "{brand} recalls {product}: what we know",
                    "fr": "{brand} rappelle son {product} : ce que l'on sait",
                },
                "rumour": "hospital",
            },
        ],
        "expectations": [
            {
                "id": "fast",
                "metric": "time_to_first_response_s",
                "target": 900,
                "description": {
                    "en": "Respond within 15 minutes.",
                    "fr": "Répondre en 15 minutes.",
                },
            },
        ],
    }


def sample_scenario(duration_s: int = 3600) -> Scenario:
    """The sample scenario, validated."""
    return Scenario.model_validate(sample_data(duration_s))
