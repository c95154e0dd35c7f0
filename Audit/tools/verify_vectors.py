#!/usr/bin/env python3
"""Independent reference verifier for the Tresor audit log (see Audit/FORMAT.md).

Uses only the Python 3 standard library: hashlib (BLAKE2b, SHA-512), sqlite3 and json.
Ed25519 is the pure-Python reference code of RFC 8032, section 6, so no package is needed.

    python3 Audit/tools/verify_vectors.py --vectors Audit/vectors/audit-log.json
    python3 Audit/tools/verify_vectors.py --db VAULT/vault.sqlite [--checkpoint FILE.json] [--public-key HEX]
    python3 Audit/tools/verify_vectors.py --generate Audit/vectors/audit-log.json

Exit status: 0 when everything verifies, 1 when verification fails (the first bad sequence
number is printed), 2 when the input cannot be read (missing file, not a vault, bad JSON).
The database is opened read-only; nothing is ever written to it.
"""

import argparse
import hashlib
import json
import os
import sqlite3
import sys
import urllib.parse

# ---------------------------------------------------------------------------------------------
# Canonical encoding (FORMAT.md, "Canonical encoding")
# ---------------------------------------------------------------------------------------------


def enc_u64(value):
    """Unsigned 64-bit integer, 8 bytes big-endian."""
    if not 0 <= value < 1 << 64:
        raise ValueError("u64 out of range: %d" % value)
    return value.to_bytes(8, "big")


def enc_i64(value):
    """Signed 64-bit integer, two's complement, 8 bytes big-endian."""
    if not -(1 << 63) <= value < 1 << 63:
        raise ValueError("i64 out of range: %d" % value)
    return value.to_bytes(8, "big", signed=True)


def enc_bytes(value):
    """Byte string: u32 big-endian length, then the bytes."""
    value = bytes(value)
    if len(value) >= 1 << 32:
        raise ValueError("byte string too long")
    return len(value).to_bytes(4, "big") + value


def enc_str(value):
    """Text: its UTF-8 bytes encoded as a byte string (no normalisation, no terminator)."""
    return enc_bytes(value.encode("utf-8") if isinstance(value, str) else value)


AUDIT_DOMAIN = b"tresor.audit.v1"
CONSENT_DOMAIN = b"tresor.consent.v1"
SUBJECTS_DOMAIN = b"tresor.subjects.v1\x00"
CHECKPOINT_DOMAIN = b"tresor.checkpoint.v1"
GENESIS = bytes(32)


def blake2b_256(data):
    """Unkeyed BLAKE2b with a 32-byte digest (no key, salt or personalisation)."""
    return hashlib.blake2b(data, digest_size=32).digest()


def canonical_entry(entry):
    """The canonical encoding of an audit entry (dict with the audit_log column names).

    Text fields may be str (encoded as UTF-8) or bytes (taken as they are).
    """
    return b"".join(
        [
            enc_u64(entry["seq"]),
            enc_i64(entry["at"]),
            enc_str(entry["actor"]),
            enc_str(entry["role"]),
            enc_str(entry["os_user"]),
            enc_str(entry["purpose"]),
            enc_str(entry["action"]),
            enc_u64(entry["subject_count"]),
            enc_bytes(entry["subjects_digest"]),
            enc_str(entry["fields"]),
            enc_str(entry["decision"]),
            enc_str(entry["reason"]),
        ]
    )


def subjects_digest(subject_ids):
    """BLAKE2b-256("tresor.subjects.v1" 0x00 || ids sorted byte-wise)."""
    return blake2b_256(SUBJECTS_DOMAIN + b"".join(sorted(bytes(s) for s in subject_ids)))


def chain_link(previous, encoded, domain=AUDIT_DOMAIN):
    """hash_n = BLAKE2b-256(domain || 0x00 || hash_{n-1} || canonical(entry_n))."""
    return blake2b_256(domain + b"\x00" + bytes(previous) + encoded)


