#!/usr/bin/env python3
"""Writes fixtures/signatures/mailgun-signature.json: Mailgun webhook signature
vectors computed with Python's standard hmac and hashlib alone, an
implementation independent of the package's TypeScript (and of Node's
crypto, which the test suite uses to cross-check every value here).

Mailgun's formula: signature = hex(HMAC-SHA256(key, timestamp || token)),
UTF-8 everywhere, no separator. Each vector gives the signature fields, the
same fields as a JSON webhook body and (where the case applies to inbound
routes) as an application/x-www-form-urlencoded body, the clock to verify
at, and the expected result.

Run `python3 scripts/vectors/mailgun_signature.py` after editing the cases;
the vectors test fails while the file differs from this script's output.
Pass `--stdout` to print instead of writing.
"""
import hashlib
import hmac
import json
import sys
from pathlib import Path
from urllib.parse import urlencode

KEY = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0-test"  # a made-up HTTP webhook signing key
API_KEY = "0123456789abcdef0123456789abcdef-0a1b2c3d-4e5f6a7b"  # a made-up API key
OLD_KEY = "previous-webhook-signing-key-before-rotation"
PARENT_KEY = "primary-account-webhook-signing-key"
SUB_KEY = "sub-account-webhook-signing-key"
UNICODE_KEY = "sécret ✓ 👋 clé"

TIMESTAMP = "1700000000"
TOKEN = "447cee4646f1265a64266cba9525e900c6ede850d2a60a0293"
OTHER_TOKEN = "9b2f0c1d7e6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b"
NOW = 1700000030

EVENT = {
    "event": "delivered",
    "id": "hK7mQVt1QtqRiOfQXta4sw",
    "timestamp": 1699999999.626182,
    "log-level": "info",
    "recipient": "alice@example.com",
    "delivery-status": {"code": 250, "message": "OK", "attempt-no": 1},
    "message": {"headers": {"message-id": "20231114221319.1.ABC@mg.example.com"}},
}
FORGED_EVENT = dict(EVENT, event="complained", recipient="victim@example.com")

ROUTE_FIELDS = [
    ("recipient", "support@mg.example.com"),
    ("sender", "bob@example.org"),
    ("subject", "Re: order #42 & more"),
    ("body-plain", "Hi,\nthanks — café ✓\n"),
]


def mac(key, timestamp, token):
    return hmac.new(key.encode("utf-8"), (timestamp + token).encode("utf-8"), hashlib.sha256).hexdigest()


def signed(key, timestamp=TIMESTAMP, token=TOKEN):
    return {"timestamp": timestamp, "token": token, "signature": mac(key, timestamp, token)}


def vector(id, description, fields, expected, code=None, key=KEY, now=NOW, event=EVENT, shapes=("fields", "json", "form"), **extra):
    out = {"id": id, "description": description, "signingKey": key}
    out.update(extra)
    out["nowUnix"] = now
    out["fields"] = fields
    out["bodies"] = {}
    if "json" in shapes:
        out["bodies"]["json"] = json.dumps({"signature": fields, "event-data": event}, ensure_ascii=False)
    if "form" in shapes:
        out["bodies"]["form"] = urlencode(ROUTE_FIELDS + [(k, str(v)) for k, v in fields.items()])
    if "fields" not in shapes:
        out["noFields"] = True
    out["expected"] = expected
    if code is not None:
        out["code"] = code
    return out


