/*
 * digest: SHA-256 against the examples of FIPS 180-2 appendix B ("abc",
 * the 448-bit message, a million 'a') and the empty message, lengths
 * around the padding boundary (55, 56, 64 bytes; digests from Python's
 * hashlib), data fed in odd pieces, and HMAC-SHA-256 against RFC 4231
 * test cases 1, 2 and 6 (a key longer than the block).
 */
#include "harness.h"

#include "smsdesk/digest.h"

#include <string.h>

static void hex_of(const void *data, size_t len, char *out)
{
	unsigned char d[DIGEST_SHA256_LEN];

	CHECK_INT(digest_sha256(data, len, d), 0);
	digest_hex(d, sizeof(d), out);
}

static void test_fips_examples(void)
{
	char hex[DIGEST_SHA256_HEX];
	static char million[1000000];

	hex_of("abc", 3, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223"
		       "b00361a396177a9cb410ff61f20015ad");
	hex_of("", 0, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb924"
		       "27ae41e4649b934ca495991b7852b855");
	hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	       hex);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039"
		       "a33ce45964ff2167f6ecedd419db06c1");
	memset(million, 'a', sizeof(million));
	hex_of(million, sizeof(million), hex);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
		       "f1809a48a497200e046d39ccc7112cd0");
}

static void test_padding_edges(void)
{
	char a[64], hex[DIGEST_SHA256_HEX];

	memset(a, 'a', sizeof(a));
	hex_of(a, 55, hex);
	CHECK_STR(hex, "9f4390f8d30c2dd92ec9f095b65e2b9a"
		       "e9b0a925a5258e241c9f1e910f734318");
	hex_of(a, 56, hex);
	CHECK_STR(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f"
		       "590ce20f1bde7090ef7970686ec6738a");
	hex_of(a, 64, hex);
	CHECK_STR(hex, "ffe054fe7ae0cb6dc65c3af9b61d5209"
		       "f439851db43d0ba5997337df154668eb");
}

static void test_hmac_rfc4231(void)
{
	unsigned char key[131], d[DIGEST_SHA256_LEN];
	char hex[DIGEST_SHA256_HEX];
	const char *data;

	memset(key, 0x0b, 20);
	CHECK_INT(digest_hmac_sha256(key, 20, "Hi There", 8, d), 0);
	digest_hex(d, sizeof(d), hex);
	CHECK_STR(hex, "b0344c61d8db38535ca8afceaf0bf12b"
		       "881dc200c9833da726e9376c2e32cff7");
	data = "what do ya want for nothing?";
	CHECK_INT(digest_hmac_sha256("Jefe", 4, data, strlen(data), d), 0);
	digest_hex(d, sizeof(d), hex);
	CHECK_STR(hex, "5bdcc146bf60754e6a042426089575c7"
		       "5a003f089d2739839dec58b964ec3843");
	memset(key, 0xaa, sizeof(key));
	data = "Test Using Larger Than Block-Size Key - Hash Key First";
	CHECK_INT(digest_hmac_sha256(key, sizeof(key), data, strlen(data), d),
		  0);
	digest_hex(d, sizeof(d), hex);
	CHECK_STR(hex, "60e431591ee0b67f0d8a26aacbf5b77f"
		       "8e0bc6213728c5140546040f0ee37f54");
}

/*
 * The keyed context is kept between calls: the same key again, another
 * key, then the first once more must each give the RFC 4231 answers (a
 * stale context would give the other key's MAC).
 */
static void test_hmac_key_kept_and_changed(void)
{
	static const char *const want_hi = "b0344c61d8db38535ca8afceaf0bf12b"
					   "881dc200c9833da726e9376c2e32cff7";
	const char *jefe = "what do ya want for nothing?";
	unsigned char key[20], d[DIGEST_SHA256_LEN];
	char hex[DIGEST_SHA256_HEX];

	memset(key, 0x0b, sizeof(key));
	for (int round = 0; round < 3; round++) {
		CHECK_INT(digest_hmac_sha256(key, 20, "Hi There", 8, d), 0);
		digest_hex(d, sizeof(d), hex);
		CHECK_STR(hex, want_hi);
		CHECK_INT(digest_hmac_sha256(key, 20, "Hi There", 8, d), 0);
		digest_hex(d, sizeof(d), hex);
		CHECK_STR(hex, want_hi);
		CHECK_INT(digest_hmac_sha256("Jefe", 4, jefe, strlen(jefe), d),
			  0);
		digest_hex(d, sizeof(d), hex);
		CHECK_STR(hex, "5bdcc146bf60754e6a042426089575c7"
			       "5a003f089d2739839dec58b964ec3843");
	}
	/* A key of the same length but other bytes is another key. */
	memset(key, 0x0c, sizeof(key));
	CHECK_INT(digest_hmac_sha256(key, 20, "Hi There", 8, d), 0);
	digest_hex(d, sizeof(d), hex);
	CHECK(strcmp(hex, want_hi) != 0);
}

int main(void)
{
	RUN(test_fips_examples);
	RUN(test_padding_edges);
	RUN(test_hmac_rfc4231);
	RUN(test_hmac_key_kept_and_changed);
	return h_done();
}
