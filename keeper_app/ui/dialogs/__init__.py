"""Counter workflow dialogs, one per file. Each gathers the fields the law requires, collects
the signatures, and calls one service function off the GUI thread."""
