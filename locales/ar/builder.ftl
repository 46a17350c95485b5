# builder messages (ar).
