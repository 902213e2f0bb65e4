"""The allergy and dietary summary: what the refreshments must avoid, counted by children."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_SPLIT = re.compile(r"[,;/\n]+|\s+and\s+|\s*&\s*", re.IGNORECASE)
_NOISE = re.compile(
    r"^(?:allergic to|allergy to|an? )|(?:\s+(?:allergy|allergies|allergic|intolerance))+$",
    re.IGNORECASE,
)
_NOTHING = {"", "none", "no", "n/a", "na", "nil", "nothing", "-", "none known", "no allergies"}
# The same need written several ways counts once.
_SAME = {
    "nut": "nuts",
    "peanut": "peanuts",
    "tree nut": "tree nuts",
    "egg": "eggs",
    "milk": "dairy",
    "cow's milk": "dairy",
    "cows milk": "dairy",
    "lactose": "dairy",
    "dairy free": "dairy",
    "dairy-free": "dairy",
    "gluten free": "gluten",
    "gluten-free": "gluten",
    "coeliac": "gluten",
    "wheat": "gluten",
    "sesame seeds": "sesame",
}


@dataclass(frozen=True)
class NeedCount:
    need: str
    children: int
    kind: str  # "allergy" or "diet"

    def words(self) -> str:
        who = f"{self.children} child{'ren' if self.children != 1 else ''}"
        if self.kind == "allergy":
            return f"{who} with {_article(self.need)} allergy"
        return f"{who}: {self.need}"


def _article(need: str) -> str:
    word = need.rstrip("s") if need in {"nuts", "peanuts", "eggs", "tree nuts"} else need
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def needs_in(text: str) -> list[str]:
    """The separate needs written in one field: "Nuts and egg; dairy" → nuts, eggs, dairy."""
    found: list[str] = []
    if unicodedata.normalize("NFC", text).strip().strip(".").casefold() in _NOTHING:
        return found
    for part in _SPLIT.split(unicodedata.normalize("NFC", text)):
        need = _NOISE.sub("", part.strip().strip(".")).strip().casefold()
        if need in _NOTHING:
            continue
        need = _SAME.get(need, need)
        if need not in found:
            found.append(need)
    return found


def summarise(children: Iterable[tuple[str, str]]) -> list[NeedCount]:
    """Each need with how many children have it, allergies first, most children first.

    `children` gives each child's (allergies, dietary needs) text.
    """
    allergy: dict[str, int] = {}
    diet: dict[str, int] = {}
    for allergies, dietary in children:
        for need in needs_in(allergies):
            allergy[need] = allergy.get(need, 0) + 1
        for need in needs_in(dietary):
            if need not in needs_in(allergies):
                diet[need] = diet.get(need, 0) + 1
    ordered = sorted(allergy.items(), key=lambda kv: (-kv[1], kv[0]))
    ordered_diet = sorted(diet.items(), key=lambda kv: (-kv[1], kv[0]))
    return [NeedCount(n, c, "allergy") for n, c in ordered] + [
        NeedCount(n, c, "diet") for n, c in ordered_diet
    ]


def summary_line(needs: Iterable[NeedCount]) -> str:
    """One line for the budget's refreshments and the programme, or "" when there are none."""
    return "; ".join(n.words() for n in needs)