def checkpoint_message(log, vault_id, seq, hash_, at):
    """The bytes an Ed25519 checkpoint signature covers."""
    return b"".join(
        [
            enc_bytes(CHECKPOINT_DOMAIN),
            enc_str(log),
            enc_bytes(vault_id),
            enc_u64(seq),
            enc_bytes(hash_),
            enc_i64(at),
        ]
    )


# ---------------------------------------------------------------------------------------------
# Ed25519: RFC 8032 section 6 reference code (with libsodium's extra strictness in verify)
# ---------------------------------------------------------------------------------------------


def _sha512(data):
    return hashlib.sha512(data).digest()


_P = 2**255 - 19
_Q = 2**252 + 27742317777372353535851937790883648493


def _inv(x):
    return pow(x, _P - 2, _P)


_D = -121665 * _inv(121666) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)
_IDENTITY = (0, 1, 1, 0)


def _sha512_modq(data):
    return int.from_bytes(_sha512(data), "little") % _Q


def _point_add(P, Q):
    A, B = (P[1] - P[0]) * (Q[1] - Q[0]) % _P, (P[1] + P[0]) * (Q[1] + Q[0]) % _P
    C, D = 2 * P[3] * Q[3] * _D % _P, 2 * P[2] * Q[2] % _P
    E, F, G, H = B - A, D - C, D + C, B + A
    return (E * F, G * H, F * G, E * H)


def _point_mul(s, P):
    Q = _IDENTITY
    while s > 0:
        if s & 1:
            Q = _point_add(Q, P)
        P = _point_add(P, P)
        s >>= 1
    return Q


def _point_equal(P, Q):
    if (P[0] * Q[2] - Q[0] * P[2]) % _P != 0:
        return False
    if (P[1] * Q[2] - Q[1] * P[2]) % _P != 0:
        return False
    return True


def _recover_x(y, sign):
    if y >= _P:
        return None
    x2 = (y * y - 1) * _inv(_D * y * y + 1)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P != 0:
        x = x * _SQRT_M1 % _P
    if (x * x - x2) % _P != 0:
        return None
    if (x & 1) != sign:
        x = _P - x
    return x


_G_Y = 4 * _inv(5) % _P
_G_X = _recover_x(_G_Y, 0)
_G = (_G_X, _G_Y, 1, _G_X * _G_Y % _P)


def _point_compress(P):
    zinv = _inv(P[2])
    x = P[0] * zinv % _P
    y = P[1] * zinv % _P
    return int.to_bytes(y | ((x & 1) << 255), 32, "little")


def _point_decompress(s):
    if len(s) != 32:
        return None
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    if x is None:
        return None
    return (x, y, 1, x * y % _P)


def _secret_expand(seed):
    if len(seed) != 32:
        raise ValueError("an Ed25519 seed is 32 bytes")
    h = _sha512(seed)
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    return a, h[32:]


def ed25519_public_key(seed):
    """The 32-byte public key of a 32-byte seed."""
    a, _ = _secret_expand(seed)
    return _point_compress(_point_mul(a, _G))


def ed25519_sign(seed, message):
    """A 64-byte detached signature (deterministic, RFC 8032 5.1.6)."""
    a, prefix = _secret_expand(seed)
    public = _point_compress(_point_mul(a, _G))
    r = _sha512_modq(prefix + message)
    R = _point_compress(_point_mul(r, _G))
    h = _sha512_modq(R + public + message)
    s = (r + h * a) % _Q
    return R + int.to_bytes(s, 32, "little")


def _has_small_order(P):
    return _point_equal(_point_mul(8, P), _IDENTITY)


def ed25519_verify(public, message, signature):
    """True when `signature` is valid for `message` under `public`.

    RFC 8032 5.1.7 (cofactorless), plus what libsodium's crypto_sign_verify_detached also
    refuses: non-canonical encodings of A or R and public keys or R of small order.
    """
    if len(public) != 32 or len(signature) != 64:
        return False
    A = _point_decompress(public)
    R = _point_decompress(signature[:32])
    if A is None or R is None:
        return False
    if _point_compress(A) != public or _point_compress(R) != signature[:32]:
        return False
    if _has_small_order(A) or _has_small_order(R):
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= _Q:
        return False
    h = _sha512_modq(signature[:32] + public + message)
    return _point_equal(_point_mul(s, _G), _point_add(R, _point_mul(h, A)))


