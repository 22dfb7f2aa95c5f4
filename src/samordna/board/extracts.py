"""Sending a certified extract (protokollsutdrag) to the recipients of the paragraphs' cases (expediering).

Only paragraphs that may be issued are sent: every paragraph of an adjusted protocol, otherwise those declared
immediately adjusted (rules.md §5). The PDF goes out with Django's e-mail machinery and every sending is logged
(registry.ExtractDispatch, shown on the case). Bad input raises ValidationError in Swedish and nothing is sent.
"""
import hashlib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction

from samordna.rules import case_numbers

_ADDRESS = re.compile(r"^\s*(?:(?P<name>[^<>]*?)\s*<(?P<bracketed>[^<>]+)>|(?P<plain>\S+))\s*$")


def extractable(meeting):
    """Paragraphs whose extract may be issued: all of an adjusted protocol, else those adjusted immediately."""
    paragraphs = meeting.paragraphs.all()
    return list(paragraphs if meeting.frozen else paragraphs.filter(adjusted_immediately=True))


def cases_of(meeting, paragraphs):
    """{paragraph pk: Case} for the paragraphs whose Dnr is in the register."""
    from samordna.registry.models import Case

    keys = {p.pk: case_numbers.key(p.case_number) for p in paragraphs if p.case_number}
    found = {c.number_key: c for c in Case.objects.filter(association=meeting.association, number_key__in=set(keys.values()))
             .prefetch_related("recipients")}
    return {pk: found[key] for pk, key in keys.items() if key in found}


def parse_addresses(text):
    """Other recipients typed one per line: "Namn <adress>" or just the address. Returns ([{name, email}], errors)."""
    from samordna.registry.services_dispatch import check_address

    found, errors = [], []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        match = _ADDRESS.match(line)
        email = (match["bracketed"] or match["plain"]) if match else ""
        try:
            email = check_address(email)
        except ValidationError:
            errors.append(f"Rad {number}: ”{line.strip()}” är ingen e-postadress. Skriv t.ex. "
                          "”Härryda kommun <kommunstyrelsen@harryda.se>” eller bara adressen.")
            continue
        found.append({"name": (match["name"] or "").strip().strip('"'), "email": email})
    return found, errors


def _address(name, email):
    """A display name in quotes, so "Härryda kommun, kommunstyrelsen" stays one recipient (RFC 5322); Django encodes
    non-ASCII names when it sends."""
    name = name.replace("\\", "").replace('"', "")
    return f'"{name}" <{email}>'


def _dnr(number):
    """"16/23" and "Dnr 16/23" both read "Dnr 16/23"."""
    number = number.strip()
    return number if number.lower().startswith("dnr") else f"Dnr {number}"


def _numbers_text(paragraphs):
    labels = [f"§ {p.number}{' ' + p.sub if p.sub else ''}" for p in paragraphs]
    return ", ".join(labels)


def send_extract(meeting, numbers, *, recipient_ids=(), others="", user=None, sender_name=""):
    """Send the extract of paragraphs `numbers` to the chosen case recipients and typed addresses; returns the log row."""
    from samordna.registry.models import CaseRecipient, ExtractDispatch

    from .views_documents import render_document

    allowed = extractable(meeting)
    by_number = {}
    for p in allowed:
        by_number.setdefault(p.number, []).append(p)
    numbers = sorted({int(n) for n in numbers})
    errors = {}
    refused = [n for n in numbers if n not in by_number]
    if not numbers:
        errors["paragraphs"] = ["Välj minst en paragraf att skicka som utdrag."]
    elif refused:
        errors["paragraphs"] = [f"§ {n} är inte justerad och kan inte skickas som utdrag." for n in refused]
    chosen = [p for n in numbers for p in by_number.get(n, [])]
    cases = cases_of(meeting, chosen)
    recipients = []
    wanted = {int(r) for r in recipient_ids if str(r).isdigit()}
    known = {r.pk: r for r in CaseRecipient.objects.filter(pk__in=wanted, case__association=meeting.association).select_related("case")}
    chosen_cases = {c.pk for c in cases.values()}
    for rid in sorted(wanted):
        recipient = known.get(rid)
        if recipient is None:
            errors.setdefault("recipients", []).append("En vald mottagare finns inte längre i diariet. Ladda om sidan.")
        elif recipient.case_id not in chosen_cases:
            errors.setdefault("recipients", []).append(
                f"{recipient.name} är mottagare i Dnr {recipient.case.number}, som inte behandlas i de valda paragraferna.")
        else:
            recipients.append({"name": recipient.name, "email": recipient.email})
    typed, typed_errors = parse_addresses(others)
    if typed_errors:
        errors["others"] = typed_errors
    recipients += typed
    unique = list({r["email"].lower(): r for r in recipients}.values())
    if not unique and "others" not in errors and "recipients" not in errors:
        errors["recipients"] = ["Välj minst en mottagare eller skriv en e-postadress."]
    if errors:
        raise ValidationError(errors)

    content, filename = render_document(meeting, "pdf", extract_of=numbers, archival=meeting.frozen)
    body = meeting.body.name
    subject = f"Protokollsutdrag {body} {meeting.date:%Y-%m-%d} {_numbers_text(chosen)}"
    lines = [f"Bifogat finns ett bestyrkt utdrag ur protokollet från {body}s sammanträde {meeting.date:%Y-%m-%d}, "
             f"{meeting.association.name}:", ""]
    lines += [f"§ {p.number}{' ' + p.sub if p.sub else ''} {p.title}" + (f" ({_dnr(p.case_number)})" if p.case_number else "")
              for p in chosen]
    lines += ["", "Utdraget är bestyrkt av sekreteraren." + (" Protokollet är justerat." if meeting.frozen else
                                                             " Paragraferna är omedelbart justerade.")]
    message = EmailMessage(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL,
                           to=[_address(r["name"], r["email"]) if r["name"] else r["email"] for r in unique])
    message.attach(filename, content, "application/pdf")
    with transaction.atomic():
        dispatch = ExtractDispatch.objects.create(
            association=meeting.association, meeting=meeting, recipients=unique, subject=subject[:300], filename=filename,
            sha256=hashlib.sha256(content).hexdigest(), sent_by=user if user is not None and user.is_authenticated else None,
            sent_by_name=sender_name or (user.get_full_name() or user.get_username() if user is not None and user.is_authenticated else ""),
        )
        dispatch.paragraphs.set(chosen)
        dispatch.cases.set({c.pk for c in cases.values()})
        # Sent inside the transaction: if the mail server refuses, the log row is not kept either.
        try:
            message.send(fail_silently=False)
        except Exception as error:  # any backend's failure means the same to the secretary
            raise ValidationError({"recipients": [f"Utdraget kunde inte skickas: {error}. Försök igen eller kontakta "
                                                  "den som sköter e-posten."]})
    return dispatch
