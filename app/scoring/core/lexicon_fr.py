"""French cue lexicon for tone, kinds, negation and meaning: project-owned, see docs/scoring.md.

Same labels and conventions as lexicon_en: regular expressions matched at a word start on the
normalised text (lower case, accents removed: "désolé" is written "desole").
"""

TRANSPARENCY_CUES: dict[str, tuple[str, ...]] = {
    "known": (
        r"ce que nous savons",
        r"nous avons (eu )?connaissance",
        r"confirm",
        r"a ce stade",
        r"pour l'instant",
        r"a l'heure (actuelle|ou)",
        r"\d[\d  .]* (clients|personnes|utilisateurs|comptes|commandes|passagers|produits|lots)",
    ),
    "unknown": (
        r"(nous ne savons|on ne sait) pas (encore|tout)",
        r"(nous ignorons|reste(nt)? (inconnue?s?|a determiner|a confirmer))",
        r"(enquete|analyse|verifications?|investigations?) (est |sont )?en cours",
        r"nous (enquetons|analysons|verifions|travaillons a)",
    ),
    "next_update": (
        r"(prochain|prochaine|nouveau|nouvelle) (point|mise a jour|communication|information)",
        r"(nous vous )?tiendrons informes?",
        r"tenir informes?",
        r"(a|vers|avant) \d{1,2} ?h",
        r"d'ici \d",
        r"dans (les|l') ?(\d+ )?(prochaines? )?(minutes|heures?)",
    ),
}

TONE_CUES: dict[str, tuple[str, ...]] = {
    "empathy": (
        r"desole",
        r"navre",
        r"nous (comprenons|entendons)",
        r"(votre|vos|la|cette) (inquietude|colere|frustration|peine|angoisse|deception)",
        r"nous savons (a quel point|combien)",
        r"(nos|toutes nos) pensees",
        r"nous regrettons",
        r"(sincerement|profondement|vraiment) (desole|navre|touche|attriste)",
        r"(de tout coeur|a vos cotes|aupres (de vous|des personnes))",
        r"(c'est|est) (difficile|inquietant|frustrant|eprouvant)",
        r"nous partageons",
    ),
    "accountability": (
        r"excuses",
        r"nous nous excusons",
        r"(c'est|c'etait|il s'agit de) notre (erreur|faute|responsabilite)",
        r"notre (erreur|faute)",
        (
            r"nous (assumons|prenons) (l'entiere |toute la |pleinement (la |notre )?|notre )?respo"
            r"nsabilite"
        ),
        r"nous (sommes|etions) responsables",
        r"nous avons (failli|echoue|commis une erreur|fait une erreur|mal)",
        r"nous nous sommes trompes",
        r"n'aurait (jamais )?du",
        r"nous reconnaissons (notre|cette|l')",
    ),
    "transparency": tuple(cue for cues in TRANSPARENCY_CUES.values() for cue in cues),
    "advice": (
        r"(veuillez|merci de) ",
        r"vous pouvez",
        r"nous vous (conseillons|recommandons|invitons|demandons)",
        r"si vous (avez|etes|possedez|constatez|remarquez|avez achete|utilisez)",
        r"ne (le |les |pas )?(consommez|utilisez|cliquez|ouvrez|partagez|buvez|mangez)",
        r"(ne pas|sans) (consommer|utiliser|cliquer|ouvrir)",
        r"rapportez",
        r"rembourse",
        r"(contactez|appelez|consultez|rendez-vous sur)",
        r"changez (votre|vos) mot",
        r"numero (vert|gratuit)",
        r"(en )?message prive",
        r"(notre|la) (faq|page|site)",
        r"voici (ce que|comment)",
    ),
    "respect": (
        r"merci",
        r"nous (apprecions|remercions)",
        r"vous avez (raison|bien raison)",
        r"(question|inquietude|remarque) (tres )?legitime",
        r"(votre|vos) patience",
        r"a juste titre",
        r"nous respectons",
    ),
    "defensive": (
        r"nous n'avons (rien (fait de mal|a (nous )?reprocher)|commis aucune|aucune faute)",
        r"rien (a nous )?reprocher",
        r"(pas|nullement) (de )?notre faute",
        r"nous (dementons|contestons) (toute|formellement|categoriquement|ces)",
        r"cas isole",
        r"exager",
        r"sorti(e|s)? de (son )?contexte",
        r"nous avons toujours",
        r"(conformes?|respectons) (a |toutes )?(les |aux )?normes",
        r"(aucune|pas de) raison de (s'inquieter|paniquer|s'alarmer)",
        r"(seulement|que) quelques",
        r"polemique",
        r"il n'y a (aucun|pas de) probleme",
    ),
    "blame": (
        (
            r"(a cause|en raison|du fait|la faute) (d'un|d'une|de notre|du|de la|de nos|des) ?(fou"
            r"rnisseur|prestataire|partenaire|sous-traitant)"
        ),
        (
            r"(faute|erreur|defaillance) (du|de notre|d'un|de nos) (fournisseur|prestataire|parten"
            r"aire|sous-traitant)"
        ),
        r"les clients (auraient du|n'ont pas|ont mal)",
        r"mauvaise utilisation",
        r"erreur (de l')?utilisateur",
        r"independant(e|es|s)? de notre volonte",
        r"la faute (a|de|aux)",
        r"a agi seul",
        r"(leur|sa) (faute|responsabilite)",
    ),
    "no_comment": (
        r"pas de commentaire",
        r"aucun commentaire",
        r"sans commentaire",
        r"(ne|n') ?(ferons|souhaitons faire|ferai|fera) (pas|aucun) (de )?commentaire",
        r"ne (commentons|commenterons) pas",
        r"rien a ajouter",
        r"ne souhaitons pas (reagir|nous exprimer)",
    ),
    "jargon": (
        r"synergi",
        r"latence",
        r"degrade",
        r"cause[s]? racine",
        r"\bsla\b",
        r"back[- ]?(end|office)",
        r"\bkpis?\b",
        r"parties prenantes",
        r"remediation",
        r"mitigation",
        r"bascule",
        r"incident de production",
        r"non[- ]nominal",
        r"perimetre",
        r"deploiement",
        r"en mode degrade",
        r"protocole (de gestion|d'incident)",
        r"retex",
    ),
    "legalese": (
        r"conformement (a|aux)",
        r"en vertu",
        r"sous reserve",
        r"sans prejudice",
        r"(nos avocats|nos conseils|service juridique|conseil juridique)",
        r"ne saurait (etre|nous)",
        r"(conditions generales|cgu|cgv)",
        r"litige",
        r"allegation",
        r"pretendu",
        r"presume",
        r"dispositions",
        r"le cas echeant",
        r"ci-(dessus|apres)",
        r"poursuites",
    ),
    "disrespect": (
        r"calmez-vous",
        r"ridicule",
        r"n'importe quoi",
        r"stupide",
        r"idiot",
        r"comme (nous l'avons |deja )?(deja )?(dit|explique)",
        r"lisez (notre|la|le)",
        r"hysteri",
        r"certains (individus|internautes|esprits)",
        r"trolls?",
        r"\bmdr\b",
        r"pleurnich",
    ),
}

