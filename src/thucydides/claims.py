"""Who says what: reporting verbs, their speakers and stance (`doc._.claims`).

A claim covers the sentence that carries its reporting verb; a sentence that ends in a
colon ("... with spokesman Igor Konashenkov blasting:") introduces the paragraph after it,
which is the quoted statement. Inside a quote, words such as "lies" or "rumours" make the
statement a denial of what it refers to.

Stances: "denied", "rejected ... as fabricated", "disputed", "did not acknowledge" deny;
"questioned", "could not independently verify", "has not confirmed" question. Each source
of a claim is its own claimant: "according to activists and the civil defence" is two
independent sources, listed as two claims.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from .lexicons import load
from .types import Claim

ACKNOWLEDGING = {"acknowledge", "admit", "accept", "claim"}  # not doing so denies
VERIFYING = {"confirm", "verify", "corroborate"}  # not doing so questions
NOUNS = {"NOUN", "PROPN"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
UNNAMED = {"it", "this", "that", "there", "they", "he", "she", "we", "i", "you", "which", "who",
           "his", "her", "their", "its", "our", "my", "your", "one", "some", "others"}

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)


def _lemma_phrases(name: str) -> dict[tuple[str, ...], str]:
    return {tuple(row[0].split()): (row[1] if len(row) > 1 else "") for row in load(name)}


def _subject(verb: Token) -> SpacySpan | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            tokens = [t for t in child.subtree if t.dep_ not in {"relcl", "punct"}
                      and not any(a.dep_ == "relcl" for a in t.ancestors if a in child.subtree)]
            if tokens:
                return child.doc[tokens[0].i:tokens[-1].i + 1]
    if verb.dep_ in {"xcomp", "conj", "advcl", "acl"} and verb.head.i != verb.i:
        return _subject(verb.head)
    if verb.dep_ == "pcomp" or verb.dep_ == "pobj":
        return _subject(verb.head.head) if verb.head.head.i != verb.head.i else None
    return None


def _sources(span: SpacySpan) -> list[str]:
    """The sources a noun phrase names: "local activists and the civil defence" are two,
    "the Russian defence and foreign ministries" one."""
    root = span.root
    parts = [root, *(c for c in root.conjuncts if c.pos_ in NOUNS and span.start <= c.i < span.end)]
    if len(parts) < 2:
        return [span.text]
    names = []
    for part in parts:
        joined = {t.i for c in part.children if c.dep_ in {"conj", "cc", "preconj", "punct"}
                  for t in c.subtree}
        own = [t.i for t in part.subtree if t.i not in joined and span.start <= t.i < span.end]
        names.append(span.doc[min(own):max(own) + 1].text)
    return names


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "neg" for c in token.head.children if token.dep_ == "xcomp")


class ClaimFinder:
    """spaCy component: sets `doc._.claims` (Claim records, the quote's span included)."""

    def __init__(self):
        self.verbs = _lemma_phrases("speech_verbs")
        self.denial_cues = {row[0] for row in load("denial_cues")}

    def __call__(self, doc: Doc) -> Doc:
        claims = []
        for sent in doc.sents:
            claims.extend(self.sentence(doc, sent))
        doc._.claims = claims
        return doc

    def sentence(self, doc: Doc, sent: SpacySpan) -> list[Claim]:
        found = []
        tokens = list(sent)
        lemmas = [t.lemma_.lower() for t in tokens]
        for i, token in enumerate(tokens):
            if token.lower_ == "according" and i + 2 < len(tokens) and \
                    tokens[i + 1].lower_ == "to":
                source = next((c for c in tokens[i + 1].children if c.dep_ == "pobj"),
                              tokens[i + 2])
                stance = "asserts"
                sources = _sources(doc[source.left_edge.i:source.right_edge.i + 1])
            else:
                stance = self._stance(lemmas, i)
                if stance is None:
                    continue
                if _negated(token):
                    if lemmas[i] in ACKNOWLEDGING:
                        stance = "denies"
                    elif lemmas[i] in VERIFYING:
                        stance = "questions"
                    elif stance == "asserts":
                        continue
                subject = _subject(token)
                if subject is None and token.dep_ in {"nsubj", "ROOT"} and token.pos_ == "NOUN":
                    subject = next((doc[c.left_edge.i:c.right_edge.i + 1] for c in token.children
                                    if c.dep_ in {"poss", "compound"}), None)
                if subject is None:
                    continue
                sources = _sources(subject)
            text = sent.text.rstrip()
            start, end = sent.start_char, sent.start_char + len(text)
            quote = self._quote_after(doc, sent)
            if quote is not None:
                end, text = quote[1], doc.text[start:quote[1]]
                quoted = doc.text[quote[0]:quote[1]].lower()
                if stance == "asserts" and any(cue in quoted for cue in self.denial_cues):
                    stance = "denies"
            for claimant in sources:
                claimant = claimant.strip(" ,\n\t")
                if claimant.lower() in UNNAMED or not re.search(r"[A-Za-z]{2}", claimant):
                    continue
                found.append((token, Claim(claimant, stance, text, start, end)))
        return _nested_stances(found)

    def _stance(self, lemmas: list[str], i: int) -> str | None:
        for size in (2, 1):
            stance = self.verbs.get(tuple(lemmas[i:i + size]))
            if stance:
                return stance
        if lemmas[i] in ACKNOWLEDGING:
            return "asserts"
        return None

    @staticmethod
    def _quote_after(doc: Doc, sent: SpacySpan) -> tuple[int, int] | None:
        """The paragraph after a sentence that ends with a colon, as character offsets."""
        if not sent.text.rstrip().endswith(":"):
            return None
        text = doc.text
        start = sent.end_char
        while start < len(text) and text[start] in " \t\r\n":
            start += 1
        if start >= len(text):
            return None
        end = text.find("\n\n", start)
        return start, end if end != -1 else len(text)


def _nested_stances(found: list[tuple[Token, Claim]]) -> list[Claim]:
    """"X said the military was looking into the strikes": one claim by X, with the inner
    verb's stance; and one claim per claimant in a sentence, the sharpest stance kept."""
    claims: list[Claim] = []
    for token, claim in found:
        outer = next((c for t, c in found if t.i != token.i and token in t.subtree
                      and not _separate_statement(token, t)), None)
        if outer is not None:
            if claim.stance != "asserts":
                outer.stance = claim.stance
            continue
        claims.append(claim)
    out: dict[str, Claim] = {}
    for claim in claims:
        kept = out.get(claim.claimant)
        if kept is None or (kept.stance == "asserts" and claim.stance != "asserts"):
            out[claim.claimant] = claim
    return list(out.values())


def _separate_statement(token: Token, outer: Token) -> bool:
    """"Hamas said ..., a claim the group denied" and "Police said ..., but witnesses
    contradicted that account": the inner verb is another party's statement, not part of
    what the outer speaker said."""
    node = token
    while node.i != outer.i and node.head.i != node.i:
        if node.dep_ in {"relcl", "acl", "conj", "parataxis"}:
            return True
        node = node.head
    return False


@Language.factory("thucydides_claims")
def make_claims(nlp: Language, name: str):
    return ClaimFinder()
