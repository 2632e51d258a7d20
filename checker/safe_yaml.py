"""YAML data files (profiles, term tables, settings, baseline) read safely and fast."""

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 0.33 s -> 0.02 s


def load_yaml(text: str):
    """Safe YAML data; an alias (*name) is refused (no billion laughs). An alias composes to the node it names,
    so a node met twice on the walk of the composed tree is one."""
    root = yaml.compose(text, Loader=_LOADER)
    seen, stack = set(), [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise yaml.YAMLError("不支持 YAML 别名（*…）")
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return yaml.load(text, Loader=_LOADER)
