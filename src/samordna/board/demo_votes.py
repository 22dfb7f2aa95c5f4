"""Demo: a roll-call vote with a motion and a reservation, and a member who leaves a paragraph for jäv.

`load(association, today)` adds them to the latest draft protocol of the association's board that has two quorate
decision paragraphs (Göteborg's March meeting in the demo). Written in our own words; called once per fresh association.
"""
from . import selectors, votes
from .models import AgendaItem, Body, Meeting


def _candidate(association):
    meetings = Meeting.objects.filter(
        body__association=association, body__kind=Body.Kind.BOARD, protocol_status=Meeting.ProtocolStatus.DRAFT, chair__isnull=False
    ).order_by("-date")
    for meeting in meetings:
        quorums = [q for q in selectors.quorum_by_paragraph(meeting)
                   if q.paragraph.kind == AgendaItem.Kind.DECISION and not q.paragraph.tabled and q.verdict.quorate
                   and q.verdict.serving_count >= 4]
        if len(quorums) >= 2:
            return meeting, quorums
    return None, []


def load(association, today=None):
    """Returns the vote created, or None when the association has no fitting draft protocol."""
    meeting, quorums = _candidate(association)
    if meeting is None:
        return None
    voted, other = quorums[-1].paragraph, quorums[-2].paragraph
    voters = [v.person for v in votes.serving_voters(voted, quorums[-1])]
    chair = meeting.chair
    others = [p for p in voters if p.pk != chair.pk]
    mover, seconder, third = others[0], others[1], others[2]
    votes.add_motion(voted, mover=mover, seconder=seconder, text="att ärendet återremitteras till kansliet för en kostnadsjämförelse")
    votes.add_motion(voted, mover=third, text="bifall till kansliets förslag")
    # Those who moved the återremiss vote no; everyone else, the chair included, votes yes; one abstains.
    ballots = {p.pk: "yes" for p in voters} | {mover.pk: "no", seconder.pk: "no"}
    if len(others) > 3:
        ballots[others[3].pk] = "abstain"
    vote = votes.record_vote(
        voted,
        order_of_questions="Ordföranden ställer först proposition på återremissyrkandet mot att avgöra ärendet i dag.",
        question="Avgöra ärendet i dag mot återremiss",
        yes_means="att ärendet avgörs i dag",
        no_means="att ärendet återremitteras till kansliet för en kostnadsjämförelse",
        ballots=ballots,
    )
    votes.add_reservation(voted, person=mover, motivation="Utan en jämförelse av kostnaderna går det inte att bedöma om "
                                                           "insatsen ger mest nytta för deltagarna.")
    votes.add_reservation(voted, person=seconder)
    # Jäv at the paragraph before: a member (not the chair) who also sits on the board of the provider.
    candidate = next((p for p in [v.person for v in votes.serving_voters(other, quorums[-2])] if p.pk != chair.pk), None)
    if candidate is not None:
        quorum = votes.mark_disqualified(other, person=candidate, note="Ledamot i styrelsen för den organisation som utför insatsen")
        if not quorum.verdict.quorate:
            votes.clear_disqualification(other.disqualifications.get(person=candidate))
    return vote
