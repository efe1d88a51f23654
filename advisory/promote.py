"""Turn a closed case's question and answer into a draft FAQ page for editors to review."""

import re
from itertools import groupby

from django.db import transaction
from django.utils import timezone
from django.utils.html import urlize
from django.utils.translation import gettext as _

from advisory import workflow
from advisory.letters import without_letter_form
from advisory.models import Case, CaseEvent, PromotedAnswer
from advisory.models.cases import Status
from advisory.privacy import scrubber, whole_words
from kb.models import FaqPage, RelatedArticle, SectionPage
from kb.models.taxonomy import danish_slugify
from kb.removed_text import REMOVED_TEXT
from kb.site_setup import SECTIONS


class PromotionError(Exception):
    """The case cannot become a FAQ page; the message is shown to staff."""


# A line of a list: "1. Lav en velkomstsamtale", "2) …", "- Følg op", "• …".
LIST_ITEM_RE = re.compile(r"(?:(\d+)[.)]|[-*•])\s+(.+)")


def rich_text(text: str) -> str:
    """Plain text (trimmed lines joined by line feeds) as escaped rich text: the blocks
    between blank lines become paragraphs, and lines that start "1." or "-" become numbered
    or bulleted lists, as the answer laid them out."""
    parts = []
    for block in text.split("\n\n"):
        for kind, lines in groupby(filter(str.strip, block.splitlines()), key=_line_kind):
            if kind == "p":
                parts.append(f"<p>{_words(' '.join(lines))}</p>")
            else:
                items = (LIST_ITEM_RE.fullmatch(line.strip())[2] for line in lines)
                parts.append(f"<{kind}>{''.join(f'<li>{_words(i)}</li>' for i in items)}</{kind}>")
    return "".join(parts)


def _line_kind(line: str) -> str:
    item = LIST_ITEM_RE.fullmatch(line.strip())
    return "p" if item is None else "ol" if item[1] else "ul"


def _words(text: str) -> str:
    """Escaped, with a web address in the answer made a link, as the reply's email showed it."""
    return urlize(" ".join(text.split()), nofollow=False, autoescape=True)


def without_details(case: Case):
    """The scrubber for the requester's data (which keeps the secretariat's own phone and
    email: "Ring på 7592 4000" is the answer's advice), also removing the organisation's name,
    a member's or the one a person starting a værested gave."""
    scrub = scrubber(case)
    names = [case.organisation.name if case.organisation else "", case.other_organisation]
    pattern = whole_words([name.strip() for name in names if name])

    def clean(text: str) -> str:
        text = scrub(text)
        return pattern.sub(REMOVED_TEXT, text) if pattern else text

    return clean


@transaction.atomic
def promote(case: Case, author, answer_pk: int | None = None) -> tuple[FaqPage, bool]:
    """A draft FAQ page from ``case``'s question and one of its answers (``answer_pk``, else
    the latest), without requester and organisation details, with the topic carried over; the
    case links the page. Returns the page and whether it is new: an answer promoted before
    gives its existing draft."""
    case = Case.objects.select_for_update().get(pk=case.pk)  # a double click waits its turn
    if case.status != Status.CLOSED:
        raise PromotionError(_("Kun lukkede sager kan gøres til spørgsmål og svar."))
    answers = case.answers()
    reply = (answers.filter(pk=answer_pk) if answer_pk else answers).first()
    if reply is None or not reply.body.strip():
        raise PromotionError(_("Sagen har intet svar at bygge på."))
    promoted = PromotedAnswer.objects.filter(reply=reply).select_related("page").first()
    if promoted:
        return promoted.page, False
    page = _draft_page(case, reply)
    page.save_revision(user=author, log_action=True)
    review = page.get_workflow()
    if review:  # in the approvers' queue, not only among the author's own drafts
        review.start(page, author)
    PromotedAnswer.objects.create(reply=reply, page=page)
    workflow.link_pages(case, [page], author)
    return page, True


def _draft_page(case: Case, reply: CaseEvent) -> FaqPage:
    scrub = without_details(case)

    def clean(text: str) -> str:
        return without_letter_form(scrub(text))

    section = SectionPage.objects.filter(slug=SECTIONS["faq"].slug).first()
    if section is None:  # renamed or moved by an editor
        raise PromotionError(
            _("Vidensbanken har ingen sektion med adressen »%(slug)s« at lægge udkastet i.")
            % {"slug": SECTIONS["faq"].slug}
        )
    title = scrub(case.subject)
    page = FaqPage(
        title=title,
        slug=_unique_slug(section, title.replace(REMOVED_TEXT, "")),
        summary=clean(case.question).partition("\n")[0][:300],
        body=[
            ("heading", {"text": _("Spørgsmålet"), "level": "h2"}),
            ("paragraph", rich_text(clean(case.question))),
            ("heading", {"text": _("Svaret"), "level": "h2"}),
            ("paragraph", rich_text(clean(reply.body))),
        ],
        authors=_("LVS sekretariatet"),
        year=timezone.localtime(reply.created_at).year,
        live=False,
    )
    if case.topic:
        page.topics = [case.topic]
    # The guidance the case was answered with, as the FAQ's related material.
    page.related_articles = [
        RelatedArticle(article=article, sort_order=order)
        for order, article in enumerate(case.related_pages.order_by("title"))
    ]
    return section.add_child(instance=page)


def _unique_slug(section: SectionPage, title: str) -> str:
    base = danish_slugify(title)[:60] or "spoergsmaal"
    slug, n = base, 1
    while section.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
