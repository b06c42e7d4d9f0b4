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
    ),
    "unknown": (
        r"(we )?(do not|don't|dont) (yet |still )?know",
        r"(is|are|remains?) (still )?(unknown|unclear|being (investigated|checked|assessed))",
        r"we are (still |actively )?(investigating|looking into|checking|assessing|working to)",
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
    ),
    "respect": (
        r"thank(s| you)",
        r"we (truly |really )?appreciate",
        r"you (are|were|re) right",
        r"(valid|fair|legitimate|good) (question|point|concern)",
        r"(your|for your) patience",
        r"we (value|respect) ",
        r"rightly",
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
    ),
    "no_comment": (
        r"no comment",
        (
            r"(not|unable to|won't|will not|cannot|can't|decline to|declines to|refrain from) (mak"
            r"e any |any )?comment"
        ),
        r"nothing (further )?to add",
        r"no further (comment|statement)",
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
