"""Passwords and personal signing keys.

One slow derivation (scrypt) of a person's password gives two keys: a verifier that
checks the password at sign-in, and a key that decrypts the person's Ed25519 private key
(AES-GCM). Only the public key and the encrypted private key are stored, so nobody —
the keeper and the administrator included — can sign as another person without that
person's password.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

DEFAULT_KDF_N = 2**15  # scrypt cost: ~0.1 s and 32 MiB per derivation here
KDF_R = 8
KDF_P = 1
MIN_PASSWORD = 10  # the policy: keeper_app.domain.passwords


class BadPassword(Exception):
    pass


@dataclass(frozen=True, slots=True)
class KeyMaterial:
    """What is stored for a person (never the password, never the plain private key)."""

    kdf_salt: bytes
    kdf_n: int
    pw_verifier: bytes
    public_key: bytes
    sk_nonce: bytes
    sk_enc: bytes


#: The key material of a person added without a password, who has not enrolled yet: no key.
NO_KEY = KeyMaterial(b"", 0, b"", b"", b"", b"")


def _master(password: str, salt: bytes, n: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=KDF_R, p=KDF_P, maxmem=2**27, dklen=32
    )


def _split(master: bytes) -> tuple[bytes, bytes]:
    verifier = hmac.new(master, b"keeper-password-verifier", hashlib.sha256).digest()
    kek = hmac.new(master, b"keeper-key-encryption", hashlib.sha256).digest()
    return verifier, kek


def new_key_material(password: str, n: int = DEFAULT_KDF_N) -> KeyMaterial:
    salt = os.urandom(16)
    verifier, kek = _split(_master(password, salt, n))
    sk = Ed25519PrivateKey.generate()
    raw = sk.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    nonce = os.urandom(12)
    enc = AESGCM(kek).encrypt(nonce, raw, b"keeper-ed25519")
    pub = sk.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return KeyMaterial(salt, n, verifier, pub, nonce, enc)


def unlock(km: KeyMaterial, password: str) -> Ed25519PrivateKey:
    """Check the password and return the private key; :class:`BadPassword` if wrong."""
    verifier, kek = _split(_master(password, km.kdf_salt, km.kdf_n))
    if not hmac.compare_digest(verifier, km.pw_verifier):
        raise BadPassword()
    try:
        raw = AESGCM(kek).decrypt(km.sk_nonce, km.sk_enc, b"keeper-ed25519")
    except InvalidTag:
        raise BadPassword() from None
    sk = Ed25519PrivateKey.from_private_bytes(raw)
    if sk.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw) != km.public_key:
        raise BadPassword()
    return sk


def new_enrolment_code(alphabet: str, length: int) -> str:
    """A one-time enrolment code: ``length`` characters drawn uniformly from ``alphabet``."""
    return "".join(secrets.choice(alphabet) for _ in range(length))


def code_verifier(code: str, n: int = DEFAULT_KDF_N) -> tuple[bytes, bytes]:
    """What is stored of an enrolment code (a salt and a slow hash, like a password's
    verifier): ``(salt, verifier)``."""
    salt = os.urandom(16)
    return salt, _code_hash(code, salt, n)


def check_code(code: str, salt: bytes, n: int, verifier: bytes) -> bool:
    return hmac.compare_digest(_code_hash(code, salt, n), verifier)


def _code_hash(code: str, salt: bytes, n: int) -> bytes:
    return hmac.new(_master(code, salt, n), b"keeper-enrolment-code", hashlib.sha256).digest()


def signing_message(
    entry_table: str, entry_id: int, content_sha256: str, capacity: str, badge: str, at: str
) -> bytes:
    return "\n".join(
        ["KEEPER-SIGNATURE-1", entry_table, str(entry_id), content_sha256, capacity, badge, at]
    ).encode("utf-8")


def event_message(event_hash: str) -> bytes:
    """What an actor signs for an audit event (scheme 2): its hash, which covers the event
    before it, so no earlier event can change without every later signature failing."""
    return ("KEEPER-EVENT-2\n" + event_hash).encode("ascii")


def endorsement_message(person_id: int, new_public_key: bytes) -> bytes:
    """What a person's previous key signs when they make a new one (a password change)."""
    return f"KEEPER-NEW-KEY-1\n{person_id}\n{new_public_key.hex()}".encode("ascii")


def public_bytes(sk: Ed25519PrivateKey) -> bytes:
    return sk.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(public_key: bytes) -> str:
    """A key's fingerprint as printed on the enrolment form: 16 groups of 4 hex digits of
    SHA-256 over the raw public key."""
    h = hashlib.sha256(public_key).hexdigest().upper()
    return " ".join(h[i : i + 4] for i in range(0, 64, 4))


def sign(sk: Ed25519PrivateKey, message: bytes) -> bytes:
    return sk.sign(message)


def verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def rewrap(sk: Ed25519PrivateKey, new_password: str, n: int = DEFAULT_KDF_N) -> KeyMaterial:
    """The same key pair under a new password. Keeper makes a NEW key pair at a password
    change (new_key_material; the old public key stays in the key history); this is kept
    for tools that must re-encrypt a key as it is."""
    salt = os.urandom(16)
    verifier, kek = _split(_master(new_password, salt, n))
    raw = sk.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    nonce = os.urandom(12)
    enc = AESGCM(kek).encrypt(nonce, raw, b"keeper-ed25519")
    pub = sk.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return KeyMaterial(salt, n, verifier, pub, nonce, enc)


_DUMMY_SALT = os.urandom(16)


def dummy_unlock(password: str, n: int = DEFAULT_KDF_N) -> None:
    """The derivation :func:`unlock` does, for nobody: a sign-in with an unknown badge takes
    as long as one with a wrong password."""
    _split(_master(password, _DUMMY_SALT, n))
