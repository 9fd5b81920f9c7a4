#!/bin/sh
# keeper: Keeper installed from its Debian package, run from its private environment in
# /opt/keeper. Isolated (-I: no user site-packages, no PYTHON* variables, not the current
# folder) and writing no bytecode into /opt (-B). The database is the user's own:
# ~/.local/share/keeper/keeper.sqlite unless --db says otherwise.
KEEPER_RESOURCES="${KEEPER_RESOURCES:-/usr/share/keeper/resources}"
export KEEPER_RESOURCES
exec /opt/keeper/bin/python3 -I -B -m keeper_app.cli "$@"