KIND_CUES: dict[str, tuple[str, ...]] = {
    "holding": (
        r"nous avons (connaissance|ete informes)",
        r"nous sommes (au courant|informes)",
        r"nous (enquetons|analysons|verifions)",
        r"plus d'informations (bientot|a venir|des que)",
    ),
    "apology": (r"excuses", r"desole", r"notre (faute|erreur)", r"responsabilite"),
    "update": (
        r"(point|mise a jour|nouvelles)",
        r"(est|a ete|sont|ont ete) (retabli|repare|resolu|maitrise)",
    ),
    "rumour_correction": (
        r"(est|sont|c'est) (faux|fausse|inexact|infonde)",
        r"rumeurs?",
        r"(intox|fausse information|infox|fake)",
        r"il n'y a (eu )?(aucun|aucune|pas de)",
    ),
    "resolution": (
        r"(entierement |totalement )?(resolu|retabli|termine|revenu a la normale)",
        r"merci (pour|de) votre patience",
        r"ce que nous (allons changer|changeons|avons change)",
    ),
    "other": (),
}

DENIAL_CUES: tuple[str, ...] = (
    r"faux",
    r"fausse",
    r"(n'est|ne sont|n'etait|n'etaient) pas (vrai|exact|fonde)",
    r"inexact",
    r"infonde",
    r"(rumeur|intox|infox|fake)",
    r"aucun",
    r"aucune",
    r"jamais",
    r"il n'y a (eu )?(pas|aucun|aucune)",
    r"(ne|n') ?\w+ (pas|plus|jamais)",
    r"dementons",
)

NEGATIONS = frozenset({"ne", "n", "pas", "aucun", "aucune", "jamais", "rien", "ni", "sans", "faux"})

STOPWORDS = frozenset(
    """a au aux avec ce ces cet cette dans de des du elle elles en et eu il ils je la le les
    leur leurs lui ma mais me meme mes moi mon nos notre nous on ou par pour qu que qui sa se ses
    son sur ta te tes toi ton tu un une vos votre vous c d j l m s t y ete etre avoir a est sont
    ont avons etes etait etaient sera serons fait faire plus tres tout toute ici
    cela ceci ca car donc or comme aussi encore deja bien ainsi si lors vers chez entre sous
    aujourd hui""".split()
)
