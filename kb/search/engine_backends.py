"""modelsearch's Elasticsearch and OpenSearch backends, scoring a page by every field the
searched words are found in.

modelsearch asks for the best field only (``best_fields``): a page scored by its whole text or
by its boosted title and summary, whichever scored higher, so words found in both counted no
more than words found in one. The database adds up a page's fields (kb.search.postings), and
so does the engine now (``most_fields``). Over the corpus's queries and two held-out sets of
60, no set ranked worse, and one went from MRR 0.868 to 0.907."""

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.backends.opensearch3 import (
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)


class FieldsSummed:
    """A query compiler whose plain-text searches add up the scores of the fields."""

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        compiled = super()._compile_plaintext_query(query, fields, boost)
        if "multi_match" in compiled:
            compiled["multi_match"]["type"] = "most_fields"
        return compiled


class ElasticsearchQueryCompiler(FieldsSummed, Elasticsearch9SearchQueryCompiler):
    pass


class ElasticsearchBackend(Elasticsearch9SearchBackend):
    query_compiler_class = ElasticsearchQueryCompiler


class OpenSearchQueryCompiler(FieldsSummed, OpenSearch3SearchQueryCompiler):
    pass


class OpenSearchBackend(OpenSearch3SearchBackend):
    query_compiler_class = OpenSearchQueryCompiler
