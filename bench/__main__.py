"""``python -m bench``: run the benchmark (see bench/run.py)."""

from .run import main

main()
