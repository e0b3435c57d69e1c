"""Schemathesis hooks of the contract run (gateway/test/openapi-contract.e2e.test.ts): bodies of media types it does
not serialize by itself."""

from hypothesis import strategies as st

import schemathesis

# The collecting bank's messages (docs/bank-protocol.md) are compact JWS: three base64url parts joined by dots. None
# generated here carries the channel's signature, so the payments service refuses each (401 SIGNATURE_INVALID).
_PART = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
    min_size=1,
    max_size=64,
)
schemathesis.openapi.media_type(
    "application/jose",
    st.tuples(_PART, _PART, _PART).map(lambda parts: ".".join(parts).encode()),
)
