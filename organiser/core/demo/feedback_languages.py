"""The demo event's paper feedback form and sign-in sheet in Polish, checked by Łucja, who
reads it: the form's own words and every question, the choices in the English order (the
services keep their names), so a Polish paper's answers are entered into the same questions.
Worded for mothers and fathers alike."""

from __future__ import annotations

from organiser.core.db import Store
from organiser.core.events.reading import get_event
from organiser.core.feedback import languages
from organiser.core.feedback.form import list_questions
from organiser.core.feedback.kinds import Standard
from organiser.core.planning.service import list_members

POLISH_FORM = {
    "heading": "Formularz opinii",
    "intro": (
        "Dziękujemy za przybycie. Napisz nam, co myślisz: pomoże nam to zaplanować kolejne "
        "spotkanie. Zajmie to około pięciu minut, a każde pytanie możesz pominąć."
    ),
    "tick_one": "Zaznacz jedną odpowiedź.",
    "tick_all": "Zaznacz wszystkie pasujące.",
    "quote_hint": (
        "Zaznacz jedną odpowiedź. Twoje słowa wydrukujemy tylko wtedy, gdy się zgodzisz, i tylko "
        "w wybrany przez Ciebie sposób."
    ),
    "contact_hint": (
        "Zaznacz jedną odpowiedź. Twoich danych użyjemy wyłącznie po to, by powiadomić Cię "
        "o kolejnych spotkaniach."
    ),
    "online": "Możesz też wypełnić go w internecie: zeskanuj ten kod.",
    "closing": "Dziękujemy. Oddaj formularz komuś z zespołu albo wrzuć go do pudełka.",
    "sign_in_heading": "Lista obecności",
    "sign_in_intro": (
        "Witamy! Wpisz swoje imię i ile osób z Tobą przyszło: pomoże nam to policzyć obecnych "
        "i zaplanować kolejne spotkanie. Prosimy nie wpisywać tu numerów telefonu ani adresów "
        "e-mail."
    ),
    "column_name": "Imię",
    "column_adults": "Dorośli",
    "column_children": "Dzieci",
    "column_first_time": "Pierwszy raz? Zaznacz",
    "phone_send": "Wyślij",
    "phone_problem": "Coś wymaga poprawki",
    "phone_thanks": "Dziękujemy",
    "phone_sent": "Twoje odpowiedzi dotarły do zespołu. Możesz zamknąć tę stronę.",
    "phone_again": "Odpowiedz jeszcze raz za kogoś innego na tym telefonie",
}
# Each standard question: its wording, and its choices in the English order (None: as typed).
POLISH_QUESTIONS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    Standard.FFT.value: (
        "Ogólnie, jak oceniasz swoje doświadczenie z naszą usługą?",
        ("Bardzo dobrze", "Dobrze", "Ani dobrze, ani źle", "Źle", "Bardzo źle", "Nie wiem"),
    ),
    Standard.ENJOYED.value: ("Co podobało Ci się najbardziej?", None),
    Standard.BETTER.value: ("Co mogło być lepsze?", None),
    Standard.SERVICES.value: ("Które z tych usług poznałaś lub poznałeś dzisiaj?", None),
    Standard.REGULAR.value: (
        "Czy przyjdziesz na regularne spotkania takie jak to?",
        ("Tak", "Może", "Nie"),
    ),
    Standard.HEARD.value: (
        "Skąd wiesz o dzisiejszym spotkaniu?",
        (
            "Od położnej środowiskowej",
            "Z centrum dla dzieci",
            "Od znajomych",
            "Z mediów społecznościowych",
            "Z ulotki",
            "Inne",
        ),
    ),
    Standard.QUOTE.value: (
        "Czy możemy cytować Twoje słowa w naszych raportach?",
        ("Tak, anonimowo", "Tak, z moim imieniem", "Nie"),
    ),
    Standard.FIRST_NAME.value: ("Twoje imię (tylko jeśli możemy go użyć)", None),
    Standard.CONTACT_CONSENT.value: (
        "Czy możemy się z Tobą skontaktować w sprawie kolejnych spotkań?",
        ("Tak", "Nie"),
    ),
    Standard.CONTACT.value: ("Jeśli tak, Twój e-mail lub numer telefonu", None),
}


MONTHS = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
]
DAYS = ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]


def _when(store: Store, event_id: int) -> str:
    """The date and place as a Polish reader says them ("poniedziałek, 28 grudnia 2026")."""
    event = get_event(store, event_id)
    if event.date is None:
        return event.venue_name
    day = f"{DAYS[event.date.weekday()]}, {event.date.day} {MONTHS[event.date.month - 1]}"
    return f"{day} {event.date.year}, {event.venue_name}".rstrip(", ")


def add_form_languages(store: Store, event_id: int) -> None:
    """The Polish paper form and sign-in sheet, every word translated, checked by Łucja."""
    added = languages.add_form_language(store, event_id=event_id, language="Polish")
    assert added.created_id is not None
    words: dict[str, str] = dict(POLISH_FORM)
    words["when_text"] = _when(store, event_id)
    for question in list_questions(store, event_id):
        if question.standard not in POLISH_QUESTIONS:
            continue
        text, choices = POLISH_QUESTIONS[question.standard]
        words[languages.text_key(question.id)] = text
        if choices:  # the services keep their own names: nothing to translate
            words[languages.choices_key(question.id)] = "\n".join(choices)
    languages.update_form_language(store, language_id=added.created_id, values=words)
    checker = next(m.id for m in list_members(store, event_id) if m.name == "Łucja Nowak")
    languages.check_form_language(store, language_id=added.created_id, member_id=checker)
