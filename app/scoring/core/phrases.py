"""The report's words in French and English, for whichever language reads them.

The scoring core is pure, so it keeps its own text tables instead of gettext catalogues. The
metric names here are the only ones: pages, exports and the plan editor read them too.
"""

DIMENSION_NAMES = {
    "en": {
        "responsiveness": "Responsiveness",
        "message_quality": "Message quality",
        "rumour_control": "Rumour control",
        "process": "Process",
        "outcome": "Outcome",
    },
    "fr": {
        "responsiveness": "Réactivité",
        "message_quality": "Qualité des messages",
        "rumour_control": "Maîtrise des rumeurs",
        "process": "Processus",
        "outcome": "Résultat",
    },
}

METRIC_NAMES = {
    "en": {
        "time_to_first_response_s": "Time to first public response",
        "priority_reply_rate": "Priority posts answered in time",
        "median_reply_latency_s": "Median reply latency",
        "longest_silence_s": "Longest silence",
        "key_message_coverage": "Key-message coverage",
        "tone": "Tone",
        "strategy_fit": "Response strategy fit (SCCT)",
        "accuracy": "Accuracy (contradictions, rumours repeated)",
        "consistency": "Consistency between statements",
        "network_fit": "Fit to the network",
        "repetition": "Posts that say something new",
        "commitments_kept": "Promised updates delivered",
        "checklist_self_reported": "Checklist items only self-reported",
        "rumour_correction_s": "Time to correct a rumour",
        "rumours_uncorrected": "Rumours never corrected",
        "approvals": "Approvals respected",
        "roles": "The right roles acted",
        "checklist_on_time_rate": "Checklist items done on time",
        "final_sentiment": "Final audience sentiment",
        "peak_anger": "Peak anger",
        "recovery_s": "Time to recover",
        "mean_sentiment": "Mean sentiment",
    },
    "fr": {
        "time_to_first_response_s": "Délai de la première réponse publique",
        "priority_reply_rate": "Publications prioritaires traitées à temps",
        "median_reply_latency_s": "Délai médian de réponse",
        "longest_silence_s": "Plus long silence",
        "key_message_coverage": "Couverture des messages clés",
        "tone": "Ton",
        "strategy_fit": "Stratégie de réponse adaptée (SCCT)",
        "accuracy": "Exactitude (contradictions, rumeurs reprises)",
        "consistency": "Cohérence entre les déclarations",
        "network_fit": "Adapté au réseau",
        "repetition": "Publications qui disent du nouveau",
        "commitments_kept": "Points annoncés tenus",
        "checklist_self_reported": "Éléments de check-list seulement déclarés",
        "rumour_correction_s": "Délai de correction d'une rumeur",
        "rumours_uncorrected": "Rumeurs jamais corrigées",
        "approvals": "Validations respectées",
        "roles": "Bons rôles à l'œuvre",
        "checklist_on_time_rate": "Actions de la check-list faites à temps",
        "final_sentiment": "Sentiment final du public",
        "peak_anger": "Pic de colère",
        "recovery_s": "Temps de rétablissement",
        "mean_sentiment": "Sentiment moyen",
    },
}

