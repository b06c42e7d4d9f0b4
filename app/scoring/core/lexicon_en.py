"""English cue lexicon for tone, kinds, negation and meaning: project-owned, see docs/scoring.md.

Cues are regular expressions matched at a word start on the normalised text (lower case,
accents removed, typographic apostrophes made straight). Calibrated against
tests/scoring/calibration/statements.yaml; change a cue, rerun `python -m app.scoring.calibrate`.
"""

TRANSPARENCY_CUES: dict[str, tuple[str, ...]] = {
    "known": (
        r"what we know",
        r"we are (now )?aware",
        r"we (now )?know (that|of)",
        r"(we have )?confirmed",
        r"so far",
        r"as of (now|\d)",
        r"at this (stage|time|point)",
        r"\d[\d,]* (customers|users|people|clients|accounts|orders|passengers|products|units)",
        r"we're (now )?aware",
        r"(here is|here's|this is) (what we know|where things stand)",
        r"(the )?facts (are|so far)",
        r"(latest|current) (information|situation|figures)",
        r"we (have )?(identified|established|traced|detected)",
        (
            r"\d[\d,]* (stores|sites|shops|flights|lots|batches|employees|staff|patients|homes"
            r"|households)"
        ),
        r"\d[\d,]* (branches|vehicles|devices|deliveries|parcels|trains|residents|cars)",
    ),
    "unknown": (
        r"(we )?(do not|don't|dont) (yet |still )?know",
        r"(is|are|remains?) (still )?(unknown|unclear|being (investigated|checked|assessed))",
        r"we are (still |actively )?(investigating|looking into|checking|assessing|working to)",
        r"we're (still |actively )?(investigating|looking into|checking|assessing|working to)",
        r"(not|no) yet (known|clear|confirmed|established)",
        r"(cause|causes|origin|reason) (is|are|remains?) (not yet|still) ",
        r"(we are|we're) (still )?(unsure|not (yet )?sure|trying to (understand|establish|find))",
        r"(under|remains under) investigation",
        r"(until|once|as soon as) we (know|have) more",
    ),
    "next_update": (
        r"(next|further|another|new) update",
        (
            r"we will (post|share|give|provide|publish) (an |more |further |the next )?(update|det"
            r"ails|information)"
        ),
        r"(we will )?update (you|this|everyone)",
        r"keep (you|everyone) (posted|informed|updated)",
        r"(at|by|before) \d{1,2}(:\d\d)? ?(am|pm|h\b)",
        r"within (the next )?\d+ (minutes|hours)",
        (
            r"(we will|we'll|we shall) (keep|continue to keep) (you |everyone )?(posted|inform"
            r"ed|updated)"
        ),
        (
            r"(more|further) (information|details|news) (to follow|soon|will follow|shortly|as"
            r" soon as)"
        ),
        r"we'll (post|share|give|provide|publish) (more|an update|further|the next)",
        r"with(in)? the (hour|next hour|next few hours)",
        r"(by|at|before) (noon|midday|midnight|tonight|the end of the day|end of day)",
        r"(regular|hourly|daily) updates?",
    ),
}

