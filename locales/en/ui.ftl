# ui messages (en).