STRENGTHS = {
    "en": {
        "time_to_first_response_s": (
            "First public response after {value}, within the {target} deadline: you were first."
        ),
        "priority_reply_rate": "{value} of the injects expecting an answer were answered on time.",
        "median_reply_latency_s": "Replies came quickly (median {value}).",
        "longest_silence_s": "The audience never waited long for you: longest silence {value}.",
        "key_message_coverage": "Your posts carried {value} of the plan's key-message kinds.",
        "tone": "Empathetic, transparent and respectful tone (average {value}/100).",
        "strategy_fit": "The response strategy suited the crisis ({value}).",
        "accuracy": "Nothing you said contradicted the facts or repeated a rumour.",
        "consistency": "Your statements were consistent with one another.",
        "network_fit": "Posts fitted the network: short, or announced as a thread.",
        "repetition": "{value} of your posts said something new: no repeats, no bursts.",
        "commitments_kept": "{value} of the updates you promised came when you said.",
        "rumour_correction_s": "Rumour {subject} corrected after {value}.",
        "approvals": "Every statement that needed approval was approved first.",
        "roles": "The actions were taken by roles the plan allows ({value}).",
        "checklist_on_time_rate": "{value} of the checklist done on time.",
        "final_sentiment": "The audience ended on a good note (sentiment {value}).",
        "peak_anger": "Anger stayed contained (peak {value}).",
        "recovery_s": "The audience recovered after {value}.",
    },
    "fr": {
        "time_to_first_response_s": (
            "Première réponse publique après {value}, dans le délai de {target} : vous avez été "
            "les premiers."
        ),
        "priority_reply_rate": "{value} des injects attendant une réponse ont été traités à temps.",
        "median_reply_latency_s": "Des réponses rapides (médiane {value}).",
        "longest_silence_s": "Le public n'a jamais attendu longtemps : plus long silence {value}.",
        "key_message_coverage": (
            "Vos publications ont porté {value} des types de messages clés du plan."
        ),
        "tone": "Un ton empathique, transparent et respectueux (moyenne {value}/100).",
        "strategy_fit": "La stratégie de réponse convenait à la crise ({value}).",
        "accuracy": (
            "Rien de ce que vous avez dit ne contredisait les faits ni ne reprenait une rumeur."
        ),
        "consistency": "Vos déclarations sont restées cohérentes entre elles.",
        "network_fit": "Des publications adaptées au réseau : courtes, ou annoncées en fil.",
        "repetition": "{value} de vos publications disaient du nouveau : ni redites ni rafales.",
        "commitments_kept": "{value} des points annoncés ont été faits à l'heure dite.",
        "rumour_correction_s": "Rumeur {subject} corrigée après {value}.",
        "approvals": "Chaque déclaration soumise à validation a été validée avant publication.",
        "roles": "Les actions ont été faites par les rôles que le plan prévoit ({value}).",
        "checklist_on_time_rate": "{value} de la check-list faite dans les délais.",
        "final_sentiment": "Le public a fini sur une note positive (sentiment {value}).",
        "peak_anger": "La colère est restée contenue (pic {value}).",
        "recovery_s": "Le public s'est apaisé après {value}.",
    },
}

