"""A small DOM built with html.parser, enough to query Chromium's --dump-dom output."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Dict, Iterator, List, Optional

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: Dict[str, str], parent: Optional["Node"]):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.content: List[object] = []  # Nodes and text, in document order

    @property
    def children(self) -> List["Node"]:
        return [c for c in self.content if isinstance(c, Node)]

    @property
    def classes(self) -> set:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator["Node"]:
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: Optional[str] = None, id: Optional[str] = None, cls: Optional[str] = None) -> List["Node"]:
        return [n for n in self.iter() if n is not self
                and (tag is None or n.tag == tag)
                and (id is None or n.attrs.get("id") == id)
                and (cls is None or cls in n.classes)]

    def find(self, **kwargs) -> Optional["Node"]:
        found = self.find_all(**kwargs)
        return found[0] if found else None

    def text(self) -> str:
        raw = "".join(c.text() if isinstance(c, Node) else c for c in self.content)
        return " ".join(raw.split())

    def table_rows(self) -> List[List[str]]:
        """Cell texts of the rows in <tbody> (or all rows when there is none)."""
        body = self.find(tag="tbody") or self
        return [[cell.text() for cell in row.children if cell.tag in ("td", "th")] for row in body.find_all(tag="tr")]


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.content.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.content.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        if self.current.tag not in ("script", "style"):
            self.current.content.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root
