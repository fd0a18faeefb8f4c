"""kombu's filesystem transport with atomic message writes.

The stock transport opens ``<name>.msg`` in the queue folder and then writes
into it, so a worker listing the folder at that moment can pick up a
half-written file, fail to decode it and lose the message (kombu issue 1551).
Here each message is written to a hidden temporary file in the same folder,
flushed to disk and then renamed into place: a ``.msg`` file is either absent
or complete. ``register()`` (called by ``portal.celery``) makes this the
class behind ``filesystem://`` URLs.
"""

import os
import tempfile
import uuid
from pathlib import Path
from queue import Empty
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import TRANSPORT_ALIASES, filesystem
from kombu.utils.encoding import bytes_to_str, str_to_bytes
from kombu.utils.json import dumps, loads


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        folder = Path(self.data_folder_out)
        name = f"{int(round(monotonic() * 1000))}_{uuid.uuid4()}.{queue}.msg"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # The leading dot keeps the temporary file out of _get's pattern.
            fd, temporary = tempfile.mkstemp(prefix=".writing-", dir=folder)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(str_to_bytes(dumps(payload)))
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temporary, folder / name)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise ChannelError(f"Cannot add message {name!r} to {folder}") from exc

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for folder in (self.data_folder_in, self.data_folder_out, self.processed_folder):
            Path(folder).mkdir(parents=True, exist_ok=True)
        self.control_folder.mkdir(parents=True, exist_ok=True)

    def _get(self, queue):
        # Claim a message by renaming it into the processed folder. The stock
        # transport moves it to the system temp folder instead, which may be
        # another file system, where a move is a copy and not atomic.
        wanted = f"{queue}.msg"
        inbox = Path(self.data_folder_in)
        processed = Path(self.processed_folder)
        for name in sorted(os.listdir(inbox)):
            if name.partition(".")[2] != wanted:
                continue
            claimed = processed / name
            try:
                os.rename(inbox / name, claimed)
            except FileNotFoundError:
                continue  # another consumer claimed it first
            try:
                payload = claimed.read_bytes()
                if not self.store_processed:
                    claimed.unlink()
            except OSError as exc:
                raise ChannelError(f"Cannot read message {claimed}") from exc
            return loads(bytes_to_str(payload))
        raise Empty()


class Transport(filesystem.Transport):
    Channel = Channel


def register():
    """Serve ``filesystem://`` broker URLs with the atomic transport above."""
    TRANSPORT_ALIASES["filesystem"] = f"{__name__}:Transport"
