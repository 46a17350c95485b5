# ats messages (ar).