TONE_CUES: dict[str, tuple[str, ...]] = {
    "empathy": (
        r"sorry",
        r"we (fully |truly |really )?understand",
        r"we hear you",
        r"(our|my) thoughts",
        r"hearts? goes? out",
        r"we know how (frustrating|worrying|stressful|upsetting|hard|difficult)",
        r"(must be|is) (frustrating|worrying|stressful|upsetting|hard|difficult)",
        r"(your|the) (frustration|concern|worry|worries|anger|distress|anxiety)",
        r"we regret",
        r"deeply (sorry|sadden|concern|regret)",
        r"we (share|feel) your",
        r"with (you|those affected)",
        r"we care",
        r"(heart ?broken|devastated|saddened|distressed|shaken)",
        r"(we are|we're|we feel) (so |truly |deeply |very )?(sad|upset)",
        r"condolences",
        r"sympath(y|ies|ise|ize)",
        r"(we|i) can (only )?imagine",
        r"(our|my) (hearts?|prayers)",
        r"(sincerely|truly|deeply|bitterly) regret",
        (
            r"(the|any) (worry|distress|anxiety|upset|pain|disruption) (this|we|it) (has |have"
            r" )?(caus|brought)"
        ),
    ),
    "accountability": (
        r"apologi[sz]",
        r"(our|an|my) apolog",
        r"(this|it) (was|is) our (fault|mistake|error|responsibility)",
        r"our (fault|mistake|error)",
        r"we (take|accept|bear) (full |complete )?responsibility",
        r"we are (fully )?responsible",
        r"we (got|have got|did) (this|it|that) wrong",
        r"we (made|have made) (a |an )?(mistake|error|wrong)",
        r"we (failed|let you down|fell short)",
        r"should (never|not) have happened",
        r"we own (this|it|our)",
        r"we were wrong",
        r"apolog(y|ies|ise|ize|ising|izing|ised|ized)",
        (
            r"(we|i) (take|accept|bear|assume) (full |complete |total |sole )?(ownership|accou"
            r"ntability)"
        ),
        r"(we|i) (own|owned) (that|this|it|up|our)",
        r"(we|i) (were|was|are|am) (at fault|to blame|accountable)",
        r"we're (fully |entirely |solely )?(responsible|accountable|at fault|to blame)",
        r"(our|my) (failure|failing|oversight|negligence)",
        r"(this|that|it) (is|was) on us",
        r"we (messed up|screwed up|dropped the ball)",
        r"(error|mistake|failure) on our (part|side)",
        r"(without reservation|unreservedly)",
        r"(this|it|that) (is|was) (simply |completely |totally )?unacceptable",
    ),
    "transparency": tuple(cue for cues in TRANSPARENCY_CUES.values() for cue in cues),
    "advice": (
        (
            r"please (do not|don't|check|visit|call|contact|return|change|reset|avoid|stop|keep|br"
            r"ing|follow|update|use|send|dm|message|go)"
        ),
        r"(do not|don't) (use|consume|eat|drink|click|open|share|take|drive)",
        r"stop using",
        r"you (can|should|may|will be able to) ",
        r"if you (have|bought|received|are|were|notice|see|own|used|took|feel)",
        r"(full )?refunds?",
        r"replacement",
        r"(hotline|helpline|free number|call centre|call center)",
        r"(check|visit|see) (our|the) (website|faq|page|site|status page|link)",
        r"(change|reset) your password",
        r"(dm|message) us",
        r"(here is|here's) what (to do|you can do)",
        r"steps? (to take|you can)",
        (
            r"(stop|avoid|refrain from) (using|eating|drinking|consuming|driving|charging|open"
            r"ing|clicking)"
        ),
        r"(unplug|switch off|turn off|dispose of|throw away|discard) ",
        r"keep (it|them|the product|the device) away",
        (
            r"(we|we'd|we would) (advise|recommend|urge|encourage|ask) (you|all|customers|ever"
            r"yone|anyone)"
        ),
        (
            r"(customers|users|anyone|everyone|passengers|parents) (who|that) [^.!?]{0,60}(sho"
            r"uld|can|must)"
        ),
        (
            r"(request|claim|get|receive|apply for) (a |your )?(free |full )?(replacement|refu"
            r"nd|exchange)"
        ),
        r"(contact|call|ring|email|phone) (us|our) ",
        r"(seek|get) (medical )?(advice|attention|help)",
        r"(see|consult|call|contact) (a|your) (doctor|gp|pharmacist)",
        r"(update|upgrade|install) (the|your) (app|software|firmware)",
        r"(bring|return|take) (it|them|the product|the item) (back|to)",
        r"are (advised|asked|encouraged) to",
    ),
    "respect": (
        r"thank(s| you)",
        r"we (truly |really )?appreciate",
        r"you (are|were|re) right",
        r"(valid|fair|legitimate|good) (question|point|concern)",
        r"(your|for your) patience",
        r"we (value|respect) ",
        r"rightly",
        r"you're (absolutely |quite |completely |totally )?right",
        r"you (are|re) (absolutely|quite|completely|totally) right",
        r"(reasonable|understandable|important) (question|point|concern|criticism)",
        r"(right|entitled) to (ask|expect|know|be angry|be upset)",
        r"grateful",
        r"(bear|bearing) with us",
        r"we (welcome|take on board) (your|the|all) (feedback|questions|comments)",
    ),
    "defensive": (
        r"we (did|have done) nothing wrong",
        r"not our fault",
        r"we (strongly |categorically )?deny (any|all|that|these|wrongdoing)",
        r"(we )?(stand by|followed all|always follow|have always)",
        r"(fully|always been) compliant",
        r"isolated (incident|case)",
        r"over ?react",
        r"exaggerat",
        r"(taken|quoted) out of context",
        r"misunderstood",
        r"our (track )?record speaks",
        r"only a (handful|few|small number|tiny)",
        r"no (real )?(cause|reason) for (concern|alarm|panic)",
        r"there is no (problem|issue) (with|on) our",
        r"(nothing|little) to worry about",
        (
            r"(followed|complied with|respected) (all|every|the|our) (rules|procedures|protoco"
            r"ls|standards)"
        ),
        r"to the letter",
        r"acted (properly|correctly|appropriately|lawfully|responsibly) (at all times|throughout)",
        (
            r"(accusations?|allegations?|criticism|claims) (are|is) (completely |entirely |tot"
            r"ally )?(baseless|unfounded|groundless|unjustified)"
        ),
        r"(reject|refute|dispute) (these|this|the|any|all) (allegations?|accusations?|criticism)",
        r"(entirely|completely) (compliant|lawful|within the rules)",
        r"no (wrongdoing|fault|negligence) (on our part|was (committed|found))",
        r"(excellent|exemplary|impeccable|proud) (track )?record",
        r"(minor|small|slight) (inconvenience|glitch|hiccup)",
        r"by the book",
    ),
    "blame": (
        (
            r"(due to|caused by|because of|fault of|blame) (a |an |the |our )?(supplier|partner|ve"
            r"ndor|contractor|third[- ]?party|subcontractor|provider)"
        ),
        (
            r"(supplier|partner|vendor|contractor|third[- ]?party|subcontractor|provider)('s|s)? ("
            r"fault|error|mistake|failure)"
        ),
        r"customers? (should have|failed to|misused|did not follow)",
        r"user error",
        r"(misuse|misused) (of )?(the|our)",
        r"(their|his|her) (fault|responsibility)",
        r"beyond our control",
        r"acted alone",
        r"rogue (employee|individual|worker)",
        r"blame",
        (
            r"(originated|came|stemmed|resulted) (with|from|at) (a |an |the |our )?(supplier|p"
            r"artner|vendor|contractor|third[- ]?party|subcontractor|provider|carrier|courier|"
            r"manufacturer)"
        ),
        (
            r"(attributable|down) to (a |an |the |our )?(supplier|partner|vendor|contractor|th"
            r"ird[- ]?party|subcontractor|provider|carrier|courier|manufacturer)"
        ),
        (
            r"(supplier|partner|vendor|contractor|subcontractor|provider|carrier|courier|manuf"
            r"acturer)s? (is|are|was|were) (responsible|at fault|to blame)"
        ),
        (
            r"(some|certain|a few|many|the) (customers|users|people|clients|drivers|passengers"
            r"|guests) (who )?(did not|failed to|ignored|misused|had not|have not)"
        ),
        r"(out of|outside) our (control|hands)",
        r"(let down|misled) by (a |an |the |our )",
        (
            r"(a|an|one|the) (single )?(employee|individual|member of staff) (who )?(acted|fai"
            r"led|ignored)"
        ),
    ),
    "no_comment": (
        r"no comment",
        (
            r"(not|unable to|won't|will not|cannot|can't|decline to|declines to|refrain from) (mak"
            r"e any |any )?comment"
        ),
        r"nothing (further )?to add",
        r"no further (comment|statement)",
        r"not (be )?comment(ing)? (on|further|at)",
        r"not (in a position|able) to (comment|say more|discuss|disclose)",
        r"(decline|declined|declines|declining) to (comment|respond|answer|discuss)",
        r"nothing (more|further|else) to (say|add)",
        r"no (further )?(statements?|comments?) (will be|at this)",
    ),
    "jargon": (
        r"synerg",
        r"leverag",
        r"root[- ]cause",
        r"\brca\b",
        r"latency",
        r"degraded",
        r"\bsla\b",
        r"back[- ]?end",
        r"\b(p|sev)[0-4]\b",
        r"\bkpis?\b",
        r"stakeholders?",
        r"mitigat",
        r"remediat",
        r"failover",
        r"upstream",
        r"post[- ]mortem",
        r"(service|operational) (disruption )?event",
        r"non[- ]nominal",
        r"paradigm",
        r"going forward",
        r"incident response protocol",
        r"deploy(ment|ed)",
        r"roll(ed|ing)? ?back",
        r"hotfix",
        r"packet loss",
        r"downtime",
        r"infrastructure",
        r"throughput",
        r"bandwidth",
        r"\b(api|dns|cdn|ddos)\b",
        r"workstreams?",
        r"action items?",
        r"deliverables?",
        r"(business|operational) continuity",
        r"holistic",
        r"best[- ]in[- ]class",
        r"optimi[sz](e|ed|ing|ation)",
    ),
    "legalese": (
        r"pursuant",
        r"hereby",
        r"herein",
        r"liabilit",
        r"(not|cannot be held) liable",
        r"without prejudice",
        r"(legal counsel|our lawyers|our attorneys)",
        r"litigation",
        r"terms (and|&) conditions",
        r"terms of (service|use)",
        r"in accordance with",
        r"to the extent (permitted|that)",
        r"applicable (law|laws|regulations?)",
        r"disclaim",
        r"notwithstanding",
        r"alleg(ed|ation)",
        r"indemn",
        r"shall (not )?(be )?(held )?(responsible|liable)",
        r"(hereunder|thereof|therein|whereas|aforementioned|forthwith)",
        r"(indirect|consequential|incidental) (damages?|loss)",
        r"(reserve|reserves) (the|all|its|our) rights?",
        r"(legal|appropriate) (action|proceedings)",
        r"accepts? no (responsibility|liability)",
        r"(statutory|contractual) (obligations?|rights?)",
        r"(subject to|under) (the )?(terms|applicable|relevant)",
    ),
    "disrespect": (
        r"calm down",
        r"ridiculous",
        r"nonsense",
        r"stupid",
        r"idiot",
        r"as (we|i) (already|have already) (said|explained|stated)",
        r"read (our|the) (faq|statement)",
        r"hysteri",
        r"some people",
        r"trolls?",
        r"you clearly",
        r"learn to",
        r"\blol\b",
        r"whining",
        r"(need|needs) to (relax|calm|chill|get over|stop (complaining|whining))",
        r"(chill out|get over it|grow up)",
        r"(not|hardly) the end of the world",
        r"first[- ]world problem",
        r"(absurd|silly|laughable|pathetic|ignorant)",
        r"drama\b|dramatics",
        r"do your (own )?research",
        r"(bothered|bother) to (read|check)",
    ),
}

