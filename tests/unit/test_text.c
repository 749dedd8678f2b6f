/*
 * text: folding, typo distance, budgets and UTF-8 hygiene. The fold table
 * rows are what customers type; the distance rows pin the budget rule that
 * "hiarcut" finds "haircut" but "cat" never finds "cut".
 */
#include "harness.h"

#include "smsdesk/text.h"

static const struct {
	const char *in, *want;
} fold_rows[] = {
    {"Haircut!", "haircut"},
    {"HAIRCUT", "haircut"},
    {"h\xc3\xa1ircut", "haircut"},  /* háircut */
    {"ha\xcc\x81ircut", "haircut"}, /* a + combining acute */
    {"can't", "cant"},
    {"can\xe2\x80\x99t", "cant"}, /* right single quote */
    {"  beard   trim  ", "beard trim"},
    {"hair-cut, please!!", "hair cut please"},
    {"Stra\xc3\x9f"
     "e",
     "strasse"},					   /* Straße */
    {"\xc3\x86sir \xc3\x98stergaard", "aesir ostergaard"}, /* Æsir Østergaard */
    {"\xc5\x92uvre \xc5\x93uf", "oeuvre oeuf"},		   /* Œuvre œuf */
    {"\xc5\x81\xc3\xb3"
     "d\xc5\xba",
     "lodz"}, /* Łódź */
    {"\xc4\x8c"
     "esk\xc3\xbd",
     "cesky"}, /* Český */
    {"\xc3\x87"
     "A VA",
     "ca va"}, /* ÇA VA */
    {"\xce\x9a\xce\x9f\xce\xa5\xce\xa1\xce\x95\xce\x9c\xce\x91",
     "\xce\xba\xce\xbf\xcf\x85\xcf\x81\xce\xb5\xce\xbc\xce\xb1"}, /* ΚΟΥΡΕΜΑ */
    {"\xd0\xa1\xd0\xa2\xd0\xa0\xd0\x98\xd0\x96\xd0\x9a\xd0\x90",
     "\xd1\x81\xd1\x82\xd1\x80\xd0\xb8\xd0\xb6\xd0\xba\xd0\xb0"}, /* СТРИЖКА */
    {"\xd0\x81\xd0\xb6", "\xd0\xb5\xd0\xb6"}, /* Ёж → еж */
    {"\xe7\x90\x86\xe5\x8f\x91", "\xe7\x90\x86\xe5\x8f\x91"}, /* 理发 kept */
    {"cut \xf0\x9f\x92\x88\xe2\x9c\x82\xef\xb8\x8f please",
     "cut please"}, /* 💈✂️ */
    {"10am \xc2\xa3"
     "18",
     "10am 18"}, /* £ is a symbol */
    {"caf\xc3\xa9\xff"
     "bar",
     "cafe bar"},				/* invalid byte */
    {"\xe2\x80\x9cshave\xe2\x80\x9d", "shave"}, /* “shave” */
    {"", ""},
    {"!!! ...", ""},
};

static void test_fold_table(void)
{
	for (size_t i = 0; i < sizeof(fold_rows) / sizeof(fold_rows[0]); i++) {
		char out[128];
		size_t n;

		TEST_BEGIN("fold[%zu] %s", i, fold_rows[i].want);
		n = text_fold(fold_rows[i].in, out, sizeof(out));
		CHECK_STR(out, fold_rows[i].want);
		CHECK_INT(n, strlen(fold_rows[i].want));
		TEST_END();
	}
}

static void test_fold_small_buffer(void)
{
	char out[6];
	char tiny[1] = {'x'};

	/* "ß" folds to two bytes; never half of an expansion or sequence. */
	CHECK_INT(text_fold("abcd\xc3\x9f", out, sizeof(out)), 4);
	CHECK_STR(out, "abcd");
	CHECK_INT(text_fold("ab\xd0\x96\xd0\x96", out, sizeof(out)), 4);
	CHECK_STR(out, "ab\xd0\xb6");
	CHECK_INT(text_fold("abc", tiny, 1), 0);
	CHECK_INT(tiny[0], '\0');
	CHECK_INT(text_fold("abc", tiny, 0), 0);
}

