"""The PySide6 desktop application (issue 3). It calls ``keeper_app.services`` only: no SQL,
no rule of its own. Entry point: :func:`keeper_app.ui.app.run_gui`."""