# What a key message of each kind typically says; used to confirm a kind when meaning is close.
KIND_CUES: dict[str, tuple[str, ...]] = {
    "holding": (
        r"we are aware",
        r"aware of (reports|the|an|a)",
        r"we are (investigating|looking into|working)",
        r"more (information|details) (soon|to follow)",
    ),
    "apology": (r"apologi[sz]", r"sorry", r"our (fault|mistake)", r"responsibility"),
    "update": (r"update", r"(now|has been) (restored|fixed|resolved|contained)", r"latest"),
    "rumour_correction": (
        r"(is|are|this is) (false|not true|untrue|incorrect|inaccurate)",
        r"rumou?rs?",
        r"misinformation",
        r"(fake|hoax|myth)",
        r"there (is|are|was|were) no ",
    ),
    "resolution": (
        r"(fully )?(resolved|restored|back to normal|over|fixed)",
        r"thank you for your patience",
        r"what we (will change|are changing|have changed)",
    ),
    "other": (),
}

# Words that deny what follows: a correction or a contradiction needs them.
DENIAL_CUES: tuple[str, ...] = (
    r"false",
    (
        r"(not|isn't|aren't|wasn't|weren't|is not|are not|was not|were not) (true|correct|accurate"
        r"|the case)"
    ),
    r"untrue",
    r"incorrect",
    r"inaccurate",
    r"misinformation",
    r"(fake|hoax|myth|rumou?r)",
    r"no evidence",
    r"there (is|are|was|were|has been|have been) no",
    r"did not|didn't|does not|doesn't|do not|don't|has not|hasn't|have not|haven't|never|no ",
    r"(is|are|was|were) not",
)

NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "false"}
)

STOPWORDS = frozenset(
    """a about above after again against am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself now of off on once or other our ours ourselves
    out over own same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves us let s t re
    ve ll d m o also may might must shall today""".split()
)
