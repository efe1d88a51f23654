"""Wagtail's document views, telling editors which files' text could not be read: search cannot
find words inside those, and the edit page alone said so."""

from wagtail.documents.views import multiple


class AddDocumentsView(multiple.AddView):
    # Each uploaded file's form says at once when its text could not be read.
    edit_form_template_name = "kb/admin/document_upload_form.html"
