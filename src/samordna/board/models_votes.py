"""What happens inside a paragraph before the decision: motions (yrkanden), the order of questions
(propositionsordning), a roll-call vote (votering) with one ballot per serving voter, reservations, and
members who leave the paragraph for a conflict of interest (jäv).

KL 5 kap. 67 § lists what the protocol must show for each matter: the motions not withdrawn, the order of
questions, the votes and their result, and who reserved themselves against the decision (rules.md R3.3).
"""
from django.conf import settings
from django.db import models
from django.utils import timezone

_WORDS = {"yes": ("ja-röst", "ja-röster"), "no": ("nej-röst", "nej-röster")}


def person_label(person):
    """"Anna Berg (S)": how protocols name a voter."""
    return f"{person.name} ({person.party})" if person.party else person.name


def _votes(n, side):
    one, many = _WORDS[side]
    return f"{n} {one if n == 1 else many}"


def _in_sentence(name):
    """"Styrelsen" → "styrelsen" inside a sentence; acronyms such as "AU" stay as they are."""
    return name[:1].lower() + name[1:] if len(name) > 1 and name[1:2].islower() else name


def result_sentence(vote, body_name):
    """The municipal extract's result line, e.g. "Med 35 ja-röster mot 12 nej-röster och 3 som avstår beslutar
    styrelsen att ärendet avgörs i dag." The winning side is named first."""
    body = _in_sentence(body_name or "Organet")
    decided = vote.decided
    clause = (vote.yes_means if decided == "yes" else vote.no_means) if decided else ""
    abstain = f" och {vote.abstain} som avstår" if vote.abstain else ""
    if vote.outcome == "tie_lot" and not vote.lot_winner:
        return (f"Omröstningen ger {_votes(vote.yes, 'yes')} och {_votes(vote.no, 'no')}{abstain}. Lika röstetal i ett val "
                "eller personalärende avgörs genom lottning, som ännu inte har förrättats.")
    if vote.outcome == "tie_lot":
        lot = {"yes": "ja", "no": "nej"}[vote.lot_winner]
        return (f"Omröstningen ger {_votes(vote.yes, 'yes')} och {_votes(vote.no, 'no')}{abstain}. Lottning förrättas och "
                f"utfaller till förmån för {lot}. {body[:1].upper() + body[1:]} beslutar därmed {clause}.")
    first, second = ("yes", "no") if decided != "no" else ("no", "yes")
    counts = f"Med {_votes(getattr(vote, first), first)} mot {_votes(getattr(vote, second), second)}{abstain}"
    casting = ", med ordförandens utslagsröst," if vote.outcome == "tie_chair" else ""
    return f"{counts} beslutar {body}{casting} {clause}."


def lot_sentence(vote):
    """"Lottningen förrättades av systemet 2024-05-02 kl. 14:12 på begäran av Eva Ek och utföll till förmån för ja." """
    if not (vote.lot_winner and vote.lot_drawn_at):
        return ""
    when = timezone.localtime(vote.lot_drawn_at)
    who = f" på begäran av {vote.lot_drawn_by_name}" if vote.lot_drawn_by_name else ""
    side = {"yes": "ja", "no": "nej"}[vote.lot_winner]
    return f"Lottningen förrättades av samordna {when:%Y-%m-%d} kl. {when:%H:%M}{who} och utföll till förmån för {side}."


def proposition_sentence(vote):
    """Voteringsproposition: "Den som bifaller att … röstar ja. Den som bifaller att … röstar nej." """
    return f"Den som bifaller {vote.yes_means} röstar ja. Den som bifaller {vote.no_means} röstar nej."


def motion_sentence(motion):
    """"Anna Berg (S) yrkar, med instämmande av Per Ek (M), att ärendet återremitteras." """
    seconded = f", med instämmande av {person_label(motion.seconder)}," if motion.seconder_id else ""
    text = motion.text.strip().rstrip(".")
    return f"{person_label(motion.mover)} yrkar{seconded} {text}."


class VoteChoice(models.TextChoices):
    YES = "yes", "Ja"
    NO = "no", "Nej"
    ABSTAIN = "abstain", "Avstår"


class Motion(models.Model):
    """Yrkande: a proposal put forward at the meeting, by a mover and optionally seconded (instämmande)."""

    paragraph = models.ForeignKey("board.Paragraph", on_delete=models.CASCADE, related_name="motions")
    position = models.PositiveSmallIntegerField(default=0)
    mover = models.ForeignKey("board.Person", on_delete=models.PROTECT, related_name="+", verbose_name="yrkande av")
    seconder = models.ForeignKey(
        "board.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="med instämmande av"
    )
    text = models.TextField("yrkande", help_text="T.ex. ”att ärendet återremitteras till kansliet” eller ”bifall till förslaget”.")

    class Meta:
        ordering = ["paragraph", "position", "id"]
        verbose_name = "yrkande"
        verbose_name_plural = "yrkanden"

    def __str__(self):
        return f"{self.mover.name}: {self.text}"

    @property
    def sentence(self):
        return motion_sentence(self)


