"""Counting a roll-call vote (votering) and checking it against the counts a protocol states.

Source (rules.md R3.3): each serving ledamot has one vote; on a tie the chair's casting vote
(utslagsröst) decides ordinary matters, while elections (val) and personnel matters are decided
by lot (lottning). Whether a ballot comes from a serving voter is the caller's check (R2.5, R3.1).
"""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["VOTES", "KINDS", "Ballot", "VoteResult", "count", "check_stated"]

VOTES = ("yes", "no", "abstain")
KINDS = ("ordinary", "election", "personnel")
_LABEL = {"yes": "ja-röster", "no": "nej-röster", "abstain": "avstående"}


@dataclass(frozen=True)
class Ballot:
    name: str
    vote: str  # one of VOTES


@dataclass(frozen=True)
class VoteResult:
    yes: int
    no: int
    abstain: int
    outcome: str  # "yes", "no", "tie_chair" or "tie_lot"
    winner: str | None  # "yes"/"no"; None after a tie that the lot must decide

    @property
    def total(self) -> int:
        return self.yes + self.no + self.abstain


def _ballots(ballots) -> list[Ballot]:
    items = ballots.items() if isinstance(ballots, Mapping) else ballots
    result, seen = [], set()
    for item in items:
        if isinstance(item, Ballot):
            ballot = item
        elif isinstance(item, Mapping):  # the JSON shape {"name": …, "vote": …}
            ballot = Ballot(item.get("name"), item.get("vote"))
        elif isinstance(item, tuple | list) and len(item) == 2:
            ballot = Ballot(*item)
        else:
            raise ValueError(f"En röst ska ha namn och röst, inte {item!r}.")
        if not isinstance(ballot.name, str) or not ballot.name.strip():
            raise ValueError("Varje röst måste ha ett namn.")
        if ballot.vote not in VOTES:
            raise ValueError(f"Ogiltig röst för {ballot.name}: {ballot.vote!r} "
                             "(tillåtet: yes, no eller abstain).")
        if ballot.name in seen:
            raise ValueError(f"{ballot.name} har röstat mer än en gång.")
        seen.add(ballot.name)
        result.append(ballot)
    return result


def count(ballots: Iterable[Ballot | tuple | Mapping] | Mapping[str, str], chair: str | None = None,
          kind: str = "ordinary") -> VoteResult:
    """Count the ballots; on a tie apply the chair's casting vote or, for `kind` election and
    personnel, report that a lot must decide."""
    if kind not in KINDS:
        raise ValueError(f"Okänd typ av ärende: {kind!r} (tillåtet: ordinary, election, personnel).")
    cast = _ballots(ballots)
    if not cast:
        raise ValueError("Omröstningen har inga röster.")
    tally = {v: sum(b.vote == v for b in cast) for v in VOTES}
    yes, no, abstain = tally["yes"], tally["no"], tally["abstain"]
    if yes != no:
        side = "yes" if yes > no else "no"
        return VoteResult(yes, no, abstain, side, side)
    if kind != "ordinary":
        return VoteResult(yes, no, abstain, "tie_lot", None)
    # The casting vote is the chair's own ballot, so a chair who did not vote yes or no leaves
    # the tie undecided; that is an error in the record, not something to guess.
    tie = f"Lika röstetal ({yes}–{no}) avgörs med ordförandens utslagsröst"
    if chair is None:
        raise ValueError(f"{tie}, men ingen ordförande är angiven.")
    chair_vote = next((b.vote for b in cast if b.name == chair), None)
    if chair_vote is None:
        raise ValueError(f"{tie}, men ordföranden {chair} finns inte bland de röstande.")
    if chair_vote == "abstain":
        raise ValueError(f"{tie}, men ordföranden {chair} avstod från att rösta.")
    return VoteResult(yes, no, abstain, "tie_chair", chair_vote)


def check_stated(result: VoteResult, yes: int, no: int, abstain: int) -> list[str]:
    """Swedish messages for each count the protocol states that the ballots do not give."""
    messages = []
    for vote, stated in (("yes", yes), ("no", no), ("abstain", abstain)):
        counted = getattr(result, vote)
        if stated != counted:
            messages.append(f"Antalet {_LABEL[vote]} stämmer inte: protokollet anger {stated}, "
                            f"röstlistan ger {counted}.")
    return messages