# RFC 8032 section 7.1, TEST 1 and TEST 2 (seed, public key, message, signature).
RFC8032_TESTS = [
    (
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
        "d25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c"
        "387b2eaeb4302aeeb00d291612bb0c00",
    ),
]


def self_test():
    """Checks the Ed25519 code against RFC 8032 and BLAKE2b against RFC 7693; raises on failure."""
    for seed, public, message, signature in RFC8032_TESTS:
        seed, public, message, signature = map(bytes.fromhex, (seed, public, message, signature))
        assert ed25519_public_key(seed) == public, "RFC 8032 public key"
        assert ed25519_sign(seed, message) == signature, "RFC 8032 signature"
        assert ed25519_verify(public, message, signature), "RFC 8032 verify"
        assert not ed25519_verify(public, message + b"x", signature), "RFC 8032 verify of another message"
    abc = hashlib.blake2b(b"abc").hexdigest()
    assert abc.startswith("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"), "RFC 7693"


# ---------------------------------------------------------------------------------------------
# Test vectors
# ---------------------------------------------------------------------------------------------


def _hx(data):
    return bytes(data).hex()


# The entries of the vector log, without their derived values. Subject ids are listed
# deliberately out of byte order; ids 0x7f.. and 0x80.. check that sorting is unsigned.
VECTOR_ENTRIES = [
    dict(
        at=1790000000000, actor="unification", role="module", os_user="etl", purpose="unification",
        action="write", subjects=["0f1e2d3c4b5a69788796a5b4c3d2e1f0"], fields="email,phone",
        decision="allowed", reason="",
    ),
    dict(
        at=1790000000250, actor="marketer", role="role", os_user="maria", purpose="marketing", action="read",
        subjects=[
            "80000000000000000000000000000001",
            "7fffffffffffffffffffffffffffffff",
            "7fffffffffffffff0000000000000002",
        ],
        fields="first_name,email,phone", decision="partial", reason="consent missing for 1 of 3 subjects",
    ),
    dict(
        at=1790000061000, actor="marketer", role="role", os_user="maria", purpose="profiling", action="read",
        subjects=["c0ffee00c0ffee00c0ffee00c0ffee00"], fields="date_of_birth", decision="denied",
        reason="Zweck „profiling“ verweigert — согласие отозвано 🔒",
    ),
    dict(
        at=1790000122000, actor="compliance", role="role", os_user="jürgen", purpose="dsr", action="erase",
        subjects=["c0ffee00c0ffee00c0ffee00c0ffee00", "00000000000000000000000000000000"], fields="*",
        decision="allowed", reason="request 42: erasure (Art. 17)",
    ),
    dict(
        at=1790000183000, actor="auditor", role="role", os_user="root", purpose="audit", action="checkpoint",
        subjects=[], fields="", decision="allowed", reason="",
    ),
]

VECTOR_SEED = bytes(range(1, 33))
VECTOR_VAULT_ID = bytes(range(0xF0, 0x100))

# Primitive encodings, one per rule of the canonical encoding.
VECTOR_PRIMITIVES = [
    ("u64", 0), ("u64", 1), ("u64", 0x0102030405060708), ("u64", 2**64 - 1),
    ("i64", 0), ("i64", 1790000000000), ("i64", -1), ("i64", -(2**63)), ("i64", 2**63 - 1),
    ("string", ""), ("string", "audit"), ("string", "é€🔒"),
    ("bytes", ""), ("bytes", "00ff10"),
]


def _encode_primitive(kind, value):
    if kind == "u64":
        return enc_u64(value)
    if kind == "i64":
        return enc_i64(value)
    if kind == "string":
        return enc_str(value)
    if kind == "bytes":
        return enc_bytes(bytes.fromhex(value))
    raise ValueError("unknown primitive type %r" % kind)


