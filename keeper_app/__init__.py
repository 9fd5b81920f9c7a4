"""Keeper: custody of interrogation recordings on optical discs and hard drives."""

__version__ = "0.1.0"