static const struct {
	const char *a, *b;
	int max, want;
} dist_rows[] = {
    {"haircut", "haircut", 2, 0},
    {"hiarcut", "haircut", 1, 1},  /* swap */
    {"haircutt", "haircut", 2, 1}, /* insert */
    {"harcut", "haircut", 1, 1},   /* delete */
    {"haorcut", "haircut", 1, 1},  /* substitute */
    {"cat", "cut", 0, 1},	   /* over budget: max + 1 */
    {"cat", "cut", 3, 1},
    {"abc", "cab", 3, 2},
    {"shave", "haircut", 2, 3}, /* stops early at max + 1 */
    {"a", "abcdef", 2, 3},	/* length gap alone decides */
    {"", "abc", 5, 3},
    {"", "", 0, 0},
    {"caf\xc3\xa9", "cafe", 2, 1}, /* one code point, not two bytes */
    {"\xd1\x81\xd1\x82\xd1\x80\xd0\xb8\xd0\xb6\xd0\xba\xd0\xb0",
     "\xd1\x81\xd1\x82\xd1\x80\xd0\xb8\xd0\xb6\xd0\xba\xd0\xb8", 2, 1},
    {"beard trim", "beard trin", 2, 1},
};

static void test_distance_table(void)
{
	for (size_t i = 0; i < sizeof(dist_rows) / sizeof(dist_rows[0]); i++) {
		TEST_BEGIN("distance %s/%s", dist_rows[i].a, dist_rows[i].b);
		CHECK_INT(text_distance(dist_rows[i].a, dist_rows[i].b,
					dist_rows[i].max),
			  dist_rows[i].want);
		CHECK_INT(text_distance(dist_rows[i].b, dist_rows[i].a,
					dist_rows[i].max),
			  dist_rows[i].want);
		TEST_END();
	}
}

static void test_distance_long_words(void)
{
	char a[300], b[300];

	memset(a, 'a', 299);
	a[299] = '\0';
	memcpy(b, a, 300);
	CHECK_INT(text_distance(a, b, 2), 0);
	b[150] = 'b';
	CHECK_INT(text_distance(a, b, 2), 3); /* too long to measure: max+1 */
	CHECK_INT(text_distance("abc", "abd", -5), 1);
}

static void test_budget(void)
{
	CHECK_INT(text_typo_budget(0), 0);
	CHECK_INT(text_typo_budget(3), 0);
	CHECK_INT(text_typo_budget(4), 1);
	CHECK_INT(text_typo_budget(7), 1);
	CHECK_INT(text_typo_budget(8), 2);
	CHECK_INT(text_typo_budget(40), 2);
	/* The rule the desk relies on, spelled out. */
	CHECK(text_distance("cat", "cut", text_typo_budget(3)) > 0);
	CHECK(text_distance("hiarcut", "haircut", text_typo_budget(7)) <= 1);
	CHECK(text_distance("haircutt", "haircut", text_typo_budget(8)) <= 2);
}

static void test_codepoints(void)
{
	CHECK_INT(text_codepoints(""), 0);
	CHECK_INT(text_codepoints("abc"), 3);
	CHECK_INT(text_codepoints("caf\xc3\xa9"), 4);
	CHECK_INT(text_codepoints("\xf0\x9f\x92\x88"), 1);
	CHECK_INT(text_codepoints("a\xff\xfe"
				  "b"),
		  4);
	CHECK_INT(text_codepoints("\xe2\x82"), 2); /* truncated sequence */
}

static void test_sanitize(void)
{
	char out[64];
	static const char zero[] = {'a', '\0', 'b'};

	CHECK_INT(text_sanitize_utf8("caf\xc3\xa9", 5, out, sizeof(out)), 5);
	CHECK_STR(out, "caf\xc3\xa9");
	text_sanitize_utf8("a\xff"
			   "b",
			   3, out, sizeof(out));
	CHECK_STR(out, "a\xef\xbf\xbd"
		       "b");
	text_sanitize_utf8("\xc0\xaf", 2, out, sizeof(out)); /* overlong '/' */
	CHECK_STR(out, "\xef\xbf\xbd\xef\xbf\xbd");
	text_sanitize_utf8("\xed\xa0\x80", 3, out, sizeof(out)); /* surrogate */
	CHECK_STR(out, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	text_sanitize_utf8("\xf4\x90\x80\x80", 4, out, sizeof(out));
	CHECK_INT(text_codepoints(out), 4);
	text_sanitize_utf8(zero, 3, out, sizeof(out));
	CHECK_STR(out, "a\xef\xbf\xbd"
		       "b");
	/* Only the len bytes given are read: "abc" cut at 2. */
	CHECK_INT(text_sanitize_utf8("abc", 2, out, sizeof(out)), 2);
	CHECK_STR(out, "ab");
	/* A sequence that does not fit is left out whole. */
	CHECK_INT(text_sanitize_utf8("ab\xc3\xa9", 4, out, 4), 2);
	CHECK_STR(out, "ab");
	CHECK_INT(text_sanitize_utf8("ab", 2, out, 0), 0);
}

int main(void)
{
	test_fold_table();
	RUN(test_fold_small_buffer);
	test_distance_table();
	RUN(test_distance_long_words);
	RUN(test_budget);
	RUN(test_codepoints);
	RUN(test_sanitize);
	return h_done();
}
