"""YAML loading that keeps positions, and schema validation that reports them.

PyYAML's safe_load forgets where a value came from; a maintainer needs the line of the
bad key. So the document is composed into nodes first, and each jsonschema error is
mapped back along its path to the node's line.
"""
import jsonschema
import yaml

from kb.model.diagnostics import Problem


class Located:
    """A loaded YAML document plus a way to find the line of any value in it."""

    def __init__(self, data, root_node, first_line: int = 1):
        self.data = data
        self.root = root_node
        self.first_line = first_line  # file line of the document's line 1

    def line_of(self, path) -> int:
        node = self.root
        for step in path:
            if isinstance(node, yaml.MappingNode):
                match = [v for k, v in node.value if k.value == step]
                key_nodes = [k for k, v in node.value if k.value == step]
                if not match:
                    break
                node = match[0]
                last_key = key_nodes[0]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                break
        else:
            # A scalar points at its own line; a mapping or list at the key that holds it.
            if not isinstance(node, yaml.ScalarNode) and path and isinstance(path[-1], str):
                node = last_key
        if node is None:
            return self.first_line
        return node.start_mark.line + self.first_line


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, path: str, first_line: int = 1):
    """Return (Located or None, problems). Malformed YAML becomes one KB001 problem."""
    try:
        # libyaml's parser when PyYAML has it (its wheels do): the checker parses ~170 files.
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + first_line if mark else first_line
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(path, line, "KB001", f"malformed YAML: {reason}")]
    try:
        data = yaml.constructor.SafeConstructor().construct_document(node) if node else None  # no second parse
    except ValueError:  # well-formed, but a value cannot be built: a date such as 2026-02-30
        bad = _impossible_date(node)
        line = bad.start_mark.line + first_line if bad else first_line
        value = bad.value if bad else "?"
        return None, [Problem(path, line, "KB001", f"'{value}' is not a real date (YYYY-MM-DD)")]
    return Located(data, node, first_line), duplicate_key_problems(node, path, first_line)


def duplicate_key_problems(node, path: str, first_line: int = 1) -> list[Problem]:
    """A key written twice in one mapping: YAML keeps the last silently, so two entries for
    one claim, source or term would lose the first without a word (KB005)."""
    problems = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        problems.append(Problem(path, key.start_mark.line + first_line, "KB005",
                                                f"duplicate key '{key.value}' (first at line {seen[key.value]}): merge the two entries"))
                    else:
                        seen[key.value] = key.start_mark.line + first_line
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(problems, key=lambda p: p.line)


def _impossible_date(node):
    """The first timestamp scalar under a node that is not a real date, or None."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(node)
            except ValueError:
                return node
        return None
    children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in (node.value or []) for n in pair]
    return next((bad for child in children if (bad := _impossible_date(child)) is not None), None)


def schema_errors(located: Located, schema: dict) -> list:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return sorted(validator.iter_errors(located.data), key=lambda e: list(map(str, e.absolute_path)))


def unusable_items(errors) -> set:
    """Indexes of list items with errors worse than an unknown key (those still load)."""
    return {e.absolute_path[0] for e in errors if e.absolute_path and e.validator != "additionalProperties"}


def schema_problems(located: Located, schema: dict, path: str, what: str, errors=None) -> list[Problem]:
    problems = []
    errors = schema_errors(located, schema) if errors is None else errors
    for error in errors:
        where = list(error.absolute_path)
        if error.validator == "additionalProperties":
            # Point at the unknown key itself.
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            for key in extra:
                line = located.line_of(where + [key])
                problems.append(Problem(path, line, "KB002", f"{what}: unknown key '{key}'{_at(where)}"))
            continue
        line = located.line_of(where)
        problems.append(Problem(path, line, "KB002", f"{what}: {error.message}{_at(where)}"))
    return problems


def _at(where) -> str:
    return f" (at {'/'.join(map(str, where))})" if where else ""
