"""A case's recipients: added and removed on the case page; the extract log is shown there too."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from samordna.board.views_common import apply_errors

from . import services_dispatch
from .forms import RecipientForm
from .models import CaseRecipient
from .views import _case, case_detail


@login_required
@require_POST
def recipient_add(request, slug, case_id):
    case = _case(request, slug, case_id, edit=True)
    form = RecipientForm(request.POST)
    if form.is_valid():
        try:
            recipient = services_dispatch.add_recipient(case, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{recipient.name} får utdrag i ärendet.")
            return redirect("case_detail", slug=slug, case_id=case.pk)
    request.method = "GET"  # show the case page again with the form's messages
    return case_detail(request, slug, case_id, recipient_form=form, status=400)


@login_required
@require_POST
def recipient_delete(request, slug, case_id, recipient_id):
    case = _case(request, slug, case_id, edit=True)
    recipient = get_object_or_404(CaseRecipient, pk=recipient_id, case=case)
    services_dispatch.remove_recipient(recipient)
    messages.success(request, f"{recipient.name} är borttagen som mottagare.")
    return redirect("case_detail", slug=slug, case_id=case.pk)
