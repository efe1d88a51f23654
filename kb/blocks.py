"""StreamField blocks for knowledge-base articles."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock, TableInput
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class TitleBlock(blocks.CharBlock):
    """A heading or a title. In the searchable text it ends as a sentence does: a snippet that
    ran from it into the text below read "Beliggenhed, Ligger lokalerne …"."""

    def get_searchable_content(self, value):
        text = (value or "").strip()
        return [text if not text or text[-1] in ".!?:…" else f"{text}."]


class HeadingBlock(blocks.StructBlock):
    text = TitleBlock(label=_("Overskrift"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Niveau 2")), ("h3", _("Niveau 3"))],
        default="h2",
        label=_("Niveau"),
        search_index=False,  # an editor's choice, not words on the page
    )

    class Meta:
        icon = "title"
        label = _("Overskrift")
        template = "kb/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(required=False, label=_("Hvem siger det"))

    class Meta:
        icon = "openquote"
        label = _("Citat")
        template = "kb/blocks/quote.html"


CALLOUT_KINDS = [("tip", _("Godt råd")), ("note", _("Bemærk")), ("warning", _("Pas på"))]


class CalloutValue(blocks.StructValue):
    def kind_label(self) -> str:
        """The kind in words ("Godt råd"): the heading of a box without a title of its own."""
        return dict(CALLOUT_KINDS).get(self["kind"], "")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=CALLOUT_KINDS,
        default="tip",
        label=_("Slags"),
        search_index=False,  # shown as an icon and a style, not as words to find
    )
    title = TitleBlock(required=False, label=_("Titel"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Tekst"))

    class Meta:
        icon = "help"
        label = _("Fremhævet boks")
        template = "kb/blocks/callout.html"
        value_class = CalloutValue


class StepsBlock(blocks.StructBlock):
    title = TitleBlock(required=False, label=_("Titel"))
    steps = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("title", TitleBlock(label=_("Trin"))),
                (
                    "text",
                    blocks.RichTextBlock(
                        features=RICH_TEXT_FEATURES, required=False, label=_("Tekst")
                    ),
                ),
            ],
            # Heads each step in the editor; without it a new step's header was empty, and so
            # were its link and its entry in the side menu.
            label=_("Trin"),
        ),
        label=_("Trin"),
    )

    class Meta:
        icon = "list-ol"
        label = _("Trin for trin")
        template = "kb/blocks/steps.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Billede"))
    caption = blocks.CharBlock(required=False, label=_("Billedtekst"))

    class Meta:
        icon = "image"
        label = _("Billede")
        template = "kb/blocks/image.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(required=False, label=_("Linktekst"))

    class Meta:
        icon = "doc-full"
        label = _("Dokument")
        template = "kb/blocks/document_link.html"


class DanishMenuTableInput(TableInput):
    """Wagtail's table editor with its right-click menu in Danish: Handsontable, which draws
    the table, has its menu in English only."""

    @cached_property
    def media(self):
        return super().media + forms.Media(js=["kb/table-menu.js"])


def is_empty(cell) -> bool:
    return cell is None or not str(cell).strip()


def without_empty_end(rows: list[list]) -> list[list]:
    """``rows`` without the rows and columns at the end that have nothing in them."""
    rows = list(rows)
    while rows and all(map(is_empty, rows[-1])):
        rows.pop()
    width = max(
        (i + 1 for row in rows for i, cell in enumerate(row) if not is_empty(cell)), default=0
    )
    return [row[:width] for row in rows]


class DanishMenuTableBlock(TableBlock):
    """A new table starts with its first row as the headings, as most tables have them.
    Without a choice of headings, Wagtail refused to publish with "Validation error in
    TableBlock" and no word of what to choose."""

    NO_HEADINGS_CHOSEN = _(
        "Vælg under »Tabeloverskrifter«, om tabellens første række eller kolonne er overskrifter."
    )

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "default", {"table_header_choice": "row", "first_row_is_table_header": True}
        )
        super().__init__(**kwargs)

    @cached_property
    def field(self):
        widget = DanishMenuTableInput(table_options=self.table_options)
        return forms.CharField(widget=widget, **self.field_options)

    def render(self, value, context=None):
        # The editor starts from an empty 3×3 table: rows and columns left empty at its end
        # showed on the page as a blank band.
        if value and value.get("data"):
            value = {**value, "data": without_empty_end(value["data"])}
        return super().render(value, context)

    def clean(self, value):
        if value and not value.get("table_header_choice") and not self.is_deferred_validation:
            raise ValidationError(self.NO_HEADINGS_CHOSEN)
        return super().clean(value)


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Tekst"))
    quote = QuoteBlock()
    callout = CalloutBlock()
    steps = StepsBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()
    table = DanishMenuTableBlock(label=_("Tabel"), template="kb/blocks/table.html")
