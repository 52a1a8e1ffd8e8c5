"""The public surface: ``__all__`` lists exactly what the package exposes."""

from __future__ import annotations

import types

import gcm_review


def test_all_matches_public_names() -> None:
    public = {
        name
        for name, value in vars(gcm_review).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "logging"
    }
    assert set(gcm_review.__all__) == public | {"__version__"}


def test_notebook_use(tmp_path) -> None:
    engine = gcm_review.Engine()
    mapping = engine.classify(
        "Migrant workers in Qatar can now change employers without permission."
    )
    assert mapping.relevant and mapping.countries == ["QA"]
    with gcm_review.open_store(tmp_path / "n.db") as store:
        assert gcm_review.coverage_matrix(store, engine.framework).countries == []
