"""The framework is data: the shipped GCM framework loads and passes its cross-checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gcm_review import DataFileError, check_framework, load_framework
from gcm_review.framework import default_framework_path
from gcm_review.text import key_maker

LANGS = ("ar", "en", "es", "fr")


@pytest.fixture(scope="module")
def gcm():
    return load_framework()


def test_objectives_are_numbered_1_to_23_with_paragraphs(gcm) -> None:
    assert sorted(gcm.objectives) == list(range(1, 24))
    assert gcm.objective_by_paragraph()[31] == 15
    assert gcm.key == "gcm@1.0.0"


def test_ten_principles_with_contract_names(gcm) -> None:
    assert list(gcm.principles) == [
        "people-centred",
        "international cooperation",
        "national sovereignty",
        "rule of law and due process",
        "sustainable development",
        "human rights",
        "gender-responsive",
        "child-sensitive",
        "whole-of-government",
        "whole-of-society",
    ]


def test_official_titles_in_four_languages(gcm) -> None:
    objective = gcm.objectives[15]
    assert objective.title.en == "Provide access to basic services for migrants"
    assert objective.title.fr == "Assurer l'accès des migrants aux services de base"
    assert objective.title.get("ar").startswith("تيسير حصول المهاجرين")


@pytest.mark.parametrize("lang", LANGS)
def test_every_lexicon_covers_every_objective_and_principle(gcm, lang: str) -> None:
    lexicon = gcm.lexicons[lang]
    assert set(lexicon.objectives) == set(gcm.objectives)
    assert set(lexicon.principles) == set(gcm.principles)
    assert set(lexicon.references.ordinals) == set(range(1, 24))


@pytest.mark.parametrize("lang", LANGS)
def test_no_cue_twice_within_one_entry_after_matching_keys(gcm, lang: str) -> None:
    """Two cues that reduce to the same keys would count the same words twice."""
    keys = key_maker(lang)
    lexicon = gcm.lexicons[lang]
    entries = [*lexicon.objectives.items(), *lexicon.principles.items()]
    for target, cues in entries:
        reduced = [tuple(keys.lemma_keys(cue)) for cue in cues]
        assert all(reduced), f"{lang} {target}: a cue made only of stop words"
        duplicates = {k for k in reduced if reduced.count(k) > 1}
        assert not duplicates, f"{lang} {target}: cues collapse to the same keys: {duplicates}"


def test_shipped_framework_checks_clean() -> None:
    framework, problems = check_framework(default_framework_path())
    assert problems == []
    assert framework is not None


def test_mini_framework_loads(fixtures: Path) -> None:
    mini = load_framework(fixtures / "mini_framework")
    assert sorted(mini.objectives) == [1, 2]
    assert mini.key.startswith("mini@")


def test_broken_framework_reports_every_problem_with_file_and_line(fixtures: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        load_framework(fixtures / "broken_framework")
    problems = caught.value.problems
    text = "\n".join(problems)
    assert len(problems) >= 3
    assert "objective 24" in text and "lexicons/fr.yaml:" in text
    assert "title.ar" in text and "framework.yaml:" in text
    assert "lexicons/en.yaml:" in text
    for problem in problems:
        file, line = problem.split(":")[:2]
        assert file.endswith(".yaml") and line.isdigit(), problem


def test_duplicate_keys_and_invalid_yaml_are_reported(tmp_path: Path, fixtures: Path) -> None:
    folder = tmp_path / "dup"
    shutil.copytree(fixtures / "mini_framework", folder)
    lexicon = folder / "lexicons" / "en.yaml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")
    _, problems = check_framework(folder)
    assert any("duplicate key 'language'" in p for p in problems)
    (folder / "framework.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    _, problems = check_framework(folder)
    assert any("framework.yaml:" in p and "invalid YAML" in p for p in problems)


def test_missing_framework_file(tmp_path: Path) -> None:
    framework, problems = check_framework(tmp_path)
    assert framework is None
    assert "framework.yaml" in problems[0]


def test_a_principle_invoked_by_a_lexicon_must_exist(tmp_path: Path, fixtures: Path) -> None:
    folder = tmp_path / "invoked"
    shutil.copytree(fixtures / "mini_framework", folder)
    lexicon = folder / "lexicons" / "en.yaml"
    text = lexicon.read_text(encoding="utf-8").replace(
        "    2: [second]\n",
        "    2: [second]\n  principles:\n    human rights: [rights-based approach]\n"
        "    fairness: [fair approach]\n",
    )
    lexicon.write_text(text, encoding="utf-8")
    _, problems = check_framework(folder)
    [problem] = [p for p in problems if "fairness" in p]
    assert "lexicons/en.yaml:" in problem and "references.principles.fairness" in problem
    assert "refers to principle 'fairness'" in problem
    assert not [p for p in problems if "'human rights'" in p]