def generate_vectors():
    """Builds the vector document from VECTOR_ENTRIES with this (Swift-independent) code."""
    entries = []
    previous = GENESIS
    for index, spec in enumerate(VECTOR_ENTRIES):
        ids = [bytes.fromhex(s) for s in spec["subjects"]]
        entry = dict(seq=index + 1, at=spec["at"], actor=spec["actor"], role=spec["role"],
                     os_user=spec["os_user"], purpose=spec["purpose"], action=spec["action"],
                     subject_count=len(ids), subjects_digest=subjects_digest(ids), fields=spec["fields"],
                     decision=spec["decision"], reason=spec["reason"])
        encoded = canonical_entry(entry)
        digest = chain_link(previous, encoded)
        entries.append(
            {
                "seq": entry["seq"], "at": entry["at"], "actor": entry["actor"], "role": entry["role"],
                "os_user": entry["os_user"], "purpose": entry["purpose"], "action": entry["action"],
                "subject_count": entry["subject_count"], "subjects": spec["subjects"],
                "subjects_sorted": [_hx(s) for s in sorted(ids)],
                "subjects_digest": _hx(entry["subjects_digest"]), "fields": entry["fields"],
                "decision": entry["decision"], "reason": entry["reason"], "prev_hash": _hx(previous),
                "canonical": _hx(encoded), "hash": _hx(digest),
            }
        )
        previous = digest
    last = entries[-1]
    message = checkpoint_message("audit", VECTOR_VAULT_ID, last["seq"], previous, last["at"])
    public = ed25519_public_key(VECTOR_SEED)
    signature = ed25519_sign(VECTOR_SEED, message)
    return {
        "description": "Tresor audit-log test vectors; see Audit/FORMAT.md. Hex is lower case. Generated by "
        "Audit/tools/verify_vectors.py --generate (pure Python, independent of the Swift code).",
        "format_version": 1,
        "domains": {
            "audit": AUDIT_DOMAIN.decode(), "consent": CONSENT_DOMAIN.decode(),
            "subjects": SUBJECTS_DOMAIN.decode().rstrip("\x00"), "checkpoint": CHECKPOINT_DOMAIN.decode(),
        },
        "genesis": _hx(GENESIS),
        "empty_subjects_digest": _hx(subjects_digest([])),
        "primitives": [
            {"type": kind, "value": value, "encoding": _hx(_encode_primitive(kind, value))}
            for kind, value in VECTOR_PRIMITIVES
        ],
        "entries": entries,
        "checkpoint": {
            "seed": _hx(VECTOR_SEED),
            "signed_message": _hx(message),
            "file": {
                "at": last["at"], "hash": _hx(previous), "log": "audit", "publicKey": _hx(public),
                "seq": last["seq"], "signature": _hx(signature), "vaultID": _hx(VECTOR_VAULT_ID), "version": 1,
            },
        },
    }


class Failure(Exception):
    """A verification failure: `seq` is the first bad sequence number (None when not about an entry)."""

    def __init__(self, seq, problem):
        super().__init__(problem)
        self.seq = seq
        self.problem = problem


