"""The law and the model as plain Python: no Qt, no SQL, no I/O.

Chapter 3 of the 2014 regulations (Art. 16-21) — who keeps, how discs are made, handed
over, retrieved, returned, unsealed and resealed, transferred and archived — lives in
:mod:`.rules` and :mod:`.lifecycle`; :mod:`.codes` is the medium id.
"""
