"""The event coder: triggers, roles, auxiliary modes, time, place and scores, one module each."""