def build():
    genuine = signed(KEY)
    vectors = [
        vector("genuine", "a genuine signature, 30 s old", genuine, True, secretIndex=0, via="signature"),
        vector(
            "upper-case-hex",
            "the same signature in upper-case hex (names the same bytes)",
            dict(genuine, signature=genuine["signature"].upper()),
            True,
            secretIndex=0,
            via="signature",
        ),
        vector("8h59m-old", "8 h 59 min old: inside the 9 h window (Mailgun retries for 8 h)", genuine, True, now=1700000000 + 8 * 3600 + 59 * 60, secretIndex=0, via="signature"),
        vector("4min-future", "4 min ahead of the receiver's clock: inside the 5 min window", genuine, True, now=1700000000 - 240, secretIndex=0, via="signature"),
        vector("rotation", "a key list during a rotation: the second key matches", genuine, True, key=[OLD_KEY, KEY], secretIndex=1, via="signature"),
        vector("unicode-key", "a key with non-ASCII characters (UTF-8 key bytes)", signed(UNICODE_KEY), True, key=UNICODE_KEY, secretIndex=0, via="signature"),
        vector(
            "parent-signature",
            "sub-account event: signature under the sub-account's key, parent-signature under the primary key, verified by the primary account",
            dict(signed(SUB_KEY), **{"parent-signature": mac(PARENT_KEY, TIMESTAMP, TOKEN)}),
            True,
            key=PARENT_KEY,
            parentSigningKey=PARENT_KEY,
            secretIndex=0,
            via="parent-signature",
        ),
        vector(
            "parent-key-only",
            "only parentSigningKey configured: parent-signature is checked, signature ignored",
            dict(signed(SUB_KEY), **{"parent-signature": mac(PARENT_KEY, TIMESTAMP, TOKEN)}),
            True,
            key=None,
            parentSigningKey=PARENT_KEY,
            secretIndex=0,
            via="parent-signature",
        ),
        vector(
            "numeric-timestamp",
            "timestamp as a JSON integer: its decimal form is what is signed",
            dict(genuine, timestamp=int(TIMESTAMP)),
            True,
            shapes=("fields", "json"),
            secretIndex=0,
            via="signature",
        ),
        vector(
            "forged-event-data",
            "a genuine triple carrying other event-data verifies: only timestamp + token are signed (a token store is the defence)",
            genuine,
            True,
            event=FORGED_EVENT,
            shapes=("json",),
            secretIndex=0,
            via="signature",
        ),
        vector("window-off-old", "ten years old with the window off (toleranceSeconds: false)", genuine, True, now=1700000000 + 10 * 365 * 86400, toleranceSeconds=False, secretIndex=0, via="signature"),
        vector(
            "boundary-moved-window-off",
            "the genuine signature with one token digit moved into the timestamp: the same signed bytes, so it verifies when the window is off (the handler's key, timestamp + token, is unchanged)",
            {"timestamp": TIMESTAMP + TOKEN[0], "token": TOKEN[1:], "signature": genuine["signature"]},
            True,
            toleranceSeconds=False,
            secretIndex=0,
            via="signature",
        ),
        # Negatives.
        vector("wrong-key", "verified with another signing key", genuine, False, "signature_mismatch", key=OLD_KEY),
        vector("api-key", "signed with the API key instead of the webhook signing key", signed(API_KEY), False, "signature_mismatch"),
        vector("swapped", "HMAC over token + timestamp (swapped concatenation)", dict(genuine, signature=hmac.new(KEY.encode(), (TOKEN + TIMESTAMP).encode(), hashlib.sha256).hexdigest()), False, "signature_mismatch"),
        vector("dot-separator", "HMAC over timestamp + '.' + token", dict(genuine, signature=hmac.new(KEY.encode(), (TIMESTAMP + "." + TOKEN).encode(), hashlib.sha256).hexdigest()), False, "signature_mismatch"),
        vector("other-token", "a genuine signature of another token", dict(genuine, token=OTHER_TOKEN), False, "signature_mismatch"),
        vector("parent-without-parent-key", "a right parent-signature but no parentSigningKey configured: it is ignored", dict(signed(SUB_KEY), **{"parent-signature": mac(PARENT_KEY, TIMESTAMP, TOKEN)}), False, "signature_mismatch", key=PARENT_KEY),
        vector("63-chars", "the signature cut to 63 hex characters", dict(genuine, signature=genuine["signature"][:63]), False, "malformed_signature"),
        vector("65-chars", "the signature with a 65th hex character", dict(genuine, signature=genuine["signature"] + "0"), False, "malformed_signature"),
        vector("non-hex", "a non-hex character in the signature", dict(genuine, signature="g" + genuine["signature"][1:]), False, "malformed_signature"),
        vector("base64", "the right HMAC in Base64 instead of hex", dict(genuine, signature=__import__("base64").b64encode(bytes.fromhex(genuine["signature"])).decode()), False, "malformed_signature"),
        vector("empty-signature", "an empty signature", dict(genuine, signature=""), False, "missing_signature"),
        vector("no-signature", "no signature field at all", {"timestamp": TIMESTAMP, "token": TOKEN}, False, "missing_signature"),
        vector("stale-10h", "genuine but 10 h old (past the 9 h window)", genuine, False, "timestamp_out_of_range", now=1700000000 + 10 * 3600),
        vector("future-10min", "genuine but 10 min ahead (past the 5 min window)", genuine, False, "timestamp_out_of_range", now=1700000000 - 600),
        vector(
            "boundary-moved",
            "the genuine signature with one token digit moved into the timestamp: refused by the window (the timestamp is now ten times larger)",
            {"timestamp": TIMESTAMP + TOKEN[0], "token": TOKEN[1:], "signature": genuine["signature"]},
            False,
            "timestamp_out_of_range",
        ),
        vector(
            "boundary-moved-back",
            "the genuine signature with the last timestamp digit moved into the token: refused by the window",
            {"timestamp": TIMESTAMP[:-1], "token": TIMESTAMP[-1] + TOKEN, "signature": genuine["signature"]},
            False,
            "timestamp_out_of_range",
        ),
        vector("empty-token", "an empty token, HMAC over the timestamp alone", signed(KEY, token=""), False, "malformed_token"),
        vector("oversized-token", "a 257-character token, HMAC computed over it", signed(KEY, token="a" * 257), False, "malformed_token"),
        vector("token-with-space", "a token with a space, HMAC computed over it", signed(KEY, token="447cee 4646"), False, "malformed_token"),
    ]
    for name, stamp in [
        ("leading-space", " " + TIMESTAMP),
        ("trailing-space", TIMESTAMP + " "),
        ("plus-sign", "+" + TIMESTAMP),
        ("minus-sign", "-" + TIMESTAMP),
        ("decimal-point", TIMESTAMP + ".5"),
        ("exponent", "1.7e9"),
        ("hex", "0x6553f100"),
        ("empty", ""),
        ("arabic-indic-digits", "١٧٠٠٠٠٠٠٠٠"),
    ]:
        vectors.append(
            vector(f"timestamp-{name}", f"timestamp {json.dumps(stamp, ensure_ascii=False)} (not decimal digits only), HMAC computed over it", signed(KEY, timestamp=stamp), False, "malformed_timestamp")
        )
    return {
        "about": "Mailgun webhook signatures, hex(HMAC-SHA256(key, timestamp || token)), computed with Python's hmac by scripts/vectors/mailgun_signature.py; do not edit by hand.",
        "vectors": vectors,
    }


def serialise(content):
    return json.dumps(content, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    text = serialise(build())
    if "--stdout" in sys.argv:
        sys.stdout.write(text)
    else:
        target = Path(__file__).resolve().parents[2] / "fixtures" / "signatures" / "mailgun-signature.json"
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target} ({len(build()['vectors'])} vectors)")