def verify_vectors(document):
    """Recomputes every value of a vector document; raises Failure on the first difference."""
    self_test()

    def expect(condition, where, what):
        if not condition:
            raise Failure(None, "%s: %s does not match" % (where, what))

    for index, item in enumerate(document["primitives"]):
        expect(_hx(_encode_primitive(item["type"], item["value"])) == item["encoding"],
               "primitives[%d]" % index, "encoding")
    expect(document["genesis"] == _hx(GENESIS), "genesis", "genesis hash")
    expect(document["empty_subjects_digest"] == _hx(subjects_digest([])), "empty_subjects_digest", "digest")
    previous = GENESIS
    for index, item in enumerate(document["entries"]):
        where = "entries[%d] (seq %d)" % (index, item["seq"])
        expect(item["seq"] == index + 1, where, "seq")
        ids = [bytes.fromhex(s) for s in item["subjects"]]
        expect(all(len(s) == 16 for s in ids), where, "subject id length")
        expect(item["subject_count"] == len(ids), where, "subject_count")
        expect([_hx(s) for s in sorted(ids)] == item["subjects_sorted"], where, "subjects_sorted")
        digest = subjects_digest(ids)
        expect(_hx(digest) == item["subjects_digest"], where, "subjects_digest")
        expect(item["prev_hash"] == _hx(previous), where, "prev_hash")
        entry = dict(item, subjects_digest=digest)
        encoded = canonical_entry(entry)
        expect(_hx(encoded) == item["canonical"], where, "canonical")
        link = chain_link(previous, encoded)
        expect(_hx(link) == item["hash"], where, "hash")
        previous = link
    vector = document["checkpoint"]
    cp = vector["file"]
    seed = bytes.fromhex(vector["seed"])
    message = checkpoint_message(cp["log"], bytes.fromhex(cp["vaultID"]), cp["seq"], bytes.fromhex(cp["hash"]),
                                 cp["at"])
    expect(cp["hash"] == _hx(previous) and cp["seq"] == len(document["entries"]), "checkpoint", "head")
    expect(_hx(message) == vector["signed_message"], "checkpoint", "signed_message")
    expect(_hx(ed25519_public_key(seed)) == cp["publicKey"], "checkpoint", "publicKey")
    expect(_hx(ed25519_sign(seed, message)) == cp["signature"], "checkpoint", "signature (deterministic)")
    expect(ed25519_verify(bytes.fromhex(cp["publicKey"]), message, bytes.fromhex(cp["signature"])),
           "checkpoint", "signature verification")
    tampered = bytearray(message)
    tampered[-1] ^= 1
    expect(not ed25519_verify(bytes.fromhex(cp["publicKey"]), bytes(tampered), bytes.fromhex(cp["signature"])),
           "checkpoint", "rejection of a tampered message")
    return len(document["entries"])


# ---------------------------------------------------------------------------------------------
# Vault database
# ---------------------------------------------------------------------------------------------


class InputError(Exception):
    """The input cannot be read (exit status 2)."""


def _is_lower_hex(text, length=None):
    return (isinstance(text, str) and len(text) % 2 == 0 and all(c in "0123456789abcdef" for c in text)
            and (length is None or len(text) == 2 * length))


def load_checkpoint(path):
    """Reads and validates an exported checkpoint file (FORMAT.md, "Checkpoint file")."""
    try:
        with open(path, "rb") as handle:
            cp = json.loads(handle.read().decode("utf-8"))
    except (OSError, ValueError) as error:
        raise InputError("%s is not a Tresor checkpoint file (%s)" % (path, error.__class__.__name__))
    if not isinstance(cp, dict):
        raise InputError("%s is not a Tresor checkpoint file (not a JSON object)" % path)
    for name, kind in [("version", int), ("log", str), ("vaultID", str), ("seq", int), ("hash", str),
                       ("at", int), ("publicKey", str), ("signature", str)]:
        if not isinstance(cp.get(name), kind) or isinstance(cp.get(name), bool):
            raise InputError("%s: field %s is missing or not a %s" % (path, name, kind.__name__))
    for name, length in [("vaultID", 16), ("hash", 32), ("publicKey", 32), ("signature", 64)]:
        if not _is_lower_hex(cp[name], length):
            raise InputError("%s: field %s is not %d bytes of lower-case hex" % (path, name, length))
    if cp["version"] != 1:
        raise InputError("%s: unsupported checkpoint version %d" % (path, cp["version"]))
    if not 0 < cp["seq"] < 1 << 63 or not -(1 << 63) <= cp["at"] < 1 << 63:
        raise InputError("%s: seq or at out of range" % path)
    return cp


def _text(value):
    """A TEXT column as the raw bytes SQLite holds (what sqlite3_column_text returns)."""
    if value is None:
        return b""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, float):
        return repr(value).encode()
    return str(value).encode()


def _blob(value):
    return _text(value)


def _integer(value):
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    return 0 if value is None else None


class Report:
    """The outcome of verifying a database."""

    def __init__(self):
        self.entries = 0
        self.checkpoints_verified = 0
        self.checkpoints_hash_only = 0
        self.head_hash = _hx(GENESIS)
        self.warnings = []


