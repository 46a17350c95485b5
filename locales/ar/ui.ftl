# ui messages (ar).
