"""Load and validate a framework folder: objectives, principles and per-language lexicons.

The framework is data (``data/frameworks/<id>/v<N>/``); this module only reads it, checks it
and hands it to the stages. Nothing here knows what the GCM says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .datafiles import SourceFile
from .errors import DataFileError

LANGUAGES = ("ar", "en", "es", "fr")
DEFAULT_FRAMEWORK = "gcm/v1"

Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Weight = Annotated[float, Field(gt=0, le=3)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Texts(_Strict):
    """The same text in the four working languages."""

    en: Phrase
    fr: Phrase
    es: Phrase
    ar: Phrase

    def get(self, lang: str) -> str:
        """Return the text in ``lang``, falling back to English."""
        return str(getattr(self, lang, self.en))


class Names(_Strict):
    """Other names of an objective or principle in each language, as a review's headings give
    them ("Border management", "Gestion des frontières", "Whole-of-society")."""

    en: list[Phrase] = []
    fr: list[Phrase] = []
    es: list[Phrase] = []
    ar: list[Phrase] = []

    def get(self, lang: str) -> list[str]:
        """The names in ``lang`` (none for another language)."""
        return list(getattr(self, lang, []))


class Objective(_Strict):
    """One objective of the framework."""

    id: Annotated[int, Field(ge=1)]
    paragraph: int | None = None
    title: Texts
    short: Texts
    names: Names = Names()
    description: Texts


class Principle(_Strict):
    """One guiding principle; ``id`` is the name used in outputs."""

    id: Phrase
    title: Texts
    names: Names = Names()
    description: Texts


class FrameworkSpec(_Strict):
    """The contents of ``framework.yaml``."""

    id: Phrase
    version: Phrase
    source: Phrase
    name: Texts
    objectives: list[Objective]
    principles: list[Principle]


class References(_Strict):
    """Words used to recognise explicit citations of objectives."""

    objective_words: list[Phrase]
    number_words: list[Phrase] = []
    paragraph_words: list[Phrase]
    compact_names: list[Phrase]
    other_frameworks: list[Phrase]
    ordinals: dict[int, list[Phrase]]
    # per guiding principle, the phrases by which a passage invokes the principle itself ("a
    # whole-of-government approach"): such a passage is mapped to it, as one citing an
    # objective is to that objective
    principles: dict[Phrase, list[Phrase]] = {}


class Relevance(_Strict):
    """The migration-relevance gate: strong and weak signals, and other senses of the words."""

    strong: list[Phrase]
    weak: list[Phrase]
    off_topic: list[Phrase]


class Lexicon(_Strict):
    """The contents of ``lexicons/<lang>.yaml``."""

    language: Phrase
    version: Phrase
    source: Phrase
    references: References
    relevance: Relevance
    objectives: dict[int, dict[Phrase, Weight]]
    principles: dict[Phrase, dict[Phrase, Weight]]


class Prototypes(_Strict):
    """The contents of ``prototypes/<lang>.yaml``: example statements per target."""

    language: Phrase
    version: Phrase
    source: Phrase
    objectives: dict[int, list[Phrase]]
    principles: dict[Phrase, list[Phrase]]


class FusionLayer(_Strict):
    """A logistic model over the features of one (passage, target) pair; ``thresholds``
    holds the targets that have a threshold of their own (the others use ``threshold``)."""

    features: list[Phrase]
    coef: list[float]
    intercept: float
    threshold: Annotated[float, Field(ge=0, le=1)]
    top_threshold: Annotated[float, Field(ge=0, le=1)]
    thresholds: dict[Phrase, Annotated[float, Field(ge=0, le=1)]] = {}


class RelevanceLayer(_Strict):
    """A logistic model of whether a passage without a strong migration term is relevant."""

    features: list[Phrase]
    coef: list[float]
    intercept: float
    threshold: Annotated[float, Field(ge=0, le=1)]


class LinearLayer(_Strict):
    """A logistic model: named features, then the sentence vector if ``vector``; multinomial
    (one class per input), or one independent model per class when ``multilabel``."""

    classes: list[Phrase]
    features: list[Phrase]
    vector: bool
    coef: list[list[float]]
    intercept: list[float]
    multilabel: bool = False


class Fusion(_Strict):
    """The contents of ``fusion.yaml``: the trained combination of the evidence."""

    version: Phrase
    source: Phrase
    encoder: Phrase
    relevance: RelevanceLayer
    objective: FusionLayer
    principle: FusionLayer
    objective_classifier: LinearLayer
    principle_classifier: LinearLayer
    # whether a passage is about people moving at all, from its sentence vector
    relevance_classifier: LinearLayer
    statement: LinearLayer
    # per objective, P(principle | objective) over the labelled examples (smoothed)
    principle_topics: dict[Phrase, dict[Phrase, float]] = {}
    # per document kind, P(principle | kind) over the labelled examples (smoothed); "other"
    # holds the overall shares, for a passage of unknown kind
    principle_kinds: dict[Phrase, dict[Phrase, float]] = {}
    # per document kind, log P(type | kind) - log P(type) over the labelled examples
    statement_kinds: dict[Phrase, dict[Phrase, float]] = {}
    # the statement type in the lexical mode: over the phrase weights alone, no sentence vector
    lexical_statement: LinearLayer | None = None
    lexical_statement_kinds: dict[Phrase, dict[Phrase, float]] = {}


@dataclass(frozen=True)
class Framework:
    """A validated framework with its lexicons.

    Attributes:
        spec: the contents of ``framework.yaml``.
        lexicons: one lexicon per language code.
        path: the folder it was loaded from.
        prototypes: example statements per language (for the semantic layer).
        fusion: the trained model combining the evidence, when the folder has one.
    """

    spec: FrameworkSpec
    lexicons: dict[str, Lexicon]
    path: Path
    prototypes: dict[str, Prototypes] = field(default_factory=dict)
    fusion: Fusion | None = None

    @property
    def key(self) -> str:
        """``<id>@<version>``, stored next to every match."""
        return f"{self.spec.id}@{self.spec.version}"

    @property
    def objectives(self) -> dict[int, Objective]:
        """Objectives by number."""
        return {objective.id: objective for objective in self.spec.objectives}

    @property
    def principles(self) -> dict[str, Principle]:
        """Principles by id."""
        return {principle.id: principle for principle in self.spec.principles}

    def objective_by_paragraph(self) -> dict[int, int]:
        """Map paragraph numbers of the instrument to the objective they hold."""
        return {o.paragraph: o.id for o in self.spec.objectives if o.paragraph is not None}


def default_framework_path() -> Path:
    """Return the folder of the framework shipped with the package."""
    root = resources.files("gcm_review") / "data" / "frameworks" / DEFAULT_FRAMEWORK
    return Path(str(root))


def load_framework(path: Path | str | None = None, trained: bool = True) -> Framework:
    """Load and validate a framework folder.

    Args:
        path: the folder holding ``framework.yaml`` and ``lexicons/``; the shipped GCM
            framework when omitted.
        trained: read the trained layers (``fusion.yaml``); False to retrain them.

    Returns:
        The validated framework.

    Raises:
        DataFileError: listing every problem found, each with file and line.
    """
    folder = Path(path) if path is not None else default_framework_path()
    framework, problems = check_framework(folder, trained)
    if framework is None or problems:
        raise DataFileError(problems)
    return framework


def check_framework(folder: Path, trained: bool = True) -> tuple[Framework | None, list[str]]:
    """Validate a framework folder and return it with the list of problems found.

    Args:
        folder: the framework folder.
        trained: also read the trained layers (``fusion.yaml``) when present.
    """
    spec_file = folder / "framework.yaml"
    if not spec_file.is_file():
        return None, [f"{spec_file}: missing; a framework folder needs framework.yaml"]
    problems: list[str] = []
    spec_source = _parse(spec_file, folder, problems)
    spec = None
    if spec_source is not None:
        spec, found = spec_source.validate(FrameworkSpec)
        problems += found
    if spec is not None:
        problems += _check_spec(spec_source, spec)  # type: ignore[arg-type]
    # lexicons are checked against the declared ids even when framework.yaml has other errors
    ids = _declared_ids(spec_source.data if spec_source is not None else None)
    if not any((folder / "lexicons").glob("*.yaml")):
        problems.append(f"{folder / 'lexicons'}: no lexicon files (lexicons/<lang>.yaml)")
    lexicons = _per_language(folder, "lexicons", Lexicon, ids, problems)
    prototypes = _per_language(folder, "prototypes", Prototypes, ids, problems)
    fusion = None
    if trained and (folder / "fusion.yaml").is_file():
        source = _parse(folder / "fusion.yaml", folder, problems)
        if source is not None:
            fusion, found = source.validate(Fusion)
            problems += found
    if spec is None:
        return None, problems
    return Framework(spec, lexicons, folder, prototypes, fusion), problems


PerLanguage = TypeVar("PerLanguage", Lexicon, Prototypes)


def _per_language(
    folder: Path,
    name: str,
    model: type[PerLanguage],
    ids: tuple[set[int], set[str]],
    problems: list[str],
) -> dict[str, PerLanguage]:
    """Load every ``<name>/<lang>.yaml`` of a framework folder, checking its targets."""
    loaded: dict[str, PerLanguage] = {}
    for path in sorted((folder / name).glob("*.yaml")):
        source = _parse(path, folder, problems)
        if source is None:
            continue
        data, found = source.validate(model)
        problems += found
        if data is not None:
            problems += _check_targets(source, data, ids, path.stem)
            loaded[data.language] = data
    return loaded


def _parse(path: Path, folder: Path, problems: list[str]) -> SourceFile | None:
    label = str(path.relative_to(folder.parent)) if folder.parent in path.parents else str(path)
    try:
        return SourceFile(path, label)
    except DataFileError as exc:
        problems += exc.problems
        return None


def _check_spec(source: SourceFile, spec: FrameworkSpec) -> list[str]:
    problems: list[str] = []
    ids = [o.id for o in spec.objectives]
    for index, number in enumerate(ids):
        if ids.count(number) > 1:
            problems.append(
                source.problem(("objectives", index, "id"), f"objective {number} twice")
            )
    expected = list(range(1, len(ids) + 1))
    if sorted(ids) != expected:
        problems.append(
            source.problem(
                ("objectives",), f"objectives must be numbered 1-{len(ids)} without gaps"
            )
        )
    names = [p.id for p in spec.principles]
    for index, name in enumerate(names):
        if names.count(name) > 1:
            problems.append(
                source.problem(("principles", index, "id"), f"principle {name!r} twice")
            )
    return problems


def _declared_ids(data: object) -> tuple[set[int], set[str]]:
    """Objective and principle ids as written in framework.yaml, valid or not."""
    if not isinstance(data, dict):
        return set(), set()

    def ids(key: str) -> list[object]:
        entries = data.get(key)
        items = entries if isinstance(entries, list) else []
        return [entry.get("id") for entry in items if isinstance(entry, dict)]

    objectives = {i for i in ids("objectives") if isinstance(i, int)}
    principles = {str(i) for i in ids("principles") if i is not None}
    return objectives, principles


def _check_targets(
    source: SourceFile, data: Lexicon | Prototypes, ids: tuple[set[int], set[str]], stem: str
) -> list[str]:
    """Check that a per-language file names its language and only known targets, and all of them."""
    problems: list[str] = []
    if data.language != stem:
        problems.append(
            source.problem(("language",), f"says {data.language!r} but the file is {stem}.yaml")
        )
    objective_ids, principle_ids = ids
    bounds = f"{min(objective_ids)}-{max(objective_ids)}" if objective_ids else "none"
    for number in data.objectives:
        if number not in objective_ids:
            message = f"refers to objective {number}; the framework defines objectives {bounds}"
            problems.append(source.problem(("objectives", number), message))
    for number in sorted(objective_ids - set(data.objectives)):
        problems.append(source.problem(("objectives",), f"nothing for objective {number}"))
    named: list[tuple[str, ...]] = [("principles", name) for name in data.principles]
    if isinstance(data, Lexicon):
        named += [("references", "principles", name) for name in data.references.principles]
    for path in named:
        if path[-1] not in principle_ids:
            known = ", ".join(sorted(principle_ids))
            message = f"refers to principle {path[-1]!r}; the framework defines: {known}"
            problems.append(source.problem(path, message))
    return problems
