from kb.models.media import KbDocument, KbImage, KbRendition
from kb.models.pages import (
    ArticlePage,
    FaqPage,
    GuidePage,
    HomePage,
    MethodPage,
    PublicationPage,
    RelatedArticle,
    SectionPage,
)
from kb.models.search import SearchPosting, SearchQueryLog, SearchTerm, Synonym
from kb.models.taxonomy import Audience, Topic

__all__ = [
    "ArticlePage",
    "Audience",
    "FaqPage",
    "GuidePage",
    "HomePage",
    "KbDocument",
    "KbImage",
    "KbRendition",
    "MethodPage",
    "PublicationPage",
    "RelatedArticle",
    "SearchPosting",
    "SearchQueryLog",
    "SearchTerm",
    "SectionPage",
    "Synonym",
    "Topic",
]
