"""An in-process SMTP server that records every message it receives.

Set ``sink.refusing = True`` to answer every DATA command with a temporary
failure (451), which lets tests exercise retry paths of the mail sender.
Addresses in ``sink.refuse_recipients`` get a permanent 550. Set ``sink.rcpt_delay`` to make each RCPT TO answer slowly: a sender killed
during that pause has handed over nothing, and ``sink.in_rcpt`` is set
while a sender waits there.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import threading
import time
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from .ports import free_port

TEMPORARY_FAILURE = "451 4.3.0 Try again later"


class _RecordingHandler:
    """aiosmtpd handler: parses accepted messages and hands them to the sink."""

    def __init__(self, sink: "SmtpSink") -> None:
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if address in self.sink.refuse_recipients:
            return "550 5.1.1 No such mailbox"
        if self.sink.rcpt_delay:
            self.sink.in_rcpt.set()
            await asyncio.sleep(self.sink.rcpt_delay)
            self.sink.in_rcpt.clear()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.sink.refusing:
            return TEMPORARY_FAILURE
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        # SMTP transports CRLF line endings; normalise so bodies compare like Python strings.
        raw = raw.replace(b"\r\n", b"\n")
        message = email.message_from_bytes(raw, policy=email.policy.default)
        self.sink._record(message, envelope.mail_from, list(envelope.rcpt_tos))
        return "250 OK"


class SmtpSink:
    host = "127.0.0.1"

    def __init__(self) -> None:
        self.port = free_port()
        self.refusing = False
        self.rcpt_delay = 0.0
        self.refuse_recipients: set[str] = set()  # answered 550 at RCPT TO
        self.in_rcpt = threading.Event()
        self.messages: list[EmailMessage] = []
        # Envelope data, parallel to ``messages``: (mail_from, rcpt_tos). Bcc
        # recipients only show up here, not in the headers.
        self.envelopes: list[tuple[str, list[str]]] = []
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> "SmtpSink":
        if self._controller is not None:
            return self
        self._controller = Controller(
            _RecordingHandler(self),
            hostname=self.host,
            port=self.port,
            enable_SMTPUTF8=True,  # accept non-ASCII addresses/headers as Django may send them
        )
        self._controller.start()  # returns once the server answers on the port
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> "SmtpSink":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # -- inspection ------------------------------------------------------------------

    def _record(self, message: EmailMessage, mail_from: str, rcpt_tos: list[str]) -> None:
        with self._lock:
            self.messages.append(message)
            self.envelopes.append((mail_from, rcpt_tos))

    def clear(self) -> None:
        with self._lock:
            self.messages.clear()
            self.envelopes.clear()

    def snapshot(self) -> list[EmailMessage]:
        """A copy of the messages received so far (safe to iterate while mail arrives)."""
        with self._lock:
            return list(self.messages)

    def count_by_message_id(self) -> dict[str, int]:
        """How often each Message-ID arrived (more than once: a duplicate)."""
        counts: dict[str, int] = {}
        for message in self.snapshot():
            key = str(message["Message-ID"])
            counts[key] = counts.get(key, 0) + 1
        return counts

    def wait_for(self, count: int, timeout: float = 10) -> list[EmailMessage]:
        """Block until at least ``count`` messages arrived; return all of them."""
        deadline = time.monotonic() + timeout
        while True:
            received = self.snapshot()
            if len(received) >= count:
                return received
            if time.monotonic() >= deadline:
                summary = "\n".join(
                    f"  - To: {m['To']!s} Subject: {m['Subject']!s}" for m in received
                ) or "  (none)"
                raise AssertionError(
                    f"expected at least {count} message(s) within {timeout}s, "
                    f"got {len(received)}:\n{summary}"
                )
            time.sleep(0.05)