def verify_database(path, exported=None, public_key=None):
    """Verifies the audit log of the vault database at `path`, read-only.

    Follows FORMAT.md "Verification procedure" step by step; raises Failure with the first bad
    sequence number, InputError when the file is not a readable vault. Returns a Report.
    """
    try:
        uri = "file:%s?mode=ro" % urllib.parse.quote(os.path.abspath(path))
        db = sqlite3.connect(uri, uri=True, isolation_level=None)
        db.text_factory = bytes
        # One read transaction: every table is read from the same snapshot, even while the vault writes.
        db.execute("BEGIN")
        row = db.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
    except sqlite3.Error as error:
        raise InputError("%s is not a readable Tresor vault database (%s)" % (path, error))
    if row is None or not isinstance(row[0], bytes) or len(row[0]) != 16:
        raise InputError("%s is not a Tresor vault database (meta.vault_id missing)" % path)
    vault_id = row[0]
    report = Report()

    # Step 1: the public key, and the exported checkpoint's own validity.
    if exported is not None:
        if exported["vaultID"] != _hx(vault_id) or exported["log"] != "audit":
            raise Failure(exported["seq"], "the checkpoint belongs to another vault or log")
        if public_key is not None and exported["publicKey"] != _hx(public_key):
            raise Failure(exported["seq"], "the checkpoint's signature is not valid for this vault's signing key")
        message = checkpoint_message("audit", vault_id, exported["seq"], bytes.fromhex(exported["hash"]),
                                     exported["at"])
        if not ed25519_verify(bytes.fromhex(exported["publicKey"]), message, bytes.fromhex(exported["signature"])):
            raise Failure(exported["seq"], "the checkpoint's signature is not valid for this vault's signing key")
        if public_key is None:
            public_key = bytes.fromhex(exported["publicKey"])
            report.warnings.append("public key taken from the checkpoint file; pin it with --public-key")
    if public_key is None:
        report.warnings.append("no public key given: stored checkpoints are checked by hash only, not by signature")

    # Step 2: stored checkpoints.
    checkpoints = {}
    for seq, hash_, at, signature in db.execute("SELECT seq, hash, at, signature FROM audit_checkpoints"):
        checkpoints[seq] = (_blob(hash_), _integer(at), _blob(signature))

    # Step 3: the entries in sequence order, with their subject sets.
    rows = db.execute(
        "SELECT seq, at, actor, role, os_user, purpose, action, subject_count, subjects_digest, fields, decision,"
        " reason, prev_hash, hash, subjects FROM audit_log ORDER BY seq"
    )
    expected = 1
    previous = GENESIS
    for row in rows:
        seq = row[0]
        entry = dict(seq=seq, at=_integer(row[1]), actor=_text(row[2]), role=_text(row[3]), os_user=_text(row[4]),
                     purpose=_text(row[5]), action=_text(row[6]), subject_count=_integer(row[7]),
                     subjects_digest=_blob(row[8]), fields=_text(row[9]), decision=_text(row[10]),
                     reason=_text(row[11]))
        prev_hash, stored_hash = _blob(row[12]), _blob(row[13])
        # 3a: sequence numbers 1, 2, 3... without gaps.
        if seq != expected:
            if seq > expected:
                raise Failure(expected, "entry %d is missing" % expected)
            raise Failure(expected, "entry %d is out of order" % seq)
        # 3b: the link to the previous entry.
        if prev_hash != previous:
            raise Failure(seq, "entry %d does not link to the entry before it" % seq)
        # 3c: the entry hash over the canonical encoding.
        try:
            encoded = canonical_entry(entry)
        except (ValueError, TypeError):
            raise Failure(seq, "entry %d was altered (a number is out of range)" % seq)
        if chain_link(previous, encoded) != stored_hash:
            raise Failure(seq, "entry %d was altered (its hash does not match its content)" % seq)
        # 3d: the subject set: sorted distinct 16-byte ids whose digest the entry holds.
        stored = _blob(row[14])
        touched = [stored[i:i + 16] for i in range(0, len(stored), 16)]
        if (len(stored) % 16 != 0 or len(touched) != entry["subject_count"]
                or any(touched[i] >= touched[i + 1] for i in range(len(touched) - 1))
                or subjects_digest(touched) != entry["subjects_digest"]):
            raise Failure(seq, "the subjects recorded for entry %d were altered" % seq)
        # 3e: a stored checkpoint of this entry.
        if seq in checkpoints:
            cp_hash, cp_at, cp_signature = checkpoints.pop(seq)
            if cp_hash != stored_hash:
                raise Failure(seq, "entry %d differs from its signed checkpoint (the log was rewritten)" % seq)
            if public_key is not None:
                message = checkpoint_message("audit", vault_id, seq, cp_hash, cp_at)
                if not ed25519_verify(public_key, message, cp_signature):
                    raise Failure(seq, "entry %d differs from its signed checkpoint (the log was rewritten)" % seq)
                report.checkpoints_verified += 1
            else:
                report.checkpoints_hash_only += 1
        # 3f: the exported checkpoint, when it names this entry.
        if exported is not None and exported["seq"] == seq and _hx(stored_hash) != exported["hash"]:
            raise Failure(seq, "entry %d differs from the exported checkpoint (the log was rewritten)" % seq)
        previous = stored_hash
        expected += 1
        report.entries += 1
    # Step 4: truncation.
    if checkpoints:
        first = min(checkpoints)
        raise Failure(min(first, expected),
                      "entry %d is missing: the log ends before its signed checkpoint %d (truncated)" % (expected, first))
    if exported is not None and exported["seq"] >= expected:
        raise Failure(expected, "entry %d is missing: the log ends before the exported checkpoint %d (truncated)"
                      % (expected, exported["seq"]))
    report.head_hash = _hx(previous)
    db.execute("COMMIT")
    db.close()
    return report


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Independent verifier of the Tresor audit log (Audit/FORMAT.md).",
        epilog="exit status: 0 verified, 1 verification failed (the first bad seq is printed), 2 unreadable input")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--vectors", metavar="FILE", help="verify a test-vector file")
    mode.add_argument("--db", metavar="FILE", help="verify a vault database (opened read-only)")
    mode.add_argument("--generate", metavar="FILE", help="write the test-vector file")
    parser.add_argument("--checkpoint", metavar="FILE", help="an exported checkpoint (detects a cut tail)")
    parser.add_argument("--public-key", metavar="HEX", help="the vault's Ed25519 public key (64 hex digits)")
    args = parser.parse_args(argv)
    if (args.checkpoint or args.public_key) and not args.db:
        parser.error("--checkpoint and --public-key go with --db")
    try:
        if args.generate:
            self_test()
            document = generate_vectors()
            verify_vectors(document)
            with open(args.generate, "w", encoding="utf-8") as handle:
                json.dump(document, handle, indent=2, ensure_ascii=False)
                handle.write("\n")
            print("wrote %s (%d entries)" % (args.generate, len(document["entries"])))
            return 0
        if args.vectors:
            try:
                with open(args.vectors, "rb") as handle:
                    document = json.loads(handle.read().decode("utf-8"))
            except (OSError, ValueError) as error:
                raise InputError("%s is not a vector file (%s)" % (args.vectors, error.__class__.__name__))
            count = verify_vectors(document)
            print("OK: %d entries, checkpoint and signature match %s" % (count, args.vectors))
            return 0
        public_key = None
        if args.public_key is not None:
            if not _is_lower_hex(args.public_key.lower(), 32):
                parser.error("--public-key must be 64 hex digits")
            public_key = bytes.fromhex(args.public_key)
        exported = load_checkpoint(args.checkpoint) if args.checkpoint else None
        report = verify_database(args.db, exported, public_key)
        for warning in report.warnings:
            print("warning: %s" % warning, file=sys.stderr)
        print("OK: %d entries, %d stored checkpoints verified by signature, %d by hash only, head hash %s"
              % (report.entries, report.checkpoints_verified, report.checkpoints_hash_only, report.head_hash))
        return 0
    except Failure as failure:
        if failure.seq is None:
            print("FAILED: %s" % failure.problem)
        else:
            print("FAILED at seq %d: %s" % (failure.seq, failure.problem))
        return 1
    except InputError as error:
        print("error: %s" % error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
