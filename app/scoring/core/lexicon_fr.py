"""French cue lexicon for tone, kinds, negation and meaning: project-owned, see docs/scoring.md.

Same labels and conventions as lexicon_en: regular expressions matched at a word start on the
normalised text (lower case, accents removed: "désolé" is written "desole").
"""

# Parties a statement can shift the fault to, and the words for their failings (blame cues).
_THIRD_PARTY = (
    r"(sous-traitants?|prestataires?|interimaires?|fournisseurs?|partenaires?|transporteurs?|f"
    r"abricants?|hebergeurs?|operateurs?|installateurs?|livreurs?|distributeurs?|faconniers?|"
    r"tiers|intervenants? exterieurs?|(entreprises?|societes?|equipes?) (exterieures?|tierces"
    r"?|sous-traitantes?))"
)
_DET = (
    r"(d'un |d'une |de notre |de nos |du |de la |des |de l'|un |une |notre |nos |le |la |les "
    r"|l'|a notre |a nos |au |aux |a un |a une |par un |par une |par notre |par nos |par le |p"
    r"ar la |chez un |chez une |chez notre |chez nos |de l'un de nos |l'un de nos |d'un de nos"
    r" )?((ancien |principal |seul )?)"
)
_CAUSE = (
    r"(a cause|en raison|du fait|suite|a la suite|la faute|imputables?|attribuables?|(du|dus|d"
    r"ue|dues)(?= a)|causee?s?(?= par)|provoquee?s?(?= par)|provient|proviennent|provenant|vie"
    r"nt|viennent|result\w*|s'expliqu\w*|trouve son origine|incombe)"
)
_FAILING = (
    r"(erreur|defaillance|faute|negligence|manquement|panne|mauvaise manipulation|mauvaise con"
    r"figuration|incident|probleme|bug)s?"
)
_PUBLIC = (
    r"((certains|certaines|les|des|quelques|de nombreux|plusieurs|une minorite d'|un petit nom"
    r"bre d'|ces) )?(clients|utilisateurs|usagers|consommateurs|conducteurs|voyageurs|passager"
    r"s|parents|riverains|automobilistes|visiteurs|internautes|acheteurs|proprietaires|patient"
    r"s|eleves|etudiants|un (seul )?(salarie|employe|collaborateur|agent))"
)
_FAILED = (
    r"((n'ont pas|n'avaient pas|n'auraient pas) (respecte|suivi|lu|tenu compte|observe|applique"
    r"|verifie|conserve|utilise correctement)|(ont|avaient) (mal|ignore|neglige|enfreint|detourn"
    r"e|manipule)|ne respectent pas|auraient du)"
)

# Anyone but us, and what a sentence says they did: together in one sentence, they are blame.
_AGENT = (
    rf"({_THIRD_PARTY}|(la mairie|la prefecture|l'etat|le gouvernement|les autorites|le regul"
    rf"ateur|le bailleur|le proprietaire|le gestionnaire du reseau|compagnie partenaire|edite"
    rf"ur|(entreprise|societe) (mandatee|exterieure|tierce))|{_PUBLIC})"
)
_ATTRIBUTED = (
    r"((a|ont|avait|avaient) (cause|provoque|declenche|endommage|ignore|neglige|enfreint|retire"
    r"|desactive|contourne|demonte|manipule|clique|refuse|rejete)|(est|sont|etait|etaient) (a "
    r"l'origine|en cause|(seule?s? |entierement |pleinement )?responsables? (de|du|des|d'))|n'"
    r"(a|ont|avait|avaient) pas (respecte|suivi|lu|tenu compte|verifie|remplace|entretenu|prev"
    r"enu|signale|informe|autorise|accorde|valide)|(a|ont) laisse (un|une|le|la|les|leur) [a-z"
    r"' -]{1,30} (actif|active|actifs|ouvert|ouverte|allume|allumee|sans surveillance))"
)

