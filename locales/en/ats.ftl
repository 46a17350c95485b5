# ats messages (en).
