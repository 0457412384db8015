"""A local Dask cluster for the sweep tests: a scheduler and two worker processes on 127.0.0.1."""

import logging

import pytest


@pytest.fixture(scope="session")
def dask_cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0,
                      dashboard_address="127.0.0.1:0", worker_dashboard_address="127.0.0.1:0",
                      silence_logs=logging.ERROR) as local:
        yield local