IMPROVEMENTS = {
    "en": {
        "time_to_first_response_s": (
            "First public response came after {value}; the deadline was {target}. Post a holding "
            "statement sooner."
        ),
        "time_to_first_response_s:never": (
            "The team never spoke publicly: post a holding statement within {target}."
        ),
        "priority_reply_rate": (
            "Only {value} of the injects expecting an answer were answered on time."
        ),
        "median_reply_latency_s": "Replies were slow (median {value}, target {target}).",
        "longest_silence_s": (
            "The audience waited {value} without hearing from you after a development."
        ),
        "longest_silence_s:never": "The audience never heard from you.",
        "key_message_coverage": "Only {value} of the plan's key-message kinds were used.",
        "tone": (
            "Tone needs work (average {value}/100): avoid defensiveness, blame, jargon and "
            "legalese; show empathy and say what you know and when you will update."
        ),
        "tone:never": (
            "No public post showed your tone: show empathy, say what you know and when you will "
            "update."
        ),
        "strategy_fit": (
            "The response strategy did not suit the crisis ({value}): acknowledge responsibility "
            "and show concern before defending."
        ),
        "accuracy": "{value} post(s) contradicted the facts or repeated a rumour as true.",
        "consistency": "{value} pair(s) of statements contradicted each other.",
        "network_fit": (
            "Some posts were too long for the network; keep to 280 characters or number a thread."
        ),
        "repetition": (
            "Only {value} of your posts said something new: repeats and bursts of posts read as "
            "spam. Post less, and say what has changed."
        ),
        "commitments_kept": (
            "Only {value} of the updates you promised came: an announced update that never comes "
            "costs trust. Promise only what you will deliver."
        ),
        "commitments_kept:never": (
            "You never said when the next update would come: give a time, and keep it."
        ),
        "rumour_correction_s": (
            "Rumour {subject} was corrected too late ({value}). Name the claim and say it is "
            "false, sooner."
        ),
        "rumour_correction_s:never": (
            "Rumour {subject} was never corrected. Name the claim and say it is false."
        ),
        "approvals": "Statements were published without the required approval ({value} approved).",
        "roles": "Some actions were taken by roles the plan does not allow ({value} right).",
        "checklist_on_time_rate": "Only {value} of the checklist was done by its deadline.",
        "final_sentiment": "The audience ended negative (sentiment {value}).",
        "peak_anger": "Anger peaked high ({value}).",
        "recovery_s": "The audience took long to recover ({value}).",
        "recovery_s:never": "The audience never recovered during the drill.",
    },
    "fr": {
        "time_to_first_response_s": (
            "Première réponse publique après {value} pour un délai de {target}. Publiez plus tôt "
            "une déclaration d'attente."
        ),
        "time_to_first_response_s:never": (
            "L'équipe ne s'est jamais exprimée publiquement : publiez une déclaration d'attente "
            "dans les {target}."
        ),
        "priority_reply_rate": (
            "Seulement {value} des injects attendant une réponse ont été traités à temps."
        ),
        "median_reply_latency_s": "Des réponses lentes (médiane {value}, objectif {target}).",
        "longest_silence_s": (
            "Le public a attendu {value} sans nouvelles de vous après un événement."
        ),
        "longest_silence_s:never": "Le public n'a jamais eu de nouvelles de vous.",
        "key_message_coverage": (
            "Seulement {value} des types de messages clés du plan ont été utilisés."
        ),
        "tone": (
            "Le ton est à travailler (moyenne {value}/100) : évitez la défensive, les reproches, "
            "le jargon et le juridique ; montrez de l'empathie, dites ce que vous savez et quand "
            "vous reviendrez."
        ),
        "tone:never": (
            "Aucune publication n'a montré votre ton : montrez de l'empathie, dites ce que vous "
            "savez et quand vous reviendrez."
        ),
        "strategy_fit": (
            "La stratégie de réponse ne convenait pas à la crise ({value}) : reconnaissez votre "
            "responsabilité et montrez votre sollicitude avant de vous défendre."
        ),
        "accuracy": (
            "{value} publication(s) contredisaient les faits ou reprenaient une rumeur comme vraie."
        ),
        "consistency": "{value} paire(s) de déclarations se contredisaient.",
        "network_fit": (
            "Certaines publications étaient trop longues pour le réseau : 280 caractères au plus, "
            "ou un fil numéroté."
        ),
        "repetition": (
            "Seulement {value} de vos publications disaient du nouveau : les redites et les "
            "rafales passent pour du spam. Publiez moins, et dites ce qui a changé."
        ),
        "commitments_kept": (
            "Seulement {value} des points annoncés ont eu lieu : un point promis qui ne vient pas "
            "coûte la confiance. Ne promettez que ce que vous tiendrez."
        ),
        "commitments_kept:never": (
            "Vous n'avez jamais dit quand viendrait le prochain point : donnez une heure, et "
            "tenez-la."
        ),
        "rumour_correction_s": (
            "La rumeur {subject} a été corrigée trop tard ({value}). Citez l'affirmation et dites "
            "plus tôt qu'elle est fausse."
        ),
        "rumour_correction_s:never": (
            "La rumeur {subject} n'a jamais été corrigée. Citez l'affirmation et dites qu'elle "
            "est fausse."
        ),
        "approvals": (
            "Des déclarations ont été publiées sans la validation requise ({value} validées)."
        ),
        "roles": (
            "Certaines actions ont été faites par des rôles que le plan n'autorise pas ({value} "
            "conformes)."
        ),
        "checklist_on_time_rate": "Seulement {value} de la check-list a été faite dans les délais.",
        "final_sentiment": "Le public a fini sur une note négative (sentiment {value}).",
        "peak_anger": "La colère est montée haut (pic {value}).",
        "recovery_s": "Le public a mis longtemps à s'apaiser ({value}).",
        "recovery_s:never": "Le public ne s'est jamais apaisé pendant l'exercice.",
    },
}

