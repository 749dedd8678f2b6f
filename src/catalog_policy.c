/*
 * catalog_policy: policy = { ... }, the desk's limits. Every key is optional
 * and has a range (a time of day "HH:MM" for K_STR keys); the table is
 * policy_keys[] in catalog_keys.c.
 */
#include "catalog_internal.h"

void parse_policy(struct loader *ld, const config_setting_t *g)
{
	struct key_spec keys[16] = {{0}};
	const config_setting_t *f[16];

	for (size_t i = 0; i < n_policy_keys; i++) {
		const struct policy_key *pk = &policy_keys[i];
		*(int *)((char *)&ld->cat->policy + pk->offset) = pk->def;
		keys[i] = pk->spec;
	}
	if (g == NULL)
		return;
	check_group(ld, g, keys, n_policy_keys, "policy", f);
	for (size_t i = 0; i < n_policy_keys; i++) {
		const struct policy_key *pk = &policy_keys[i];
		int v;

		if (f[i] == NULL)
			continue;
		if (pk->spec.type == K_BOOL) {
			v = config_setting_get_bool(f[i]) ? 1 : 0;
		} else if (pk->spec.type == K_STR) {
			const char *t = text_of(ld, f[i], pk->spec.name);
			if (t == NULL)
				continue;
			v = parse_time(t, 0);
			if (v < 0) {
				ERR(ld, line_of(f[i]),
				    "%s must be a time of day like %s, not "
				    "'%s'",
				    pk->spec.name, pk->spec.example, t);
				continue;
			}
		} else {
			v = int_of(f[i]);
			if (v < pk->min || v > pk->max) {
				ERR(ld, line_of(f[i]),
				    "%s must be between %d and %d, not %d",
				    pk->spec.name, pk->min, pk->max, v);
				continue;
			}
		}
		if (pk->offset == offsetof(struct cat_policy, slot_minutes) &&
		    v > 0 && v < 10) {
			ERR(ld, line_of(f[i]),
			    "slot_minutes must be 0 (slots back to back) or "
			    "10 to 240, not %d",
			    v);
			continue;
		}
		*(int *)((char *)&ld->cat->policy + pk->offset) = v;
	}
}
