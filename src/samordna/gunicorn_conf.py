"""gunicorn settings for production: `gunicorn -c python:samordna.gunicorn_conf samordna.wsgi:application`.

Why the garbage-collector settings: Django's imported code is hundreds of thousands of long-lived objects, and every
full collection walks them all in the middle of a request. The app is loaded once in the master (preload) and frozen
before the workers fork, so collections in a worker only see what its requests create; the young generation is
collected less often, as a page builds thousands of short-lived model instances.
"""
import gc
import os
import sys

bind = os.environ.get("SAMORDNA_BIND", "127.0.0.1:8000")
# gunicorn's advice, two per core and one more: a kept-alive connection stays with one process, so with few
# processes a busy one queues requests while another idles (measured: 3 processes p95 400 ms, 5 processes 290 ms).
workers = int(os.environ.get("SAMORDNA_WORKERS", 2 * (os.cpu_count() or 1) + 1))
threads = int(os.environ.get("SAMORDNA_THREADS", "2"))
preload_app = True
timeout = 120
# Longer than a reader's pause between pages, so a kept-alive connection is not closed under a request in flight.
keepalive = 30
loglevel = "warning"
accesslog = None  # no access log: it would record the survey's visitors (see survey/OPERATIONS.md)


def pre_fork(server, worker):
    if "django.db" in sys.modules:  # preloaded: no database connection of the master may be shared by its workers
        from django.db import connections

        connections.close_all()
    gc.freeze()


def post_fork(server, worker):
    gc.set_threshold(20_000, 20, 20)
