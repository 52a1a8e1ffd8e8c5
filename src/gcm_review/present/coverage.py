"""Render the coverage matrix as a terminal table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json

from rich import box
from rich.table import Table

from ..analyse import CoverageMatrix
from ..gazetteer import country_name


def coverage_table(matrix: CoverageMatrix) -> Table:
    """A terminal table: one row per state, one column per objective, passage counts."""
    table = Table(title="Passages per state and GCM objective", box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("state", no_wrap=True)
    for objective in matrix.objectives:
        table.add_column(str(objective), justify="right")
    table.add_column("gaps", justify="right")
    for country in matrix.countries:
        counts = [matrix.passages(country, o) for o in matrix.objectives]
        cells = [str(n) if n else "·" for n in counts]
        label = f"{country} {country_name(country)}"
        table.add_row(label, *cells, str(len(matrix.gaps(country))))
    return table


def coverage_csv(matrix: CoverageMatrix) -> str:
    """CSV with a header row ``country,name,1,...,23``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["country", "name", *matrix.objectives])
    for country in matrix.countries:
        counts = [matrix.passages(country, o) for o in matrix.objectives]
        writer.writerow([country, country_name(country), *counts])
    return out.getvalue()


def coverage_json(matrix: CoverageMatrix) -> str:
    """JSON: per state, passages and documents per objective, and the gaps."""
    rows = [
        {
            "country": country,
            "name": country_name(country),
            "objectives": {
                str(o): {"passages": cell.passages, "documents": cell.documents}
                for o in matrix.objectives
                if (cell := matrix.cells.get((country, o))) is not None
            },
            "gaps": matrix.gaps(country),
        }
        for country in matrix.countries
    ]
    return json.dumps({"countries": rows}, ensure_ascii=False, indent=2)
