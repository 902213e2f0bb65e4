"""The phone form's pages, following the GOV.UK Design System's patterns (radios, checkboxes,
error summary, one question per group), as plain HTML that works without JavaScript: large
touch targets, one column, the page's language declared, every input labelled."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from urllib.parse import quote

from organiser.core.feedback.kinds import Kind
from organiser.core.feedback.phones import PhoneForm, PhoneQuestion

TEXT_LIMIT = 2000  # characters in one written answer
RTL = {"ar", "fa", "ur", "he", "ps"}

STYLE = """
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:19px;
line-height:1.4;color:#0b0c0c;background:#fff}
body{margin:0}
main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0 1rem}
.when{font-weight:700;margin:0 0 .25rem}
.languages{margin:0 0 1rem}
.languages a{display:inline-block;padding:.5rem .75rem .5rem 0;color:#1d70b8}
.group{margin:0 0 2rem}
.group--error{border-left:5px solid #d4351c;padding-left:.75rem}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend,.question{display:block;font-weight:700;font-size:1.15rem;margin:0 0 .5rem}
.hint{color:#505a5f;margin:0 0 .75rem}
.error{color:#d4351c;font-weight:700;margin:0 0 .75rem}
.item{display:flex;align-items:center;min-height:3rem;margin:0 0 .5rem}
.item input{width:2.5rem;height:2.5rem;margin:0 .75rem 0 0;flex:none;accent-color:#0b0c0c}
[dir=rtl] .item input{margin:0 0 0 .75rem}
.item label{padding:.5rem 0;flex:1;cursor:pointer}
textarea,input[type=text]{width:100%;font:inherit;padding:.5rem;border:2px solid #0b0c0c}
textarea:focus,input:focus,button:focus,a:focus{outline:3px solid #fd0;outline-offset:0;
box-shadow:inset 0 0 0 2px #0b0c0c}
button{font:inherit;font-weight:700;background:#00703c;color:#fff;border:0;
box-shadow:0 2px 0 #002d18;padding:.75rem 1.5rem;min-height:3rem;width:100%;cursor:pointer}
.summary{border:5px solid #d4351c;padding:1rem;margin:0 0 2rem}
.summary h2{margin:0 0 .5rem;font-size:1.2rem}
.summary a{color:#d4351c;font-weight:700}
.panel{background:#00703c;color:#fff;padding:1.5rem;margin:1rem 0 2rem;text-align:center}
.panel h1{margin:0}
"""


def _page(form: PhoneForm | None, title: str, body: str, lang: str = "en-GB") -> bytes:
    direction = ' dir="rtl"' if lang in RTL else ""
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(lang)}"{direction}><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title>"
        '<link rel="stylesheet" href="style.css"></head>'
        f"<body><main>{body}</main></body></html>\n"
    ).encode()


def _languages(form: PhoneForm) -> str:
    if not form.languages:
        return ""
    links = [("", "English"), *((name, name) for name in form.languages)]
    shown = [
        f'<a href="./?language={quote(value)}">{escape(name)}</a>'
        for value, name in links
        if value != form.language
    ]
    return f'<p class="languages">{" ".join(shown)}</p>'


def _choices(question: PhoneQuestion, picked: Sequence[str]) -> str:
    kind = "checkbox" if question.kind == Kind.MULTIPLE.value else "radio"
    items = []
    for place, choice in enumerate(question.choices):
        box = f"q{question.id}-{place}"
        checked = " checked" if str(place) in picked else ""
        items.append(
            f'<div class="item"><input id="{box}" name="q{question.id}" type="{kind}" '
            f'value="{place}"{checked}><label for="{box}">{escape(choice)}</label></div>'
        )
    return "".join(items)


def _question(question: PhoneQuestion, sent: Sequence[str], error: str) -> str:
    name = f"q{question.id}"
    hint = f'<p class="hint" id="{name}-hint">{escape(question.hint)}</p>' if question.hint else ""
    described = f' aria-describedby="{name}-hint"' if question.hint else ""
    problem = f'<p class="error" id="{name}-error">{escape(error)}</p>' if error else ""
    group = "group group--error" if error else "group"
    words = escape(f"{question.number}. {question.text}")
    if question.kind == Kind.TEXT.value:
        typed = escape(sent[0] if sent else "")
        if question.short:
            field = (
                f'<input type="text" id="{name}" name="{name}" value="{typed}" '
                f'maxlength="{TEXT_LIMIT}"{described}>'
            )
        else:
            field = (
                f'<textarea id="{name}" name="{name}" rows="4" maxlength="{TEXT_LIMIT}"'
                f"{described}>{typed}</textarea>"
            )
        return (
            f'<div class="{group}"><label class="question" for="{name}">{words}</label>'
            f"{hint}{problem}{field}</div>"
        )
    return (
        f'<div class="{group}" id="{name}"><fieldset{described}><legend>{words}</legend>'
        f"{hint}{problem}{_choices(question, sent)}</fieldset></div>"
    )


def form_page(
    form: PhoneForm,
    once: str,
    *,
    sent: Mapping[int, Sequence[str]] | None = None,
    errors: Mapping[int, str] | None = None,
    problem: str = "",
) -> bytes:
    """The form, empty or as sent with what needs a look said at the top and at each question."""
    sent, errors = sent or {}, errors or {}
    summary = ""
    if errors or problem:
        links = "".join(
            f'<li><a href="#q{qid}">{escape(text)}</a></li>' for qid, text in errors.items()
        )
        if problem:
            links += f"<li>{escape(problem)}</li>"
        summary = (
            f'<div class="summary" role="alert" tabindex="-1"><h2>{escape(form.problem)}</h2>'
            f"<ul>{links}</ul></div>"
        )
    questions = "".join(
        _question(q, sent.get(q.id, ()), errors.get(q.id, "")) for q in form.questions
    )
    language = f'<input type="hidden" name="language" value="{escape(form.language)}">'
    body = (
        f'<p class="when">{escape(form.when)}</p><h1>{escape(form.event_title)}</h1>'
        f"{_languages(form)}{summary}<p>{escape(form.intro)}</p>"
        '<form method="post" action="./" accept-charset="utf-8" novalidate>'
        f'<input type="hidden" name="once" value="{escape(once)}">{language}'
        f'{questions}<button type="submit">{escape(form.send)}</button></form>'
    )
    return _page(form, form.event_title, body, form.lang)


def thanks_page(form: PhoneForm) -> bytes:
    """After Send: thanks, and a fresh form for someone else on the same phone."""
    again = f"./?language={quote(form.language)}" if form.language else "./"
    body = (
        f'<div class="panel"><h1>{escape(form.thanks)}</h1></div><p>{escape(form.sent)}</p>'
        f'<p><a href="{again}">{escape(form.again)}</a></p>'
    )
    return _page(form, form.thanks, body, form.lang)


def message_page(title: str, text: str) -> bytes:
    """A short page in words (too many sends, the form closed)."""
    return _page(None, title, f"<h1>{escape(title)}</h1><p>{escape(text)}</p>")
