"""Remit's benchmarks: speed measured against a floor taken in the same run.

    python -m bench                       # S and M, SQLite and PostgreSQL, data and pages
    python -m bench --sizes L --db sqlite --only data

Every measurement runs in a fresh subprocess (``bench.child``) with its own data
directory and database, so its peak memory is its own; see ``bench/README.md``.
"""
