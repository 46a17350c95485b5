# builder messages (en).
