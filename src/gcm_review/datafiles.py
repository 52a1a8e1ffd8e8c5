"""Load YAML data files and validate them, reporting every problem with file and line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataFileError

ModelT = TypeVar("ModelT", bound=BaseModel)


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans only: "NO" (Norway), "yes" and "on" stay strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class SourceFile:
    """A parsed YAML file that remembers the line of every node."""

    def __init__(self, path: Path, label: str | None = None) -> None:
        self.path = path
        self.label = label or str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError([f"{self.label}: cannot read the file ({exc})"]) from exc
        try:
            self.node = yaml.compose(text, Loader=_Loader)
            self.data: Any = yaml.load(text, Loader=_Loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            raise DataFileError([f"{self.label}{line}: invalid YAML ({exc})"]) from exc

    def line_of(self, loc: Sequence[str | int]) -> int:
        """Return the 1-based line of the node at ``loc`` (or of its nearest ancestor)."""
        node = self.node
        line = node.start_mark.line + 1 if node is not None else 1
        for key in loc:
            found = _child(node, key)
            if found is None:
                break
            line, node = found
        return line

    def problem(self, loc: Sequence[str | int], message: str) -> str:
        """Format one problem as ``file:line: path: message``."""
        path = ".".join(str(part) for part in loc) or "(top)"
        return f"{self.label}:{self.line_of(loc)}: {path}: {message}"

    def duplicate_keys(self) -> list[str]:
        """List every mapping key that appears twice in the same mapping."""
        problems: list[str] = []
        stack: list[yaml.Node] = [self.node] if self.node is not None else []
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.MappingNode):
                seen: set[str] = set()
                for key_node, value_node in node.value:
                    key = str(key_node.value)
                    if key in seen:
                        line = key_node.start_mark.line + 1
                        problems.append(f"{self.label}:{line}: duplicate key {key!r}")
                    seen.add(key)
                    stack.append(value_node)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
        return problems

    def validate(self, model: type[ModelT]) -> tuple[ModelT | None, list[str]]:
        """Validate the data against ``model``; return the model or the list of problems."""
        problems = self.duplicate_keys()
        try:
            return model.model_validate(self.data), problems
        except ValidationError as exc:
            for error in exc.errors():
                loc = tuple(error["loc"])
                problems.append(self.problem(loc, error["msg"]))
            return None, problems


def load_model(path: Path, model: type[ModelT], label: str | None = None) -> ModelT:
    """Load one YAML file into ``model`` or raise ``DataFileError`` listing every problem."""
    source = SourceFile(path, label)
    result, problems = source.validate(model)
    if problems or result is None:
        raise DataFileError(problems)
    return result


def _child(node: yaml.Node | None, key: str | int) -> tuple[int, yaml.Node] | None:
    """The node under ``key`` and the line where it is written (its key's line in a mapping)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if str(key_node.value) == str(key):
                return key_node.start_mark.line + 1, value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        item: yaml.Node = node.value[key]
        return item.start_mark.line + 1, item
    return None
