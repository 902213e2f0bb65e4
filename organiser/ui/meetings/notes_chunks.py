"""Long notes cut into pieces of Markdown that read the same alone as in the whole note.

A piece ends at a blank line and the next begins with a heading or a line starting with a
letter: nothing before such a line (a list, a quote, a paragraph) can reach past the blank line.
A fence or HTML opened earlier can, and a link label can be defined anywhere, so no cut is made
after the first fence or HTML line, nor anywhere in notes that define links.
"""

from __future__ import annotations

import re

CHUNK_CHARS = 4_000  # a piece is parsed, and later written back, on its own
_CUT = re.compile(r"\n[ \t]*\n(?=#{1,6}[ \t]|[^\W\d_])")
_REACHES_ON = re.compile(r"^[ \t]*(?:```|~~~|<)", re.MULTILINE)
_LINK_LABEL = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:", re.MULTILINE)


def split_markdown(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """`text` in pieces of at least `size` characters that join back into it exactly."""
    if "\r" in text or text.startswith("---") or _LINK_LABEL.search(text):
        return [text]
    reaching = _REACHES_ON.search(text)
    stop = reaching.start() if reaching else len(text)
    chunks, start = [], 0
    for match in _CUT.finditer(text, 0, stop):
        cut = match.end()
        if cut - start >= size and text[start:cut].strip():
            chunks.append(text[start:cut])
            start = cut
    chunks.append(text[start:])
    return chunks
