#!/usr/bin/env python3
"""Renders the option and header tables of milvus-ingest-component.adoc from the catalog JSON that
camel-component-maven-plugin generates (run `mvn install` first). Rewrites the text between the
`// BEGIN <name>` and `// END <name>` markers; ComponentDocsTest fails when the tables are stale."""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
CATALOG = HERE.parents[1] / "generated/resources/META-INF/io/milvusingest/camel/milvus-ingest.json"
DOC = HERE / "milvus-ingest-component.adoc"


def esc(text):
    return text.replace("|", "\\|")


def options(props):
    rows = ['[width="100%",cols="2,5,^1,2",options="header"]', "|===", "| Name | Description | Default | Type"]
    for name, p in props.items():
        desc = esc(p["description"]) + (" (secret)" if p.get("secret") else "")
        default = p.get("defaultValue", "")
        default = str(default).lower() if isinstance(default, bool) else str(default)
        rows.append("| *%s* (%s) | %s | %s | %s" % (name, p.get("group", "common"), desc, default, p["type"]))
    return "\n".join(rows + ["|==="])


def headers(h):
    rows = ['[width="100%",cols="2,5,2",options="header"]', "|===", "| Name | Description | Type"]
    for name, p in h.items():
        rows.append("| `%s` | %s | %s" % (name, esc(p["description"]), p["javaType"]))
    return "\n".join(rows + ["|==="])


catalog = json.loads(CATALOG.read_text())
doc = DOC.read_text()
for marker, table in (("component-options", options(catalog["componentProperties"])),
                      ("endpoint-options", options(catalog["properties"])),
                      ("headers", headers(catalog["headers"]))):
    doc = re.sub(r"(// BEGIN %s\n).*?(// END %s)" % (marker, marker),
                 lambda m: m.group(1) + table + "\n" + m.group(2), doc, flags=re.S)
DOC.write_text(doc)
