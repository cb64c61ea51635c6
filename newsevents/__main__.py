"""`python -m newsevents …` is the `newsevents` command."""
from .cli import main

main()
