"""A tiny Celery app for the filesystem broker test. Its one task records each
message as a file named after its number; a second delivery of the same
number fails loudly (the file already exists)."""

import os
from pathlib import Path

from celery import Celery

from portal import filesystem_broker

filesystem_broker.register()

BROKER_DIR = Path(os.environ["FS_BROKER_DIR"])
RECEIVED_DIR = Path(os.environ["FS_RECEIVED_DIR"])

app = Celery("fs_broker_probe", broker="filesystem://")
app.conf.update(
    broker_transport_options={
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "control_folder": str(BROKER_DIR / "control"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "polling_interval": 0.05,
    },
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    task_ignore_result=True,
    worker_hijack_root_logger=False,
)


@app.task(name="probe.record")
def record(number, padding):
    assert len(padding) == 4096, "message arrived truncated"
    with open(RECEIVED_DIR / str(number), "x") as handle:  # "x": a duplicate fails
        handle.write(str(os.getpid()))
