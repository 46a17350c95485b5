# matching messages (ar).
