"""Writes for a paragraph's proceedings: motions, the roll-call vote, reservations and jäv.

Each write is one transaction and first checks that the protocol is still a draft (adjustment.ensure_editable).
Bad input raises ValidationError with Swedish messages keyed by the form field, and nothing is saved.
Who may vote, move and reserve is who serves at the paragraph (selectors.quorum_by_paragraph, which already
leaves out members who are jäviga there): rules.md R2.5, R3.1, R3.3; KL 5 kap. 67 §, 4 kap. 27 §, 6 kap. 28 §.
"""
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from samordna.accounts.audit import record_created
from samordna.rules import votes as vote_rules

from . import selectors
from .adjustment import ensure_editable
from .models import AgendaItem, Attendance, Ballot, Disqualification, Motion, Person, Reservation, Vote
from .models_votes import lot_sentence, motion_sentence, person_label, proposition_sentence, result_sentence

CHOICES = {"yes": "Ja", "no": "Nej", "abstain": "Avstår"}


@dataclass(frozen=True)
class Voter:
    person: Person
    member: object  # associations.Member or None
    replaces: Person | None

    @property
    def label(self):
        return person_label(self.person)


def paragraph_quorum(paragraph):
    meeting = paragraph.meeting
    return next(q for q in selectors.quorum_by_paragraph(meeting) if q.paragraph.pk == paragraph.pk)


def serving_voters(paragraph, quorum=None):
    """Everyone who serves (and so votes) at the paragraph, in the charter's seat order."""
    quorum = quorum or paragraph_quorum(paragraph)
    mandates = {m.person_id: m for m in selectors.voting_mandates(paragraph.meeting)}
    ids = [int(s.name) for s in quorum.verdict.serving] + [int(s.replaces) for s in quorum.verdict.serving if s.replaces]
    people = Person.objects.in_bulk(ids)
    voters = []
    for s in quorum.verdict.serving:
        mandate = mandates.get(int(s.name))
        voters.append(Voter(people[int(s.name)], mandate.member if mandate else None,
                            people.get(int(s.replaces)) if s.replaces else None))
    return voters


def _label(paragraph):
    return f"§ {paragraph.number}{' ' + paragraph.sub if paragraph.sub else ''}"


def _serving_person(paragraph, person, voters, what):
    if person.pk not in {v.person.pk for v in voters}:
        return [f"{person.name} tjänstgör inte vid {_label(paragraph)} och kan inte {what}."]
    return []


def _att_clause(text, field, errors):
    text = (text or "").strip()
    if not text:
        errors.setdefault(field, []).append("Fyll i vad en röst på det här alternativet bifaller.")
    elif not text.lower().startswith("att "):
        errors.setdefault(field, []).append("Skriv alternativet som en att-sats, t.ex. ”att ärendet avgörs i dag”.")
    return "att " + text[4:] if text.lower().startswith("att ") else text


# Motions -------------------------------------------------------------------


def add_motion(paragraph, *, mover, text, seconder=None):
    ensure_editable(paragraph.meeting)
    voters = serving_voters(paragraph)
    errors = {}
    if not (text or "").strip():
        errors["text"] = ["Skriv vad som yrkas."]
    if mover is None:
        errors["mover"] = ["Välj vem som yrkar."]
    else:
        errors["mover"] = _serving_person(paragraph, mover, voters, "yrka")
    if seconder is not None:
        if mover is not None and seconder.pk == mover.pk:
            errors["seconder"] = ["Den som yrkar kan inte också instämma i sitt eget yrkande."]
        else:
            errors["seconder"] = _serving_person(paragraph, seconder, voters, "instämma i ett yrkande")
    errors = {k: v for k, v in errors.items() if v}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        position = (paragraph.motions.aggregate(m=Max("position"))["m"] or 0) + 1
        return Motion.objects.create(paragraph=paragraph, position=position, mover=mover, seconder=seconder, text=text.strip())


def delete_motion(motion):
    ensure_editable(motion.paragraph.meeting)
    motion.delete()


# The vote ------------------------------------------------------------------


def _names_for_rules(voters):
    """The rules count by name; two voters with the same name are told apart by their id."""
    seen = {}
    for v in voters:
        seen[v.person.name] = seen.get(v.person.name, 0) + 1
    return {v.person.pk: v.person.name if seen[v.person.name] == 1 else f"{v.person.name} (id {v.person.pk})" for v in voters}


