"""`samordna verify-protocols`: recompute the hash of every adjusted protocol; exit 1 if any no longer matches."""
import sys

from django.core.management.base import BaseCommand

from samordna.board.adjustment import verify
from samordna.board.models import Meeting


class Command(BaseCommand):
    help = "Kontrollerar att varje justerat protokoll fortfarande har samma innehåll som när det justerades."

    def handle(self, *args, **options):
        frozen = Meeting.objects.filter(protocol_status=Meeting.ProtocolStatus.ADJUSTED).select_related("body__association")
        broken = [m for m in frozen if not verify(m)]
        for meeting in broken:
            self.stderr.write(f"Avvikelse: {meeting.association.name}, {meeting.body.name} {meeting.date:%Y-%m-%d} (id {meeting.pk})")
        self.stdout.write(f"{len(frozen)} justerade protokoll kontrollerade, {len(broken)} med avvikelse.")
        if broken:
            sys.exit(1)
