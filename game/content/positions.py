"""Maps pydantic-style locations (('delegates', 3, 'capacities', 'troops')) to YAML positions."""

from typing import Any

import yaml

Loc = tuple[Any, ...]


def find_node(root: yaml.Node, loc: Loc) -> tuple[yaml.Node, Loc]:
    """Returns the deepest node along loc, and loc without pydantic's discriminator parts.

    Pydantic puts the tag of a discriminated union into locations (an effect's `op`,
    a condition's `test`); those parts are skipped. The tag is tried before a field of
    the same name, since `{test: priority, priority: x}` has both: the location of its
    `priority` field is (..., 'priority', 'priority'). '[key]' points at a mapping key.
    """
    node = root
    clean: list[Any] = []
    items = list(loc)
    tag_skipped_at: yaml.Node | None = None
    while items:
        part = items.pop(0)
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        elif isinstance(node, yaml.MappingNode) and items[:1] == ["[key]"]:
            node = _key_node(node, part) or node
        elif isinstance(node, yaml.MappingNode) and node is not tag_skipped_at and _is_tag(node, part):
            tag_skipped_at = node
            continue
        elif isinstance(node, yaml.MappingNode) and _value_node(node, part) is not None:
            node = _value_node(node, part)
        elif isinstance(node, yaml.MappingNode) and _is_discriminator_value(node, part):
            continue
        else:
            clean.append(part)
            clean.extend(items)
            break
        clean.append(part)
    return node, tuple(clean)


def readable_path(loc: Loc) -> str:
    """Returns a path like delegates[3].capacities.troops."""
    out = ""
    for part in loc:
        if part == "[key]":
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _key_node(mapping: yaml.MappingNode, key: Any) -> yaml.Node | None:
    # The last occurrence: a repeated key keeps its last value, so that is what was validated.
    for k, _ in reversed(mapping.value):
        if isinstance(k, yaml.ScalarNode) and k.value == str(key):
            return k
    return None


def _value_node(mapping: yaml.MappingNode, key: Any) -> yaml.Node | None:
    for k, v in reversed(mapping.value):
        if isinstance(k, yaml.ScalarNode) and k.value == str(key):
            return v
    return None


def _is_tag(mapping: yaml.MappingNode, part: Any) -> bool:
    """Is part the tag of this effect (`op`) or condition (`test`)?"""
    for field in ("op", "test"):
        value = _value_node(mapping, field)
        if isinstance(value, yaml.ScalarNode) and value.value == str(part):
            return True
    return False


def _is_discriminator_value(mapping: yaml.MappingNode, part: Any) -> bool:
    for field in ("op", "test", "kind"):
        value = _value_node(mapping, field)
        if isinstance(value, yaml.ScalarNode) and value.value == str(part):
            return True
    return False
