"""One row per searchable thing (a protocol, a paragraph with its decisions, a case, a document's text)."""
from django.db import models


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        PROTOCOL = "protocol", "Protokoll"
        PARAGRAPH = "paragraph", "Paragraf"
        CASE = "case", "Ärende"
        DOCUMENT = "document", "Handling"

    association = models.ForeignKey("associations.Association", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=60)  # "paragraph:123": what the row stands for, to update or remove it
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=400)
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    body = models.CharField(max_length=50, blank=True)  # the body's slug
    case_number = models.CharField(max_length=50, blank=True)
    url = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    # Stems of title and text, space-separated: what SQLite's FTS5 indexes and what the vocabulary is built from.
    terms = models.TextField(blank=True)
    restricted = models.BooleanField(default=False)  # confidential: staff and auditors only

    class Meta:
        constraints = [models.UniqueConstraint(fields=["association", "key"], name="search_entry_unique_key")]
        indexes = [models.Index(fields=["association", "kind"])]


class SearchTerm(models.Model):
    """The association's vocabulary of stems: a query word is widened to the stems that contain it
    ("förbund" → "samordningsförbundet", "förbundschef"), which is how compound words are found."""

    association = models.ForeignKey("associations.Association", on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=40)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["association", "term"], name="search_term_unique")]