NOTES = {
    "en": {
        "outcome_missing": (
            "Outcome not assessed: no audience outcome was given; it is left out of the overall "
            "score."
        ),
        "rumours_missing": (
            "Rumour control not assessed: the scenario has no rumours; it is left out of the "
            "overall score."
        ),
        "process_missing": (
            "Process not assessed: the plan requires no approval and names no roles or checklist; "
            "it is left out of the overall score."
        ),
        "library_scenario": (
            "The scenario is a library reference without its content: facts, rumours and injects "
            "could not be checked."
        ),
        "after_end": ("{count} action(s) after the drill's end (at {end}) were not scored."),
        "never": "never",
        "none": "none",
    },
    "fr": {
        "outcome_missing": (
            "Résultat non évalué : aucun résultat du modèle d'audience n'a été fourni ; il "
            "n'entre pas dans le score global."
        ),
        "rumours_missing": (
            "Maîtrise des rumeurs non évaluée : le scénario ne comporte aucune rumeur ; elle "
            "n'entre pas dans le score global."
        ),
        "process_missing": (
            "Processus non évalué : le plan n'exige aucune validation et ne nomme ni rôles ni "
            "check-list ; il n'entre pas dans le score global."
        ),
        "library_scenario": (
            "Le scénario est une référence à la bibliothèque sans son contenu : faits, rumeurs et "
            "injects n'ont pas pu être vérifiés."
        ),
        "after_end": (
            "{count} action(s) postérieure(s) à la fin de l'exercice ({end}) non notée(s)."
        ),
        "never": "jamais",
        "none": "aucun",
    },
}

# Metric values that are words, as each language says them (SCCT responsibility clusters).
VALUE_WORDS = {
    "en": {
        "strategy_fit": {
            "victim": "the organisation is a victim too",
            "accident": "accidental",
            "preventable": "preventable",
            "unknown": "responsibility unknown",
        },
    },
    "fr": {
        "strategy_fit": {
            "victim": "l'organisation en est aussi victime",
            "accident": "accidentelle",
            "preventable": "évitable",
            "unknown": "responsabilité inconnue",
        },
    },
}

TEXT_LABELS = {
    "en": {
        "title": "Drill score",
        "overall": "Overall",
        "dimension": "Dimension",
        "score": "Score",
        "rating": "HSEEP",
        "weight": "Weight",
        "not_assessed": "not assessed",
        "kpis": "KPIs",
        "metric": "Metric",
        "target": "Target",
        "actual": "Actual",
        "met": "Met",
        "yes": "yes",
        "no": "no",
        "strengths": "Strengths",
        "improvements": "Improvements",
        "evidence": "evidence",
        "notes": "Notes",
    },
    "fr": {
        "title": "Score de l'exercice",
        "overall": "Global",
        "dimension": "Dimension",
        "score": "Score",
        "rating": "HSEEP",
        "weight": "Poids",
        "not_assessed": "non évalué",
        "kpis": "Indicateurs (KPI)",
        "metric": "Indicateur",
        "target": "Cible",
        "actual": "Réel",
        "met": "Atteint",
        "yes": "oui",
        "no": "non",
        "strengths": "Points forts",
        "improvements": "Axes d'amélioration",
        "evidence": "preuves",
        "notes": "Remarques",
    },
}

# Critical errors (HSEEP critical tasks failed), named in the record's language.
CRITICAL = {
    "en": {
        "false_rumour_confirmed": (
            "Critical error: a public post stated rumour {subject} as true. A false claim "
            "confirmed by the organisation cannot be bought back by speed or process."
        ),
        "safety_fact_contradicted": (
            "Critical error: a public post contradicted safety fact {subject}. Say only what is "
            "verified about people's safety."
        ),
        "unfilled_placeholder": (
            "Critical error: a template was published with its placeholders unfilled. Fill every "
            "slot before publishing."
        ),
    },
    "fr": {
        "false_rumour_confirmed": (
            "Erreur critique : une publication a présenté la rumeur {subject} comme vraie. Une "
            "fausse information confirmée par l'organisation ne se rattrape ni par la rapidité ni "
            "par le processus."
        ),
        "safety_fact_contradicted": (
            "Erreur critique : une publication a contredit le fait de sécurité {subject}. Ne dites "
            "sur la sécurité des personnes que ce qui est vérifié."
        ),
        "unfilled_placeholder": (
            "Erreur critique : un modèle a été publié avec des champs non remplis. Remplissez "
            "chaque champ avant de publier."
        ),
    },
}


def cite(text: str, language: str, length: int = 80) -> str:
    """A claim quoted as a finding cites it, cut at a word past `length` characters."""
    text = " ".join(text.split())
    if len(text) > length:
        text = text[:length].rsplit(" ", 1)[0] + "…"
    return f"« {text} »" if language == "fr" else f"“{text}”"
