/*
 * digest: SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), for the one
 * place smsdesk needs a one-way function: an opt-out kept only as a keyed
 * hash after its customer was forgotten (store_privacy.c), so STOP still
 * holds without the number being readable from the database.
 *
 * Pure: caller buffers only, no allocation, no I/O. Not for passwords (no
 * stretching) and not constant-time beyond what the algorithm is.
 */
#ifndef SMSDESK_DIGEST_H
#define SMSDESK_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define DIGEST_SHA256_LEN 32
/* Room for a digest as lower-case hex and its NUL. */
#define DIGEST_SHA256_HEX 65

struct digest_sha256 {
	uint32_t h[8];
	uint64_t bytes; /* message length so far */
	unsigned char block[64];
	size_t used; /* bytes waiting in block */
};

void digest_sha256_init(struct digest_sha256 *s);
void digest_sha256_update(struct digest_sha256 *s, const void *data,
			  size_t len);
/* Write the digest; s must be initialised again before reuse. */
void digest_sha256_final(struct digest_sha256 *s,
			 unsigned char out[DIGEST_SHA256_LEN]);

/* SHA-256 of one buffer. */
void digest_sha256(const void *data, size_t len,
		   unsigned char out[DIGEST_SHA256_LEN]);

/* HMAC-SHA-256 of data under key (any length; longer than 64 is hashed). */
void digest_hmac_sha256(const void *key, size_t key_len, const void *data,
			size_t len, unsigned char out[DIGEST_SHA256_LEN]);

/* n bytes as lower-case hex into out (2n + 1 bytes). */
void digest_hex(const unsigned char *in, size_t n, char *out);

#endif
