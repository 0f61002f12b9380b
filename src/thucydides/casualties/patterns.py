"""The vocabulary of counts in news: numbers, quantities, people, the verbs that hit them,
and the sentence patterns built from them (ACLED/UCDP counting rules in the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import WEEKDAYS
from ..lexicons import load


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
VAGUE_COUNTS = {phrase: (int(low), None if high == "-" else int(high))
                for phrase, low, high in load("vague_quantities")}
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
GROUP_SIZES = {noun: int(size) for noun, size in load("group_nouns")}


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first: "officers" is tried before "officer"."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_PERSON_NOUNS = load("person_nouns")
PERPETRATORS = rf"(?:{_alternation(w for w, role in _PERSON_NOUNS if role == 'perpetrator')})"
PERSONS = (rf"(?:{_alternation(w for w, role in _PERSON_NOUNS if role == 'person')}|"
           r"\d{1,3}[\s-](?:year|month|week)s?[\s-]olds?|"
           rf"{'|'.join(GROUP_SIZES)}|{PERPETRATORS})")
# one person named by a singular noun ("nephew", "teen")
# what "girl", "mother", "son" say of a person: sex and whether a child or a grown-up
PROFILES = {noun: (sex, age) for noun, sex, age in load("victim_nouns")}
VICTIM_NOUNS = set(PROFILES)
CHILD_AGE, ADULT_AGE = 12, 20  # "the 8-year-old" is a child, "the 34-year-old" a grown-up
_PERSON = _alternation(VICTIM_NOUNS)
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
# "a deputy in Harlow Falls was shot": a place name may stand between person and verb
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
# "and dozens injured" after a killed count: the conjunct shares the subject
AND_COUNT = re.compile(rf"\band\s+{QUANTITY}\s+(?:(?:more|others?|people)\s+)?{AUX}"
                       rf"(?P<verb>{INJURED}|{KILLED}|{SHOT})\b", re.IGNORECASE)
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
# "three juveniles and three adults", "boy, 3 women", "his wife, two sons": the groups add up
_GROUP = (rf"(?:himself|herself|(?:(?:his|her|their)\s+)?{NUMBER}\s+{ADJECTIVES}{PERSONS}|"
          rf"(?:an?|his|her|their)\s+{ADJECTIVES}"
          rf"(?:{PERSONS}|{_PERSON})|(?!(?:{'|'.join(WEEKDAYS)})\b)"
          rf"(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{0,2}})"
          rf"(?=\s+and\s+(?:his|her|their)\s)|(?:\d{{1,2}}-(?:year|month|week)-old\s+)?"
          rf"(?:{_PERSON}|\d{{1,2}}-year-old)"
          rf"(?:\s*,\s*\d{{1,3}}(?=\s*,))?)")
LIST_JOINER = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_GROUPS = rf"{_GROUP}(?:{LIST_JOINER}{_GROUP})+\b"
COORDINATED = re.compile(rf"\b(?P<list>{_GROUPS})\s+{AUX}{VICTIM_VERB}", re.IGNORECASE)
COORDINATED_OBJECTS = re.compile(
    rf"\b(?P<verb>fatally shot|fatally shooting|killing|killed|kills|wounding|wounded|injuring|"
    rf"injured|shooting|shoots|shot)\s+"
    rf"(?P<list>{_GROUPS})", re.IGNORECASE)
# "the killings of an elderly woman and her grandson", "the murders of uncle, nephew"
COORDINATED_DEATHS = re.compile(
    rf"(?<!attempted\s)(?<!non-)\b(?:shooting deaths?|deaths?|killings?|slayings?|murders?|"
    rf"murder-suicide|homicides?)\s+of\s+(?:the\s+)?(?P<list>{_GROUPS})", re.IGNORECASE)
# "she and three others were hit", "a teen and two others were hurt": the others and him
WITH_OTHERS = re.compile(rf"\b(?:he|she|[A-Z][a-z]+|(?i:(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?"
                         rf"(?:{_PERSON}|victim)))\s+and\s+(?P<n>{NUMBER})\s+others?\s+{AUX}"
                         rf"{VICTIM_VERB}")
# "the four victims", "two of the five people shot": the whole group, shot unless it says
GROUP = re.compile(rf"\b(?:of|among|all|all of)\s+the\s+(?P<n>{NUMBER})\s+"
                   rf"(?:people|victims|persons|"
                   rf"men|teens|teenagers|others)\b(?:\s+(?:who\s+were\s+)?(?P<verb>{KILLED}|"
                   rf"{INJURED}|shot)\b)?", re.IGNORECASE)
# "four people", "two young men": a count of people, the noun optional ("sent two to ...")
_PEOPLE = rf"{QUANTITY}\s+{ADJECTIVES}(?P<noun>{PERSONS})?\s*"
# "the shooting sent four people to the hospital": hit, the outcome not yet said
SENT_TO_HOSPITAL = re.compile(
    rf"\b(?:sent|sends|sending|put|putting)\s+{_PEOPLE}"
    r"(?:to|in|into)\s+(?:an?\s+|the\s+)?(?:[\w'’.-]+\s+){0,3}?hospitals?\b", re.IGNORECASE)
# "police found two men with gunshot wounds", "located a victim suffering from a wound"
FOUND = re.compile(rf"\b(?:found|located)\s+{_PEOPLE}"
                   rf"(?:[\w-]+\s+){{0,3}}?"
                   r"(?:(?P<dead>dead|fatally)|(?:with|suffering from)\s+(?:[\w-]+\s+){0,3}?"
                   r"(?:gunshot wounds?|bullet wounds?|wounds?|injuries))\b", re.IGNORECASE)
# "... was shot in the head and later pronounced dead": the one just shot has died
AND_DIED = re.compile(r"\b(?:and|but)\s+(?:was\s+|were\s+)?(?:later\s+|then\s+|eventually\s+)?"
                      rf"(?:pronounced dead|{DIED})(?!\w)", re.IGNORECASE)
# Headlines drop the article: "Teen shot in Durham", "Boy, 7, dies after shooting"
ONE_VICTIM = rf"(?:{_PERSON}|\d{{1,2}}-year-old)(?:\s*,\s*\d{{1,3}}\s*,?)?"
BARE_VICTIM = re.compile(
    rf"\b(?P<list>(?:{ONE_VICTIM}(?:\s*,\s*|\s+and\s+(?:(?:his|her|their)\s+)?|\s*&\s*))*)"
    rf"{ONE_VICTIM}\s+"
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
# "doctors could not save him": the one just hit has died
NOT_SAVED = re.compile(r"\b(?:doctors|surgeons|physicians|medics|paramedics|nurses|rescuers|"
                       r"medical (?:staff|personnel|crews?|workers))\s+"
                       r"(?:were\s+(?:unable|not\s+able)\s+to|could\s+not|couldn['’]t|"
                       r"failed\s+to|did\s+not|didn['’]t)\s+(?:\w+\s+)?save\s+(?:him|her)\b",
                       re.IGNORECASE)
# "a quadruple shooting", "a double homicide": the people hit are in the word
MULTIPLE = re.compile(rf"(?<!attempted\s)\b(?P<times>{'|'.join(MULTIPLES)})[- ]"
                      r"(?:(?:fatal|deadly)\s+)?"
                      r"(?P<what>shootings?|homicides?|murders?|slayings?|killings?|stabbings?)\b",
                      re.IGNORECASE)
# "a man with a gunshot wound to the shoulder", "a bullet struck the boy": one person hit
HIT_PERSON = re.compile(
    rf"\b(?:an?|the)\s+{_DESCRIBED}(?P<noun>{_PERSON}|\d{{1,2}}-(?:year|month)-old)"
    rf"(?:\s*,\s*\d{{1,3}})?,?\s+with\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:gunshot|bullet)\s+wounds?\b"
    rf"|\b(?:bullets?|rounds?|gunfire|shots?)\s+(?:that\s+)?"
    rf"(?:struck|hit|striking|hitting|strikes|hits)"
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
SELF_HARM = re.compile(rf"\b(?:(?P<fatal>{SELF_INFLICTED}|"
                       r"fatally (?:shot|shoots|shooting) (?:himself|herself)|"
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
# "died in a previous shooting", "in a separate incident", "some weeks earlier", "a week
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
NOT_NAMES = {row[0] for row in load("not_victim_names")}