class Vote(models.Model):
    """One roll-call vote per paragraph: the interchange format (protocol.schema.json) holds one `vote` per paragraph."""

    class Kind(models.TextChoices):
        ORDINARY = "ordinary", "Vanligt ärende (ordförandens utslagsröst vid lika röstetal)"
        ELECTION = "election", "Val (lottning vid lika röstetal)"
        PERSONNEL = "personnel", "Personalärende (lottning vid lika röstetal)"

    class Outcome(models.TextChoices):
        YES = "yes", "Ja vann"
        NO = "no", "Nej vann"
        TIE_CHAIR = "tie_chair", "Lika röstetal, ordförandens utslagsröst"
        TIE_LOT = "tie_lot", "Lika röstetal, lottning"

    paragraph = models.OneToOneField("board.Paragraph", on_delete=models.CASCADE, related_name="vote")
    order_of_questions = models.TextField(
        "propositionsordning",
        blank=True,
        help_text="I vilken ordning ordföranden ställer proposition, t.ex. ”först återremiss mot avgörande i dag, därefter förslaget”.",
    )
    order_approved = models.BooleanField("mötet godkänner propositionsordningen", default=True)
    question = models.CharField(
        "proposition", max_length=300, help_text="Vad omröstningen gäller, t.ex. ”Avgörande i dag mot återremiss”."
    )
    yes_means = models.CharField("den som röstar ja bifaller", max_length=300, help_text="Skrivs som en att-sats, t.ex. ”att avgöra ärendet i dag”.")
    no_means = models.CharField("den som röstar nej bifaller", max_length=300, help_text="T.ex. ”att återremittera ärendet till kansliet”.")
    kind = models.CharField("slag av ärende", max_length=20, choices=Kind.choices, default=Kind.ORDINARY)
    chair = models.ForeignKey(
        "board.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="ordförande vid omröstningen"
    )
    stated_yes = models.PositiveIntegerField("angivet antal ja", null=True, blank=True)
    stated_no = models.PositiveIntegerField("angivet antal nej", null=True, blank=True)
    stated_abstain = models.PositiveIntegerField("angivet antal avstår", null=True, blank=True)
    # The result as rules/votes.count gave it when the ballots were saved; kept so the protocol reads without recounting.
    yes = models.PositiveIntegerField(default=0)
    no = models.PositiveIntegerField(default=0)
    abstain = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    winner = models.CharField(max_length=10, choices=VoteChoice.choices[:2], blank=True)
    lot_winner = models.CharField(
        "lottningen utföll till förmån för", max_length=10, choices=VoteChoice.choices[:2], blank=True,
        help_text="Fylls i bara när val eller personalärende får lika röstetal.",
    )
    # Drawn by the system with `secrets` (board.votes.draw_lot), once: who asked, when; the name is kept as it was.
    lot_drawn_at = models.DateTimeField("lottningen förrättades", null=True, blank=True)
    lot_drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="lottningen begärd av"
    )
    lot_drawn_by_name = models.CharField("lottningen begärd av (namn)", max_length=200, blank=True)

    class Meta:
        verbose_name = "omröstning"
        verbose_name_plural = "omröstningar"

    def __str__(self):
        return f"Omröstning {self.paragraph}"

    @property
    def decided(self):
        """"yes" or "no": the side that won, after the casting vote or the lot."""
        return self.winner or self.lot_winner

    @property
    def proposition_text(self):
        return proposition_sentence(self)

    @property
    def lot_pending(self):
        return self.outcome == self.Outcome.TIE_LOT and not self.lot_winner

    @property
    def lot_text(self):
        return lot_sentence(self)

    @property
    def result_text(self):
        return result_sentence(self, self.paragraph.meeting.body.name)


class Ballot(models.Model):
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    person = models.ForeignKey("board.Person", on_delete=models.PROTECT, related_name="ballots")
    member = models.ForeignKey(
        "associations.Member", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="företräder"
    )
    choice = models.CharField("röst", max_length=10, choices=VoteChoice.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["vote", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["vote", "person"], name="ballot_once_per_person")]
        verbose_name = "röst"
        verbose_name_plural = "röster"


class Reservation(models.Model):
    """Reservation against the decision; a written motivation may follow before justering (KL 4 kap. 27 §)."""

    paragraph = models.ForeignKey("board.Paragraph", on_delete=models.CASCADE, related_name="reservations")
    person = models.ForeignKey("board.Person", on_delete=models.PROTECT, related_name="reservations")
    motivation = models.TextField("skriftlig motivering", blank=True)

    class Meta:
        ordering = ["paragraph", "id"]
        constraints = [models.UniqueConstraint(fields=["paragraph", "person"], name="reservation_once_per_person")]
        verbose_name = "reservation"
        verbose_name_plural = "reservationer"


class Disqualification(models.Model):
    """Jäv (KL 6 kap. 28–32 §§): the person takes no part in handling the paragraph; quorum and substitutes are recomputed."""

    paragraph = models.ForeignKey("board.Paragraph", on_delete=models.CASCADE, related_name="disqualifications")
    person = models.ForeignKey("board.Person", on_delete=models.PROTECT, related_name="disqualifications")
    note = models.CharField("anteckning", max_length=300, blank=True, help_text="T.ex. skälet till jävet.")

    class Meta:
        ordering = ["paragraph", "id"]
        constraints = [models.UniqueConstraint(fields=["paragraph", "person"], name="disqualification_once_per_person")]
        verbose_name = "jäv"
        verbose_name_plural = "jäv"

    @property
    def serving_instead(self):
        """The substitute who serves in this member's place at the paragraph, if the charter's order gives one."""
        from .votes import substitute_for

        return substitute_for(self)
