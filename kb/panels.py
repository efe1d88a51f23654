"""Editing panels of the knowledge base's own."""

from wagtail.admin.panels import FieldPanel


class DocumentPanel(FieldPanel):
    """A document chooser with a warning beside the chosen document when its text could not be
    read, so search will not find words in it. The chooser closes without a word once a file is
    uploaded in it, so a script asks again each time another document is chosen."""

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "kb/admin/document_panel.html"

        class Media:
            js = ["kb/document-text-status.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            chosen = self.bound_field.value() if self.bound_field else None
            context["document"] = (
                self.bound_field.field.queryset.filter(pk=chosen).first() if chosen else None
            )
            return context