def _check_ballots(paragraph, ballots, voters, errors):
    """Ballots given as {person id: "yes"|"no"|"abstain"}; every serving voter votes once, nobody else votes."""
    serving = {v.person.pk: v for v in voters}
    people = Person.objects.filter(association=paragraph.meeting.association).in_bulk([int(k) for k in ballots])
    messages = []
    for person_id, choice in ballots.items():
        person = people.get(int(person_id))
        if person is None:
            messages.append(f"Personen med id {person_id} finns inte i förbundet.")
        elif int(person_id) not in serving:
            messages.append(f"{person.name} tjänstgör inte vid {_label(paragraph)} och får inte rösta.")
        elif choice not in CHOICES:
            messages.append(f"Välj ja, nej eller avstår för {person.name}.")
    for person_id, voter in serving.items():
        if person_id not in {int(k) for k in ballots}:
            messages.append(f"{voter.person.name} tjänstgör vid {_label(paragraph)} men har ingen röst. Välj ja, nej eller avstår.")
    if messages:
        errors["ballots"] = messages


def _refuse_after_lot(paragraph):
    """A drawn lot is final: changing the ballots or removing the vote would open the way to drawing again."""
    drawn = Vote.objects.filter(paragraph=paragraph).exclude(lot_winner="").first()
    if drawn is not None:
        raise ValidationError(f"Lottning har förrättats vid {_label(paragraph)} ({drawn.lot_text or 'utfallet är antecknat'}). "
                              "Omröstningen kan därför inte ändras eller tas bort.")


def record_vote(paragraph, *, question, yes_means, no_means, ballots, kind="ordinary", order_of_questions="",
                order_approved=True, stated=None):
    """Create or replace the paragraph's roll-call vote; the result comes from rules/votes.count.

    `stated` is an optional (yes, no, abstain) triple – the counts the chair announced – each of which may be None.
    A tie in an election or personnel matter is saved undecided; `draw_lot` then decides it.
    """
    meeting = paragraph.meeting
    ensure_editable(meeting)
    _refuse_after_lot(paragraph)
    stated = tuple(stated or (None, None, None))
    errors = {}
    if paragraph.kind == AgendaItem.Kind.INFORMATION:
        errors["__all__"] = ["Ett informationsärende har inget beslut att rösta om. Ändra paragrafen till beslutsärende först."]
    quorum = paragraph_quorum(paragraph)
    if not quorum.verdict.quorate:
        errors.setdefault("__all__", []).append(
            f"{meeting.body.name} är inte beslutsför vid {_label(paragraph)}: {quorum.verdict.reasons[0]}. Ingen omröstning kan hållas.")
    if not (question or "").strip():
        errors["question"] = ["Skriv vad omröstningen gäller."]
    yes_means = _att_clause(yes_means, "yes_means", errors)
    no_means = _att_clause(no_means, "no_means", errors)
    if kind not in vote_rules.KINDS:
        errors["kind"] = ["Välj vanligt ärende, val eller personalärende."]
    voters = serving_voters(paragraph, quorum)
    _check_ballots(paragraph, ballots, voters, errors)
    result = None
    if "ballots" not in errors and "kind" not in errors:
        names = _names_for_rules(voters)
        chair = meeting.chair
        try:
            result = vote_rules.count([(names[int(pid)], choice) for pid, choice in ballots.items()],
                                      chair=names.get(chair.pk, chair.name) if chair else None, kind=kind)
        except ValueError as error:
            errors["ballots"] = [str(error)]
    if result is not None:
        for field, side in (("stated_yes", "yes"), ("stated_no", "no"), ("stated_abstain", "abstain")):
            given = stated[vote_rules.VOTES.index(side)]
            if given is not None:
                claimed = {v: getattr(result, v) for v in vote_rules.VOTES} | {side: given}
                messages = vote_rules.check_stated(result, claimed["yes"], claimed["no"], claimed["abstain"])
                if messages:
                    errors[field] = messages
    if errors:
        raise ValidationError(errors)
    mandates = {v.person.pk: v.member for v in voters}
    order = {v.person.pk: i for i, v in enumerate(voters)}
    with transaction.atomic():
        vote, _ = Vote.objects.update_or_create(paragraph=paragraph, defaults=dict(
            question=question.strip(), yes_means=yes_means, no_means=no_means, kind=kind,
            order_of_questions=(order_of_questions or "").strip(), order_approved=bool(order_approved), chair=meeting.chair,
            stated_yes=stated[0], stated_no=stated[1], stated_abstain=stated[2],
            yes=result.yes, no=result.no, abstain=result.abstain, outcome=result.outcome, winner=result.winner or "",
            lot_winner="", lot_drawn_at=None, lot_drawn_by=None, lot_drawn_by_name="",
        ))
        vote.ballots.all().delete()
        record_created(Ballot.objects.bulk_create(  # bulk writes send no signals: log each ballot
            Ballot(vote=vote, person_id=int(pid), member=mandates[int(pid)], choice=choice, position=order[int(pid)])
            for pid, choice in ballots.items()
        ))
    return vote


