"""The co-production ladder (Think Local Act Personal), the aspects of an event, what holds
co-production back, lesson tags and next-step options: plain names the UI may import."""

from __future__ import annotations

import enum


class Rung(enum.StrEnum):
    """The ladder, lowest first."""

    COERCION = "Coercion"
    EDUCATING = "Educating"
    INFORMING = "Informing"
    CONSULTATION = "Consultation"
    ENGAGEMENT = "Engagement"
    CO_DESIGN = "Co-design"
    CO_PRODUCTION = "Co-production"


RUNGS = tuple(Rung)


class Group(enum.StrEnum):
    DOING_TO = "Doing to"
    DOING_FOR = "Doing for"
    DOING_WITH = "Doing with"


def group_of(rung: Rung | str) -> Group:
    """Coercion and educating are doing to; informing, consultation and engagement doing for;
    co-design and co-production doing with."""
    step = RUNGS.index(Rung(rung)) + 1
    if step <= 2:
        return Group.DOING_TO
    if step <= 5:
        return Group.DOING_FOR
    return Group.DOING_WITH


class Aspect(enum.StrEnum):
    IDEA = "The idea"
    CONTENT = "Content of the session"
    SPEAKERS = "Speakers"
    TIME_VENUE = "Time and venue"
    BUDGET = "Budget"
    FLYER = "Flyer and publicity"
    DELIVERY = "Delivery on the day"
    EVALUATION = "Evaluation"


ASPECTS = tuple(Aspect)


class HeldBack(enum.StrEnum):
    TIME = "Time"
    FUNDING = "Funding"
    CAPACITY = "Capacity"
    HEALTH = "Health"
    OTHER = "Other"


class LessonTag(enum.StrEnum):
    TIME = "Time"
    FUNDING = "Funding"
    CAPACITY = "Capacity"
    VENUE = "Venue"
    PUBLICITY = "Publicity"
    OTHER = "Other"


class NextStep(enum.StrEnum):
    REGULAR = "Regular sessions"
    EXISTING_GROUP = "Link to an existing group"
    SERIES = "A short series"
    NOT_YET = "Not decided yet"
