"""English cue lexicon for tone, kinds, negation and meaning: project-owned, see docs/scoring.md.

Cues are regular expressions matched at a word start on the normalised text (lower case,
accents removed, typographic apostrophes made straight). Calibrated against
tests/scoring/calibration/statements.yaml; change a cue, rerun `python -m app.scoring.calibrate`.
"""

# Parties a statement can shift the fault to, and the words for their failings (blame cues).
_THIRD_PARTY = (
    r"(sub-?contractors?|contractors?|suppliers?|vendors?|partners?|providers?|third[- ]part(y"
    r"|ies)|carriers?|couriers?|manufacturers?|operators?|installers?|hauliers?|distributors?"
    r"|outsourcers?|co-?packers?|freelancers?|(agency|temporary|temp|interim|contract|freelan"
    r"ce) (workers?|staff|employees?|drivers?|technicians?|nurses?)|(it|software|security|cle"
    r"aning|maintenance|delivery|external|outside) (firm|company|agency|team))"
)
_DET = (
    r"((a|an|the|our|their|its|one of (our|the|its)) )?((external|outside|local|logistics|it|"
    r"former|previous|overseas|delivery|maintenance|cleaning|security|software|network|packag"
    r"ing|energy|technology|hosting|cloud|payment|catering|transport|rail)[- ]){0,2}"
)
_FAILING = (
    r"(failure|fault|error|mistake|negligence|misconfiguration|oversight|lapse|breach|defect)s?"
)
_PUBLIC = (
    r"((some|certain|a few|many|several|a number of|a (small )?(number|handful|minority) of|th"
    r"e|those) )?(customers?|users?|people|clients?|drivers?|passengers?|guests?|consumers?|o"
    r"wners?|parents?|residents?|motorists?|visitors?|fans|shoppers?|patients?|tenants?|rider"
    r"s?|hikers?|swimmers?|skiers?|spectators?|students?|pupils?|members? of the public|(one|"
    r"a single|an individual|a|an) (employee|member of staff|staff member|worker|colleague))"
)
_FAILED = (
    r"((did not|failed to|had not|have not|neglected to|refused to|chose not to|forgot to) (fo"
    r"llow|read|respect|check|store|keep|use|heed|observe|comply|register|update|apply|install"
    r"|wear|secure|lock|change|switch off|unplug|supervise)|ignored|misused|disregarded|tamper"
    r"ed|should have (followed|read|checked|known|kept|stored|respected|heeded|listened|been m"
    r"ore careful))"
)

