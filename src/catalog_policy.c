/*
 * catalog_policy: policy = { ... }, the desk's limits. Every key is optional
 * and has a range; the table is policy_keys[] in catalog_keys.c.
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
		} else {
			v = int_of(f[i]);
			if (v < pk->min || v > pk->max) {
				ERR(ld, line_of(f[i]),
				    "%s must be between %d and %d, not %d",
				    pk->spec.name, pk->min, pk->max, v);
				continue;
			}
		}
		*(int *)((char *)&ld->cat->policy + pk->offset) = v;
	}
}