TRANSPARENCY_CUES: dict[str, tuple[str, ...]] = {
    "known": (
        r"ce que nous savons",
        r"nous avons (eu )?connaissance",
        r"(confirm(e|ee|ees|es|ons|ent)\b|confirmation (que|de la|du|des|d'un))",
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
        r"nous (enquetons|analysons|verifions|travaillons a(?! la | le | l'| les ))",
        r"(on|nous) ne (sait|savons|connait|connaissons) pas encore",
        r"(pas|non) encore (connue?s?|confirmee?s?|determinee?s?|etablie?s?)",
        r"(en cours|fait l'objet) d'(analyse|enquete|investigation)",
        r"nous cherchons (a comprendre|a determiner|a etablir)",
        r"(des que|lorsque|quand) nous en saurons (plus|davantage)",
        (
            r"(cause|causes|origine) (reste|restent|est|sont) (encore |toujours )?(inconnue|in"
            r"determine)"
        ),
        (
            r"(analyse|enquete|investigation|expertise|audit|verification)s? [^.;:!?]{0,60}(est|son"
            r"t) (toujours |actuellement )?en cours"
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
        r"desole(?!e?s? (que vous le preniez|si vous vous etes senti|que vous ressentiez))",
        r"navre",
        r"nous (comprenons|entendons)",
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
        r"nous imaginons (bien |sans peine )?(votre|combien|a quel point)",
        (
            r"(votre |vos |leur |leurs |l'|cette |cet |le |la |les )(inquietude|angoisse|colere"
            r"|frustration"
            r"|peine|deception|gene|douleur|detresse|souffrance|tristesse|desarroi|exasperation|las"
            r"situde|peur|stress(?! test)|epreuve|incomprehension|desagrements?|emotion|traumatisme"
            r")\b"
        ),
        (
            r"(nous|on) (imagin|devin)\w* (bien |sans peine |aisement |parfaitement )?(votre|vos|l'"
            r"|la|le|les|leur|leurs|combien|a quel point|ce que)"
        ),
        (
            r"(nous|on) (mesur|partag|ressen|sai|sav|compren|conc)\w* (bien |pleinement |parfaiteme"
            r"nt |tout a fait )?(combien|a quel point)"
        ),
        (
            r"(c'est|c'etait|ce fut|a ete|doit etre|doit avoir ete|a du etre) (tres |vraiment |part"
            r"iculierement |si |tellement )?(epuisant|penible|angoissant|effrayant|stressant|eprouv"
            r"ant|terrible|douloureux|insupportable|traumatisant|decourageant|exasperant|inquietant"
            r"|difficile|frustrant|eprouvante)"
        ),
        r"(tout notre|notre (plein |entier |total )?|tout le) soutien",
        (
            r"(soutien|solidarite|compassion|sympathie|pensees) (vont |va )?(aux|a|envers|pour) (le"
            r"s |nos |leurs )?(familles|victimes|proches|personnes|habitants|salaries|blesses|sinis"
            r"tres)"
        ),
        r"(aux|a vos|a leurs) cotes",
        (
            r"(nous sommes|nous restons|sommes) (pleinement |entierement )?(avec vous|solidaires|mo"
            r"bilises pour vous)"
        ),
        r"(une|cette) (vraie |rude |terrible |veritable |dure )?epreuve",
        (
            r"(nous pensons|pensons) (tres fort |fort |particulierement |d'abord |en premier lieu |"
            r"tout particulierement )?(a|aux) "
        ),
        (
            r"(personne|aucune famille|aucun parent|aucun client|aucun passager|aucun patient) ne ("
            r"devrait|devraient) (avoir a |jamais )?(vivre|subir|traverser|connaitre|endurer)"
        ),
        (
            r"(avons|sommes) (bien |pleinement |parfaitement |tout a fait )?(conscience|conscients)"
            r" (de la|des|du|de l')"
        ),
        r"(qu'|que )imaginer",
        r"personne ne merite",
        r"nous (nous )?(sentons|sommes) (terriblement |vraiment )?(mal|navres|confus)",
        r"coeur (brise|serre|lourd)",
        (
            r"(c'est|est|etait) (si |vraiment |tellement )?(effrayant|terrifiant|bouleversant|dechi"
            r"rant|angoissant|terrible)"
        ),
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
        (
            r"(responsabilite|decision|faute|erreur|choix)( [^.!?,;:]{0,40})? (est|etait|nous revie"
            r"nt|nous incombe|incombe a nous)( entierement| pleinement)?( la)? (la notre|le notre|a"
            r" nous)\b"
        ),
        (
            r"(la responsabilite|la faute|l'erreur) (nous )?(revient|incombe) (entierement |pleinem"
            r"ent )?(a nous|a la direction|a notre)"
        ),
        (
            r"(pris|prendre|c'etait|c'est|etait) (la |une )?(mauvaise|erreur de) (decision|jugement"
            r"|appreciation)"
        ),
        r"(personne d'autre que nous|nous seuls) (n'est|ne sommes|sommes|est)",
        r"(cela|ceci|ca|la responsabilite|l'erreur|la faute) nous (incombe|revient)",
    ),
    "transparency": tuple(cue for cues in TRANSPARENCY_CUES.values() for cue in cues),
    "advice": (
        (
            r"(veuillez |merci de (?!(l'|nous l'|les |nous les |vous |nous )?avoir|(nous )?(le |l')"
            r"?(dire|signaler|partager|ecrire)))"
        ),
        r"vous pouvez",
        r"nous vous (conseillons|recommandons|invitons|demandons)",
        r"si vous (avez|etes|possedez|constatez|remarquez|avez achete|utilisez)",
        r"ne (le |les |pas )?(consommez|utilisez|cliquez|ouvrez|partagez|buvez|mangez)",
        r"(ne pas|sans) (consommer|utiliser|cliquer|ouvrir)",
        r"rapportez",
        (
            r"(rembourse(e|s|es|ra|rons|rez|r)?\b|remboursements? (sera|seront|sont|integral|integ"
            r"raux|automatiques?|sous|dans|en|sans)|(un|votre|le) remboursement (integral|automati"
            r"que|complet)|(proposons|propose|proposer|offrons|offre) (le |un |leur )?rembourseme"
            r"nt)"
        ),
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
        r"(ligne|cellule) (d'ecoute|de soutien|psychologique)",
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
        (
            r"(est|sont|c'est|tout a fait|parfaitement|bien|entierement) (legitimes?|comprehensible"
            r"s?|justifiee?s?)"
        ),
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
        # Cause or fault put on a third party, in any causal wording.
        rf"{_CAUSE} {_DET}{_THIRD_PARTY}",
        rf"{_FAILING} (commise?s? |survenue?s? )?(chez |par )?{_DET}{_THIRD_PARTY}",
        (
            rf"{_THIRD_PARTY} (est|sont|etait|etaient) (seule?s? |entierement |pleinement )?(respon"
            rf"sables?|en cause|fautifs?|a blamer)"
        ),
        # Fault or responsibility put on someone other than us.
        r"la faute (a|de|aux|du|des)\b(?! (notre|nos|nous)\b)",
        r"(leur|sa|son) (propre )?(faute|responsabilite|negligence|imprudence|erreur)",
        (
            r"(la |toute la )?responsabilite (en )?(incombe|revient|appartient|repose)"
            r" (entierement |pleinement |uniquement |exclusivement )?(a|au|aux|sur)\b(?! (nous|n"
            r"otre|nos)\b)"
        ),
        r"(blam|incrimin)(e|er|ons|ez|ent|es)\b(?! (nous|notre|nos)\b)",
        # The public, a lone employee, the weather or the authorities made it happen.
        rf"{_PUBLIC},? (qui )?{_FAILED}",
        r"mauvaise utilisation",
        r"erreur (de l')?utilisat(eur|rice)",
        (
            r"(non[- ]respect|mauvais usage|usage (inapproprie|detourne)|utilisation (inappropriee|"
            r"non conforme))"
        ),
        r"a agi seul",
        (
            r"(l'initiative (isolee |personnelle )?d'|la faute d'|l'erreur d'|la negligence d'"
            r")(un|une) (seul |seule )?(salarie|salariee|employe|employee|agent|technicien|tec"
            r"hnicienne|collaborateur|collaboratrice|individu|conducteur|conductrice)"
        ),
        (
            r"(un|une) (seul |seule |ancien |ancienne )?(salarie|salariee|employe|employee|age"
            r"nt|technicien|collaborateur|collaboratrice|individu|conducteur)e? (isolee? )?(qui "
            r"a agi|qui n'a pas|ayant agi|qui a (ignore|enfreint|contourne|viole))"
        ),
        r"independant(e|es|s)? de notre volonte",
        r"(echappe|echappent|hors) (a notre|de notre) (controle|ressort|portee)",
        r"(aucune|pas de|aucun) (prise|controle|maitrise|pouvoir) sur",
        (
            r"(impose|decide|exige|ordonne)e?s? par (l'etat|le gouvernement|la prefecture|les a"
            r"utorites|l'autorite|le regulateur|l'administration|la mairie|le ministere|les syndic"
            r"ats|la direction generale)"
        ),
        r"(uniquement|entierement|exclusivement|seulement) (dus?|dues?|imputables?|lies?|liees?) a",
        (
            r"(s'expliqu\w+|s'explique) (uniquement |entierement |exclusivement )?par (la|les|le|l'"
            r"|une|un) (greve|meteo|intemperies|tempete|orage|neige|canicule|decision|reglementatio"
            r"n)"
        ),
        r"(et|mais) non (pas )?(de |a |par )?(nous|notre|nos)\b",
        (
            r"(la )?consequence (directe )?(de la|du|des|de l'|d'une|d'un) (greve|mouvement social|"
            r"decision|intemperies|tempete|defaillance|erreur)"
        ),
        r"(a mettre|mis|mise|met|mettre) sur le compte (de|du|des|d')",
        r"pas nous\b",
        (
            r"(ne nous (a|ont|avait|avaient) (pas )?laisse (aucun|pas (le|d'autre)) choix|(ne nous "
            r"laisse|nous laissant) (aucun|pas le) choix)"
        ),
        (
            r"c'est (le|la|les|l') [a-z' -]{2,40} qui (a|ont|avait|avaient) (decide|ordonne|impose|"
            r"exige|choisi|commis|cause|provoque)"
        ),
        rf"{_AGENT}\b[^.!?;]{{0,60}}\b{_ATTRIBUTED}",
        (
            rf"(lie|liee|lies|liees|dus?|dues?|imputables?|attribuables?|causee?s?|provoquee?s?|dec"
            rf"lenchee?s?|endommagee?s?|realisee?s?|effectuee?s?|menee?s?|imposee?s?|decidee?s?|ord"
            rf"onnee?s?|mandatee?s?) (par|a) [^.!?;]{{0,40}}{_AGENT}"
        ),
        rf"c'est (un|une|le|la|l'|notre|nos|les|leur) ?[^.!?;]{{0,40}}{_AGENT}[^.!?;]{{0,30}} qui",
        (
            r"si [^.!?;]{0,60}(avai(en)?t|auraient) (ete )?(respecte|suivi|lu|applique|conserve|ver"
            r"ifie)e?s?"
        ),
        (
            r"(et )?non (pas )?(sur|chez|dans|par|de|a|au sein de) (l'un de |l'une de |un de |une d"
            r"e )?(nous|nos|notre)\b"
        ),
        r"(nous avons eu |nous avions |avons eu |on a eu )?les mains liees",
        r"(nos|les) mains (etaient|sont|ont ete) liees",
        (
            rf"(defectueu(x|se|ses)|contaminee?s?|non conformes?|endommagee?s?|defaillante?s?) [^.!"
            rf"?;]{{0,30}}(livree?s?|fournie?s?|fabriquee?s?|installee?s?|posee?s?|vendue?s?) par ["
            rf"^.!?;]{{0,20}}{_AGENT}"
        ),
        rf"{_CAUSE} [^.!?;,]{{0,60}}{_AGENT}",
        (
            rf"(fournies?|transmises?|donnees?) par [^.!?;,]{{0,20}}{_AGENT}[^.!?;]{{0,40}}(revelee"
            rf"s?|averees?|etaient|etait) (fausses?|erronees?|inexactes?|defectueuses?)"
        ),
        rf"(est|etait) celle (de|du|des) [^.!?;,]{{0,20}}{_AGENT}",
        (
            r"(apres avoir|en) (ignore|ignorant|neglige|negligeant|enfreint|enfreignant|contourne|c"
            r"ontournant|retire|retirant|desactive|desactivant)"
        ),
        (
            r"(avec (lequel|laquelle|lesquels|lesquelles|qui)|dont) nous ne (travaillons|collaboron"
            r"s) plus"
        ),
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
        r"ne (nous |s')?(exprim|communiqu|comment|prononc)\w* (pas|plus|aucun|rien|jamais)",
        (
            r"ne (souhait|veu|voul|peu|pouv|compt)\w* pas (commenter|communiquer|s'exprimer|nous ex"
            r"primer|reagir|se prononcer|nous prononcer|repondre|faire de (commentaire|declaration)"
            r"|en dire (plus|davantage)|s'etendre|nous etendre)"
        ),
        (
            r"(pas|aucune?|plus) (d'autres?|de nouvelles?|de) (declarations?|commentaires?) (a fair"
            r"e|a ajouter|a ce sujet|sur ce)"
        ),
        (
            r"aucune? (autre )?(information|precision|detail|commentaire|declaration)s? (supplement"
            r"aires? )?ne (sera|seront) (communique|donne|fait|faite|publie)"
        ),
        (
            r"(il serait|il est|serait) (inapproprie|premature|deplace) de (commenter|nous exprimer"
            r"|s'exprimer|communiquer)"
        ),
        (
            r"(pas|plus) en mesure de (communiquer|donner|apporter|fournir) (davantage|plus|d'autre"
            r"s|de nouvelles|d'informations|de details|de precisions)"
        ),
        r"n'en (dirons|dira|dirai|disons|dire) pas (plus|davantage)",
        (
            r"(ne|n') ?(pouvons|pouvions|peux|peut|pourrons) (pas|rien) (en )?dire (de )?(plus|dava"
            r"ntage)"
        ),
        (
            r"ne (ferons|fera|ferai|ferez|ferait) (pas|plus|aucun|aucune)( aucune| aucun| de| d')? "
            r"?(autres? |nouvelles? )?(declarations?|commentaires?|communications?)"
        ),
        r"(n'avons|n'ai|n'a|n'aurons) rien (d'autre |de plus )?a (dire|declarer|ajouter)",
        r"refus\w* de (repondre|commenter|s'exprimer|nous exprimer|se prononcer)",
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
        r"capitalis",
        r"fiabilis",
        r"retours? d'experience",
        r"de bout en bout",
        r"(industrialis|mutualis|rationalis)",
        r"(resilience (du|de notre|des) (si|systeme|systemes|infrastructures?))",
        (
            r"\b(preprod|preproduction|hotfix|patch|monitoring|reporting|task force|war room|proces"
            r"s)\b"
        ),
        r"leviers?\b",
        (
            r"(montee (en charge|de version)|flux (de donnees|applicatifs|informatiques)|applicati("
            r"f|fs|ve|ves)|bascules?|basculee?s?)"
        ),
        r"(du|le|notre|au|votre) si\b",
        r"securisation",
        r"(briques?|socles?|couches?) (applicati|technique|logicielle)",
        r"point (de defaillance|de rupture) unique",
        r"middleware",
        r"provisionn",
        r"redondan",
        (
            r"adress(er|ons|ent|e|ez|ons) (une|la|le|les|un|ce|cette|ces) (revue|sujet|probleme|enj"
            r"eu|point|problematique)s?"
        ),
        r"matrice",
        r"cote (utilisateurs?|client|metier)",
        r"(revue|audit) exhaustive?",
        r"\b(bgp|tls|ssl|sso|saas|sql|waf|cve|dns|api|cdn|ddos)\b",
        r"noeuds?",
        r"routage",
        r"post[- ]incident",
        r"workflows?",
        r"repartiteurs? de charge",
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
        r"(feraient|feriez|ferait|ferais) (mieux|bien) de",
        (
            r"(ce|ces) (genre|type)s? de (commentaires|remarques|propos|reactions|critiques|message"
            r"s haineux|attaques)"
        ),
        r"ne merite(nt)? (meme )?pas (de reponse|qu'on|d'etre|une reponse|notre attention)",
        (
            r"pour (ceux|celles|les personnes) qui (n'auraient|n'ont|ne l'ont|ne l'auraient|n'avaie"
            r"nt) (toujours )?pas (suivi|compris|lu|remarque|vu|ecoute)"
        ),
        r"pour la (enieme|centieme|millieme|derniere|troisieme|dixieme) fois",
        r"il (suffit|suffisait|suffirait) de (lire|bien lire|savoir lire|regarder|ouvrir les yeux)",
        (
            r"(raleu(r|rs|se|ses)|rageu(x|se|ses)|grincheu(x|se|ses)|donneu(r|rs|se|ses) de lecons|"
            r"haters?)"
        ),
        (
            r"(un peu de|faire preuve de|faites preuve de|avec un minimum de) (bon sens|jugeote|ser"
            r"ieux)"
        ),
        r"(du calme|on se (calme|detend))\b",
        r"(pas|n'est pas) (sorcier|la mer a boire)",
        r"(avec tout le respect que (nous vous devons|je vous dois|on vous doit))",
        (
            r"(si vous aviez|aviez-vous) (pris la peine de |bien |seulement )?(lu|regarde|verifie|e"
            r"coute)"
        ),
        (
            r"(arretez|arreter|cessez|cesser|arretons|il faudrait arreter) de (s'affoler|vous affol"
            r"er|paniquer|vous plaindre|se plaindre|crier|hurler|s'indigner|vous indigner|geindre|c"
            r"houiner|nous harceler)"
        ),
        r"(ne (perdrons|perdons|perdrai|perdra) (pas|plus) |perdre )(notre|mon|de) temps",
        r"(crient|crier|crie|criez) au (scandale|loup)",
        r"(se|vous) renseigner avant de",
        r"epargnez[- ]nous",
        r"(jeremiades|cris d'orfraie)",
        r"personne ne vous (a|oblige|force)",
        r"(question|remarque|commentaire|plainte)s? (bete|idiote|stupide|debile)s?",
        r"(las|lasses|lassees|fatigues|fatiguees|marre) de (repeter|expliquer|repondre|redire)",
        r"(toujours|encore et toujours) la meme chose",
        r"(betises|aneries|sottises|foutaises|balivernes|fadaises|conneries)",
        (
            r"(n'importe qui|quiconque|tout le monde) (avec|dote d') (un minimum de |un peu de )?(b"
            r"on sens|jugeote|cerveau)"
        ),
        r"pas (l'apocalypse|une catastrophe|un cataclysme|la mort|un drame)",
        (
            r"(desole|desoles|desolee|desolees) (que vous le preniez|que vous le preniez|si vous vo"
            r"us etes senti|que vous ressentiez)"
        ),
        r"remontez le fil",
        (
            r"(repondu|explique|dit|precise)[^.!?;]{0,30}(une dizaine de|des dizaines de|maintes|pl"
            r"usieurs|mille|cent|cinquante) fois"
        ),
        (
            r"(certains|certaines|d'aucuns|beaucoup|les gens) (clients |internautes |usagers )?(sem"
            r"blent|paraissent) (croire|penser|oublier)"
        ),
        r"tombe(nt)? du ciel",
        r"(trouver|trouvez|trouve) une occupation",
        r"((n'allons|ne vais|ne va) pas )?(vous )?(tenir|tiendrons|tenons) (la|votre) main",
        r"(essayez|essayer) (peut-etre |donc )?de (lire|regarder|relire)",
        r"(n'est|ne sont) (peut-etre |visiblement |manifestement )?pas pour vous",
        r"si vous ne (supportez|tolerez|pouvez) pas",
        r"(delires?|elucubrations|fantasmes)",
        r"(lecture attentive|savoir lire|apprendre a lire)",
        r"semble(nt)? (en option|optionnel)",
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

NEGATABLE = frozenset({"blame", "disrespect"})
NEGATION_BEFORE = (
    r"\b(ne|n'(?!importe)[a-z]+|pas|jamais|ni|sans|aucun|aucune|nullement)\b( [a-z'-]+){0,2}"
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