# Anyone but us, and what a sentence says they did: together in one sentence, they are blame.
_AGENT = (
    rf"({_THIRD_PARTY}|(council|regulator|government|authorities|landlord|grid operator|airlin"
    rf"e|airport|(company|firm|agency|contractor) hired|hackers? (hired|paid))|{_PUBLIC})"
)
_ATTRIBUTED = (
    r"(caused|triggered|led to|resulted in|started the|disabled|bypassed|tampered with|overrod"
    r"e|removed (the|a|their) (safety|protective|warning|security)|(is|are|was|were) (solely |"
    r"entirely |fully |directly )?(responsible for (the|this|these|our) |at fault|to blame)|fa"
    r"iled to|neglected|ignored|disregarded|refused (our|to)|rejected our|turned down our|did "
    r"not (follow|read|respect|check|heed|observe|comply|replace|maintain|notify|inform|tell|w"
    r"arn|approve|allow|authori[sz]e)|clicked|left (a|an|the|their) [a-z -]{1,30} (active|ope"
    r"n|unlocked|unattended|exposed|running|switched on|unsecured))"
)

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
        (
            r"sorry(?! (that |if )?(you|anyone|some people|some of you) (feel|felt|were offended|to"
            r"ok))"
        ),
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
        r"we (\w+ly |do |can |all )?understand",
        (
            r"(know|understand|imagine|appreciate|recogni[sz]e|reali[sz]e) (just |only too well )?h"
            r"ow (much|\w+ )?(upsetting|worrying|frightening|terrifying|scary|stressful|distressing"
            r"|difficult|hard|frustrating|painful|exhausting|traumatic|alarming|unsettling|disrupti"
            r"ve|inconvenient|awful|horrible)"
        ),
        (
            r"must (have )?(be|been) (a |an |so |very |really |deeply |incredibly )?(\w+ )?(upsetti"
            r"ng|worrying|frightening|terrifying|scary|stressful|distressing|difficult|hard|frustra"
            r"ting|painful|exhausting|traumatic|alarming|unsettling|disruptive|inconvenient|awful|h"
            r"orrible)"
        ),
        r"(an? )?(ordeal|traumati[sz]ing|frightening experience)",
        r"what you (have been|are|were|went) (going )?through",
        r"thoughts (go|are|remain)",
        r"(we are|we're|we have been) thinking (of|about)",
        (
            r"(we are|we're|we stand|we will stand|we remain) (here )?(with|by|alongside|beside) (y"
            r"ou|them|everyone|the families|all)"
        ),
        r"(deepest|heartfelt|sincere) (sympath|condolence)",
        (
            r"(many|so many|a lot|some|all|each) of you (have been|were|are|had been) (affected|hit"
            r"|impacted|disrupted|inconvenienced|worried|upset|stranded|left)"
        ),
        (
            r"(anxious|worrying|difficult|stressful|distressing|frightening|painful|upsetting|hard|"
            r"tough|traumatic|harrowing|agoni[sz]ing|terrible|testing|sad|heartbreaking) (time|time"
            r"s|period|moment|moments|night|wait|weekend|day|days|experience|hours)"
        ),
        (
            r"(nobody|no one|no family|no parent|no child|no customer|no passenger|no patient|no re"
            r"sident) should (ever )?(have to|be)"
        ),
        r"(acutely|painfully|deeply|very much|only too) aware",
        r"(only|not|never) (begin to )?imagine",
        r"(we|i) (feel|felt) (terrible|awful|dreadful|horrible|sick|so bad|heartbroken)",
        r"(nobody|no one|anyone|any customer|any family|any passenger) deserves",
        r"(we|i) (totally |completely |really |fully )?get it\b",
        (
            r"(is|are|was|must be) (so |truly |really |deeply |incredibly )?(frightening|terrifying"
            r"|scary|distressing|upsetting|heartbreaking|devastating)"
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
        (
            r"(responsibility|decision|fault|error|mistake|failure|choice)( [^.!?,;:]{0,40})? (is"
            r"|was|lies|rests) (entirely |solely |fully |squarely |all )?(ours|mine|with us|with "
            r"me)\b"
        ),
        r"(take|accept|bear) (the |full |all )?blame",
        (
            r"(no one|nobody) (else|but us|but ourselves|other than us) (made|took|is|was|shoul"
            r"d be)"
            r" (to blame|responsible|at fault|th(is|at|e) (call|decision|choice))"
        ),
        (
            r"(made|was|were|took|it was) (a |the )?(wrong|bad|poor) (call|decision|choice|judgemen"
            r"t|judgment)"
        ),
    ),
    "transparency": tuple(cue for cues in TRANSPARENCY_CUES.values() for cue in cues),
    "advice": (
        (
            r"please (do not(?! (blame|judge|attack|insult|abuse))|don't|check|visit|call|conta"
            r"ct|return|change|reset|avoid|stop|keep|br"
            r"ing|follow|update|use|send|dm|message|go)"
        ),
        r"(do not|don't) (use|consume|eat|drink|click|open|share|take|drive)",
        r"stop using",
        r"you (can|should|may|will be able to) ",
        r"if you (have|bought|received|are|were|notice|see|own|used|took|feel)",
        (
            r"((full|cash|automatic|free|your) refunds?|for a (full )?refund|refunds? (will be|are"
            r" being|can be|are|within|for|without|in full|automatically)|(be|been|get|are|is) ref"
            r"unded|(will|we'll|shall|to|we) (refund|reimburse)|offer(s|ing)? (a |full )?refunds?)"
        ),
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
        r"(support|advice|crisis) line",
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
        (
            r"(is|are|it's|that's|perfectly|completely|entirely|totally) (understandable|legitimate"
            r"|justified)"
        ),
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
            r"(followed|complied with|respected) (all|every|the|our) (rules?|procedures?|proto"
            r"cols?|standards?)"
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
        # Cause or fault put on a third party, in any causal wording.
        (
            rf"(due to|caused by|because of|blame[sd]? on|the result of|result(ed|s)? from|down t"
            rf"o|attributable to|traced (back )?to|originated (with|at|from)|came from|stemmed f"
            rf"rom|through|on the part of) {_DET}{_THIRD_PARTY}"
        ),
        rf"{_FAILING} (made |committed )?(at|by|of|from|on the part of) {_DET}{_THIRD_PARTY}",
        rf"{_THIRD_PARTY}('s|s')? {_FAILING}",
        (
            rf"{_THIRD_PARTY} (is|are|was|were) (solely |entirely |fully )?(responsible|at fault|to"
            rf" blame)"
        ),
        # Blame, fault or responsibility lying with someone other than us.
        (
            r"(?<!take the )(?<!accept the )(?<!bear the )blam(e|es|ed)\b(?! (ourselves|no one|nobo"
            r"dy|anyone|anybody|us|for|lies with us)\b)"
        ),
        r"(?<!we are )(?<!we're )(?<!we were )(?<!i am )(?<!i was )to blame\b",
        r"the fault of (?!us\b|ours\b)",
        r"(their|his|her) (own )?(fault|responsibility|negligence|mistake|error)",
        (
            r"(responsibility|fault|blame|liability)( for [^.!?;:]{1,50})? (lies|rests|sits)"
            r" (entirely |solely |squarely |fully )?with (?!us\b|me\b|ourselves\b)"
        ),
        # The public, a lone employee, the weather or the authorities made it happen.
        rf"{_PUBLIC},? (who |that )?{_FAILED}",
        (
            r"(had|if) (the |their |your )?(product|item|device|instructions?|customers?|users?"
            r"|people|they|you|owners?|passengers?|drivers?|consumers?|parents|guests)( had)? (b"
            r"een )?(kept|stored|followed|read|respected|checked|installed|handled|used (it|the"
            r"m) (correctly|properly|as))"
        ),
        r"user error",
        r"(misuse|misused|mishandl\w+|tamper\w*) (of |with )?(the|our|their|its)",
        r"rogue (employee|individual|worker|member|engineer|trader|agent)",
        r"acted alone",
        (
            r"(a|an|one|the) (single |lone |individual |former |junior )?(employee|individual|m"
            r"ember of staff|staff member|worker|engineer|technician|driver|agent) (who |that )?"
            r"(acted|failed|ignored|breached|broke|violated|did not|disregarded|bypassed)"
        ),
        r"(beyond|out of|outside) our (control|hands)",
        r"(over which|which|that) we (have|had) no (control|influence|say)",
        r"(let down|misled) by (a |an |the |our )",
        r"(entirely|solely|purely|wholly|squarely|only) (down|due|attributable) to",
        (
            r"(imposed|forced on us|decided|ordered|required) by (the )?(regulator|government|a"
            r"uthorities|authority|council|state|ministry|prefecture|unions?|landlord)"
        ),
        r"not (by|with|from) us\b",
        (
            r"(problem|issue|fault|failure|error|cause|breach) (lies|lay|rests|sits|was|is) (entire"
            r"ly |squarely |solely |firmly )?(with|on the side of) (?!us\b|our\b|ourselves\b)"
        ),
        r"(theirs|the (supplier|contractor|partner|council|regulator)'s), not ours",
        (
            r"not (by |from )?(one of|a member of|any of|any member of) our (own )?(staff|team|team"
            r"s|employees|people|crew|crews)"
        ),
        r"not us\b(?! to)",
        r"left us (with )?(no|little) (choice|option|alternative)",
        r"(put|chalk|chalked|puts) (it |this |that )?down to",
        r"chalked up to",
        (
            rf"{_THIRD_PARTY} (\w+ ){{0,2}}(mislabel\w*|misdirect\w*|mishandl\w*|misconfigur\w*|fai"
            rf"led|neglected|forgot|omitted|breached|ignored|did not (follow|inform|notify|respect|"
            rf"check|deliver|apply|tell)|sent the wrong|delivered the wrong|supplied the wrong)"
        ),
        rf"{_AGENT}\b[^.!?;]{{0,60}}\b{_ATTRIBUTED}",
        (
            rf"(caused|triggered|started|damaged|done|carried out|made|imposed|ordered|decided|hire"
            rf"d|commissioned) by {_DET}{_AGENT}"
        ),
        (
            rf"(findings|evidence|investigations?|checks|signs|everything) (so far )?points? to "
            rf"{_DET}{_AGENT}"
        ),
        (
            rf"it (was|is) (a|an|the|one of our|our|their) [^.!?;]{{0,40}}{_AGENT}[^.!?;]{{0,30}} ("
            rf"who|that)"
        ),
        r"not (at|in|by|from|on|with|inside) (any of |one of |the )?(us|our)\b",
        r"(our )?hands (were|are|have been) tied",
        rf"(originated|stemmed|came|started|began) (in|at|from|with) [^.!?;]{{0,40}}{_AGENT}",
        (
            rf"(faulty|defective|contaminated|substandard|flawed|damaged) [a-z -]{{1,30}} (was |wer"
            rf"e )?(supplied|made|provided|delivered|manufactured|installed|sold to us) by "
            rf"{_DET}{_AGENT}"
        ),
        (
            rf"(the result of|caused by|due to|because of|came from|originated (in|at|from|with)|st"
            rf"emmed from|traced (back )?to) [^.!?;,]{{0,40}}{_AGENT}"
        ),
        (
            rf"(supplied|provided|given|sent) (to us )?by {_DET}{_AGENT}[^.!?;]{{0,40}}(turned out|"
            rf"proved|was|were) (to be )?(wrong|incorrect|inaccurate|false|faulty|defective)"
        ),
        (
            r"(after|by|when|while|through) (ignoring|disregarding|failing to follow|not following|"
            r"misusing|tampering with|removing|disabling|bypassing)"
        ),
        r"(that|which|whom|who) we no longer (work|deal|trade) with",
    ),
    "no_comment": (
        r"no comment",
        (
            r"(?<!please do )(not|unable to|won't|will not|cannot|can't|decline to|declines to|"
            r"refra"
            r"in from) (make any |any )?comment"
        ),
        r"nothing (further )?to add",
        r"no further (comment|statement)",
        r"not (be )?comment(ing)? (on|further|at)",
        r"not (in a position|able) to (comment|say more|discuss|disclose)",
        r"(decline|declined|declines|declining) to (comment|respond|answer|discuss)",
        r"nothing (more|further|else) to (say|add)",
        r"no (further )?(statements?|comments?) (will be|at this)",
        r"(do|does|will) not comment on",
        (
            r"not (going to|prepared to|willing to|about to) (comment|discuss|speak|respond(?! to ("
            r"every|each|all the|trolls))|elaborate|go into|say (any|more))"
        ),
        (
            r"not (be )?(discuss|elaborat|respond|speak)(ing)? (this |that |it |the matter |any fur"
            r"ther |further )?(publicly|further|at this)"
        ),
        (
            r"(inappropriate|not appropriate|premature) (for us )?to (comment|say (any|more)|discus"
            r"s|speak)"
        ),
        r"no (further |more |other )?(statement|comment)s? to (make|give|add|offer)",
        (
            r"(unable|not able|cannot|can not|not in a position) to (provide|give|share|offer|relea"
            r"se|disclose|make) (any )?(further|more|additional|other) (information|details|comment"
            r"|comments|statement)"
        ),
        r"not (be )?(say|saying) (anything|any more|anything (more|further|else))",
        r"(do|does|will) not (discuss|talk about|go into)",
        (
            r"not (be )?(making|make|issue|issuing|give|giving|provide|providing|offer|offering) (a"
            r"ny )?(further |more |other |additional )?(statements?|comments?|announcements?)"
        ),
        r"nothing (more |further |else )?to say",
        r"not (be )?comment(ing)? (while|until|as long as|whilst|during)",
        r"(would|will|does|do) not (discuss|comment on|talk about)",
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
        r"regressions?\b",
        r"clusters?\b",
        r"\b(skus?|qa|sre|noc|soc|devops|mttr)\b",
        r"sign[- ]off",
        r"cross[- ]functional",
        r"(customer|user) (journeys?|experience)",
        r"(touch ?points?|pain points?|learnings|actionable|deep[- ]dive|circle back|value[- ]add)",
        r"end[- ]to[- ]end",
        r"(triag(e|ed|es|ing)\b|escalated (this|it|the|your))",
        r"tier[- ][1-3]\b",
        r"quarantin(e|ed|ing) (pending|the impacted|impacted|affected stock|stock|inventory|skus)",
        r"(impacted|affected) (skus|assets|endpoints|workloads|instances|nodes|services)",
        r"(microservices?|load[- ]balanc\w+|caches?|config(uration)? (change|push|drift))\b",
        r"\b(l[1-3]|n[1-3])\b (support|engineers?|teams?)",
        r"memory leak",
        r"(auth|authentication|payment|identity) (service|layer|stack|microservice)",
        r"(elevated|increased|higher) (error|failure|latency)( rates?)?",
        r"(error|failure) rates?",
        r"(upstream|downstream|third-party|external) dependenc(y|ies)",
        r"operationali[sz]",
        r"roadmap",
        r"robust (remediation|framework|process|controls?|solution)",
        r"single point of failure",
        r"legacy (systems?|middleware|platform|stack|infrastructure|code)",
        r"middleware",
        r"(spun|spin|spinning) up",
        r"redundan(t|cy) (capacity|systems?|servers?|nodes?|links?)",
        r"actioning",
        r"end[- ]users?",
        r"(impact|risk|responsibility|raci) matrix",
        r"provision(ed|ing)? (capacity|resources|servers|instances)",
        r"\b(bgp|tls|ssl|sso|saas|paas|vms?|k8s|kubernetes|sql|ips|waf|cve)\b",
        r"(edge|compute|worker|storage) nodes?",
        r"(mis)?rout(ed|ing) (announcements?|tables?|traffic)",
        r"propagat(ed|ion) (across|through) (our|the)",
        r"post[- ]incident (review|analysis|report)",
        r"workflows?",
        r"\bslas\b",
        r"load balancers?",
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
        (
            r"(relax(,|\.|!|$| everyone| people| guys| folks)|settle down|take a (deep )?breath|get"
            r" a grip)"
        ),
        (
            r"read the (label|instructions|manual|small print|terms|notice|packaging|leaflet|sign)s"
            r"? (before|first|properly|next time)"
        ),
        (
            r"(had you|if you had|if you\'d) (actually |even |just |only |bothered to |taken the ti"
            r"me to |cared to )?(read|looked|checked|listened)"
        ),
        (
            r"((not|never|refuse to|decline to) (\w+ )?)?(dignify|dignifying|honour|honor|justify) "
            r"(these|this|that|such|those|it|them)[^.!?]{0,40} with (a |an |any )?(response|reply|a"
            r"nswer)"
        ),
        (
            r"(not|hardly) (worth|deserve|deserving) (a |an |any |our )?(response|reply|answer|time"
            r"|attention)"
        ),
        r"(beneath us|a waste of (our )?time)",
        (
            r"for (those|anyone|the people|everyone) (at the back|who (still )?(do not|did not|cann"
            r"ot|can not) (get it|understand|read|listen)|who (missed it|were not|was not|have not "
            r"been) paying attention)"
        ),
        r"for the (last|hundredth|umpteenth|millionth|third|tenth) time",
        (
            r"((a little|a bit of|some) (perspective|common sense) (would|might|please|is needed|go"
            r"es)|(get|have|need|show) some (perspective|common sense))"
        ),
        r"(use|try|apply) (some |a little |a bit of |your )?common sense",
        (
            r"(, |it's |it is |this is |that's )(just |only |merely )?(a|an) [a-z ]{1,30}, not (a|a"
            r"n) (tragedy|catastrophe|disaster|drama|crisis)"
        ),
        r"(no|not a) big deal",
        r"(hardly|not exactly) (a|an) (tragedy|catastrophe|disaster|drama|crisis)",
        r"(keyboard warriors?|armchair (experts?|critics?)|so-called experts?)",
        r"with all due respect",
        r"what part of",
        r"(not rocket science|(it is|it's) not (that|so) (hard|difficult|complicated))",
        (
            r"(all you (had|have|need|needed) to do|you (only|just) (had|have|need|needed) to) (was"
            r" |is )?(read|check|look)"
        ),
        (
            r"stop (complaining|whining|panicking|moaning|overreacting|exaggerating|crying|shouting"
            r"|freaking out|making a fuss)"
        ),
        (
            r"(spare|save) (us|me) (the|your) (outrage|drama|lectures?|tears|theatrics|sob stor(y|i"
            r"es))"
        ),
        r"spare us\b",
        r"(nobody|no one) (forced|forces|is forcing|made|makes) you",
        r"less time (complaining|moaning|whining|tweeting|posting|ranting)",
        r"(keep|kept|constantly|always) (complaining|moaning|whining)",
        (
            r"((will|shall|do) not |never |not going to )?waste (our |any more |any )?time (on|answ"
            r"ering|responding|replying|with)"
        ),
        r"get your facts (straight|right)",
        r"(stupid|silly|dumb) (questions?|comments?|complaints?)",
        (
            r"(tired|weary|sick|fed up) (of|with) (explaining|answering|repeating|responding|saying"
            r"|hearing|these)"
        ),
        r"(over and over|again and again)",
        (
            r"(anyone|anybody|everyone) with (basic |a little |an ounce of |any |half a )?(common s"
            r"ense|brain)"
        ),
        (
            r"not (exactly |quite )?(a|an|the) (tragedy|apocalypse|armageddon|catastrophe|end of th"
            r"e world)\b"
        ),
        r"sorry (that |if )?(you|anyone|some people|some of you) (feel|felt|were offended|took)",
        r"scroll (up|down)",
        (
            r"(answered|explained|said|addressed|covered) (this|that|it)( question| point)? (\w+ )?"
            r"(a dozen|many|several|ten|countless|multiple|numerous|a hundred|100|so many) times"
        ),
        (
            r"(some|certain|many|a few|those|the) (people|customers|users|of you|passengers|comment"
            r"ers) (seem|appear) to (think|believe)"
        ),
        r"(by|like) magic",
        r"(get a life|((not|never) (going to )?)?hold (your|their) hands?)",
        r"(try|maybe try|perhaps try) (reading|looking|checking|scrolling)",
        r"(is not|are not|isn't|aren't) (for you|your thing)",
        r"if you can not (handle|cope with|stand|take)",
        r"reading comprehension",
        r"(seems?|appears?) (to be )?(in short supply|optional)",
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
NEGATABLE = frozenset({"blame", "disrespect"})
NEGATION_BEFORE = r"\b(not|never|no|nor|nobody|no one|without)\b( [a-z'-]+){0,2}"

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