def delete_vote(paragraph):
    ensure_editable(paragraph.meeting)
    _refuse_after_lot(paragraph)
    Vote.objects.filter(paragraph=paragraph).delete()


def draw_lot(paragraph, *, user, person=None, now=None):
    """Lottning (rules.md R3.3): a tie in an election or personnel matter is decided by lot, drawn here with `secrets`
    so nobody can steer it; who asked and when are recorded, and it cannot be drawn again."""
    ensure_editable(paragraph.meeting)
    with transaction.atomic():
        vote = Vote.objects.select_for_update().filter(paragraph=paragraph).first()
        if vote is None:
            raise ValidationError(f"Det finns ingen omröstning vid {_label(paragraph)} att lotta om.")
        if vote.lot_winner:
            raise ValidationError(f"Lottningen vid {_label(paragraph)} är redan förrättad och kan inte göras om. {vote.lot_text}".strip())
        if vote.outcome != Vote.Outcome.TIE_LOT:
            raise ValidationError(f"Omröstningen vid {_label(paragraph)} avgjordes utan lottning; lottning används bara vid "
                                  "lika röstetal i val och personalärenden.")
        vote.lot_winner = secrets.choice(("yes", "no"))
        vote.lot_drawn_at = now or timezone.now()
        vote.lot_drawn_by = user if user is not None and user.is_authenticated else None
        vote.lot_drawn_by_name = (person.name if person is not None else
                                  (user.get_full_name() or user.get_username()) if vote.lot_drawn_by else "")
        vote.save(update_fields=["lot_winner", "lot_drawn_at", "lot_drawn_by", "lot_drawn_by_name"])
    return vote


def pending_lots(meeting):
    """Paragraphs whose tied election or personnel vote still waits for the lot."""
    return [v.paragraph for v in Vote.objects.filter(paragraph__meeting=meeting, outcome=Vote.Outcome.TIE_LOT, lot_winner="")
            .select_related("paragraph")]


def ballot_problems(paragraph, quorum=None):
    """Ballots that no longer fit the attendance (someone's presence or jäv changed after the vote was saved)."""
    vote = Vote.objects.filter(paragraph=paragraph).first()
    if vote is None:
        return []
    serving = {v.person.pk for v in serving_voters(paragraph, quorum)}
    voted = {b.person_id: b.person for b in vote.ballots.select_related("person")}
    problems = [f"{p.name} har en röst men tjänstgör inte längre vid {_label(paragraph)}." for pid, p in voted.items() if pid not in serving]
    missing = Person.objects.filter(pk__in=serving - set(voted)).order_by("name")
    problems += [f"{p.name} tjänstgör vid {_label(paragraph)} men saknar röst." for p in missing]
    return problems


# Reservations --------------------------------------------------------------


def add_reservation(paragraph, *, person, motivation=""):
    ensure_editable(paragraph.meeting)
    if person is None:
        raise ValidationError({"person": ["Välj vem som reserverar sig."]})
    errors = _serving_person(paragraph, person, serving_voters(paragraph), "reservera sig mot beslutet")
    vote = Vote.objects.filter(paragraph=paragraph).first()
    if not errors and vote is not None:
        ballot = vote.ballots.filter(person=person).first()
        if ballot is not None and ballot.choice == vote.decided:
            errors.append(f"{person.name} röstade {CHOICES[ballot.choice].lower()}, som vann omröstningen, och kan inte reservera sig mot beslutet.")
    if not errors and paragraph.reservations.filter(person=person).exists():
        errors.append(f"{person.name} har redan reserverat sig vid {_label(paragraph)}.")
    if errors:
        raise ValidationError({"person": errors})
    return Reservation.objects.create(paragraph=paragraph, person=person, motivation=(motivation or "").strip())


