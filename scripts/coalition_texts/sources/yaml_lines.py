"""Load YAML as plain data while remembering the line of every mapping and key.

Dates are left as strings (the catalog checks them itself, so that an impossible date gets
a message with its line rather than a traceback from the YAML library).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from coalition_texts.model.errors import SourceError


class LineDict(dict):
    """A mapping that knows the source line of itself (`line`) and of each key (`key_lines`)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser when PyYAML was built with it: reading the catalog is on every build's path.
_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):  # type: ignore[valid-type,misc]  # one of two bases, chosen at import
    """SafeLoader without the timestamp resolver, building LineDicts."""

    path = "<yaml>"  # the file being read, for messages (libyaml's marks do not carry it)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise SourceError(
                f"{loader.path}, line {key_node.start_mark.line + 1}",
                f"the key '{key}' appears twice in one entry.",
                "Keep one of them.",
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path):
    """Parse one YAML file; a syntax error becomes a SourceError naming its line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(str(path), "the file does not exist.", "Create it (see README.md).") from None
    except UnicodeDecodeError as error:
        raise SourceError(str(path), f"is not UTF-8 (byte {error.start}).", "Save it as UTF-8.") from None
    try:
        loader = _Loader(text)
        loader.path = str(path)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}, line {mark.line + 1}, column {mark.column + 1}" if mark else str(path)
        raise SourceError(where, f"is not valid YAML: {error.problem}.", "Fix the syntax there.") from None
    except yaml.YAMLError as error:
        raise SourceError(str(path), f"is not valid YAML: {error}.") from None
