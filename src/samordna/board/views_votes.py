"""One page per paragraph for its proceedings: jäv, motions, the roll-call vote and reservations.

Every form posts to its own address and works without JavaScript; on bad input the page is shown again with what the
user typed and the service's Swedish messages, and nothing is saved.
"""
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import votes
from .models import Attendance, Disqualification, Motion, Paragraph, Person, Reservation, Vote
from .views_common import get_meeting


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return f"{person.name} ({person.party})" if person.party else person.name


class DisqualificationForm(forms.Form):
    person = PersonChoice(label="Vem anmäler jäv?", queryset=Person.objects.none())
    note = forms.CharField(label="Anteckning", max_length=300, required=False, help_text="Frivilligt, t.ex. skälet till jävet.")


class MotionForm(forms.Form):
    mover = PersonChoice(label="Yrkande av", queryset=Person.objects.none())
    seconder = PersonChoice(label="Med instämmande av", queryset=Person.objects.none(), required=False, empty_label="Ingen")
    text = forms.CharField(
        label="Yrkande", widget=forms.Textarea(attrs={"rows": 2}),
        help_text="T.ex. ”att ärendet återremitteras till kansliet” eller ”bifall till förslaget”.",
    )


class ReservationForm(forms.Form):
    person = PersonChoice(label="Vem reserverar sig?", queryset=Person.objects.none())
    motivation = forms.CharField(
        label="Skriftlig motivering", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Frivilligt. En skriftlig reservation ska lämnas före justeringen.",
    )


