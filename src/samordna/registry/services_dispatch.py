"""Writes for a case's recipients (who gets the board's decision); bad input raises ValidationError in Swedish."""
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction

from .models import CaseRecipient


def check_address(email, field="email"):
    email = (email or "").strip()
    if not email:
        raise ValidationError({field: ["Fyll i en e-postadress."]})
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({field: [f"”{email}” är ingen giltig e-postadress, t.ex. registrator@kommun.se."]})
    return email


def add_recipient(case, *, name, email):
    errors = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = ["Skriv mottagarens namn, t.ex. ”Härryda kommun, kommunstyrelsen”."]
    elif len(name) > 200:
        errors["name"] = ["Namnet får vara högst 200 tecken."]
    try:
        email = check_address(email)
    except ValidationError as error:
        errors.update(error.message_dict)
    if not errors and case.recipients.filter(email__iexact=email).exists():
        errors["email"] = [f"{email} är redan mottagare i ärendet."]
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return CaseRecipient.objects.create(case=case, name=name, email=email)
    except IntegrityError:
        raise ValidationError({"email": [f"{email} är redan mottagare i ärendet."]})


def remove_recipient(recipient):
    recipient.delete()
