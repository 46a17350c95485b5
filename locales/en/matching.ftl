# matching messages (en).
