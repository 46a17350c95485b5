# export messages (en).
