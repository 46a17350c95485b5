# export messages (ar).
