"""Request clean-up shared by every view."""

from django.http import Http404, QueryDict

NUL = "\x00"


def without_nul_characters(get_response):
    """No NUL character reaches a view from the address: PostgreSQL refuses text that holds
    one, so ``?q=frivillige%00`` answered with a server error. No page address has one, and
    in the query string it is dropped."""

    def middleware(request):
        if NUL in request.path:
            raise Http404
        params = list(request.GET.lists())
        if any(NUL in key + "".join(values) for key, values in params):
            cleaned = QueryDict(mutable=True)
            for key, values in params:
                cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
            request.GET = cleaned
        return get_response(request)

    return middleware
