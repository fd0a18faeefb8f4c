"""A local stand-in for DeepL's API (/v2/translate and /v2/glossaries), on
127.0.0.1 in a thread, for tests of portal/deepl.py.

It checks what DeepL checks (the key in the Authorization header, at most
50 texts and 128 KiB per translate request, known glossary ids), records
every request in ``fake.requests``, and "translates" by putting the target
language in front of each text (``"[ES] Hello <b>world</b>"``) after
replacing the glossary's terms, so tests can see tags and glossaries at work.

Make it misbehave with ``fake.fail_next(status, ...)`` (one status per
coming translate request; None serves that one normally; ``path=`` for the
glossary endpoint), ``fake.answer_next(body)`` (raw bytes as a 200 answer)
or ``fake.delay = seconds`` (every answer waits that long).
"""

import json
import threading
import time
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEY = "test-key"
MAX_TEXTS = 50
MAX_BODY_BYTES = 128 * 1024


@dataclass
class Request:
    path: str
    headers: dict
    body: dict | None
    size: int


class FakeDeepL:
    def __init__(self, key=KEY):
        self.key = key
        self.requests: list[Request] = []
        self.glossaries: dict[str, dict] = {}  # id -> {"source_lang", "target_lang", "entries": {...}}
        # Per path, answers for its coming requests in order (None: serve normally).
        self.scripted: dict[str, list[tuple[int, bytes] | None]] = {}
        self.delay = 0.0
        self.server = None

    # Running ----------------------------------------------------------------

    def start(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                fake.handle(self)

            def log_message(self, *args):
                pass  # keep test output quiet

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self):
        host, port = self.server.server_address
        return f"http://{host}:{port}"

    # Scripting --------------------------------------------------------------

    def fail_next(self, *statuses, path="/v2/translate"):
        """The coming requests to ``path`` get these HTTP statuses, in order."""
        self.scripted.setdefault(path, []).extend(
            None if status is None else (status, b'{"message": "scripted failure"}') for status in statuses
        )

    def answer_next(self, body: bytes, path="/v2/translate"):
        """The coming request to ``path`` gets ``body`` with status 200."""
        self.scripted.setdefault(path, []).append((200, body))

    def translate_requests(self):
        return [request for request in self.requests if request.path == "/v2/translate"]

    def glossary_requests(self):
        return [request for request in self.requests if request.path == "/v2/glossaries"]

    # Serving ----------------------------------------------------------------

    def handle(self, handler):
        raw = handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        self.requests.append(Request(handler.path, dict(handler.headers), body, len(raw)))
        if self.delay:
            time.sleep(self.delay)

        scripted = self.scripted.get(handler.path) and self.scripted[handler.path].pop(0)
        if scripted:
            status, answer = scripted
        elif handler.headers.get("Authorization") != f"DeepL-Auth-Key {self.key}":
            status, answer = 403, b'{"message": "Wrong key"}'
        elif body is None:
            status, answer = 400, b'{"message": "Bad request"}'
        elif handler.path == "/v2/translate":
            status, answer = self.translate(body, len(raw))
        elif handler.path == "/v2/glossaries":
            status, answer = self.create_glossary(body)
        else:
            status, answer = 404, b'{"message": "Not found"}'

        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(answer)))
        handler.end_headers()
        handler.wfile.write(answer)

    def translate(self, body, size):
        texts = body.get("text") or []
        if size > MAX_BODY_BYTES:
            return 413, b'{"message": "Request Entity Too Large"}'
        if len(texts) > MAX_TEXTS:
            return 400, b'{"message": "Too many texts"}'
        target = body.get("target_lang", "")
        entries = {}
        if "glossary_id" in body:
            glossary = self.glossaries.get(body["glossary_id"])
            if glossary is None:
                return 404, b'{"message": "Glossary not found"}'
            entries = glossary["entries"]
        translations = []
        for text in texts:
            # Longest terms first, so "intake team" wins over "intake".
            for term in sorted(entries, key=len, reverse=True):
                text = text.replace(term, entries[term])
            translations.append({"detected_source_language": "EN", "text": f"[{target}] {text}"})
        return 200, json.dumps({"translations": translations}).encode()

    def create_glossary(self, body):
        if body.get("entries_format") != "tsv":
            return 400, b'{"message": "Unsupported entries format"}'
        entries = dict(line.split("\t") for line in body["entries"].splitlines())
        glossary_id = str(uuid.uuid4())
        self.glossaries[glossary_id] = {
            "source_lang": body["source_lang"], "target_lang": body["target_lang"], "entries": entries,
        }
        answer = {
            "glossary_id": glossary_id, "name": body.get("name", ""), "ready": True,
            "source_lang": body["source_lang"], "target_lang": body["target_lang"],
            "entry_count": len(entries),
        }
        return 201, json.dumps(answer).encode()
