from kb.models import SectionPage


def site_sections(request):
    """The sections, for the main navigation and the home page; fetched once per page, and only
    if a template uses them."""
    return {"site_sections": SectionPage.objects.live().public().order_by("path")}
