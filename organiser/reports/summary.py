"""The summary report: an event written up as a case study a funder or partner would read, on A4
in clear print, with the co-production profile and the feedback charts drawn as vectors."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from organiser.core.coproduction.documents import (
    HEADINGS,
    MORE_QUESTION,
    Budget,
    NextSteps,
    Outcomes,
    Process,
    SummarySheet,
)
from organiser.core.planning.documents import ProgrammeLine
from organiser.reports.charts import distribution_chart
from organiser.reports.pages import TEXT_LIMIT, build_pdf, fit, para, section
from organiser.reports.profile_chart import profile_drawing
from organiser.reports.styles import BODY, CELL, KICKER, LABEL, TITLE
from organiser.reports.summary_parts import (
    PAGE,
    WIDTH,
    bullets,
    data_table,
    facts_table,
    narrative,
    plain,
    quote,
    subheading,
)

(
    AT_A_GLANCE,
    BACKGROUND,
    PROCESS,
    PROGRAMME,
    OUTCOMES,
    BUDGET,
    LEARNING,
    NEXT_STEPS,
    CONCLUSION,
) = HEADINGS


# A running order this long or shorter is kept on one page.
_SHORT_PROGRAMME = 15


def _title(sheet: SummarySheet) -> list[Flowable]:
    story: list[Flowable] = [
        para("Summary report", KICKER),
        para(sheet.title or "Untitled event", TITLE),
    ]
    if sheet.when:
        story.append(para(sheet.when, BODY))
    return story


def _process(process: Process) -> list[Flowable]:
    story = [*section(PROCESS), *narrative(process.narrative)]
    if process.members:
        story += subheading("The working group")
        story.append(
            data_table(
                ("Name", "Role", "Organisation"),
                [(p.name, p.role, p.organisation) for p in process.members],
                (0.3, 0.36, 0.34),
            )
        )
    if process.meetings:
        story += subheading("Meetings")
        story += bullets([f"{day}: {title}" for day, title in process.meetings])
    if process.profile is not None:
        story += subheading("Co-production profile")
        chart = profile_drawing(process.profile, width=WIDTH)
        story += [
            plain(
                "How far each part of the event was shared, on the ladder of co-production: "
                "each bar reaches the rung that part reached."
            ),
            Spacer(0, 6),
            KeepTogether([chart]),
            Spacer(0, 8),
        ]
        if process.profile.gaps:
            story.append(para("Where co-production slipped", LABEL))
            story += bullets(process.profile.gaps)
    if process.received:
        story += subheading("What people with lived experience received")
        story.append(
            data_table(
                ("What", "Who", "Amount or budget line"),
                [(r.what, r.who, r.amount or r.budget_line) for r in process.received],
                (0.46, 0.24, 0.30),
            )
        )
    story += [plain(line) for line in process.missing]
    return story


def _time(line: ProgrammeLine) -> str:
    return f"{line.start}–{line.end}" if line.start and line.end else line.start or line.end


def _programme(sheet: SummarySheet) -> list[Flowable]:
    story = section(PROGRAMME, room=200)
    if not sheet.programme:
        return [*story, plain(sheet.programme_missing)]
    rows = [
        (
            _time(line),
            f"{line.title} (runs alongside)" if line.alongside else line.title,
            line.lead,
        )
        for line in sheet.programme
    ]
    if sheet.programme_total:
        story.append(plain(f"The running order, {sheet.programme_total} in all."))
    story.append(data_table(("Time", "Item", "Led by"), rows, (0.2, 0.5, 0.3)))
    if len(rows) > _SHORT_PROGRAMME:
        return story
    # A morning's running order reads best on one page, with its heading.
    page_break, *rest = story
    return [page_break, KeepTogether(rest)]


def _outcomes(outcomes: Outcomes) -> list[Flowable]:
    story = [*section(OUTCOMES), *narrative(outcomes.narrative)]
    if outcomes.missing:
        return [*story, plain(outcomes.missing)]
    story += [Spacer(0, 4), facts_table(outcomes.figures, label_share=0.38)]
    if outcomes.services_line:
        story.append(plain(outcomes.services_line))
    if outcomes.charts:
        story.append(Spacer(0, 10))
        for chart in outcomes.charts:
            drawing = distribution_chart(chart, width=WIDTH)
            drawing.hAlign = "LEFT"
            story += [KeepTogether([drawing]), Spacer(0, 14)]
    story += subheading("In their own words")
    if not outcomes.quotes:
        story.append(plain("No quotes were chosen for the report, or nobody agreed to be quoted."))
    for line in outcomes.quotes:
        story += [quote(line), Spacer(0, 10)]
    return story


def _budget(budget: Budget) -> list[Flowable]:
    story = section(BUDGET, room=200)
    if budget.lines:
        rows = [(b.category, b.estimated, b.actual or "Not yet known") for b in budget.lines]
        story.append(
            KeepTogether(
                data_table(
                    ("Category", "Estimated", "Actual"),
                    rows,
                    (0.46, 0.27, 0.27),
                    total=("Total", budget.estimated, budget.actual or "Not yet known"),
                    right=(1, 2),
                )
            )
        )
    if budget.missing:
        story.append(plain(budget.missing))
    funding: list[Flowable] = []
    if budget.funds:
        funding += subheading("Funding")
        funding.append(data_table(("Source", "Amount"), budget.funds, (0.73, 0.27), right=(1,)))
    if budget.facts:
        funding += [Spacer(0, 8), facts_table(budget.facts, label_share=0.38)]
    # Short enough to keep whole: the totals read together or not at all.
    return [*story, KeepTogether(funding)] if funding else story


def _learning(sheet: SummarySheet) -> list[Flowable]:
    story = [*section(LEARNING), *narrative(sheet.learning)]
    if sheet.lessons:
        story += subheading("Lessons logged")
    for number, lesson in enumerate(sheet.lessons, start=1):
        head = lesson.learned or lesson.happened
        block: list[Flowable] = [para(f"{number}. {head}", LABEL, 2000)]
        if lesson.happened and lesson.happened != head:
            block.append(para(f"What happened: {lesson.happened}", CELL, 2000))
        if lesson.differently:
            block.append(para(f"Next time: {lesson.differently}", CELL, 2000))
        tag = f"Tagged: {lesson.tag}"
        if lesson.carried:
            tag += "; carried forward from an earlier session"
        block += [para(tag, CELL), Spacer(0, 12)]
        story.append(KeepTogether(block))
    return story


def _next_steps(steps: NextSteps) -> list[Flowable]:
    story = [
        *section(NEXT_STEPS),
        para(f"The question to ask: {MORE_QUESTION}", LABEL),
        Spacer(0, 4),
        plain(f"What the working group chose: {steps.chosen}."),
        *narrative(steps.narrative),
    ]
    story += subheading("Evidence of demand")
    story += bullets(steps.demand)
    cost: list[Flowable] = [*subheading("The cost of another session"), plain(steps.cost)]
    if steps.cost_lines:
        cost.append(data_table(("Category", "Cost"), steps.cost_lines, (0.73, 0.27), right=(1,)))
    # A handful of lines: read together, so kept on one page.
    return [*story, KeepTogether(cost)]


def _story(sheet: SummarySheet) -> list[Flowable]:
    story = _title(sheet)
    story += [*section(AT_A_GLANCE, room=220), facts_table(sheet.at_a_glance)]
    story += [*section(BACKGROUND), *narrative(sheet.background)]
    story += _process(sheet.process)
    story += _programme(sheet)
    story += _outcomes(sheet.outcomes)
    story += _budget(sheet.budget)
    story += _learning(sheet)
    story += _next_steps(sheet.next_steps)
    story += [*section(CONCLUSION), *narrative(sheet.conclusion)]
    return story


def render_summary(sheet: SummarySheet) -> bytes:
    """The summary report as A4 PDF bytes."""
    return build_pdf(
        _story(sheet),
        pagesize=PAGE,
        title=fit(f"Summary report: {sheet.title}", TEXT_LIMIT),
        subject="Summary report",
        note="Summary report",
    )
