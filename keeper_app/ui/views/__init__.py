"""The lists of the main window: media, register, cases, people, due and late, inbox."""
