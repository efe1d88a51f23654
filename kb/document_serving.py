"""Documents served as Wagtail serves them, less one header: for a file that is not compressed
(every PDF), Wagtail 8 sends "Content-Encoding: None" (wagtail.utils.sendfile writes the
guessed encoding, None, as text), which tells a browser or proxy that the file is compressed
with a method called "None"."""

from wagtail.documents.views import serve


def serve_document(request, document_id, document_filename):
    response = serve.serve(request, document_id, document_filename)
    if response.get("Content-Encoding") == "None":
        del response["Content-Encoding"]
    return response
