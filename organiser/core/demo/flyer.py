"""The demo's flyer: drafted from the event, two saved versions, comments and sign-offs, and
two language versions.

Version 2 is approved by three of the four members and waits for the parent in the group, so
the co-design record shows where the flyer stands. The Arabic version waits for a member who
reads Arabic to check it (the date, venue and booking line still print in English); the Polish
one is checked by Łucja.
"""

from __future__ import annotations

from organiser.core.db import Store
from organiser.core.flyer import languages, service, versions
from organiser.core.flyer.kinds import Decision
from organiser.core.planning.service import list_members

STRAPLINE = "A relaxed morning to move, breathe and meet other parents. Bring your baby."
EXPECT = (
    "Gentle Pilates for every body, mats provided\n"
    "Looking after your mind after a baby\n"
    "Meet local health coaches and walking groups\n"
    "Babies are welcome in the session too"
)

ARABIC = {
    "title": "تحرّك، تنفّس وتواصل: صباح للبيلاتس والعافية",
    "strapline": "صباح هادئ للحركة والتنفّس والتعرّف على أهالٍ آخرين. أحضروا أطفالكم الرضّع.",
    "expect": (
        "بيلاتس لطيف يناسب الجميع، والحصائر متوفّرة\n"
        "العناية بصحتك النفسية بعد الولادة\n"
        "تعرّف على مدرّبي الصحة ومجموعات المشي المحلية\n"
        "الأطفال الرضّع مرحّب بهم في الجلسة أيضاً"
    ),
    "creche_text": "حضانة مجانية للأطفال الصغار: يرجى حجز مكان",
    "refreshments_text": "مشروبات خفيفة مجانية",
    "cost_text": "مجاناً",
    "access_text": "مدخل بدون درج، ومرحاض مهيّأ لذوي الإعاقة",
    "heading_when": "متى",
    "heading_where": "أين",
    "heading_expect": "ماذا ينتظرك",
    "heading_hear_from": "المتحدثون",
    "heading_creche": "الحضانة",
    "heading_refreshments": "المرطبات",
    "heading_cost": "التكلفة",
    "heading_access": "سهولة الوصول",
    "heading_booking": "كيفية الحجز",
}
POLISH = {
    "title": "Ruch, oddech i kontakt: poranek z pilatesem",
    "strapline": "Spokojny poranek, by się poruszać, odetchnąć i poznać innych rodziców. "
    "Przyjdź z dzieckiem.",
    "expect": (
        "Łagodny pilates dla każdego, maty na miejscu\n"
        "Jak dbać o siebie po narodzinach dziecka\n"
        "Poznaj lokalnych doradców zdrowia i grupy spacerowe\n"
        "Niemowlęta są mile widziane na zajęciach"
    ),
    "creche_text": "Bezpłatna opieka nad małymi dziećmi: prosimy zarezerwować miejsce",
    "refreshments_text": "Bezpłatny poczęstunek",
    "cost_text": "Bezpłatnie",
    "access_text": "Wejście bez schodów, toaleta dla osób z niepełnosprawnościami",
    "booking_text": "Zapisy: zadzwoń lub zeskanuj kod QR",
    "heading_when": "Kiedy",
    "heading_where": "Gdzie",
    "heading_expect": "Program",
    "heading_hear_from": "Wystąpią",
    "heading_creche": "Dla dzieci",
    "heading_refreshments": "Poczęstunek",
    "heading_cost": "Koszt",
    "heading_access": "Dostępność",
    "heading_booking": "Jak się zapisać",
}


def add_languages(store: Store, event_id: int, checked_by: int) -> None:
    """The Arabic version, not checked yet, and the Polish one, checked by `checked_by`."""
    for language, words in (("Arabic", ARABIC), ("Polish", POLISH)):
        languages.add_language(store, event_id=event_id, language=language)
        languages.update_language(store, event_id=event_id, language=language, values=words)
    languages.check_language(store, event_id=event_id, language="Polish", member_id=checked_by)


def add_flyer(store: Store, event_id: int) -> None:
    """A flyer draft with versions, comments and sign-offs from the working group."""
    members = {m.name: m.id for m in list_members(store, event_id)}
    zoe, siobhan, lucja, dev = (
        members["Zoë Marsh"],
        members["Siobhán Kelly"],
        members["Łucja Nowak"],
        members["Dev Okafor"],
    )
    service.get_flyer(store, event_id)
    service.update_flyer(
        store,
        event_id=event_id,
        values={
            "strapline": STRAPLINE,
            "cost_text": "Free",
            "booking_link": "https://example.org/move-breathe",
        },
    )
    first = versions.save_version(
        store, event_id=event_id, note="First draft from the event details", member_id=lucja
    ).created_id
    assert first is not None
    versions.add_comment(
        store,
        version_id=first,
        member_id=zoe,
        text="Say that babies are welcome in the session, not only in the creche.",
    )
    versions.sign_off(
        store, version_id=first, member_id=zoe, decision=Decision.CHANGES.value, note="Babies"
    )
    service.update_flyer(store, event_id=event_id, values={"expect": EXPECT})
    second = versions.save_version(
        store, event_id=event_id, note="Shorter lines; babies welcome", member_id=lucja
    ).created_id
    assert second is not None
    versions.add_comment(
        store, version_id=second, member_id=dev, text="Looks good to print on the centre's A4."
    )
    for member in (siobhan, lucja, dev):
        versions.sign_off(
            store, version_id=second, member_id=member, decision=Decision.APPROVED.value
        )
    add_languages(store, event_id, lucja)
