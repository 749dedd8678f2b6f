/*
 * digest: SHA-256 and HMAC-SHA-256 through libcrypto. See digest.h.
 */
#include "smsdesk/digest.h"

#include <openssl/evp.h>
#include <string.h>

int digest_sha256(const void *data, size_t len,
		  unsigned char out[DIGEST_SHA256_LEN])
{
	unsigned int n = 0;

	if (EVP_Digest(data, len, out, &n, EVP_sha256(), NULL) != 1 ||
	    n != DIGEST_SHA256_LEN) {
		memset(out, 0, DIGEST_SHA256_LEN);
		return -1;
	}
	return 0;
}

int digest_hmac_sha256(const void *key, size_t key_len, const void *data,
		       size_t len, unsigned char out[DIGEST_SHA256_LEN])
{
	static const unsigned char none[1];
	size_t n = 0;

	/* EVP_Q_mac wants a key pointer even for an empty key. */
	if (EVP_Q_mac(NULL, "HMAC", NULL, "SHA256", NULL,
		      key_len > 0 ? key : none, key_len, data, len, out,
		      DIGEST_SHA256_LEN, &n) == NULL ||
	    n != DIGEST_SHA256_LEN) {
		memset(out, 0, DIGEST_SHA256_LEN);
		return -1;
	}
	return 0;
}

void digest_hex(const unsigned char *in, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[in[i] >> 4];
		out[2 * i + 1] = hex[in[i] & 15];
	}
	out[2 * n] = '\0';
}
