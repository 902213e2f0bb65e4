"""The figures and the quote bank come from grouped queries (issue 19): they must give exactly
what reading every response one by one gives, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from organiser.core.db import Store
from organiser.core.feedback import figures, form, responses, themes
from organiser.core.feedback.figures import Distribution, Share
from organiser.core.feedback.kinds import FFT_SCALE, REGULAR, Kind, QuoteConsent
from organiser.core.feedback.responses import ResponseRow


def _one_by_one(
    questions: list[form.Question], rows: list[ResponseRow]
) -> tuple[Share, Share, Share, list[Distribution], list[tuple[str, int]]]:
    """The figures as first written: every response's answers read in Python."""

    def values(q: form.Question) -> list[str]:
        return [r.answers.get(q.id, "") for r in rows]

    by_key = {q.standard: q for q in questions if q.standard}
    fft = figures.fft_share(values(by_key["fft"]))
    said = [v for v in values(by_key["regular"]) if v]
    dists = [
        figures.distribution(q, values(q))
        for q in questions
        if q.kind != Kind.TEXT.value
        and q.standard not in ("quote", "contact_consent")
        and not (q.archived and not any(values(q)))
    ]
    services_q = by_key["services"]
    services = [(c, n) for c, n in figures.distribution(services_q, values(services_q)).counts if n]
    return (
        fft,
        Share(said.count("Yes"), len(said)),
        Share(said.count("Maybe"), len(said)),
        dists,
        services,
    )


def _quotes_one_by_one(
    questions: list[form.Question], rows: list[ResponseRow], *, for_print: bool
) -> list[tuple[int, str, str, str, str, bool]]:
    by_key = {q.standard: q.id for q in questions if q.standard}
    private = {by_key[k] for k in ("quote", "first_name", "contact", "contact_consent")}
    text = {q.id: q.text for q in questions if q.kind == Kind.TEXT.value and q.id not in private}
    found = []
    for r in sorted(rows, key=lambda r: (r.received_at, r.id)):
        consent = r.answers.get(by_key["quote"], "")
        attribution = ""
        if consent == QuoteConsent.ANONYMOUS.value:
            attribution = "A parent at the session"
        elif consent == QuoteConsent.FIRST_NAME.value:
            first = r.answers.get(by_key["first_name"], "").split()
            attribution = first[0] if first else "A parent at the session"
        for qid, answer_id in sorted(r.answer_ids.items(), key=lambda item: item[1]):
            if qid not in text or not r.answers[qid]:
                continue
            starred = answer_id in r.starred
            if for_print and not (starred and attribution):
                continue
            found.append((answer_id, r.answers[qid], text[qid], consent, attribution, starred))
    return found


def _fill(store: Store, event: int, count: int, seed: int) -> None:
    rng = random.Random(seed)
    q = {x.standard: x for x in form.list_questions(store, event) if x.standard}
    room = form.add_question(
        store,
        event_id=event,
        values={"text": "How was the room?", "kind": "Single choice", "choices": "Warm\nCold"},
    ).created_id
    unused = form.add_question(
        store,
        event_id=event,
        values={"text": "Parking?", "kind": "Single choice", "choices": "Easy\nHard"},
    ).created_id
    assert room is not None and unused is not None
    start = dt.datetime(2027, 3, 13, 9, 0)
    for n in range(count):
        answers: dict[int, str | list[str]] = {q["enjoyed"].id: f"Lovely morning {n}"}
        if rng.random() < 0.8:
            answers[q["fft"].id] = rng.choice(FFT_SCALE)
        if rng.random() < 0.7:
            answers[q["regular"].id] = rng.choice(REGULAR)
        offered = q["services"].choices
        answers[q["services"].id] = rng.sample(offered, rng.randrange(0, min(3, len(offered) + 1)))
        if rng.random() < 0.5:
            answers[room] = rng.choice(("Warm", "Cold"))
        if n % 3 == 0:
            answers[q["better"].id] = "Longer sessions, please."
        consent = rng.choice([*(c.value for c in QuoteConsent), ""])
        if consent:
            answers[q["quote"].id] = consent
        if rng.random() < 0.7:
            answers[q["first_name"].id] = rng.choice(("Amara", "Jo Ann", " "))
        responses.add_response(
            store,
            event_id=event,
            answers=answers,
            # Some share a time, so the answer's id settles the order.
            received_at=start + dt.timedelta(minutes=rng.randrange(0, 5)),
        )
    for row in responses.list_responses(store, event):
        for answer_id in row.answer_ids.values():
            if rng.random() < 0.4:
                responses.set_starred(store, answer_id=answer_id, starred=True)
    # Choices reworded and questions taken off after answers came in: old answers still count.
    form.update_question(store, question_id=room, values={"choices": "Warm\nJust right"})
    form.remove_question(store, question_id=room)
    form.remove_question(store, question_id=unused)


def test_grouped_figures_and_quotes_match_reading_every_response(
    store: Store, create_event: Callable[..., int]
) -> None:
    event, other = create_event(), create_event(title="Another morning")
    _fill(store, event, 60, seed=3)
    _fill(store, other, 15, seed=4)  # another event's answers never count
    for e in (event, other):
        questions = form.list_questions(store, e, archived=True)
        rows = responses.list_responses(store, e)
        found = figures.figures(store, e)
        fft, regular, maybe, dists, services = _one_by_one(questions, rows)
        assert found.responses == len(rows)
        assert (found.fft, found.regular, found.regular_maybe) == (fft, regular, maybe)
        assert found.distributions == tuple(dists)
        assert found.services == tuple(services)
        for for_print in (True, False):
            quoted = [
                (q.answer_id, q.text, q.question, q.consent, q.attribution, q.starred)
                for q in themes.quotes(store, e, for_print=for_print)
            ]
            assert quoted == _quotes_one_by_one(questions, rows, for_print=for_print)
    # The example covers every kind of attribution, printed and not.
    every = themes.quotes(store, event, for_print=False)
    assert {q.attribution for q in every} >= {"", "A parent at the session", "Amara", "Jo"}
    assert themes.quotes(store, event, for_print=True)


def test_an_event_without_responses_has_empty_figures_and_no_quotes(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event()
    found = figures.figures(store, event)
    assert found.responses == 0 and found.fft.words() == "no answers yet"
    assert found.services == () and all(d.answered == 0 for d in found.distributions)
    assert themes.quotes(store, event, for_print=False) == []
