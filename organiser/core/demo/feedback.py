"""Twenty feedback responses to the demo event, in the project's own invented words, with a few
answers themed and starred for the quote bank (only where the writer agreed)."""

from __future__ import annotations

from organiser.core.db import Store
from organiser.core.feedback import responses, themes
from organiser.core.feedback.form import list_questions
from organiser.core.feedback.kinds import QuoteConsent, Standard

ANON, NAMED, NO = (c.value for c in QuoteConsent)
# overall, enjoyed, better, services (";"), regular, heard, quote consent, first name
RESPONSES = (
    (
        "Very good",
        "An hour that was just for me, and the baby was happy next door.",
        "Longer, please!",
        "Stretch Together;Seaside Health Trainers",
        "Yes",
        "Health visitor",
        NAMED,
        "Amara",
    ),
    (
        "Very good",
        "Meeting other mums who also find the mornings hard.",
        "",
        "Perinatal Mental Health Team",
        "Yes",
        "A friend",
        ANON,
        "",
    ),
    (
        "Good",
        "The Pilates was gentle enough for my back.",
        "The room was a bit cold at first.",
        "Priya Shah Pilates",
        "Maybe",
        "Flyer",
        ANON,
        "",
    ),
    (
        "Very good",
        "Knowing the creche staff were qualified.",
        "More time for questions.",
        "Seaside Health Trainers",
        "Yes",
        "Health visitor",
        NO,
        "",
    ),
    (
        "Very good",
        "Pastries and proper coffee!",
        "",
        "Stretch Together",
        "Yes",
        "Social media",
        NAMED,
        "Fatima",
    ),
    (
        "Good",
        "Finding out about the walking group.",
        "A quieter corner for feeding.",
        "Seaside Health Trainers;Stretch Together",
        "Yes",
        "Children's centre",
        ANON,
        "",
    ),
    (
        "Very good",
        "Talking about how I feel without being judged.",
        "",
        "Perinatal Mental Health Team",
        "Yes",
        "Health visitor",
        NO,
        "",
    ),
    (
        "Neither good nor poor",
        "The information stall.",
        "It was hard to hear the speakers.",
        "Perinatal Mental Health Team",
        "Maybe",
        "A friend",
        ANON,
        "",
    ),
    (
        "Very good",
        "Relaxing breathing at the end.",
        "Could it be monthly?",
        "Priya Shah Pilates",
        "Yes",
        "Flyer",
        NAMED,
        "Hannah",
    ),
    (
        "Good",
        "Meeting the health trainers in person.",
        "",
        "Seaside Health Trainers",
        "Maybe",
        "Health visitor",
        ANON,
        "",
    ),
    (
        "Very good",
        "My son loved the creche and I got a cup of tea in peace.",
        "",
        "Stretch Together",
        "Yes",
        "Children's centre",
        ANON,
        "",
    ),
    (
        "Very good",
        "Everyone was so welcoming.",
        "Parking nearby would help.",
        "Perinatal Mental Health Team;Stretch Together",
        "Yes",
        "A friend",
        NAMED,
        "Tomasz",
    ),
    (
        "Good",
        "The stretches I can do at home.",
        "Handouts to take away.",
        "Priya Shah Pilates",
        "Yes",
        "Social media",
        NO,
        "",
    ),
    (
        "Very good",
        "Having childcare so I could join in properly.",
        "",
        "Stretch Together",
        "Yes",
        "Health visitor",
        ANON,
        "",
    ),
    ("Don't know", "", "", "", "Maybe", "Other", NO, ""),
    (
        "Very good",
        "Feeling part of something again.",
        "More sessions like this.",
        "Seaside Health Trainers",
        "Yes",
        "Flyer",
        ANON,
        "",
    ),
    (
        "Good",
        "Learning about support after birth.",
        "Start a little later for the school run.",
        "Perinatal Mental Health Team",
        "Yes",
        "Health visitor",
        ANON,
        "",
    ),
    (
        "Very good",
        "Chatting over coffee after the class.",
        "",
        "",
        "Yes",
        "A friend",
        NAMED,
        "Leanne",
    ),
    (
        "Poor",
        "The creche.",
        "The talks ran over and the room got crowded.",
        "Seaside Health Trainers",
        "No",
        "Social media",
        ANON,
        "",
    ),
    (
        "Very good",
        "It felt made by parents, for parents.",
        "",
        "Stretch Together",
        "Yes",
        "Children's centre",
        ANON,
        "",
    ),
)
# answer (by its first words) → themes; starred ones go to the quote bank
TAGS = {
    "An hour that was just for me": ("Relaxing", "Childcare"),
    "Meeting other mums": ("Social connection",),
    "Knowing the creche staff": ("Childcare",),
    "Pastries and proper coffee": ("Refreshments",),
    "Finding out about the walking": ("Information",),
    "Relaxing breathing": ("Relaxing",),
    "Could it be monthly": ("More sessions",),
    "Everyone was so welcoming": ("Social connection",),
    "More sessions like this": ("More sessions",),
    "It felt made by parents": ("Social connection",),
}
STARRED = (
    "An hour that was just for me",
    "Meeting other mums",
    "It felt made by parents",
    "Relaxing breathing",
    "Knowing the creche staff",
)


def add_feedback(store: Store, event_id: int) -> None:
    """The responses, themes and quote bank of the demo event."""
    qs = {q.standard: q.id for q in list_questions(store, event_id) if q.standard}
    keys = (
        Standard.FFT,
        Standard.ENJOYED,
        Standard.BETTER,
        Standard.SERVICES,
        Standard.REGULAR,
        Standard.HEARD,
        Standard.QUOTE,
        Standard.FIRST_NAME,
    )
    for row in RESPONSES:
        answers: dict[int, str | list[str]] = {}
        for key, value in zip(keys, row, strict=True):
            if key == Standard.SERVICES:
                answers[qs[key]] = [v for v in value.split(";") if v]
            elif value:
                answers[qs[key]] = value
        responses.add_response(store, event_id=event_id, answers=answers)
    theme_ids = {t.name: t.id for t in themes.list_themes(store, event_id)}
    for response in responses.list_responses(store, event_id):
        for question_id, value in response.answers.items():
            answer_id = response.answer_ids[question_id]
            for start, names in TAGS.items():
                if value.startswith(start):
                    for name in names:
                        themes.tag(store, answer_id=answer_id, theme_id=theme_ids[name], on=True)
            if value.startswith(STARRED):
                responses.set_starred(store, answer_id=answer_id, starred=True)
