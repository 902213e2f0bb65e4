"""The summary report as an editable Word document, for staff who paste it into their own
reports: the same parts and words as the PDF. Charts come as tables of their figures (editable,
and read by screen readers), since ReportLab draws bitmaps only through system Cairo libraries."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from organiser.core.coproduction.documents import (
    HEADINGS,
    MORE_QUESTION,
    Budget,
    NextSteps,
    Outcomes,
    Process,
    ProfileSheet,
    SummarySheet,
)
from organiser.core.feedback.documents import Chart
from organiser.reports.charts import figure_words
from organiser.reports.docx_parts import (
    bullets,
    facts,
    markdown,
    new_document,
    paragraph,
    table,
    to_bytes,
    xml_safe,
)
from organiser.reports.profile_chart import UNDECIDED, key_text

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


def _profile(document: DocxDocument, profile: ProfileSheet) -> None:
    document.add_heading("Co-production profile", level=2)
    paragraph(
        document,
        "How far each part of the event was shared, on the ladder of co-production.",
    )
    table(
        document,
        ("Part of the event", "Rung reached", "Group", "Who was involved", "Held back by"),
        [(r.aspect, r.rung or UNDECIDED, r.group, r.people, r.held_back) for r in profile.rows],
    )
    paragraph(document, key_text() + ".")
    if profile.gaps:
        paragraph(document, "Where co-production slipped", bold=True)
        bullets(document, profile.gaps)


def _process(document: DocxDocument, process: Process) -> None:
    document.add_heading(PROCESS, level=1)
    markdown(document, process.narrative)
    if process.members:
        document.add_heading("The working group", level=2)
        table(
            document,
            ("Name", "Role", "Organisation"),
            [(p.name, p.role, p.organisation) for p in process.members],
        )
    if process.meetings:
        document.add_heading("Meetings", level=2)
        bullets(document, [f"{day}: {title}" for day, title in process.meetings])
    if process.profile is not None:
        _profile(document, process.profile)
    if process.received:
        document.add_heading("What people with lived experience received", level=2)
        table(
            document,
            ("What", "Who", "Amount or budget line"),
            [(r.what, r.who, r.amount or r.budget_line) for r in process.received],
        )
    for line in process.missing:
        paragraph(document, line)


def _chart(document: DocxDocument, chart: Chart) -> None:
    paragraph(document, chart.question, bold=True)
    paragraph(document, chart.note)
    table(
        document,
        ("Answer", "People (share)"),
        [(name, figure_words(count, chart.answered)) for name, count in chart.counts],
        right=(1,),
    )


def _outcomes(document: DocxDocument, outcomes: Outcomes) -> None:
    document.add_heading(OUTCOMES, level=1)
    markdown(document, outcomes.narrative)
    if outcomes.missing:
        paragraph(document, outcomes.missing)
        return
    facts(document, [(f.label, f.text) for f in outcomes.figures])
    if outcomes.services_line:
        paragraph(document, outcomes.services_line)
    for chart in outcomes.charts:
        _chart(document, chart)
    document.add_heading("In their own words", level=2)
    if not outcomes.quotes:
        paragraph(document, "No quotes were chosen for the report, or nobody agreed to be quoted.")
    for line in outcomes.quotes:
        document.add_paragraph(f"“{line.text}”", style="Quote")
        paragraph(document, line.attribution, bold=True)


def _budget(document: DocxDocument, budget: Budget) -> None:
    document.add_heading(BUDGET, level=1)
    if budget.lines:
        table(
            document,
            ("Category", "Estimated", "Actual"),
            [(b.category, b.estimated, b.actual or "Not yet known") for b in budget.lines],
            right=(1, 2),
            total=("Total", budget.estimated, budget.actual or "Not yet known"),
        )
    if budget.missing:
        paragraph(document, budget.missing)
    if budget.funds:
        document.add_heading("Funding", level=2)
        table(document, ("Source", "Amount"), budget.funds, right=(1,))
    if budget.facts:
        facts(document, [(f.label, f.text) for f in budget.facts])


def _learning(document: DocxDocument, sheet: SummarySheet) -> None:
    document.add_heading(LEARNING, level=1)
    markdown(document, sheet.learning)
    if sheet.lessons:
        document.add_heading("Lessons logged", level=2)
    for number, lesson in enumerate(sheet.lessons, start=1):
        head = lesson.learned or lesson.happened
        paragraph(document, f"{number}. {head}", bold=True)
        if lesson.happened and lesson.happened != head:
            paragraph(document, f"What happened: {lesson.happened}")
        if lesson.differently:
            paragraph(document, f"Next time: {lesson.differently}")
        tag = f"Tagged: {lesson.tag}"
        if lesson.carried:
            tag += "; carried forward from an earlier session"
        paragraph(document, tag)


def _next_steps(document: DocxDocument, steps: NextSteps) -> None:
    document.add_heading(NEXT_STEPS, level=1)
    paragraph(document, f"The question to ask: {MORE_QUESTION}", bold=True)
    paragraph(document, f"What the working group chose: {steps.chosen}.")
    markdown(document, steps.narrative)
    document.add_heading("Evidence of demand", level=2)
    bullets(document, steps.demand)
    document.add_heading("The cost of another session", level=2)
    paragraph(document, steps.cost)
    if steps.cost_lines:
        table(document, ("Category", "Cost"), steps.cost_lines, right=(1,))


def render_summary_docx(sheet: SummarySheet) -> bytes:
    """The summary report as .docx bytes, part by part as the PDF has it."""
    sheet = xml_safe(sheet)
    title = sheet.title or "Untitled event"
    document = new_document(title=f"Summary report: {title}", subject="Summary report")
    paragraph(document, "Summary report")
    document.add_heading(title, level=0)
    if sheet.when:
        paragraph(document, sheet.when)
    document.add_heading(AT_A_GLANCE, level=1)
    facts(document, [(f.label, f.text) for f in sheet.at_a_glance])
    document.add_heading(BACKGROUND, level=1)
    markdown(document, sheet.background)
    _process(document, sheet.process)
    document.add_heading(PROGRAMME, level=1)
    if sheet.programme:
        if sheet.programme_total:
            paragraph(document, f"The running order, {sheet.programme_total} in all.")
        table(
            document,
            ("Time", "Item", "Led by"),
            [
                (
                    f"{line.start}–{line.end}",
                    f"{line.title} (runs alongside)" if line.alongside else line.title,
                    line.lead,
                )
                for line in sheet.programme
            ],
        )
    else:
        paragraph(document, sheet.programme_missing)
    _outcomes(document, sheet.outcomes)
    _budget(document, sheet.budget)
    _learning(document, sheet)
    _next_steps(document, sheet.next_steps)
    document.add_heading(CONCLUSION, level=1)
    markdown(document, sheet.conclusion)
    return to_bytes(document)
