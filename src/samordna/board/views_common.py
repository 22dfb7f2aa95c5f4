"""Small helpers shared by the board's views."""
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import get_object_or_404

from samordna.accounts.access import acting_association

from .models import Body, Meeting


def apply_errors(form, error: ValidationError, aliases=None):
    """Show a service's Swedish messages next to the field they concern (or at the top of the form)."""
    aliases = aliases or {}
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            field = aliases.get(field, field)
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target if field != NON_FIELD_ERRORS else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def get_body(request, slug, body_slug, *, edit=False):
    association = acting_association(request, slug, edit=edit)
    return get_object_or_404(Body, association=association, slug=body_slug)


def get_meeting(request, slug, meeting_id, *, edit=False):
    association = acting_association(request, slug, edit=edit)
    return get_object_or_404(Meeting.objects.select_related("body__association__charter"), pk=meeting_id, body__association=association)
