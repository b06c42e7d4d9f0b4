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
        r"(voici|voila) (ce que (nous savons|l'on sait|l'on sait)|ou nous en sommes|les faits)",
        r"ce que (l'on|on) sait",
        r"nous avons (identifie|constate|detecte|etabli)",
        (
            r"\d[\d  .]* (magasins|sites|agences|vols|salaries|employes|patients|foyers|boutiq"
            r"ues|colis)"
        ),
        r"\d[\d  .]* (livraisons|vehicules|appareils|trains|habitants|usines|restaurants)",
        r"a cette heure",
    ),
    "unknown": (
        r"(nous ne savons|on ne sait) pas (encore|tout)",
        r"(nous ignorons|reste(nt)? (inconnue?s?|a determiner|a confirmer))",
        r"(enquete|analyse|verifications?|investigations?) (est |sont )?en cours",
        r"nous (enquetons|analysons|verifions|travaillons a)",
        r"(on|nous) ne (sait|savons|connait|connaissons) pas encore",
        r"(pas|non) encore (connue?s?|confirmee?s?|determinee?s?|etablie?s?)",
        r"(en cours|fait l'objet) d'(analyse|enquete|investigation)",
        r"nous cherchons (a comprendre|a determiner|a etablir)",
        r"(des que|lorsque|quand) nous en saurons (plus|davantage)",
        (
            r"(cause|causes|origine) (reste|restent|est|sont) (encore |toujours )?(inconnue|in"
            r"determine)"
        ),
    ),
    "next_update": (
        r"(prochain|prochaine|nouveau|nouvelle) (point|mise a jour|communication|information)",
        r"(nous vous )?tiendrons informes?",
        r"tenir informes?",
        r"(a|vers|avant) \d{1,2} ?h",
        r"d'ici \d",
        r"dans (les|l') ?(\d+ )?(prochaines? )?(minutes|heures?)",
        r"(nous )?reviendrons vers vous",
        r"(nous )?communiquerons (a nouveau|de nouveau|davantage|plus|des)",
        r"point (de situation|d'etape)",
        (
            r"(point|mise a jour|information|communication)s? (demain|ce soir|dans l'heure|dan"
            r"s la journee)"
        ),
        r"(tiendrons|tenir) (au courant|informes?)",
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
        r"(attriste|bouleverse|peine|affecte|choque|emu)s? (par|de)",
        (
            r"(nous sommes|sommes) (profondement |sincerement |vraiment |tres )?(attristes|bou"
            r"leverses|peines|choques|emus|touches|tristes)"
        ),
        r"condoleances",
        r"(notre|toute notre) (compassion|sympathie|solidarite)",
        r"(nous pensons|pensons) (a|aux) ",
        r"(votre|vos|la|cette) (gene|douleur|detresse|souffrance|tristesse)",
        r"nous imaginons (bien |sans peine )?(votre|combien|a quel point)",
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
        r"(demandons|demander|prions) pardon",
        r"(erreur|faute|manquement|defaillance)s? de notre part",
        r"(nous |je )(l'|en |les )?assum(ons|e)",
        r"(c'est|est|releve|relevent) de notre (seule |pleine |entiere )?responsabilite",
        r"(nous|je) (avons|ai) (manque|mal (fait|gere|agi|communique))",
        r"(nous )?(aurions du|n'aurions pas du)",
        r"(c'est|est|etait) (totalement |tout a fait |absolument )?inacceptable",
        r"(nous sommes|sommes) (fautifs|en tort)",
        r"mea culpa",
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
        r"(changez|modifiez|reinitialisez) (votre|vos)",
        r"n'(utilisez|ouvrez|achetez|allumez|installez) (pas|plus)",
        r"ne (rechargez|branchez|touchez|donnez) (pas|plus)",
        r"(debranchez|eteignez|jetez|retournez|conservez|surveillez|verifiez|evitez|signalez)",
        r"(il vous sera|vous sera|vous seront) (integralement |entierement )?(echange|remplace)",
        r"(vous etes|etes) (invites?|pries?) (a|de)",
        r"(un|votre) (medecin|pharmacien)",
        r"(echange|remplacement|remboursement) (gratuit|integral)",
        r"(il est|est) (recommande|conseille|demande) de",
    ),
    "respect": (
        r"merci",
        r"nous (apprecions|remercions)",
        r"vous avez (raison|bien raison)",
        r"(question|inquietude|remarque) (tres )?legitime",
        r"(votre|vos) patience",
        r"a juste titre",
        r"nous respectons",
        (
            r"(remarque|question|critique|demande|reaction)s? (est |sont )?(tout a fait |parfa"
            r"itement |bien )?(legitimes?|justifiees?|fondees?|pertinentes?)"
        ),
        r"(vous avez|avez) (tout a fait|entierement|parfaitement) raison",
        r"(votre|vos) (comprehension|retours?|signalements?)",
        r"(reconnaissants|gratitude)",
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
        (
            r"(avons|ont|a) (respecte|suivi|applique) (l'ensemble|toutes|tous|scrupuleusement|"
            r"a la lettre)"
        ),
        r"(aucune|pas de|sans) (faute|negligence|manquement) (n'a ete|de notre part|commise?)",
        (
            r"(accusations?|critiques|reproches|allegations) (sont |est )?(totalement |tout a "
            r"fait )?(infondees?|sans fondement|injustifiees?)"
        ),
        (
            r"(rejetons|refutons|contestons) (ces|les|toute|toutes|categoriquement|fermement|f"
            r"ormellement)"
        ),
        r"(en|de) (toute|parfaite) (conformite|legalite)",
        r"(irreprochable|exemplaire)s?",
        r"(simple|petit|leger) (incident|desagrement|contretemps|souci)",
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
        (
            r"(imputable|attribuable|dus?|dues?|liee?s?|causee?s? par|provient|provenant|vient"
            r") (de |du |a |au |aux |d'un |d'une |de notre |de nos |a notre |a nos |par un |pa"
            r"r notre )?(fournisseur|prestataire|partenaire|sous-traitant|transporteur|fabrica"
            r"nt|hebergeur)"
        ),
        (
            r"(certains|les|des|quelques) (clients|utilisateurs|usagers|consommateurs|conducte"
            r"urs|voyageurs) (qui )?(n'ont pas|n'avaient pas|ont mal|ont ignore|ne respectent "
            r"pas)"
        ),
        (
            r"(non[- ]respect|mauvais usage|usage inapproprie|utilisation (inappropriee|non co"
            r"nforme))"
        ),
        r"(echappe|echappent|hors) (a notre|de notre) (controle|ressort)",
    ),
    "no_comment": (
        r"pas de commentaire",
        r"aucun commentaire",
        r"sans commentaire",
        r"(ne|n') ?(ferons|souhaitons faire|ferai|fera) (pas|aucun) (de )?commentaire",
        r"ne (commentons|commenterons) pas",
        r"rien a ajouter",
        r"ne souhaitons pas (reagir|nous exprimer)",
        r"(souhaitons|souhaite|pouvons|peut) pas (commenter|nous exprimer|faire de commentaire)",
        r"(pas|plus) en mesure de (commenter|nous exprimer)",
        r"(aucune|pas de) declaration (ne sera|a ce stade|pour le moment)",
        r"(refusons|refuse|declinons) (de commenter|tout commentaire)",
        r"ne (commentons|commenterons|commentera|commente) (pas|jamais)",
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
        r"indisponibilite",
        r"correctif",
        r"(\bmep\b|mise en production)",
        r"infrastructure",
        r"(rollback|retour arriere)",
        r"(plan|cellule) de continuite",
        r"escalade",
        r"(livrables?|roadmap|feuille de route)",
        r"(serveurs?|cluster|datacenter|data center)",
        r"optimisation",
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
        r"(en application|au titre|aux termes) (de|des|du)",
        r"ne (pourra|pourrait|saurait) (etre )?(engagee|recherchee|retenue)",
        r"(prejudices?|dommages?) (indirects?|consecutifs?)",
        r"(se reserve|nous reservons) (le droit|tous droits)",
        r"(actions?|poursuites) (en justice|judiciaires?)",
        r"(susmentionne|precite|nonobstant|ledit|ladite)",
        r"(obligations?|dispositions) (legales|contractuelles|reglementaires)",
        r"decline(ons)? toute responsabilite",
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
        r"(arretez|arreter|cessez|cesser) de (dramatiser|vous plaindre|pleurer|raler|exagerer)",
        r"dramatis",
        r"pas (la fin du monde|si grave|un drame)",
        r"(absurde|grotesque|risible|pathetique|debile)",
        r"detendez-vous",
        r"(il faut|faut) (se calmer|relativiser)",
        r"(pris|prendre) la peine de (lire|verifier)",
        r"\brale(nt|r|z)?\b",
        r"faites (vos|des) recherches",
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
