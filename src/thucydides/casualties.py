"""Killed and injured counts stated in a sentence, as conservative low / best / high counts,
and the tally of one incident's counts over a whole report.

Counting rules (ACLED and UCDP): "at least 15" is low 15, best 15, high none; "15 to 20"
is low 15, best 15, high 20; vague quantities take the values in the vague_quantities
lexicon ("dozens" 12); "no one was hurt" is 0; a count that is not given is None.

Besides war reporting ("killing 15 civilians") the patterns read the way local news reports
shootings: people "shot" with no outcome yet, "fatally shot", "pronounced dead", "suffered a
gunshot wound", headlines without articles ("Teen shot in Durham"), victims named one by one
("Jamal Price, 19, died"), the object of the shooter's verb ("shot his nephew"), groups listed
together ("teen, 3 adults shot"), and attackers hit ("the gunman turned the gun on himself";
a child who shot himself is the victim, not an attacker). Words that carry a count ("a
quadruple shooting", "a fatal shooting", "both") count too, and a death told after someone
hit ("boy shot while hunting dies") is of that person.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from .dates import WEEKDAYS, period_end, segment_of
from .lexicons import load
from .types import CasualtyMention, Count, Fatalities, Span

NUMBER_NAMES = [(word, int(value), kind) for word, value, kind in load("number_words")]
UNITS = {w: v for w, v, kind in NUMBER_NAMES if kind == "cardinal" and v < 20}
TENS = {w: v for w, v, kind in NUMBER_NAMES if kind == "cardinal" and v >= 20}
SCALES = {w: v for w, v, kind in NUMBER_NAMES if kind == "scale"}
# "a third victim died": at least three were hit ("a first victim" tells nothing)
ORDINALS = {w: v for w, v, kind in NUMBER_NAMES if kind == "ordinal"}
RECALLED_DAYS = 60  # a sentence dated further back than this tells of an older case
ADDING = {"another", "a further", "an additional", "additional"}
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5, "sextuple": 6}

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_ORDINAL = "|".join(ORDINALS)
# "2017 Man dead" (a dateline before a headline), "15-year-old", "6 yo" and a clock time
# ("shot about 1:45 a.m.", "arrived at 9:21") are not counts
NUMBER = (r"(?<!:)(?!(?:19|20)\d\d\b(?:\s+(?-i:[A-Z])|\s*[,.]))"
          rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORD})(?:[\s-]+(?:and\s+)?(?:{_WORD}))*)"
          r"(?![\s-]*(?:years?|months?|weeks?)[\s-]*old|\s*(?:y/?o|yrs?\.?\s*old)\b)"
          r"(?!:\d|\s*(?:[ap]\.?m\b|[ap]\.m\.|o['’]clock))")
VAGUE = "|".join(sorted((re.escape(row[0]) for row in load("vague_quantities")), key=len,
                        reverse=True))
MODIFIER = (r"(?P<mod>at least|no fewer than|no less than|more than|over|nearly|almost|about|"
            r"around|roughly|approximately|some|up to|as many as|an estimated|at most|"
            r"at the very least|a total of|a further|another|an additional|additional)")
QUANTITY = (rf"(?:{MODIFIER}\s+)?(?:between\s+(?P<lo>{NUMBER})\s+and\s+(?P<hi>{NUMBER})"
            rf"|(?P<n>{NUMBER})(?:\s*(?:to|-|–|or)\s*(?P<n2>{NUMBER}))?"
            rf"|(?P<vague>{VAGUE})|(?P<both>both)"
            rf"|(?P<single>(?:a|the)\s+(?P<ord>{_ORDINAL})|a|an|one|another))")
# words before the noun; "of", a determiner, a relative pronoun, a conjunction, a number or a
# victim's state starts another phrase ("one dead and 11 others shot", "24 hours after 14 people")
ADJECTIVES = (r"(?:(?!(?:of|the|a|an|his|her|their|its|who|that|which|and|or|where|when|while|"
              r"after|before|as|since|were|was|is|are|had|has|have|been|dead|killed|wounded|"
              r"injured|hurt|shot|\d+|" + "|".join([*UNITS, *TENS]) + r")\s)[\w'’-]+\s+){0,3}?")
# "one of them died", "three of the five people hit", "two of the victims, a man and a
# woman, were wounded"
PARTITIVE = rf"(?:\s+of\s+(?:them|those|the (?:{NUMBER}\s+)?(?:[\w-]+\s+)?" \
            r"(?:victims|people|men|women))" \
            r"(?:\s*,\s*(?:a|an)\s[^,]{1,40},)?)?"
PERPETRATORS = (r"(?:suspects?|gunm[ae]n|attackers?|bombers?|assailants?|shooters?|robbers?|"
                r"intruders?|invaders?|killers?|carjackers?|burglars?)")
PERSONS = (r"(?:people|persons|person|civilians?|children|child|kids|men|man|women|woman|boys?|"
           r"girls?|teens?|teenagers?|toddlers?|infants?|babies|baby|students?|soldiers?|troops|"
           r"fighters?|militants?|insurgents?|rebels?|officers?|policemen|policeman|"
           r"police officers?|"
           r"guards?|protesters?|demonstrators?|worshippers?|residents?|villagers?|pilgrims?|"
           r"journalists?|workers?|members?|victims?|individuals?|others?|adults?|youths?|"
           r"relatives|family members|passengers?|patients|doctors|staff|bystanders?|drivers?|"
           r"deput(?:y|ies)|brothers?|sisters?|sons?|daughters?|males?|females?|juveniles?|minors?|"
           r"\d{1,3}[\s-](?:year|month|week)s?[\s-]olds?|employees?|co-?workers?|customers?|"
           r"neighbou?rs?|"
           r"friends?|relatives?|"
           rf"{PERPETRATORS})")
# one person named by a singular noun ("nephew", "teen")
# what "girl", "mother", "son" say of a person: sex and whether a child or a grown-up
PROFILES = {noun: (sex, age) for noun, sex, age in load("victim_nouns")}
VICTIM_NOUNS = set(PROFILES)
CHILD_AGE, ADULT_AGE = 12, 20  # "the 8-year-old" is a child, "the 34-year-old" a grown-up
_PERSON = "|".join(sorted(map(re.escape, VICTIM_NOUNS), key=len, reverse=True))
SUCCUMBED = r"succumbed to (?:his|her|their) (?:[\w-]+\s+)?(?:injuries|wounds?)"
# "died", and the ways news says it without the word
DIED = rf"(?:died|dies|passed away|did not survive|didn['’]t survive|{SUCCUMBED})"
KILLED = (rf"(?:{DIED}|killed|dead(?!\s+or\s+alive)|slain|massacred|executed|murdered|perished|"
          r"lost (?:their|his|her) "
          r"lives?|shot dead|shot,? (?:and )?killed|shot to death|gunned down|"
          r"fatally (?:shot|wounded|injured|stabbed|struck)|killed instantly|pronounced dead|"
          r"beheaded)")
INJURED = (r"(?:injured|wounded|hurt|hospitali[sz]ed|shot and wounded|shot and injured|grazed|"
           r"(?:suffered|sustained|received) (?:[\w-]+\s+){0,3}?(?:injuries|wounds?)|"
           r"(?:treated|treating) for (?:[\w-]+\s+){0,4}?(?:injuries|wounds?)|"
           r"(?:taken|transported|rushed|airlifted|flown) to (?:[\w'’.-]+\s+){1,6}?with "
           r"(?:[\w-]+\s+){0,3}?(?:injuries|wounds?)|"
           r"(?:listed )?in (?:critical|serious|stable|fair|good|grave)(?: but stable)? condition)")
# taken to hospital with no word on the outcome: hit, alive or dead
HOSPITAL = (r"(?:taken|transported|rushed|airlifted|flown|driven|sent) to (?:an?\s+|the\s+)?"
            r"(?:[\w'’.-]+\s+){0,4}?hospitals?")
SHOT = (r"(?:shot|(?:struck|hit) by (?:a\s+)?(?:stray\s+)?(?:gunfire|bullets?)|"
        # "three bystanders were hit" (by a car, with a bat, with charges: no)
        r"(?:struck|hit)(?!\s+(?:by|with)\b)|"
        r"(?:found|discovered) (?:\w+\s+){0,3}?with (?:\w+\s+){0,2}?gunshot wounds?|"
        rf"{HOSPITAL})")
CASUALTIES = r"(?:casualties)"
AUX = r"(?:(?:were|was|have|has|had|been|are|is|being|reportedly|also|later|all|both|allegedly|" \
      r"critically|seriously|severely|slightly|badly|were\s+all|each|then|" \
      r"apparently|eventually|subsequently|ultimately|accidentally|reportedly|being|found)\s+){0,4}"
# "a police officer in Weatherford was shot": a place name may stand between person and verb
PLACE_AFTER = r"(?:\s+(?:in|from|of|near)\s+(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}))?"
CHILDREN = rf"(?:\s*,?\s*(?:including|among them|among whom were)\s+(?P<kids>{NUMBER}|a|an)\s+" \
           rf"(?P<kidnoun>children|child|minors?|kids|women|civilians|soldiers)\s*,?" \
           r"|\s*,\s*including\s[^,]{1,40},(?!\s*(?:is|was|has)\b))?"
AGE = r"(?:\s*,\s*(?:aged\s+)?\d{1,3}\s*,)?"

SELF_INFLICTED = r"(?:kill(?:ed|ing) (?:himself|herself)|" \
                 r"t(?:ook|aking|akes?) (?:(?:his|her) )?own life|" \
                 r"turn(?:ed|ing) the (?:gun|weapon|rifle|pistol) on (?:himself|herself))"
# A victim verb used actively has an object after it ("a man shot his wife"), also after a
# second verb ("a man shot and killed two people"; not "killed two blocks away"): no victim there.
_OBJECT = (r"(?:a|an|the|his|her|their|its|him|them|me|us|it|into|up|back|another|both|each|all|"
           r"several|multiple|open|everyone|everybody|someone|anyone|more|rounds?|shots|bullets|"
           rf"through|out|off|\d+|{_WORD})\b")
_DISTANCE = r"(?:blocks?|miles?|feet|yards?|minutes?|hours?|days?|weeks?)\b"
VICTIM_VERB = (rf"(?P<verb>{KILLED}|{INJURED}|{SHOT})\b(?:(?<=died)|(?<=dead)|(?!\s+{_OBJECT}"
               rf"{{TIMES}})(?!\s+and\s+(?:fatally\s+)?(?:killed|wounded|injured|kills|wounds|"
               rf"injures)\s+{_OBJECT}(?!\s+(?:{_WORD}|\d+)?\s*{_DISTANCE})))")
# after "was": "was hit four times" tells how often, not whom
PASSIVE_VICTIM_VERB = VICTIM_VERB.replace(
    "{TIMES}", rf"(?!(?:[\s-]+(?:{_WORD}|more))?\s+times\b)")
VICTIM_VERB = VICTIM_VERB.replace("{TIMES}", "")
COUNT_BEFORE = re.compile(
    rf"\b{QUANTITY}(?:\s+{ADJECTIVES}(?P<noun>{PERSONS}){PLACE_AFTER})?{PARTITIVE}{AGE}"
    rf"{CHILDREN}\s+"
    rf"(?:who\s+)?{AUX}"
    rf"{VICTIM_VERB}", re.IGNORECASE)
VERB_BEFORE = re.compile(
    rf"\b(?P<verb>fatally (?:shot|shoots|shooting|wounded|wounds|wounding)|killing|killed|kills|"
    rf"wounding|wounded|wounds|injuring|injured|injures|leaving|leaves|"
    rf"left|shot|shooting|shoots|hitting|striking|"
    rf"claimed the lives of|claiming the lives of|claimed|claiming)\s+"
    rf"(?:(?:his|her|their)\s+)?{QUANTITY}"
    # ("four other people hurt": "other" is no noun there)
    rf"(?:\s+{ADJECTIVES}(?P<noun>{PERSONS}|lives)\b(?!\s+{PERSONS}\b))?"
    rf"(?:\s+(?P<state>dead|injured|wounded|hurt))?\b",
    re.IGNORECASE)
TOLL = re.compile(rf"\b(?:death|casualty|fatality) toll\s+(?:\w+\s+){{0,4}}?"
                  rf"(?:to|at|of|reached|is|was|hit)\s+{QUANTITY}", re.IGNORECASE)
CASUALTY_NOUN = re.compile(rf"\b{QUANTITY}\s+(?:of\s+)?(?P<verb>{CASUALTIES})\b", re.IGNORECASE)
NONE_HURT = re.compile(
    r"\b(?:no one|nobody|no other|none|no other people|no officers?)\s+(?:else\s+)?"
    r"(?:(?:inside|in|at|on)\s+[^.,;:!?]{1,40}?\s+)?"
    r"(?:(?:was|were|has been|had been)\s+(?:reported\s+)?"
    r"(?P<verb>killed|hurt|injured|wounded|shot|hit|struck)"
    r"|(?P<died>died|was killed))"
    r"|\bno (?:other |further |additional )?(?P<verb2>injuries|deaths|casualties|fatalities)\s+"
    r"(?:were|was|have been|had been)?\s*reported|\bwithout (?P<verb3>injuries|casualties)"
    r"|\bthere were no (?:other |further )?(?P<verb4>injuries|deaths|casualties|fatalities)\b",
    re.IGNORECASE)
SOME_FATALLY = re.compile(rf"(?<=shot),\s*(?P<n>{NUMBER})\s+(?:of them\s+)?fatally\b",
                          re.IGNORECASE)
# "three juveniles and three adults", "teen, 3 adults", "his wife, two sons": the groups add up
_GROUP = (rf"(?:himself|herself|(?:(?:his|her|their)\s+)?{NUMBER}\s+{ADJECTIVES}{PERSONS}|"
          rf"(?:an?|his|her|their)\s+{ADJECTIVES}"
          rf"(?:{PERSONS}|{_PERSON})|(?!(?:{'|'.join(WEEKDAYS)})\b)"
          rf"(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{0,2}})"
          rf"(?=\s+and\s+(?:his|her|their)\s)|(?:\d{{1,2}}-(?:year|month|week)-old\s+)?"
          rf"(?:{_PERSON}|\d{{1,2}}-year-old)"
          rf"(?:\s*,\s*\d{{1,3}}(?=\s*,))?)")
_AND = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_GROUPS = rf"{_GROUP}(?:{_AND}{_GROUP})+\b"
COORDINATED = re.compile(rf"\b(?P<list>{_GROUPS})\s+{AUX}{VICTIM_VERB}", re.IGNORECASE)
COORDINATED_OBJECTS = re.compile(
    rf"\b(?P<verb>fatally shot|fatally shooting|killing|killed|kills|wounding|wounded|injuring|"
    rf"injured|shooting|shoots|shot)\s+"
    rf"(?P<list>{_GROUPS})", re.IGNORECASE)
# "the killings of an elderly woman and her grandson", "the murders of uncle, nephew"
COORDINATED_DEATHS = re.compile(
    rf"(?<!attempted\s)(?<!non-)\b(?:shooting deaths?|deaths?|killings?|slayings?|murders?|"
    rf"murder-suicide|homicides?)\s+of\s+(?:the\s+)?(?P<list>{_GROUPS})", re.IGNORECASE)
# "he and four others were shot", "a teen and two others were hurt": the others and him
WITH_OTHERS = re.compile(rf"\b(?:he|she|[A-Z][a-z]+|(?i:(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?"
                         rf"(?:{_PERSON}|victim)))\s+and\s+(?P<n>{NUMBER})\s+others?\s+{AUX}"
                         rf"{VICTIM_VERB}")
# "the four victims", "two of the five people shot": the whole group, shot unless it says
GROUP = re.compile(rf"\b(?:of|among|all|all of)\s+the\s+(?P<n>{NUMBER})\s+"
                   rf"(?:people|victims|persons|"
                   rf"men|teens|teenagers|others)\b(?:\s+(?:who\s+were\s+)?(?P<verb>{KILLED}|"
                   rf"{INJURED}|shot)\b)?", re.IGNORECASE)
# "the shooting sent four people to the hospital": hit, the outcome not yet said
SENT_TO_HOSPITAL = re.compile(
    rf"\b(?:sent|sends|sending|put|putting)\s+{QUANTITY}\s+{ADJECTIVES}(?P<noun>{PERSONS})?\s*"
    r"(?:to|in|into)\s+(?:an?\s+|the\s+)?(?:[\w'’.-]+\s+){0,3}?hospitals?\b", re.IGNORECASE)
# "police found two men with gunshot wounds", "located a victim suffering from a wound"
FOUND = re.compile(rf"\b(?:found|located)\s+{QUANTITY}\s+{ADJECTIVES}(?P<noun>{PERSONS})?\s*"
                   rf"(?:[\w-]+\s+){{0,3}}?"
                   r"(?:(?P<dead>dead|fatally)|(?:with|suffering from)\s+(?:[\w-]+\s+){0,3}?"
                   r"(?:gunshot wounds?|bullet wounds?|wounds?|injuries))\b", re.IGNORECASE)
# "... was shot in the head and later pronounced dead": the one just shot has died
AND_DIED = re.compile(r"\b(?:and|but)\s+(?:was\s+|were\s+)?(?:later\s+|then\s+|eventually\s+)?"
                      rf"(?:pronounced dead|{DIED})(?!\w)", re.IGNORECASE)
# Headlines drop the article: "Teen shot in Durham", "Boy, 7, dies after shooting"
_ONE = rf"(?:{_PERSON}|\d{{1,2}}-year-old)(?:\s*,\s*\d{{1,3}}\s*,?)?"
BARE_VICTIM = re.compile(
    rf"\b(?P<list>(?:{_ONE}(?:\s*,\s*|\s+and\s+(?:(?:his|her|their)\s+)?|\s*&\s*))*){_ONE}\s+"
    rf"(?:(?:is|are|was|were|"
    rf"accidentally|critically|seriously|reportedly|found|both)\s+)*{VICTIM_VERB}",
    re.IGNORECASE)
# "his younger brother", "7-year-old daughter" (headlines drop the determiner)
_DESCRIBED = (r"(?:(?!(?:and|or|of|at|in|on|by|to|with|from|into|through|for|after|while|"
              r"during|kill\w*|shoot\w*|shot|wound\w*|injur\w*)\b)"
              r"[\w'’-]+\s+){0,2}?")
# "a boy accidentally shot his younger brother", "killed his wife": one person, the object
SHOT_OBJECT = re.compile(
    rf"\b(?P<verb>(?:fatally\s+)?(?:shot|shoots|shooting|wounded|wounds|wounding)|killed|kills|"
    rf"killing)\s+(?:(?:his|her|their|its|a|an|the)\s+)?{_DESCRIBED}(?P<noun>{_PERSON})\b"
    rf"(?!['’-])", re.IGNORECASE)
# "the fatal shooting of a man", "charged in the death of his nephew", "the killing of two
# men", "the shooting death of 19-year-old Tomas Reyes"
DEATH_OF = re.compile(
    rf"(?<!attempted\s)(?<!non-)(?<!non\s)\b(?:fatal shooting|shooting deaths?|deaths?|killings?|"
    rf"slayings?|murders?|(?:claimed|claiming|took|taking|ended|ending) the (?:life|lives))"
    rf"\s+of\s+(?:(?P<det>his|her|their|a|an|the)\s+)?(?:(?P<n>{NUMBER})\s+)?{_DESCRIBED}"
    rf"(?:(?P<age>\d{{1,2}}-(?:year|month|week)-old)"
    rf"(?:\s+(?-i:(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{0,2}})))?"
    rf"|(?P<noun>{_PERSON}|{PERSONS})\b(?!['’-]))",
    re.IGNORECASE)
# "Boy shot while hunting dies", "a teen, one of three people hit, has died": a death told
# after someone hit in the same sentence is of one of them
DIED_AFTER = re.compile(rf"\b(?:(?:has|have|had|later|eventually|since)\s+)*"
                        rf"{DIED}(?!\w)", re.IGNORECASE)
# "a quadruple shooting", "a double homicide": the people hit are in the word
MULTIPLE = re.compile(rf"(?<!attempted\s)\b(?P<times>{'|'.join(MULTIPLES)})[- ]"
                      r"(?:(?:fatal|deadly)\s+)?"
                      r"(?P<what>shootings?|homicides?|murders?|slayings?|killings?|stabbings?)\b",
                      re.IGNORECASE)
# "a man with a gunshot wound to the shoulder", "a bullet struck the boy": one person hit
HIT_PERSON = re.compile(
    rf"\b(?:an?|the)\s+{_DESCRIBED}(?P<noun>{_PERSON}|\d{{1,2}}-(?:year|month)-old)"
    rf"(?:\s*,\s*\d{{1,3}})?,?\s+with\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:gunshot|bullet)\s+wounds?\b"
    rf"|\b(?:bullets?|rounds?|gunfire|shots?)\s+(?:that\s+)?(?:struck|hit|striking|hitting|strikes|hits)"
    rf"\s+(?:(?:an?|the|his|her)\s+)?{_DESCRIBED}(?P<noun2>{_PERSON}|him|her)\b(?!['’-])",
    re.IGNORECASE)
# "a fatal shooting", "the shooting death": someone died, however many the story counts
FATAL_SHOOTING = re.compile(r"(?<![\w-])(?:(?:fatal|deadly)\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:shooting|stabbing)|shooting death)\b", re.IGNORECASE)
# the dead as found, whoever killed them ("four people dead", "were found dead", "died")
# (not "the gunman had left five dead": those he killed)
STATE_OF_DEATH = re.compile(r"^(?!(?:left|leaving|leaves)\b).*\b(?:dead|died|dies)\b",
                            re.IGNORECASE | re.DOTALL)
MURDER_SUICIDE = re.compile(r"\b(?:murder[- ]suicide|then|before)\b", re.IGNORECASE)
SELF_HARM = re.compile(rf"\b(?:(?P<fatal>{SELF_INFLICTED}|fatally shot (?:himself|herself)|"
                       r"kill(?:s|ed|ing)? self)|"
                       r"(?:shot|shoots|shooting|wounds|wounded) (?:himself|herself|self))\b",
                       re.IGNORECASE)
# "killed his wife, two sons, then himself": the last of the people killed is the killer
THEN_HIMSELF = re.compile(r"\b(?P<verb>kill(?:s|ed|ing)?|fatally shot|fatally shoots|shot|shoots)"
                          r"\s[^.;:!?]{1,80}?(?:,|\band\b|\bthen\b)\s*(?:then\s+)?"
                          r"(?P<self>himself|herself|self)\b", re.IGNORECASE)
AGGREGATE = re.compile(r"\b(?:in|during|from|across)\s+(?:the|these|those|all|both)\s+"
                       r"(?:\w+\s+){0,2}(?:attacks|strikes|raids|bombings|airstrikes|"
                       r"clashes|incidents|shootings|explosions|blasts|assaults)\b|"
                       r"\bin total\b|\bin all\b|"
                       # "5 dead, 17 wounded in weekend shootings": shootings, not one
                       r"(?<!\bthe )(?<!\bthese )(?<!\bboth )\bshootings\b|"
                       # a round-up of a city's or a year's shootings
                       r"\b(?:so far )?this year\b|\bso far\b|\bto date\b|\bcitywide\b|"
                       r"\bacross the city\b|\bin separate (?:\w+\s+)?(?:incidents|shootings|"
                       r"attacks)\b|\bin (?:\w+\s+){0,2}incidents\b|"
                       # counts over a span of time: "since Friday", "in the past two months"
                       r"\bsince (?:last\b|the (?:start|beginning)\b|\d{4}\b|"
                       r"(?-i:[A-Z])[a-z]+day\b|"
                       r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)|"
                       r"\b(?:in|over|during) the (?:past|last) (?:\w+\s+)?(?:days|weeks|months|"
                       r"years)\b", re.IGNORECASE)
PERPETRATOR_HIT = re.compile(
    rf"\b(?:(?:the|a|one|both|two)\s+(?:[\w-]+\s+){{0,2}}?)?(?P<noun>{PERPETRATORS}){AGE}"
    rf"(?:\s*,?\s*who)?\s+{AUX}(?:{SELF_INFLICTED}|{VICTIM_VERB})"
    rf"|\b(?P<verb2>shot and killed|killed|fatally shot|shot and wounded|wounded|shot)\s+"
    rf"(?:the|a|one)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun2>{PERPETRATORS})\b", re.IGNORECASE)
NAMED_VICTIM = re.compile(
    r"(?<![\w.])(?P<who>(?:[Tt]he|[Hh]is|[Hh]er) (?:victim|man|woman|boy|girl|teen|teenager|child|"
    r"toddler|infant|baby|driver|passenger|son|daughter|juvenile|\d{1,3}-year-old)|[Hh]e|[Ss]he"
    r"|(?:[A-Z][a-z'’-]+\s+|[A-Z]\.\s+){0,3}[A-Z][a-z'’-]{2,})"
    r"(?:\s*,\s*(?:aged\s+)?\d{1,3}\s*,?)?(?:\s*,\s*(?:who|a|an|the)\s[^,]{1,80},)?"
    r"(?:\s+(?:of|from)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?"
    r"(?:\s+(?:boy|girl|man|woman|victim))?(?:\s+who)?\s+"
    r"(?:(?:was|is|had been|has been|is being|was being)\s+(?:(?:later|also|then|critically|"
    rf"seriously|reportedly|accidentally|found)\s+)*{PASSIVE_VICTIM_VERB}"
    rf"|(?:later\s+|eventually\s+|then\s+)?(?P<died>{DIED})(?!\w)"
    r"|(?P<suffered>(?:suffered|sustained) (?:[\w-]+\s+){0,3}?(?:injuries|wounds?))\b)")
# "the man was later gunned down by deputies": the one the police shot is the attacker
BY_POLICE = re.compile(r"(?:(?<=shot)|(?<=lled)|(?<=dead)|(?<=nded)|(?<=slain)|(?<=down))\s+by\s+"
                       r"(?:(?:an?|the|two|three|several)\s+)?"
                       r"(?:(?:off-duty|on-duty|local|city|county|state|federal|"
                       r"(?-i:[A-Z])[\w'’.-]*,?)\s+){0,3}?"
                       r"(?:police|officers?|deput(?:y|ies)|troopers?|agents?|marshals?|SWAT)\b",
                       re.IGNORECASE)
# "an uncle of hers was killed in a robbery two decades ago": long before, not the story's
YEARS_AGO = re.compile(r"(?:\s+[\w,'’-]+){0,8}?\s+(?:(?:a|one|two|three|four|five|six|several|"
                       r"many|\d+)\s+)?(?:years?|decades?)\s+ago\b", re.IGNORECASE)
# "died in a highway collision", "was killed in a crash on the interstate": no violence
_NONVIOLENT = "|".join(sorted((re.escape(row[0]) for row in load("nonviolent_deaths")), key=len,
                              reverse=True))
NOT_BY_VIOLENCE = re.compile(rf"(?:\s+[\w,'’-]+){{0,6}}?\s+(?:in|during|of|from|after|when)\s+"
                             rf"(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w-]+\s+){{0,2}}?"
                             rf"(?:{_NONVIOLENT})\b", re.IGNORECASE)
_RECALL = {kind: "|".join(word for word, k in load("recall_cues") if k == kind)
           for kind in ("other-case", "time-back")}
# "killed in a previous shooting", "in a separate incident", "just weeks earlier", "a week
# after a fatal shooting": another case
OTHER_CASE = re.compile(rf"\b(?:a|an|the)\s+(?:{_RECALL['other-case']})\s+(?:[\w-]+\s+)?"
                        r"(?:shootings?|incidents?|attacks?|killings?|homicides?|cases?|"
                        r"murders?|robber(?:y|ies))\b"
                        rf"|\b(?:{_RECALL['time-back']})\s+(?:(?:earlier|before|ago|prior)\b|"
                        r"after\s+an?\s)",
                        re.IGNORECASE)
# A line of page furniture pointing at another story: a bracketed link, a teaser cut off
# with an ellipsis, a video title before its "Pause" button
OTHER_STORY = re.compile(r"^\s*\[[^\]]*\]\s*$|(?:…|\.\.\.|\bPause)\s*$")
AGE_KEY = re.compile(r"\d{1,3}-(?:year|month|week)-old")
DETERMINERS = {"the", "his", "her", "a", "an", "he", "she"}
NOT_NAMES = {"police", "officers", "authorities", "investigators", "it", "this", "that", "there",
             "who", "what", "one", "nobody", "no", "none", "everyone", "school", "department",
             "office", "county", "city", "hospital", "center", "university", "college", "church",
             "court", "jail", "street", "avenue", "road", "park", "state", "company",
             "everybody", "someone", "somebody", "anyone", "anybody"}


def words_to_int(text: str) -> int | None:
    text = text.lower().replace(",", "").strip()
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text):
        if word == "and" or not word:
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def _vague() -> dict[str, tuple[int, int | None]]:
    return {row[0]: (int(row[1]), None if row[2] == "-" else int(row[2]))
            for row in load("vague_quantities")}


def parse_quantity(m: re.Match) -> Count | None:
    g = m.groupdict()
    mod = (g.get("mod") or "").lower()
    if g.get("lo"):
        low, high = words_to_int(g["lo"]), words_to_int(g["hi"])
        return Count(low, low, high)
    if g.get("n"):
        low = words_to_int(g["n"])
        if low is None:
            return None
        high = words_to_int(g["n2"]) if g.get("n2") else None
        if high is not None and high < low:
            high = None
    elif g.get("vague"):
        low, high = _vague()[g["vague"].lower()]
        return Count(low, low, high)
    elif g.get("both"):
        return Count(2, 2, 2)
    elif g.get("single"):
        low, high = 1, None
    else:
        return None
    if mod in {"more than", "over"}:
        return Count(low + 1, low + 1, high)
    if mod in {"nearly", "almost", "up to", "at most", "as many as"}:
        return Count(None, low, low)
    if mod in {"about", "around", "roughly", "approximately", "some", "an estimated"}:
        return Count(None, low, high)
    return Count(low, low, high if high else (low if not mod or mod in ADDING | {"a total of"}
                                               else None))


def _kind(verb: str) -> str:
    verb = verb.lower()
    if re.fullmatch(KILLED, verb):
        return "killed"
    if re.fullmatch(CASUALTIES, verb):
        return "casualties"
    if re.fullmatch(SHOT, verb):
        return "shot"
    return "injured"


def _done_to_object(verb: str) -> str:
    """What an active verb did to the people after it: "killing two" killed, "shoots 4" shot
    (no outcome yet), "wounding three" injured."""
    verb = verb.lower()
    if verb.startswith(("kill", "claim", "fatally")):
        return "killed"
    return "shot" if verb.startswith(("shot", "shoot", "hit", "strik")) else "injured"


def _adds(m: re.Match) -> bool:
    """Whether the count is of victims beyond those already counted ("another man died").
    Not the other of a pair ("one of them walked into a clinic and another was driven to a
    hospital"), nor another than the shooter ("a teenager wounded another man")."""
    g = m.groupdict()
    said = (g.get("mod") or g.get("single") or "").lower()
    before = m.string[:m.start()]
    return said in ADDING and not re.search(r"\bone\b", before, re.IGNORECASE) and \
        not re.search(r"\b(?:left|leaving|leaves|killed|killing|shot|shooting|wounded|wounding|"
                      r"injured|injuring)\s+$", before, re.IGNORECASE)


def _victim_key(who: str) -> str:
    """How one victim is told apart: a surname ("Smith"), a kind of person ("father"), or
    nothing for a pronoun or an age, which could be anyone already counted."""
    words = re.sub(r"^(?:And|Also|But|Then|Meanwhile)\s+", "", who).split()
    last = words[-1].lower().rstrip(",")
    if last in {"he", "she", "victim"}:
        return ""
    if len(words) > 1 and words[0].lower() in VICTIM_NOUNS and words[1][:1].isupper():
        words = words[1:]  # a title before the name: "Deputy Ruth Amsel"
    if words[0][:1].isupper() and words[0].lower() not in DETERMINERS | VICTIM_NOUNS:
        return " ".join(w for w in words if not re.fullmatch(r"[A-Z]\.", w))
    return last


def _shot_at(m: re.Match) -> bool:
    """ "A man shot at officers", "they were shot at by gunmen": fired at, not said to be hit
    (where "four people were shot at a party" is). A place after a passive verb, or with a
    noun after it ("shot at a house party"), is where the victims were hit."""
    if m["verb"].lower() != "shot":
        return False
    rest = m.string[m.end():]
    if re.match(r"\s+at\s+(?:by\b|(?:the\s+|a\s+|two\s+|several\s+)?(?:police|officers?|"
                r"deput(?:y|ies)|troopers?|agents?|him|her|them|us|me|people|crowds?|group)\b)",
                rest, re.IGNORECASE):
        return True
    passive = re.search(r"\b(?:are|were|was|is|been|being)\s+(?:\w+\s+)?$",
                        m.string[:m.start("verb")], re.IGNORECASE)
    return not passive and re.match(
        r"\s+at\s+(?:the\s+|a\s+)?(?:cars?|vehicles?|houses?|homes?)"
        r"(?=\s*(?:[.,;:!?]|$|(?:on|in|at|near|and|with|from|as|while|when|after|before)\b))",
        rest, re.IGNORECASE) is not None


def _stranger_hit(m: re.Match) -> bool:
    """ "A man was shot in the leg and a woman was grazed": each "a <person>" hit and not
    killed in one sentence is one more person, so the sentence counts them together."""
    return (m["single"] or "").lower() in {"a", "an"} and bool(m["noun"]) and \
        re.fullmatch(PERPETRATORS, m["noun"], re.IGNORECASE) is None and \
        _kind(m["verb"]) in {"shot", "injured"}


def _shot_fired(m: re.Match) -> bool:
    """ "He fired a shot": "a" with no person after it is the noun "shot", not one victim."""
    return (m["single"] or "").lower() in {"a", "an"} and not m["noun"] and \
        m["verb"].lower() == "shot"


PAST_VERBS = {"killed", "wounded", "injured", "shot"}
# "Man shot by his 12-year-old grandson has died": the one after "by" did the shooting
AGENT_BEFORE = re.compile(r"\bby\s+(?:(?:his|her|their|a|an|the)\s+)?(?:[\w-]+\s+)?$",
                          re.IGNORECASE)
# "from North Fairview", "in Easton", "on the Cedar Flats": the words just before a capitalised
# name make it a place
PLACE_BEFORE = re.compile(r"\b(?:of|from|in|near|at|outside|on)\s+(?:the\s+)?"
                          rf"(?!(?i:{'|'.join(WEEKDAYS)})\b)(?:[A-Z][\w'’.-]*\s+){{0,2}}$")
# What may follow a bare count after its verb ("killed four and injured 12", "wounded three in
# Dayton"); anything else ("shot 15 times", "killed 10 years ago") is no count of people.
BARE_COUNT_END = re.compile(r"\s*(?:[.,;:!?)]|$|(?:and|or|in|at|on|near|when|as|after|"
                            r"during|inside|outside|while|including)\b)", re.IGNORECASE)


def _bare_count_ends(sentence: str, m: re.Match) -> bool:
    """Whether a number with no noun after a victim verb ends the phrase, as a count does."""
    return BARE_COUNT_END.match(sentence, m.end()) is not None


def _before_person_noun(m: re.Match) -> bool:
    """ "3-year-old Harlow toddler": the capitalised words describe a person noun, they are
    not a name."""
    words = m["name"].split()
    after = re.match(r"\s+([\w-]+)", m.string[m.end():])
    return words[-1].lower() in VICTIM_NOUNS or \
        (after is not None and after.group(1).lower() in VICTIM_NOUNS)


def _place_named(sentence: str, start: int) -> bool:
    """ "A man from Fairview was shot": a capitalised name after "from", "of" or "in" is the
    place the victim comes from or was hit in, not the victim."""
    return PLACE_BEFORE.search(sentence, 0, start) is not None


# "had left five dead": the verb's object, read with the verb
LEFT_BEFORE = re.compile(r"\b(?:left|leaving|leaves)\s+$", re.IGNORECASE)
AGES_BEFORE = re.compile(r"\bages?\s+(?:of\s+)?(?:\d+\s*(?:and|to|-|–)\s*)?$", re.IGNORECASE)


def _is_age(m: re.Match) -> bool:
    """ "Nell Brody, 24 was shot": a bare number before a singular verb is an age; so is
    one after "ages" ("four students between the ages of 13 and 16 were hurt")."""
    return bool(m["n"]) and not m["noun"] and (words_to_int(m["n"]) != 1 and re.match(
        r"\s*(?:who\s+)?(?:was|is|has)\b", m.string[m.end("n"):]) is not None or
        AGES_BEFORE.search(m.string, 0, m.start("n")) is not None)


def find_casualties(sentence: str, offset: int = 0) -> list[CasualtyMention]:
    """Casualty counts in one sentence; offsets are shifted by `offset`."""
    mentions: list[CasualtyMention] = []
    taken: list[tuple[int, int]] = []
    aggregate = bool(AGGREGATE.search(sentence))

    def add(kind: str, count: Count | None, m: re.Match, noun: str | None = None,
            children: int | None = None, within: bool = False, **flags) -> None:
        """`within`: a part of the phrase just read, counted apart ("and himself")."""
        if count is None or not within and any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append(m.span())
        noun = (noun or "").lower()
        civilians = count.best if noun.startswith("civilian") and kind == "killed" else None
        kids = count.best if noun in {"children", "child", "kids", "boy", "girl", "boys", "girls",
                                      "toddler", "infant", "baby", "babies"} else children
        flags.setdefault("perpetrator", bool(noun) and re.fullmatch(PERPETRATORS, noun) is not None
                         or BY_POLICE.match(sentence, m.end()) is not None)
        mentions.append(CasualtyMention(kind, count, Span(m.start() + offset, m.end() + offset,
                                                          m.group(0)),
                                        children=kids, civilians=civilians, aggregate=aggregate,
                                        **flags))

    for m in NONE_HURT.finditer(sentence):
        verb = next(v for v in m.group("verb", "died", "verb2", "verb3", "verb4") if v).lower()
        kinds = {"killed": ["killed"], "died": ["killed"], "was killed": ["killed"],
                 "deaths": ["killed"], "fatalities": ["killed"],
                 "casualties": ["killed", "injured"]}.get(verb, ["injured"])
        for kind in kinds:
            add(kind, Count(0, 0, 0), m)
    for m in TOLL.finditer(sentence):
        add("killed", parse_quantity(m), m, update=True)
    for m in PERPETRATOR_HIT.finditer(sentence):
        verb = (m.group("verb") or m.group("verb2") or "killed").lower()
        add(_kind(verb), Count(*[2 if m.group(0).lower().startswith(("both", "two")) else 1] * 3),
            m, perpetrator=True)
    for m in SOME_FATALLY.finditer(sentence):
        add("killed", parse_quantity(m), m)
    for m in COORDINATED.finditer(sentence):
        people = _people_listed(m["list"])
        add(_kind(m["verb"]), Count(people, people, people), m)
    for m in COORDINATED_OBJECTS.finditer(sentence):
        # "kills wife, two sons and himself": the killer is counted apart (one who wounded
        # himself and his two sons is one of the three hit)
        kind = _done_to_object(m["verb"])
        himself = re.search(r"\b(?:himself|herself)\b", m.group(0), re.IGNORECASE) \
            if kind == "killed" else None
        people = _people_listed(m["list"]) - (himself is not None)
        add(kind, Count(people, people, people), m)
        if himself:
            self_hit = re.compile(r"\w+").match(sentence, m.start() + himself.start())
            add(kind, Count(1, 1, 1), self_hit, within=True, perpetrator=True)
    for m in COORDINATED_DEATHS.finditer(sentence):
        people = _people_listed(m["list"])
        add("killed", Count(people, people, people), m)
    suicides = []
    for m in SELF_HARM.finditer(sentence):
        if m["fatal"]:
            add("killed", Count(1, 1, 1), m, perpetrator=True)
            suicides.append(m.start() + offset)
        else:
            add("shot", Count(1, 1, 1), m, victim="")
    for m in WITH_OTHERS.finditer(sentence):
        people = (words_to_int(m["n"]) or 0) + 1
        add(_kind(m["verb"]), Count(people, people, people), m)
    strangers = []
    for m in COUNT_BEFORE.finditer(sentence):
        if _is_age(m) or _shot_at(m) or _shot_fired(m) or \
                LEFT_BEFORE.search(sentence, 0, m.start()):
            continue
        if _stranger_hit(m):
            strangers.append(m)
            continue
        kids = None
        if m.group("kids"):
            kids = 1 if m.group("kids").lower() in {"a", "an"} else words_to_int(m.group("kids"))
            if m.group("kidnoun").lower() not in {"children", "child", "minors", "minor", "kids"}:
                kids = None
        # "a second victim died" counts on; "the fifth man" only points at one of them
        ordinal = ORDINALS.get((m.group("ord") or "").lower()) \
            if (m.group("single") or "").lower().startswith("a ") else None
        add(_kind(m.group("verb")), parse_quantity(m), m, m.group("noun"), kids,
            adds=_adds(m) and ordinal is None, ordinal=ordinal)
    if strangers:
        kinds = {_kind(m["verb"]) for m in strangers}
        whole = re.compile(r".+", re.DOTALL).match(sentence, strangers[0].start(),
                                                     strangers[-1].end())
        add("shot" if kinds == {"shot"} else "injured",
            Count(len(strangers), len(strangers), len(strangers)), whole,
            strangers[0]["noun"] if len(strangers) == 1 else None)
    for m in VERB_BEFORE.finditer(sentence):
        verb = m.group("verb").lower()
        state = (m.group("state") or "").lower()
        if verb in {"leaving", "leaves", "left"}:
            if not state:
                continue
            kind = "killed" if state == "dead" else "injured"
        else:
            kind = _done_to_object(verb)
        if verb in {"killed", "wounded", "injured", "shot", "shooting", "claimed", "claiming",
                    "hitting", "striking"} and \
                not m.group("noun") and not (verb in PAST_VERBS and _bare_count_ends(sentence, m)):
            continue
        # "wounded another man": another than the shooter, not one more victim
        add(kind, parse_quantity(m), m, m.group("noun"))
    for m in CASUALTY_NOUN.finditer(sentence):
        add("casualties", parse_quantity(m), m)
    # "and dozens injured" after a killed count: the conjunct shares the subject
    for m in re.finditer(rf"\band\s+{QUANTITY}\s+(?:(?:more|others?|people)\s+)?{AUX}"
                         rf"(?P<verb>{INJURED}|{KILLED}|{SHOT})\b", sentence, re.IGNORECASE):
        if not (m["n"] and AGES_BEFORE.search(sentence, 0, m.start("n"))):
            add(_kind(m.group("verb")), parse_quantity(m), m, adds=_adds(m))
    for m in GROUP.finditer(sentence):
        total = words_to_int(m["n"])
        if total:
            add(_kind(m["verb"]) if m["verb"] else "shot", Count(total, total, total), m)
    for m in SENT_TO_HOSPITAL.finditer(sentence):
        add("shot", parse_quantity(m), m, m["noun"])
    for m in FOUND.finditer(sentence):
        add("killed" if m["dead"] else "shot", parse_quantity(m), m, m["noun"])
    for m in BARE_VICTIM.finditer(sentence):
        if _shot_at(m) or AGENT_BEFORE.search(sentence, 0, m.start()):
            continue
        people = 1 + len(re.findall(_ONE, m["list"], re.IGNORECASE))
        add(_kind(m["verb"]), Count(people, people, people), m,
            victim=_victim_key(m.group(0).split()[0].lower()) if people == 1 else None)
    for m in SHOT_OBJECT.finditer(sentence):
        if not _shot_at(m):
            add(_done_to_object(m["verb"]), Count(1, 1, 1), m, victim=m["noun"].lower())
    for m in THEN_HIMSELF.finditer(sentence):
        killer = re.compile(r"\w+").match(sentence, m.start("self"))
        # "shot and killed her and his wife, then himself": killed, the last verb says
        if _done_to_object(m["verb"]) == "killed" or re.search(r"\bkill", m.group(0), re.I):
            add("killed", Count(1, 1, 1), killer, perpetrator=True)
        else:
            add("shot", Count(1, 1, 1), killer, victim="")
    for m in DEATH_OF.finditer(sentence):
        people = words_to_int(m["n"]) if m["n"] else 1
        if people and people > 1:
            add("killed", Count(people, people, people), m, m["noun"])
        elif people:
            # a name follows a bare age ("of 18-year-old Dale Moss", not "of a 15-year-old
            # Central High student" nor "of 3-year-old Harlow toddler")
            name = m["name"] if m["name"] and not m["det"] and not _before_person_noun(m) \
                else None
            add("killed", Count(1, 1, 1), m, victim=name or (m["noun"] or m["age"]).lower())
    for m in NAMED_VICTIM.finditer(sentence):
        # "on Monday Ruth Amsel was shot": the weekday is no part of the name
        day = re.match(rf"(?i:{'|'.join(WEEKDAYS)})\s+", m.group("who"))
        who = m.group("who")[day.end():] if day else m.group("who")
        if who.lower() in NOT_NAMES or who.split()[-1].lower() in NOT_NAMES or \
                _place_named(sentence, m.start() + (day.end() if day else 0)):
            continue
        kind = "killed" if m["died"] else "injured" if m["suffered"] else _kind(m["verb"])
        add(kind, Count(1, 1, 1), m, victim=_victim_key(who))
    for m in HIT_PERSON.finditer(sentence):
        noun = (m["noun"] or m["noun2"]).lower()
        add("shot", Count(1, 1, 1), m, victim="" if noun in {"him", "her"} else noun)
    for m in MULTIPLE.finditer(sentence):
        people = MULTIPLES[m["times"].lower()]
        add("shot" if m["what"].lower().startswith("shoot") else
            "injured" if m["what"].lower().startswith("stab") else "killed",
            Count(people, people, people), m)
    for m in FATAL_SHOOTING.finditer(sentence):
        add("killed", Count(1, 1, None), m, victim="")
    for m in [*AND_DIED.finditer(sentence), *DIED_AFTER.finditer(sentence)]:
        hit = [c for c in mentions if c.kind in {"shot", "injured"} and
               c.span.end <= m.start() + offset]
        if any(m.start() < end and start < m.end() for start, end in taken):
            continue
        if hit and hit[-1].count.best == 1:
            mentions[mentions.index(hit[-1])] = replace(hit[-1], kind="killed")
            taken.append(m.span())
        elif hit or m.re is AND_DIED:
            add("killed", Count(1, 1, 1), m, victim="")
    if suicides and not (_kills_others(sentence, mentions, suicides) and
                         not _victim_who_took_own_life(sentence, offset, mentions, suicides)):
        mentions = [replace(c, perpetrator=False, victim="") if c.span.start in suicides else c
                    for c in mentions]
    mentions = _of_this_story(sentence, offset, mentions)
    mentions.sort(key=lambda c: c.span.start)
    return _hit_then_died(_others_shot_survived(mentions))


def _hit_then_died(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "Ortega was taken to a hospital with a chest wound, where he died": the one wounded
    just before "he died" in a sentence is the one who died. (One shot, outcome not said, is
    left to the tally, which counts him among the dead.)"""
    out = list(mentions)
    for c in mentions:
        if c.kind == "killed" and c.victim == "":
            hit = [i for i, b in enumerate(out) if b.kind == "injured" and
                   b.count.best == 1 and b.span.end <= c.span.start]
            if hit:
                out[hit[-1]] = replace(out[hit[-1]], kind="killed")
    return out


def _of_this_story(sentence: str, offset: int,
                   mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """Drop deaths by other causes ("died in a highway collision"); mark deaths long ago
    ("was killed in a robbery two decades ago") as another case's."""
    return [replace(c, aggregate=True) if YEARS_AGO.match(sentence, c.span.end - offset) else c
            for c in mentions
            if not (c.kind == "killed" and NOT_BY_VIOLENCE.match(sentence, c.span.end - offset))]


def _others_shot_survived(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "One dead and 11 others shot": the others shot after the dead are the survivors."""
    dead_at = min((c.span.start for c in mentions if c.kind == "killed"), default=None)
    if dead_at is None:
        return mentions
    return [replace(c, kind="injured") if c.kind == "shot" and c.span.start > dead_at and
            re.search(r"\bothers?\b", c.span.text, re.IGNORECASE) else c for c in mentions]


def _people_listed(groups: str) -> int:
    """People in "a man, two women and a boy, 15", "himself and his two sons": each group's
    number, else one; an age between commas is no group."""
    parts = [p for p in re.split(_AND, groups) if p and not p.strip().isdigit()]
    return sum(next((n for n in map(words_to_int, p.split()[:2]) if n), 1) for p in parts)


def _victim_who_took_own_life(sentence: str, offset: int, mentions: list[CasualtyMention],
                              suicides: list[int]) -> bool:
    """ "charged in the death of his son, who killed himself with a gun": the one who took
    his own life is the victim just named."""
    return any(re.fullmatch(r"\s*,?\s*who\s+(?:\w+\s+)?", sentence[c.span.end - offset:s - offset])
               for c in mentions if c.victim for s in suicides if c.span.end <= s)


def _kills_others(sentence: str, mentions: list[CasualtyMention], suicides: list[int]) -> bool:
    """Whether one who took his own life is an attacker: the sentence tells of others hit
    ("killed his wife, then himself", "before turning the gun on himself"). Otherwise he is
    the victim ("a boy, 9, fatally shot himself"), counted once with the others reported."""
    return any(c.count.best for c in mentions if c.span.start not in suicides) or \
        MURDER_SUICIDE.search(sentence) is not None


def tally(mentions: list[CasualtyMention]) -> tuple[Fatalities, Count]:
    """Killed and injured over several reports of one incident, read in text order.

    The same victims are reported again and again (headline, lead, body), so counts are not
    summed: the largest wins. Only what the text marks as more adds up ("another man died",
    "a second victim"), victims named one by one count once each, a revised toll supersedes
    the figures before it, and "no one was hurt" is 0 only when no count says otherwise.
    Attackers hit are counted with the others and their dead kept apart as `perpetrators`.
    People shot without an outcome are wounded unless they are among the dead, and a victim
    the story follows ("she was wounded ... she died") is counted once, as dead.
    """
    ordered = _counted_on(_another_of_other_kind(sorted(mentions, key=lambda c: c.span.start)))
    dead_names = {c.victim for c in ordered if c.kind == "killed" and c.victim}
    anyone_dead = any(c.kind == "killed" and c.count.best for c in ordered)

    def of(kind: str, perpetrator: bool) -> list[CasualtyMention]:
        return [c for c in ordered if c.kind == kind and c.perpetrator == perpetrator and
                not (kind != "killed" and _died_later(c, dead_names, anyone_dead))]

    killed = _running(of("killed", False))
    attackers_killed = _running(of("killed", True))
    injured = _plus(_running(of("injured", False)), _running(of("injured", True)))
    shot_victims, shot_attackers = _running(of("shot", False)), _running(of("shot", True))
    shot = _plus(shot_victims, shot_attackers)
    dead = _with_attackers(killed, attackers_killed, of("killed", False))
    rest = _alive(shot_victims, killed) + _alive(shot_attackers, attackers_killed)
    if shot.best and (not injured.given or rest > (injured.best or 0)):
        injured = Count(rest, rest, rest)
    survivors = _survivors_told_apart(ordered, dead_names)
    if survivors > (injured.best or 0):
        injured = Count(survivors, survivors, None)
    kids = [c.children for c in ordered if c.kind == "killed" and c.children is not None]
    civilians = [c.civilians for c in ordered if c.kind == "killed" and c.civilians is not None]
    fatalities = Fatalities(dead.low, dead.best, dead.high, max(kids, default=None),
                            max(civilians, default=None),
                            attackers_killed.best if attackers_killed.best else None)
    return fatalities, injured


def _alive(shot: Count, dead: Count) -> int:
    """Those shot less the dead of the same side: an attacker killed was not among the people
    he shot."""
    return max((shot.best or 0) - (dead.best or 0), 0)


def _with_attackers(killed: Count, attackers: Count,
                    victims: list[CasualtyMention]) -> Count:
    """All the dead: the victims and the attackers who died. "A father and his daughter were
    found dead" after "he killed his daughter, then himself" counts the killer already: a
    count of the dead (not of those killed) larger than the victims the killer is said to
    have hit includes him."""
    if not attackers.best:
        return _plus(killed, attackers)
    hit = _running([c for c in victims if not STATE_OF_DEATH.search(c.span.text)])
    if killed.best and killed.best > (hit.best or 0):
        return _larger(killed, _plus(hit, attackers))
    return _plus(killed, attackers)


def _another_of_other_kind(ordered: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "Three men were killed and another was wounded": "another" right after a count of the
    other outcome is one more person hit, not one more of its own kind; after the dead,
    "another girl, also 14, was shot in the arm" is someone who lived."""
    fatal = [c.kind == "killed" for c in ordered]
    return [replace(c, adds=False, kind="injured" if c.kind == "shot" else c.kind)
            if c.adds and i and fatal[i - 1] != fatal[i] else c
            for i, c in enumerate(ordered)]


def _counted_on(ordered: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "A triple shooting ... A woman was grazed on the wrist. Another woman was hit":
    "another" is one more than the report just before it of the same outcome, not one more
    than the largest figure, since a story gives the total and then tells of the victims one
    by one."""
    out: list[CasualtyMention] = []
    for c in ordered:
        before = next((b for b in reversed(out) if (b.kind == "killed") == (c.kind == "killed")
                       and b.perpetrator == c.perpetrator), None)
        if c.adds and before is not None and before.count.given:
            c = replace(c, count=_plus(before.count, c.count), adds=False)
        out.append(c)
    return out


def _same_person(a: str, b: str) -> bool:
    """ "Dana Whitfield", "Whitfield" and "Dana" name one victim."""
    return a == b or (a[:1].isupper() and b[:1].isupper() and
                      bool(set(a.split()) & set(b.split())))


def _survivors_told_apart(ordered: list[CasualtyMention], dead_names: set[str]) -> int:
    """People hit whom the story tells apart from every one of the dead by a name or an age
    of the same sort ("the 15-year-old died ... the 22-year-old was treated and released"),
    or by a kind of person that cannot be the same ("the toddler died ... the toddler's
    grandmother was driven to a hospital"): someone else, who lived. The figure of people
    shot less the dead misses them when each is told of one by one."""
    others = {c.victim for c in ordered if c.kind != "killed" and c.victim and
              not c.perpetrator and
              any(_told_apart(c.victim, dead) for dead in dead_names) and
              not any(_told_apart(c.victim, dead) is False for dead in dead_names)}
    names = [v for v in others if v[:1].isupper()]
    kinds: list[str] = []
    for victim in sorted(others - set(names)):
        if all(_told_apart(victim, known) for known in kinds):
            kinds.append(victim)
    return _people_named(names) + len(kinds)


def _told_apart(a: str, b: str) -> bool | None:
    """Whether two victims are two people (True), may be one (False), or cannot be compared
    (None, as a name and a kind of person)."""
    if _sort_of(a) and _sort_of(a) == _sort_of(b):
        return not (_same_person(a, b) or _spelled_alike(a, b))
    one, other = _profile(a), _profile(b)
    if one is None or other is None:
        return None
    return any(x != y and "-" not in (x, y) for x, y in zip(one, other))


def _sort_of(victim: str) -> str:
    return "name" if victim[:1].isupper() else "age" if AGE_KEY.fullmatch(victim) else ""


def _profile(victim: str) -> tuple[str, str] | None:
    """Sex and age group a victim key tells: from its noun, or from an age."""
    if AGE_KEY.fullmatch(victim):
        years = int(victim.split("-")[0]) if "year" in victim else 0
        return "-", "young" if years <= CHILD_AGE else "adult" if years >= ADULT_AGE else "-"
    return PROFILES.get(victim)


def _spelled_alike(a: str, b: str) -> bool:
    """ "Kowalski" and "Kowalsky", "Frederick" and "Fred": a name spelled two ways in one
    story is one person."""
    return a[:1].isupper() and b[:1].isupper() and any(
        SequenceMatcher(None, x, y).ratio() >= 0.8 or
        (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)))
        for x in a.split() for y in b.split())


def _died_later(mention: CasualtyMention, dead_names: set[str], anyone_dead: bool) -> bool:
    """Whether a wounded victim named or pointed at ("Smith", "the boy", "he") is one of the
    dead: the same name, a kind of person that may be the one who died ("the toddler
    died ... the wounded girl"), or a pronoun when someone died."""
    if mention.victim is None:
        return False
    if not mention.victim:
        return anyone_dead
    return any(_same_person(mention.victim, dead) for dead in dead_names)


def _running(counts: list[CasualtyMention]) -> Count:
    """One figure from reports of the same kind, in text order (see `tally`). Victims told
    apart by names or by ages ("the 17-year-old", "the 12-year-old") are that many people."""
    total = Count()
    zero = False
    victims: set[str] = set()
    for c in counts:
        if c.count.best == 0:
            zero = True
        elif c.victim is not None:
            victims.add(c.victim)
        elif c.update or not total.given:
            total = c.count
        elif c.ordinal:
            total = _larger(total, Count(c.ordinal, c.ordinal, None))
        elif c.adds:
            total = _plus(total, c.count)
        else:
            total = _larger(total, c.count)
    named = max(_people_named([v for v in victims if v[:1].isupper()]),
                sum(AGE_KEY.fullmatch(v) is not None for v in victims))
    people = named or (1 if victims else 0)
    if people:
        total = _larger(total, Count(people, people, None if named > 1 else people))
    if not total.given and zero:
        return Count(0, 0, 0)
    return total


def _people_named(names: list[str]) -> int:
    """How many people the names stand for, a full name and its parts being one person."""
    people: list[set[str]] = []
    for name in sorted(names, key=len, reverse=True):
        if not any(_same_person(name, " ".join(known)) for known in people):
            people.append(set(name.split()))
    return len(people)


def _larger(a: Count, b: Count) -> Count:
    """The report with the higher conservative figure: a later report rarely counts fewer."""
    if not a.given:
        return b
    return max(a, b, key=lambda c: (c.best or 0, c.low or 0))


def _plus(a: Count, b: Count) -> Count:
    if not a.given or not b.given:
        return a if a.given else b

    def add(x: int | None, y: int | None) -> int | None:
        return None if x is None or y is None else x + y
    return Count(add(a.low, b.low), add(a.best, b.best), add(a.high, b.high))


VERB_OUTCOMES = dict(load("victim_verbs"))
REFLEXIVES = {"himself", "herself", "themselves"}  # the killer, read by the patterns
GUNFIRE = {row[0] for row in load("gunfire_nouns")}
CARE = {row[0] for row in load("care_nouns")}


def parsed_victims(sent: SpacySpan, found: list[CasualtyMention]) -> list[CasualtyMention]:
    """People hit as the dependency parse tells them, where the patterns read fewer: the
    subject of a passive victim verb (or of "died") with its conjuncts ("a deputy and the
    armed intruder were killed"), past an apposition or a relative clause ("Ines Varga, who
    had also been wounded, ..."; "his neighbor, Orla Penn, was hit"), and the objects of
    active ones ("gunned down Nell Brody and Abe Sutter")."""
    text, base = sent.text, sent.start_char
    out = []
    for verb in sent:
        outcome = _outcome(verb) if verb.lemma_ in VERB_OUTCOMES else None
        subjects = _victim_subjects(verb) if outcome and _told_as_fact(verb) else []
        people = [p for subject in subjects for p in _listed_with(subject, verb)]
        people += [p for joined in _along_with(verb) for p in _listed_with(joined, verb)] \
            if people else []
        counts = [_people_in(noun, verb) for noun in people]
        if len(counts) > 2 and None not in counts and counts[0] == sum(counts[1:]):
            people, counts = people[:1], counts[:1]  # "four people, three women and a man"
        if not people or None in counts or _clause_between(sent.doc, people, verb):
            continue
        start = min(verb.idx, *(p.left_edge.idx for p in people))
        end = max(verb.idx + len(verb), *(p.idx + len(p) for p in people))
        told = [c for c in found if c.span.start < end and start < c.span.end]
        if any(c.count.best == 0 for c in told):  # "no one died": the patterns said none
            continue
        attackers = [p for p in people if _is_attacker(p, verb, text, base)]

        def mention(n: int, at: int, **flags) -> CasualtyMention:
            return CasualtyMention(outcome, Count(n, n, n),
                                   Span(at, end, text[at - base:end - base]),
                                   aggregate=AGGREGATE.search(text) is not None, **flags)
        victims = sum(counts) - len(attackers)
        if victims and all((c.count.best or 0) < victims for c in told if not c.perpetrator):
            out.append(mention(
                victims, start,
                victim=_parsed_key(people[0]) if victims == 1 and not attackers else None,
                adds=any(c.lower_ == "another" for c in people[0].children)))
        if attackers and not any(c.perpetrator for c in told):
            out.append(mention(len(attackers), attackers[0].idx, perpetrator=True))
    return _of_this_story(text, base, out)


def _outcome(verb: Token) -> str | None:
    """What the verb says befell them; "shot dead", "shot to death" killed."""
    outcome = VERB_OUTCOMES.get(verb.lemma_)
    if outcome == "hospital":
        return _taken_for_care(verb)
    if verb.lemma_ in {"hit", "strike"} and _hit_by_other_things(verb):
        return None
    dead = any(c.lower_ == "dead" or (c.lower_ == "to" and any(g.lower_ == "death"
                                                              for g in c.children)) or
               (c.dep_ == "conj" and VERB_OUTCOMES.get(c.lemma_.lower()) == "killed" and
                not any(g.dep_.startswith("nsubj") for g in c.children))
               for c in verb.children)
    return "killed" if outcome and dead else outcome


def _taken_for_care(verb: Token) -> str | None:
    """ "were transported by ambulance to a medical center": hit (injured when it says
    "with wounds"); taken anywhere else, nothing."""
    objects = [(prep.lower_, pobj.lemma_.lower()) for prep in verb.children
               if prep.dep_ == "prep" for pobj in prep.children if pobj.dep_ == "pobj"]
    if any(prep == "with" and noun in {"wound", "injury"} for prep, noun in objects):
        return "injured"
    return "shot" if any(prep == "to" and noun in CARE for prep, noun in objects) else None


def _hit_by_other_things(verb: Token) -> bool:
    """ "hit by a truck", "struck with a bat": hit, but not by gunfire."""
    return any(c.lower_ in {"by", "with"} and not any(
        g.lemma_.lower() in GUNFIRE for g in c.children) for c in verb.children)


def _told_as_fact(verb: Token) -> bool:
    """Not denied, wished, feared, asked or long past ("was not shot", "don't let me die out
    here", "could be killed", "whether the driver had died", "was once wounded")."""
    # a participle clause tells a result ("..., killing him instantly"); a capitalised
    # "SHOOTING" is a headline's noun
    participle = verb.tag_ == "VBG" and verb.dep_ in {"advcl", "conj", "xcomp", "pcomp"} and \
        verb.text.islower()
    return (verb.tag_ in {"VBD", "VBN", "VBZ"} or participle) and not any(
        c.dep_ == "neg" or c.tag_ == "MD" or c.lower_ in {"if", "whether", "once"}
        for c in verb.children)


def _victim_subjects(verb: Token) -> list[Token]:
    """Whom the verb befell: its passive subjects, the subject of "die", the noun a relative
    clause hangs on ("Varga, who had been wounded"), or the noun a participle right after it
    describes ("a man shot in the leg"). "Shot at" is fired at, not hit."""
    if any(c.lower_ == "at" and c.i == verb.i + 1 for c in verb.children):
        return []
    wanted = {"nsubjpass", "nsubj"} if verb.lemma_.lower() == "die" else {"nsubjpass"}
    subjects = [c for c in verb.children if c.dep_ in wanted and c.i < verb.i]
    if not subjects and verb.lemma_ != "die" and VERB_OUTCOMES[verb.lemma_] != "hospital":
        # the object of an active verb: "gunned down Nell Brody and Abe Sutter"
        subjects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and
                    c.lower_ not in REFLEXIVES]
    if len(subjects) == 1 and subjects[0].tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
        return [verb.head]
    if not subjects and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.i == verb.head.i + 1:
        return [verb.head]
    if not subjects and verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        # "was critically injured", read as "was" with an adjective
        return [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.i]
    return subjects


def _along_with(verb: Token) -> list[Token]:
    """ "was shot dead along with his brother": the brother too."""
    return [pobj for along in verb.children if along.lower_ == "along"
            for with_ in along.children if with_.lower_ == "with"
            for pobj in with_.children if pobj.dep_ == "pobj"]


def _listed_with(noun: Token, verb: Token) -> list[Token]:
    """The noun and those coordinated with it; an apposition that has conjuncts of its own
    and no article of its own is a list too ("the cashier, a cook and a porter"), unless the
    noun gives the number ("two workers, a cook and a cashier"). Not a relative clause's noun
    ("the gunman and the three customers who were wounded": the three), nor a conjunct told
    of apart ("three soldiers wounded and one civilian dead")."""
    if noun.i == verb.head.i:
        return [noun]
    listed = [noun, *[c for c in noun.conjuncts if c.lower_ not in REFLEXIVES and not any(
        g.lower_ == "dead" or g.lemma_.lower() in VERB_OUTCOMES for g in c.children)]]
    if any(c.dep_ == "nummod" for c in noun.children):
        return listed
    for aside in noun.children:
        if aside.dep_ == "appos" and aside.conjuncts and \
                any(c.lower_ in {"a", "an"} for c in aside.children):
            listed += [aside, *aside.conjuncts]
    return listed


def _clause_between(doc: Doc, people: list[Token], verb: Token) -> bool:
    """Whether another clause's verb stands between the people and the victim verb (outside
    a clause on them, as "five men heading to a party were shot"): "a clerk phoned a friend
    saying he had been hit and two guards had been killed" is no list of the killed."""
    inside = {t.i for p in people for c in p.children
              if c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"})
              for t in c.subtree}
    first = min(p.i for p in people)
    return any(t.pos_ == "VERB" and t.tag_ in {"VBD", "VBZ", "VBP", "VBG"} and
               t.i not in inside for t in doc[first:verb.i])


def _people_in(noun: Token, verb: Token) -> int | None:
    """How many people a subject noun stands for: its number, one for a singular person
    noun, a name or an age ("the 19-year-old"), or any singular noun that died ("an
    eighth-grader died"); None when it does not say (plural with no number, "they") or is
    no person ("the van was hit")."""
    if noun.lower_ in {"he", "she", "him", "her"}:
        return 1
    if noun.pos_ == "NUM" and noun.dep_.startswith("nsubj") and \
            any(c.lower_ in {"the", "all"} for c in noun.children):  # "the two were wounded"
        return words_to_int(noun.text)
    died = verb.lemma_ == "die" and noun.tag_ == "NN" and \
        any(c.dep_ == "det" and c.lower_ != "no" for c in noun.children)
    if noun.pos_ == "PRON" or not (died or _is_person(noun)):
        return None
    if noun.tag_ not in {"NNS", "NNPS"}:
        return 1  # a number on a singular noun is an age ("a 31 y/o woman")
    number = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if number is not None:  # ranges and "at least" are the patterns' to read
        return None if any(number.children) else words_to_int(number.text)
    return 2 if any(c.lower_ == "both" for c in noun.children) else None


def _is_person(noun: Token) -> bool:
    return _named(noun) or \
        noun.lemma_.lower() in VICTIM_NOUNS or _age_of(noun) is not None or \
        re.fullmatch(PERSONS, noun.text, re.IGNORECASE) is not None


def _age_of(noun: Token) -> str | None:
    """ "19-year-old" as one word, from the parse of "19 - year - old"."""
    if noun.lower_ != "old":
        return None
    unit = next((c for c in noun.children if c.lemma_ in {"year", "month", "week"}), None)
    number = next((c for c in unit.children if c.dep_ == "nummod"), None) if unit else None
    return f"{number.text}-{unit.lemma_}-old" if number is not None else None


def _is_attacker(noun: Token, verb: Token, text: str, base: int) -> bool:
    """A suspect or gunman hit, or one the police shot ("was gunned down by deputies");
    `text` is the sentence's, starting at character `base` of the document."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    return re.fullmatch(PERPETRATORS, noun.text, re.IGNORECASE) is not None or any(
        BY_POLICE.match(text, v.idx + len(v) - base) is not None for v in verbs)


def _named(noun: Token) -> bool:
    """A person's name, not a headline's capitalised words ("Guard Hit")."""
    return noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN" and \
        noun.lemma_.lower() not in VERB_OUTCOMES


def _parsed_key(noun: Token) -> str:
    """A lone victim's key (see `_victim_key`): the name, also in apposition ("his neighbor,
    Orla Penn"), else the age, else the kind of person."""
    named = [noun] if _named(noun) else \
        [c for c in noun.children if c.dep_ == "appos" and _named(c)]
    if named:
        parts = [t for t in named[0].lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        return " ".join(t.text for t in [*parts, named[0]])
    if noun.lower_ in {"he", "she", "him", "her", "victim"}:
        return ""
    return _age_of(noun) or noun.lemma_.lower()


@Language.factory("thucydides_casualties")
def make_casualties(nlp: Language, name: str):
    return CasualtyFinder()


if not Doc.has_extension("casualties"):
    Doc.set_extension("casualties", default=None)


class CasualtyFinder:
    """spaCy component: sets `doc._.casualties`, the counts of every sentence. Counts in a
    sentence dated long before it was written ("In 2009 a gunman killed 13 people there")
    belong to an older case the story recalls, and are marked as not the story's own,
    unless the story counts nothing else: then it is a follow-up about that case (a trial,
    an anniversary). A sentence that sets its victims in another case ("killed in a
    previous shooting", "weeks earlier"), or a line below the headline that links to another
    story (a teaser), loses them: they are no one's total either."""

    def __call__(self, doc: Doc) -> Doc:
        told = []
        for sent in doc.sents:
            text = sent.text
            counts = find_casualties(text, sent.start_char)
            counts = _hit_then_died(sorted([*counts, *parsed_victims(sent, counts)],
                                           key=lambda c: c.span.start))
            other_case = bool(counts) and (OTHER_CASE.search(text) is not None or (
                sent.start > 0 and OTHER_STORY.search(text) is not None))  # not the headline
            told.append((counts, other_case, bool(counts) and not other_case and
                         _recalls_older_case(doc, sent.start_char, sent.end_char)))
        follow_up = not any(not (other or old) and any(not c.aggregate for c in counts)
                            for counts, other, old in told)
        doc._.casualties = [replace(c, aggregate=True) if old and not follow_up else c
                            for counts, other, old in told if follow_up or not other
                            for c in counts]
        return doc


def _recalls_older_case(doc: Doc, start: int, end: int) -> bool:
    """Whether a time in the sentence ends more than RECALLED_DAYS before the day its
    segment was written."""
    segments = doc._.segments or []
    for told in doc._.times or []:
        if not start <= told.span.start < end or not segments:
            continue
        written = segments[segment_of(segments, told.span.start)].reference
        last = period_end(told.value, told.precision)
        if written and last and (written - last).days > RECALLED_DAYS:
            return True
    return False
