"""Importing protocols in the browser: upload a batch, watch it being read, correct each preview, confirm."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from samordna.accounts.access import acting_association

from . import import_corrections, importing
from .models import Body, ProtocolImport

PENDING = ProtocolImport.Status.UPLOADED


@login_required
def imports(request, slug):
    association = acting_association(request, slug, edit=True)
    errors = []
    if request.method == "POST":
        files = [(f.name, f.read()) for f in request.FILES.getlist("files")]
        try:
            batch = importing.upload(association, files, request.user)
        except ValidationError as error:
            errors = error.messages
        else:
            return redirect("protocol_import_batch", slug=slug, batch=batch)
    batches = (ProtocolImport.objects.filter(association=association).values("batch")
               .annotate(files=Count("id"), uploaded=Max("uploaded_at"),
                         confirmed=Count("id", filter=Q(status=ProtocolImport.Status.CONFIRMED)))
               .order_by("-uploaded")[:30])
    context = {"association": association, "errors": errors, "batches": batches,
               "max_mb": importing.max_bytes() // 2**20, "max_files": importing.MAX_FILES}
    return render(request, "board/import_upload.html", context, status=400 if errors else 200)


def _batch(association, batch):
    files = list(ProtocolImport.objects.filter(association=association, batch=batch)
                 .select_related("meeting", "body").defer("source").order_by("filename", "pk"))
    if not files:
        raise Http404("Importomgången finns inte.")
    return files


@login_required
def batch(request, slug, batch):
    association = acting_association(request, slug, edit=True)
    files = _batch(association, batch)
    if request.method == "POST":
        # Without JavaScript the whole batch is read in this one request.
        for imp in files:
            if imp.status == PENDING:
                importing.parse_import(ProtocolImport.objects.get(pk=imp.pk))
        return redirect("protocol_import_batch", slug=slug, batch=batch)
    done = sum(1 for f in files if f.status != PENDING)
    context = {"association": association, "batch": batch, "files": files, "done": done, "total": len(files),
               "pending": [f.pk for f in files if f.status == PENDING]}
    return render(request, "board/import_batch.html", context)


@login_required
@require_POST
def parse_file(request, slug, import_id):
    association = acting_association(request, slug, edit=True)
    imp = get_object_or_404(ProtocolImport, pk=import_id, association=association)
    if imp.status == PENDING:
        imp = importing.parse_import(imp)
    return JsonResponse({"status": imp.status, "label": imp.get_status_display(), "error": imp.error})


@login_required
def preview(request, slug, import_id):
    association = acting_association(request, slug, edit=True)
    imp = get_object_or_404(ProtocolImport.objects.defer("source"), pk=import_id, association=association)
    if imp.status == PENDING:
        imp = importing.parse_import(ProtocolImport.objects.get(pk=imp.pk))
    errors, posted = [], None
    if request.method == "POST" and imp.status == ProtocolImport.Status.PREVIEW:
        posted = request.POST
        data, errors = import_corrections.apply(imp.data, request.POST)
        body = Body.objects.filter(association=association, pk=request.POST.get("body") or 0).first()
        if body is None:
            errors.append("Organ: välj vilket organ protokollet hör till.")
        if not errors:
            try:
                importing.revise(imp, data, body)
                if request.POST.get("action") == "confirm":
                    meeting = importing.confirm(imp, request.user)
                    messages.success(request, f"Protokollet från {meeting.date:%Y-%m-%d} är importerat.")
                    return redirect("protocol_read", slug=slug, meeting_id=meeting.pk)
                messages.success(request, "Rättelserna är sparade. Granska varningarna och importera.")
                return redirect("protocol_import_preview", slug=slug, import_id=imp.pk)
            except ValidationError as error:
                errors = error.messages
    values = import_corrections.form_values(imp.data, posted) if imp.data else None
    chosen = int(posted["body"]) if posted and (posted.get("body") or "").isdigit() else imp.body_id
    context = {"association": association, "imp": imp, "values": values, "errors": errors, "chosen_body": chosen,
               "bodies": Body.objects.filter(association=association), "roles": import_corrections.ROLES}
    return render(request, "board/import_preview.html", context, status=400 if errors else 200)
