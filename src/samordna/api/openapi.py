"""The protocol interchange format (protocol.schema.json) as OpenAPI components, so the description names it exactly.

OpenAPI 3.1 speaks JSON Schema 2020-12, but a component lives inside the OpenAPI document: the schema's own $id and
$schema go, and its "#/$defs/…" references are pointed at the components they become."""
import copy

from samordna.protocols.interchange import schema

PROTOCOL = "Protocol"
REF = f"#/components/schemas/{PROTOCOL}"


def _component_name(name):
    return "Protocol" + name[:1].upper() + name[1:]


def _rewrite(node):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                out[key] = "#/components/schemas/" + _component_name(value.removeprefix("#/$defs/"))
            else:
                out[key] = _rewrite(value)
        return out
    if isinstance(node, list):
        return [_rewrite(item) for item in node]
    return node


def protocol_components():
    source = copy.deepcopy(schema())
    defs = source.pop("$defs", {})
    for key in ("$schema", "$id"):
        source.pop(key, None)
    components = {PROTOCOL: _rewrite(source)}
    components.update({_component_name(name): _rewrite(body) for name, body in defs.items()})
    return components
