"""Reading the audit log of one association: the filter form, the filtered events and their rows for export."""
import csv
import io
from collections import defaultdict
from datetime import datetime, time, timedelta

from django import forms
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import capfirst

from .models_audit import AuditEvent

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"invalid": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-03-01."}
COLUMNS = ["tidpunkt", "användare", "händelse", "slag", "id", "beskrivning", "fält", "före", "efter", "skäl", "via"]


class AuditFilterForm(forms.Form):
    fran = forms.DateField(label="Från och med", required=False, widget=DATE, error_messages=DATE_ERRORS)
    till = forms.DateField(label="Till och med", required=False, widget=DATE, error_messages=DATE_ERRORS)
    anvandare = forms.ChoiceField(label="Användare", required=False,
                                  error_messages={"invalid_choice": "Välj en användare i listan."})
    slag = forms.ChoiceField(label="Slag av uppgift", required=False,
                             error_messages={"invalid_choice": "Välj ett slag i listan."})
    handling = forms.ChoiceField(label="Händelse", required=False,
                                 choices=[("", "Alla"), *AuditEvent.Action.choices],
                                 error_messages={"invalid_choice": "Välj en händelse i listan."})

    def __init__(self, association, *args, **kwargs):
        super().__init__(*args, **kwargs)
        events = AuditEvent.objects.filter(association=association)
        names = events.order_by("actor_name").values_list("actor_name", flat=True).distinct()
        kinds = events.exclude(object_type="").order_by("object_kind") \
            .values_list("object_type", "object_kind").distinct()
        self.fields["anvandare"].choices = [("", "Alla"), *((n, n) for n in names)]
        self.fields["slag"].choices = [("", "Alla"), *((t, capfirst(k)) for t, k in dict(kinds).items())]

    def clean(self):
        data = super().clean()
        if data.get("fran") and data.get("till") and data["fran"] > data["till"]:
            self.add_error("till", "Till och med kan inte vara före från och med.")
        return data


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def events(association, filters=None):
    """The association's events, newest first, narrowed by the valid parts of the filter."""
    filters = filters or {}
    found = AuditEvent.objects.filter(association=association)
    if filters.get("fran"):
        found = found.filter(at__gte=_start_of(filters["fran"]))
    if filters.get("till"):
        found = found.filter(at__lt=_start_of(filters["till"] + timedelta(days=1)))
    if filters.get("anvandare"):
        found = found.filter(actor_name=filters["anvandare"])
    if filters.get("slag"):
        found = found.filter(object_type=filters["slag"])
    if filters.get("handling"):
        found = found.filter(action=filters["handling"])
    return found.order_by("-at", "-pk")


def _field(event, name):
    try:
        return apps.get_model(event.object_type)._meta.get_field(name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return None


# Fields whose name Django derives from the English field name because nobody gave them a Swedish one.
DERIVED_NAMES = {"user": "användare"}


def field_label(event, name):
    """The field's Swedish name when the model still has it, else its code name."""
    field = _field(event, name)
    label = str(getattr(field, "verbose_name", name)) if field is not None else name
    return DERIVED_NAMES.get(label, label)


def _hidden(field, name):
    """The primary key and the association are in every row already."""
    return name == "association" or (field is not None and field.primary_key)


def _keys(value):
    return value if isinstance(value, list) else [value]


class Names:
    """What recorded foreign keys point at, looked up once per model for a page (or a chunk of an export)."""

    def __init__(self, events):
        wanted = defaultdict(set)
        for event in events:
            for name, before, after in event.changes():
                field = _field(event, name)
                if field is not None and field.is_relation and not _hidden(field, name):
                    for value in (before, after):
                        wanted[field.related_model].update(k for k in _keys(value) if isinstance(k, (int, str)))
        self.names = {model: {str(pk): str(obj) for pk, obj in model._base_manager.in_bulk(list(keys)).items()}
                      for model, keys in wanted.items()}

    def __call__(self, field, value):
        known = self.names.get(field.related_model, {})
        return ", ".join(known.get(str(k), f"nr {k} (finns inte längre)") for k in _keys(value)) or "–"


def shown(value, field=None, names=None):
    """A recorded value as a person reads it: choices by their Swedish label, yes/no, what a key points at."""
    if value is None or value == []:
        return "–"
    if field is not None and field.is_relation and names is not None:
        return names(field, value)
    if field is not None and getattr(field, "choices", None) and isinstance(value, (str, int)):
        return str(dict(field.flatchoices).get(value, value))
    if field is not None and field.get_internal_type() == "DateTimeField" and isinstance(value, str):
        moment = parse_datetime(value)
        if moment is not None:
            return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(moment) else \
                moment.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dict) and "sha256" in value:
        if "byte" in value:
            return f"{value['byte']} byte, SHA-256 {value['sha256'][:16]}…"
        return f"{value.get('början', '')[:200]}… ({value.get('tecken')} tecken)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def shown_changes(event, names=None):
    """(field label, before, after) as a person reads them, without the key and the association."""
    out = []
    for name, before, after in event.changes():
        field = _field(event, name)
        if not _hidden(field, name):
            out.append((field_label(event, name), shown(before, field, names) if event.before is not None else "",
                        shown(after, field, names) if event.after is not None else ""))
    return out


def rows(event, names=None):
    """One row per changed field (at least one per event), the shape of the CSV and XLSX files."""
    when = timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M:%S")
    head = [when, event.actor_name, event.get_action_display(), event.object_kind, event.object_id, event.object_repr]
    tail = [event.reason, event.where]
    changes = shown_changes(event, names)
    if not changes:
        return [[*head, "", "", "", *tail]]
    return [[*head, label, before, after, *tail] for label, before, after in changes]


def _chunks(found, size=500):
    chunk = []
    for event in found.iterator(chunk_size=size):
        chunk.append(event)
        if len(chunk) == size:
            yield chunk, Names(chunk)
            chunk = []
    if chunk:
        yield chunk, Names(chunk)


def csv_bytes(found):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for chunk, names in _chunks(found):
        for event in chunk:
            writer.writerows([_cell(v) for v in row] for row in rows(event, names))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(found):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = "Granskningslogg"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for chunk, names in _chunks(found):
        for event in chunk:
            for row in rows(event, names):
                sheet.append([_cell(v) for v in row])
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHIJK", (20, 18, 18, 22, 8, 40, 22, 30, 30, 30, 40)):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value):
    """A cell never starts a formula: a recorded value like '=HYPERLINK(…)' stays text in Excel."""
    text = str(value)
    if text[:1] in ("=", "+", "@") or (text[:1] == "-" and not text[1:].replace(".", "", 1).isdigit()):
        return "'" + text
    return text