class VoteForm(forms.ModelForm):
    class Meta:
        model = Vote
        fields = ["order_of_questions", "order_approved", "question", "yes_means", "no_means", "kind",
                  "stated_yes", "stated_no", "stated_abstain"]
        widgets = {"order_of_questions": forms.Textarea(attrs={"rows": 2})}
        labels = {"stated_yes": "Antal ja enligt ordförandens besked", "stated_no": "Antal nej enligt ordförandens besked",
                  "stated_abstain": "Antal som avstår enligt ordförandens besked"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("stated_yes", "stated_no", "stated_abstain"):
            self.fields[name].help_text = "Frivilligt: fylls det i kontrolleras det mot röstlistan."

    def _post_clean(self):
        # The service validates the vote against the attendance and the rules in one transaction.
        pass


def _paragraph(request, slug, meeting_id, paragraph_id, edit=False):
    meeting = get_meeting(request, slug, meeting_id, edit=edit)
    return meeting, get_object_or_404(Paragraph, pk=paragraph_id, meeting=meeting)


def _page_url(meeting, paragraph, anchor=""):
    url = reverse("paragraph_vote", args=[meeting.association.slug, meeting.pk, paragraph.pk])
    return f"{url}#{anchor}" if anchor else url


def _apply(form, error):
    """Service messages next to their field; returns the ballot messages, which belong to the roll-call table."""
    ballots = []
    for field, texts in error.message_dict.items():
        if field == "ballots":
            ballots += texts
            continue
        for text in texts:
            form.add_error(field if field in form.fields and field != NON_FIELD_ERRORS else None, text)
    return ballots


def _render(request, meeting, paragraph, *, vote_form=None, ballots=None, ballot_errors=(), motion_form=None,
            reservation_form=None, disqualification_form=None, status=200):
    quorum = votes.paragraph_quorum(paragraph)
    voters = votes.serving_voters(paragraph, quorum)
    voter_people = Person.objects.filter(pk__in=[v.person.pk for v in voters])
    present = Person.objects.filter(attendances__meeting=meeting, attendances__status=Attendance.Status.PRESENT).distinct()
    vote = Vote.objects.filter(paragraph=paragraph).first()
    if ballots is None:
        ballots = {b.person_id: b.choice for b in vote.ballots.all()} if vote else {}
    rows = [{"voter": v, "choice": ballots.get(v.person.pk, "")} for v in voters]
    forms_ = {
        "vote_form": vote_form or VoteForm(instance=vote, prefix="vote"),
        "motion_form": motion_form or MotionForm(prefix="motion"),
        "reservation_form": reservation_form or ReservationForm(prefix="reservation"),
        "disqualification_form": disqualification_form or DisqualificationForm(prefix="jav"),
    }
    forms_["motion_form"].fields["mover"].queryset = voter_people
    forms_["motion_form"].fields["seconder"].queryset = voter_people
    forms_["reservation_form"].fields["person"].queryset = voter_people
    forms_["disqualification_form"].fields["person"].queryset = present
    disqualifications = list(paragraph.disqualifications.select_related("person"))
    context = {
        "meeting": meeting, "paragraph": paragraph, "quorum": quorum, "vote": vote, "rows": rows,
        "ballot_errors": list(ballot_errors), "problems": votes.ballot_problems(paragraph, quorum) if vote else [],
        "motions": paragraph.motions.select_related("mover", "seconder"),
        "reservations": paragraph.reservations.select_related("person"),
        "disqualifications": disqualifications,
        "editable": request.can_edit and meeting.protocol_status == meeting.ProtocolStatus.DRAFT,
        "choices": list(votes.CHOICES.items()), "tab": "protocol", **forms_,
    }
    return render(request, "board/vote.html", context, status=status)


@login_required
def paragraph_vote(request, slug, meeting_id, paragraph_id):
    """The page; a POST saves the roll-call vote."""
    meeting, paragraph = _paragraph(request, slug, meeting_id, paragraph_id, edit=request.method == "POST")
    if request.method != "POST":
        return _render(request, meeting, paragraph)
    vote = Vote.objects.filter(paragraph=paragraph).first()
    form = VoteForm(request.POST, instance=vote, prefix="vote")
    ballots = {int(k[len("ballot-"):]): v for k, v in request.POST.items() if k.startswith("ballot-") and k[len("ballot-"):].isdigit()}
    if form.is_valid():
        data = form.cleaned_data
        try:
            votes.record_vote(
                paragraph, question=data["question"], yes_means=data["yes_means"], no_means=data["no_means"],
                kind=data["kind"], order_of_questions=data["order_of_questions"], order_approved=data["order_approved"],
                ballots=ballots, stated=(data["stated_yes"], data["stated_no"], data["stated_abstain"]),
            )
        except ValidationError as error:
            ballot_errors = _apply(form, error)
            return _render(request, meeting, paragraph, vote_form=form, ballots=ballots, ballot_errors=ballot_errors)
        messages.success(request, f"Omröstningen vid § {paragraph.number} är sparad.")
        return redirect(_page_url(meeting, paragraph, "omrostning"))
    return _render(request, meeting, paragraph, vote_form=form, ballots=ballots)


def _post_or_refuse(request, action, success, url):
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(url)


@login_required
@require_POST
def vote_lot(request, slug, meeting_id, paragraph_id):
    """The system draws the lot for a tied election or personnel vote, once."""
    meeting, paragraph = _paragraph(request, slug, meeting_id, paragraph_id, edit=True)
    person = Person.objects.filter(association=meeting.association, user=request.user).first()
    try:
        vote = votes.draw_lot(paragraph, user=request.user, person=person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, vote.lot_text)
    return redirect(_page_url(meeting, paragraph, "omrostning"))


@login_required
@require_POST
def vote_delete(request, slug, meeting_id, paragraph_id):
    meeting, paragraph = _paragraph(request, slug, meeting_id, paragraph_id, edit=True)
    return _post_or_refuse(request, lambda: votes.delete_vote(paragraph), "Omröstningen är borttagen.",
                           _page_url(meeting, paragraph, "omrostning"))


def _form_post(request, slug, meeting_id, paragraph_id, form_class, prefix, save, success, key):
    meeting, paragraph = _paragraph(request, slug, meeting_id, paragraph_id, edit=True)
    form = form_class(request.POST, prefix=prefix)
    # The choices are checked by the service, which can say why a person may not take part.
    for field in form.fields.values():
        if isinstance(field, PersonChoice):
            field.queryset = Person.objects.filter(association=meeting.association)
    if form.is_valid():
        try:
            save(paragraph, form.cleaned_data)
        except ValidationError as error:
            _apply(form, error)
        else:
            messages.success(request, success(form.cleaned_data))
            return redirect(_page_url(meeting, paragraph, prefix))
    return _render(request, meeting, paragraph, **{key: form})


@login_required
@require_POST
def motion_add(request, slug, meeting_id, paragraph_id):
    return _form_post(request, slug, meeting_id, paragraph_id, MotionForm, "motion",
                      lambda p, d: votes.add_motion(p, mover=d["mover"], seconder=d["seconder"], text=d["text"]),
                      lambda d: f"Yrkandet från {d['mover'].name} är antecknat.", "motion_form")


@login_required
@require_POST
def reservation_add(request, slug, meeting_id, paragraph_id):
    return _form_post(request, slug, meeting_id, paragraph_id, ReservationForm, "reservation",
                      lambda p, d: votes.add_reservation(p, person=d["person"], motivation=d["motivation"]),
                      lambda d: f"Reservationen från {d['person'].name} är antecknad.", "reservation_form")


@login_required
@require_POST
def disqualification_add(request, slug, meeting_id, paragraph_id):
    def save(paragraph, data):
        verdict = votes.mark_disqualified(paragraph, person=data["person"], note=data["note"]).verdict
        if not verdict.quorate:
            messages.warning(request, f"Efter jävet är {paragraph.meeting.body.name} inte beslutsför vid § {paragraph.number}: {verdict.reasons[0]}.")

    return _form_post(request, slug, meeting_id, paragraph_id, DisqualificationForm, "jav", save,
                      lambda d: f"{d['person'].name} anmäler jäv och deltar inte i handläggningen.", "disqualification_form")


DELETED = {Motion: "Yrkandet är borttaget.", Reservation: "Reservationen är borttagen.", Disqualification: "Jävet är borttaget."}


def _delete(model, field):
    @login_required
    @require_POST
    def view(request, slug, meeting_id, paragraph_id, item_id):
        meeting, paragraph = _paragraph(request, slug, meeting_id, paragraph_id, edit=True)
        item = get_object_or_404(model, pk=item_id, paragraph=paragraph)
        action = {Motion: votes.delete_motion, Reservation: votes.delete_reservation,
                  Disqualification: votes.clear_disqualification}[model]
        return _post_or_refuse(request, lambda: action(item), DELETED[model],
                               _page_url(meeting, paragraph, field))

    return view


motion_delete = _delete(Motion, "motion")
reservation_delete = _delete(Reservation, "reservation")
disqualification_delete = _delete(Disqualification, "jav")