def delete_reservation(reservation):
    ensure_editable(reservation.paragraph.meeting)
    reservation.delete()


# Jäv -----------------------------------------------------------------------


def mark_disqualified(paragraph, *, person, note=""):
    """The person leaves the paragraph; returns the paragraph's new quorum (a substitute may now serve)."""
    meeting = paragraph.meeting
    ensure_editable(meeting)
    if person is None:
        raise ValidationError({"person": ["Välj vem som anmäler jäv."]})
    errors = []
    label = _label(paragraph)
    if not meeting.attendances.filter(person=person, status=Attendance.Status.PRESENT).exists():
        errors.append(f"{person.name} är inte antecknad som närvarande vid sammanträdet.")
    elif paragraph.disqualifications.filter(person=person).exists():
        errors.append(f"{person.name} har redan anmält jäv vid {label}.")
    if Ballot.objects.filter(vote__paragraph=paragraph, person=person).exists():
        errors.append(f"{person.name} har en röst i omröstningen vid {label}. Ta bort omröstningen först och gör om den utan {person.name}.")
    if paragraph.reservations.filter(person=person).exists():
        errors.append(f"{person.name} har reserverat sig vid {label}. Ta bort reservationen först.")
    if paragraph.motions.filter(mover=person).exists() or paragraph.motions.filter(seconder=person).exists():
        errors.append(f"{person.name} har yrkat eller instämt i ett yrkande vid {label}. Ta bort yrkandet först.")
    if errors:
        raise ValidationError({"person": errors})
    with transaction.atomic():
        Disqualification.objects.create(paragraph=paragraph, person=person, note=(note or "").strip())
    return paragraph_quorum(paragraph)


def clear_disqualification(disqualification):
    ensure_editable(disqualification.paragraph.meeting)
    disqualification.delete()


def substitute_for(disqualification, quorum=None):
    """The substitute who serves in the disqualified member's place at that paragraph, if any."""
    quorum = quorum or paragraph_quorum(disqualification.paragraph)
    for s in quorum.verdict.serving:
        if s.replaces == str(disqualification.person_id):
            return Person.objects.filter(pk=int(s.name)).first()
    return None


def disqualification_lines(paragraph, quorum=None):
    """What the protocol says at the paragraph: "X anmäler jäv och deltar inte i handläggningen." and who steps in."""
    lines = []
    for d in paragraph.disqualifications.select_related("person"):
        line = f"{d.person.name} anmäler jäv och deltar inte i handläggningen."
        substitute = substitute_for(d, quorum)
        if substitute is not None:
            line += f" {substitute.name} tjänstgör i stället."
        lines.append(line)
    return lines


# For the printed protocol ----------------------------------------------------


def document_proceedings(meeting):
    """What the interchange format cannot carry, for documents.context (extras["proceedings"]), keyed "<number><sub>"."""
    result = {}
    quorums = {q.paragraph.pk: q for q in selectors.quorum_by_paragraph(meeting)}
    body = meeting.body.name
    for p in meeting.paragraphs.prefetch_related("motions__mover", "motions__seconder", "reservations__person"):
        entry = {}
        motions = [motion_sentence(m) for m in p.motions.all()]
        if motions:
            entry["motions"] = motions
        vote = Vote.objects.filter(paragraph=p).first()
        if vote is not None:
            entry["vote"] = {
                "question": vote.question,
                "order_of_questions": vote.order_of_questions,
                "order_approved": vote.order_approved,
                "proposition": proposition_sentence(vote),
                "result": result_sentence(vote, body),
                "lot": lot_sentence(vote),
                "yes": vote.yes, "no": vote.no, "abstain": vote.abstain,
                "ballots": [
                    {"name": person_label(b.person), "represents": b.member.name if b.member else "", "vote": b.choice}
                    for b in vote.ballots.select_related("person", "member")
                ],
            }
        written = [{"name": person_label(r.person), "motivation": r.motivation} for r in p.reservations.all() if r.motivation]
        if written:
            entry["written_reservations"] = written
        disqualified = disqualification_lines(p, quorums.get(p.pk))
        if disqualified:
            entry["disqualifications"] = disqualified
        if entry:
            result[f"{p.number}{p.sub}"] = entry
    return result
