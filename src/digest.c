/*
 * digest: SHA-256 and HMAC-SHA-256 through libcrypto. See digest.h.
 */
#include "smsdesk/digest.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
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

/*
 * The HMAC algorithm and a context keyed with the last key, kept for the
 * process: EVP_Q_mac fetched the algorithm and set the key up on every
 * call, about 15% of an answered inquiry's instructions (every reply checks
 * the forgotten-opt-out hashes). The daemon is one thread; a dup of the
 * keyed context costs a copy. Reachable until exit, so not a leak.
 */
static EVP_MAC *hmac_alg;
static EVP_MAC_CTX *hmac_keyed;
static unsigned char hmac_key[128];
static size_t hmac_key_len;

static EVP_MAC_CTX *hmac_ctx_for(const void *key, size_t key_len)
{
	static const unsigned char none[1];
	char digest[] = "SHA256";
	OSSL_PARAM params[2];

	if (hmac_keyed && key_len == hmac_key_len &&
	    memcmp(key, hmac_key, key_len) == 0)
		return EVP_MAC_CTX_dup(hmac_keyed);
	if (!hmac_alg)
		hmac_alg = EVP_MAC_fetch(NULL, "HMAC", NULL);
	if (!hmac_alg)
		return NULL;
	EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(hmac_alg);
	params[0] =
	    OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0);
	params[1] = OSSL_PARAM_construct_end();
	/* EVP_MAC_init wants a key pointer even for an empty key. */
	if (!ctx ||
	    EVP_MAC_init(ctx, key_len > 0 ? key : none, key_len, params) != 1) {
		EVP_MAC_CTX_free(ctx);
		return NULL;
	}
	if (key_len > sizeof(hmac_key))
		return ctx; /* too long to remember: used once */
	EVP_MAC_CTX_free(hmac_keyed);
	hmac_keyed = ctx;
	memcpy(hmac_key, key, key_len);
	hmac_key_len = key_len;
	return EVP_MAC_CTX_dup(hmac_keyed);
}

int digest_hmac_sha256(const void *key, size_t key_len, const void *data,
		       size_t len, unsigned char out[DIGEST_SHA256_LEN])
{
	EVP_MAC_CTX *ctx = hmac_ctx_for(key, key_len);
	size_t n = 0;
	int ok = ctx && EVP_MAC_update(ctx, data, len) == 1 &&
		 EVP_MAC_final(ctx, out, &n, DIGEST_SHA256_LEN) == 1 &&
		 n == DIGEST_SHA256_LEN;

	EVP_MAC_CTX_free(ctx);
	if (!ok) {
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
