"""bench/load.py stays bounded and on the loopback (its run is a benchmark, not a test)."""
import importlib.util
import os
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location("bench_load", Path(__file__).resolve().parents[1] / "bench" / "load.py")
load = importlib.util.module_from_spec(spec)
spec.loader.exec_module(load)


def test_defaults_are_the_target_scenario():
    args = load.parse_args([])
    assert (args.users, args.duration, args.workers) == (50, 60, 2 * os.cpu_count() + 1)
    assert load.LOOPBACK == "127.0.0.1"


@pytest.mark.parametrize("argv", [
    ["--users", "1000"], ["--duration", "3600"], ["--workers", "0"], ["--spawn-rate", "0"],
    ["--database-url", "postgres://postgres@db.example.se:5432/last"], ["--database-url", "mysql://127.0.0.1/last"],
    ["--database-url", "postgres://postgres@127.0.0.1:5432/"],
])
def test_unbounded_or_remote_runs_are_refused(argv):
    with pytest.raises(SystemExit):
        load.parse_args(argv)


def test_the_server_gets_production_settings(tmp_path):
    env = load.server_env(load.parse_args(["--database-url", "postgres://postgres@127.0.0.1:5432/last"]), tmp_path)
    assert "SAMORDNA_DEBUG" not in env and len(env["SAMORDNA_SECRET_KEY"]) >= 50
    assert env["SAMORDNA_TWO_FACTOR_REQUIRED"] == "1" and env["SAMORDNA_ALLOWED_HOSTS"] == "127.0.0.1"
    assert env["DATABASE_URL"].endswith("/last")


def test_the_server_runs_with_the_production_gunicorn_settings():
    from samordna import gunicorn_conf

    assert gunicorn_conf.preload_app and gunicorn_conf.accesslog is None
    assert gunicorn_conf.workers == 2 * os.cpu_count() + 1 and gunicorn_conf.bind.startswith("127.0.0.1:")


def test_the_workers_inherit_no_database_connection(monkeypatch):
    import gc

    from django.db import connections

    from samordna import gunicorn_conf

    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))
    gunicorn_conf.pre_fork(None, None)
    gc.unfreeze()
    assert closed == [True]
