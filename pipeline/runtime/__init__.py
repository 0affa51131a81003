"""How a generation runs: jobs, the worker, the drawing process, leases, RQ."""
