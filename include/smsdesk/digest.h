/*
 * digest: SHA-256 and HMAC-SHA-256, for the one place smsdesk needs a
 * one-way function: an opt-out kept only as a keyed hash after its customer
 * was forgotten (store_privacy.c), so STOP still holds without the number
 * being readable from the database.
 *
 * A thin edge over OpenSSL's libcrypto (EVP): well-kept, constant-time
 * where it matters, already on every Debian box that has libcurl. This is
 * the only module that includes OpenSSL headers. Caller buffers only; no
 * I/O. Not for passwords (no stretching).
 */
#ifndef SMSDESK_DIGEST_H
#define SMSDESK_DIGEST_H

#include <stddef.h>

#define DIGEST_SHA256_LEN 32
/* Room for a digest as lower-case hex and its NUL. */
#define DIGEST_SHA256_HEX 65

/*
 * SHA-256 of one buffer. Returns 0, or -1 when libcrypto failed (out is
 * then zeroed).
 */
int digest_sha256(const void *data, size_t len,
		  unsigned char out[DIGEST_SHA256_LEN]);

/*
 * HMAC-SHA-256 of data under key (any length). Returns 0, or -1 when
 * libcrypto failed (out is then zeroed).
 */
int digest_hmac_sha256(const void *key, size_t key_len, const void *data,
		       size_t len, unsigned char out[DIGEST_SHA256_LEN]);

/* n bytes as lower-case hex into out (2n + 1 bytes). */
void digest_hex(const unsigned char *in, size_t n, char *out);

#endif
