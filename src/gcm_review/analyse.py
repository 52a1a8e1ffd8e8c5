"""Stage "analyse": answer the review's questions from the store (coverage, gaps, search)."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ConfigError
from .framework import Framework
from .gazetteer import load_countries
from .store import CoverageCell, Store, StoredEntity, StoredEvent, StoredPassage

ENTITY_TYPES = ("country", "organisation", "person", "date")


@dataclass(frozen=True)
class CoverageMatrix:
    """Evidence per acting state and objective.

    Attributes:
        countries: ISO codes of the states with at least one mapped passage, sorted.
        objectives: the framework's objective numbers.
        cells: the non-empty cells by (country, objective).
    """

    countries: list[str]
    objectives: list[int]
    cells: dict[tuple[str, int], CoverageCell]

    def passages(self, country: str, objective: int) -> int:
        """Number of passages of ``country`` mapped to ``objective``."""
        cell = self.cells.get((country, objective))
        return cell.passages if cell else 0

    def gaps(self, country: str) -> list[int]:
        """Objectives for which ``country`` has no evidence."""
        return [o for o in self.objectives if (country, o) not in self.cells]

    def maximum(self) -> int:
        """The largest cell, for scaling a heat map."""
        return max((cell.passages for cell in self.cells.values()), default=0)


def coverage_matrix(
    store: Store, framework: Framework, region: str | None = None
) -> CoverageMatrix:
    """Build the country × objective coverage matrix of everything stored.

    Args:
        store: an open store.
        framework: gives the list of objectives (all are shown, covered or not).
        region: a regional grouping id (``las``, ``escwa``, ``gcc``, ``au``, ``eu`` …): only
            its member states, each shown even without evidence, so its gaps are visible.

    Raises:
        ConfigError: for an unknown grouping.
    """
    cells = {(cell.country, cell.objective): cell for cell in store.coverage()}
    countries = sorted({country for country, _ in cells})
    if region is not None:
        members = set(region_members(region))
        cells = {key: cell for key, cell in cells.items() if key[0] in members}
        countries = sorted(members)
    return CoverageMatrix(countries, sorted(framework.objectives), cells)


def region_members(region: str) -> list[str]:
    """ISO codes of the member states of a regional grouping."""
    groupings = load_countries().groupings
    if region not in groupings:
        known = ", ".join(sorted(groupings))
        raise ConfigError(f"unknown region {region!r}; the gazetteer defines: {known}")
    return list(groupings[region].members)


def search_passages(
    store: Store,
    query: str,
    objective: int | None = None,
    country: str | None = None,
    lang: str | None = None,
    limit: int = 20,
) -> list[StoredPassage]:
    """Full-text search over stored passages (Arabic, accents and case folded).

    Args:
        store: an open store.
        query: words to find, all of them (empty: every passage matching the filters).
        objective: only passages mapped to this objective.
        country: only passages where this state acts.
        lang: only passages in this language.
        limit: at most this many results.
    """
    return store.passages(objective, country, lang, query or None, limit)


def list_entities(store: Store, type: str | None = None) -> list[StoredEntity]:
    """States, organisations, people and dates named across the stored documents.

    Args:
        store: an open store.
        type: one of ``ENTITY_TYPES``; every type when None.
    """
    return store.entities(type)


def list_events(store: Store) -> list[StoredEvent]:
    """Meetings reported across the stored documents, one per event, most recent first."""
    return store.events()
