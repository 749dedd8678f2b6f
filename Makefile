# smsdesk — GNU make, no generator.
#
#   make            build ./smsdesk (installs missing -dev packages first)
#   make check      build everything under ASan+UBSan and run every test
#   make demo       build, then text the desk from this terminal
#                   (CATALOG=conf/ejemplo-es.cfg: a Spanish and English desk)
#   make bench      benchmarks (instruction counts, ratios to peer daemons)
#   make fuzz       libFuzzer targets, each for FUZZ_SECONDS
#   make install    PREFIX, DESTDIR, BINDIR, MANDIR, SYSCONFDIR honoured

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
SYSCONFDIR ?= /etc
UNITDIR    ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
# The binaries `install` copies: the tests install the ones they already built.
INSTALL_BIN ?= smsdesk
INSTALL_DEMO ?= smsdesk-demo
DESTDIR    ?=
PKG_CONFIG ?= pkg-config
CC         ?= cc
FUZZ_CC    ?= clang
FUZZ_SECONDS ?= 60

PKGS      = libserialport sqlite3 libconfig libcrypto
# Headers only: src/http_lib.c loads these two at run time (dlopen), so
# that a desk without a Kannel bearer does not carry them.
DL_PKGS   = libmicrohttpd libcurl
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) $(DL_PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lutil -lm -ldl

WARN     = -std=c11 -Wall -Wextra -Werror -Wshadow -Wpointer-arith \
           -Wmissing-prototypes -Wstrict-prototypes
CPPFLAGS += -Iinclude -D_GNU_SOURCE
DEPFLAGS = -MMD -MP
REL_CFLAGS = $(WARN) -O2 -g $(CFLAGS)
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
SAN_CFLAGS = $(WARN) -O1 -g $(SAN_FLAGS) $(CFLAGS)

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
CPPFLAGS += -DSMSDESK_VERSION='"$(VERSION)"'

LIB_SRCS  = $(filter-out src/main.c,$(wildcard src/*.c src/cmd/*.c src/lang/*.c))
# The simulated modem: an archive of its own that smsdesk never links; the
# demo program, the e2e tests and the test tools do.
SIM_SRCS  = $(wildcard src/sim/*.c)
DEMO_SRCS = src/demo/smsdesk-demo.c
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
E2E_SRCS  = $(wildcard tests/e2e/test_*.c)
TEST_SRCS = $(UNIT_SRCS) $(E2E_SRCS)
TEST_SUPPORT = $(wildcard tests/support/*.c)
FUZZ_SRCS = $(wildcard tests/fuzz/fuzz_*.c)
TOOL_SRCS = $(wildcard tests/tools/*.c)

REL = build/rel
SAN = build/san
FUZ = build/fuzz

REL_LIB_OBJS = $(LIB_SRCS:%.c=$(REL)/%.o)
SAN_LIB_OBJS = $(LIB_SRCS:%.c=$(SAN)/%.o)
REL_SIM_OBJS = $(SIM_SRCS:%.c=$(REL)/%.o)
SAN_SIM_OBJS = $(SIM_SRCS:%.c=$(SAN)/%.o)
SAN_SUPPORT_OBJS = $(TEST_SUPPORT:%.c=$(SAN)/%.o)
SAN_UNIT_TESTS = $(UNIT_SRCS:%.c=$(SAN)/%)
SAN_E2E_TESTS = $(E2E_SRCS:%.c=$(SAN)/%)
SAN_TESTS = $(SAN_UNIT_TESTS) $(SAN_E2E_TESTS)
SAN_TOOLS = $(TOOL_SRCS:%.c=$(SAN)/%)
REL_TOOLS = $(TOOL_SRCS:%.c=$(REL)/%)
FUZZERS = $(FUZZ_SRCS:tests/fuzz/%.c=$(FUZ)/%)


.PHONY: soak tools all build check check-run demo demo-run bench fuzz fuzz-run install \
        uninstall clean deps-build deps-test format
.SECONDARY:

all:
	@scripts/deps.sh build
	@$(MAKE) --no-print-directory build

build: smsdesk smsdesk-demo

smsdesk: $(REL)/src/main.o $(REL)/libsmsdesk.a
	$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS)

# `smsdesk demo` runs this program, found beside the smsdesk binary.
smsdesk-demo: $(DEMO_SRCS:%.c=$(REL)/%.o) $(REL)/libsmsdesk-sim.a $(REL)/libsmsdesk.a
	$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(REL)/libsmsdesk.a: $(REL_LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(REL)/libsmsdesk-sim.a: $(REL_SIM_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(REL)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(REL_CFLAGS) $(DEPFLAGS) -c $< -o $@

# ---- tests: everything under ASan+UBSan -------------------------------------

check:
	@scripts/deps.sh build test
	@$(MAKE) --no-print-directory check-run

check-run: $(SAN)/smsdesk $(SAN)/smsdesk-demo $(SAN_TESTS) $(SAN_TOOLS)
	@SMSDESK_BIN=$(CURDIR)/$(SAN)/smsdesk SMSDESK_SRC=$(CURDIR) \
	  SMSDESK_TOOLS=$(CURDIR)/$(SAN)/tests/tools \
	  tests/run.sh $(SAN_TESTS) $(wildcard tests/e2e/test_*.sh)

$(SAN)/smsdesk: $(SAN)/src/main.o $(SAN)/libsmsdesk.a
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(SAN)/smsdesk-demo: $(DEMO_SRCS:%.c=$(SAN)/%.o) $(SAN)/libsmsdesk-sim.a $(SAN)/libsmsdesk.a
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(SAN)/libsmsdesk.a: $(SAN_LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(SAN)/libsmsdesk-sim.a: $(SAN_SIM_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

# A unit test links its own object and, from the library archive, only the
# modules it calls (an archive member is pulled in only when referenced):
# no test rig, no simulated modem. tests/e2e/test_link.sh checks it.
$(SAN_UNIT_TESTS): $(SAN)/%: $(SAN)/%.o $(SAN)/libsmsdesk.a
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(SAN_E2E_TESTS): $(SAN)/%: $(SAN)/%.o $(SAN_SUPPORT_OBJS) $(SAN)/libsmsdesk-sim.a $(SAN)/libsmsdesk.a
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS)

# Test tools (the simulated modem's controller, ...): built, never run as tests.
$(SAN_TOOLS): $(SAN)/%: $(SAN)/%.o $(SAN)/libsmsdesk-sim.a $(SAN)/libsmsdesk.a
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(REL_TOOLS): $(REL)/%: $(REL)/%.o $(REL)/libsmsdesk-sim.a $(REL)/libsmsdesk.a
	$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS)

tools: $(REL_TOOLS)

$(SAN)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests $(PKG_CFLAGS) $(SAN_CFLAGS) $(DEPFLAGS) -c $< -o $@

# The crash test at length: 1,000 SIGKILL/restart rounds while customers
# text, staff send long texts, customers opt out and another process holds
# the database (tests/e2e/test_crash.c; SOAK_ROUNDS, SOAK_SEED). Not part
# of `make check`, which runs 15 rounds of the same test. About 20 minutes.
soak:
	@scripts/deps.sh build test
	@$(MAKE) --no-print-directory $(SAN)/smsdesk $(SAN)/tests/e2e/test_crash
	@mkdir -p /tmp/smsdesk-soak
	@TMPDIR=/tmp/smsdesk-soak SOAK=1 CRASH_ROUNDS=$${SOAK_ROUNDS:-1000} \
	  SMSDESK_BIN=$(CURDIR)/$(SAN)/smsdesk SMSDESK_SRC=$(CURDIR) \
	  $(SAN)/tests/e2e/test_crash

# ---- demo, bench, fuzz ------------------------------------------------------

demo:
	@scripts/deps.sh build
	@$(MAKE) --no-print-directory demo-run

# The catalog the demo's desk runs with: conf/smsdesk.cfg (English), or
# conf/ejemplo-es.cfg (a Spanish business that also answers in English).
CATALOG ?= conf/smsdesk.cfg

demo-run: smsdesk smsdesk-demo
	./smsdesk demo -c $(CATALOG) $(DEMO_ARGS)

bench:
	@scripts/deps.sh build test bench
	@$(MAKE) --no-print-directory smsdesk tools
	@if [ -x tests/bench/run.sh ]; then tests/bench/run.sh; \
	 else echo "make bench: not yet available"; fi

fuzz:
	@scripts/deps.sh build fuzz
	@$(MAKE) --no-print-directory fuzz-run

FUZZ_LIB_SRCS = $(filter-out src/main.c,$(wildcard src/*.c src/lang/*.c))
FUZZ_FLAGS = -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
             $(CPPFLAGS) $(PKG_CFLAGS)

$(FUZ)/%: tests/fuzz/%.c $(FUZZ_LIB_SRCS) $(wildcard include/smsdesk/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_LIB_SRCS) $(PKG_LIBS)

fuzz-run: $(FUZZERS)
	@if [ -z "$(FUZZERS)" ]; then echo "make fuzz: no fuzz targets yet"; fi
	@for f in $(FUZZERS); do \
	  name=$$(basename $$f); corpus=build/fuzz-corpus/$$name; \
	  mkdir -p $$corpus; \
	  seeds=tests/fuzz/seeds/$$name; [ -d $$seeds ] || seeds=; \
	  echo "== $$name ($(FUZZ_SECONDS)s)"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -artifact_prefix=build/fuzz/$$name- $$corpus $$seeds \
	    2>build/fuzz/$$name.log || { tail -n 40 build/fuzz/$$name.log; exit 1; }; \
	  grep -E 'stat::number_of_executed_units|Done' build/fuzz/$$name.log | tail -n 2; \
	done

# ---- install ----------------------------------------------------------------

# Installs the binary, the catalog (root:smsdesk 0640 once the tmpfiles
# file is applied), the unit, the sysusers.d and tmpfiles.d files and the man
# pages. As root without DESTDIR it also applies the sysusers.d and
# tmpfiles.d files, so that on a fresh machine `systemctl enable --now
# smsdesk` works next (README, "Running it as a service"); with DESTDIR (a
# package build) the package's scripts or the next boot do that.
install: $(INSTALL_BIN) $(INSTALL_DEMO)
	install -d $(DESTDIR)$(BINDIR)
	install -m 0755 $(INSTALL_BIN) $(DESTDIR)$(BINDIR)/smsdesk
	install -m 0755 $(INSTALL_DEMO) $(DESTDIR)$(BINDIR)/smsdesk-demo
	install -d $(DESTDIR)$(SYSCONFDIR)/smsdesk
	@if [ -e $(DESTDIR)$(SYSCONFDIR)/smsdesk/smsdesk.cfg ]; then \
	  echo "keeping existing $(DESTDIR)$(SYSCONFDIR)/smsdesk/smsdesk.cfg"; \
	  install -m 0640 conf/smsdesk.cfg $(DESTDIR)$(SYSCONFDIR)/smsdesk/smsdesk.cfg.example; \
	else install -m 0640 conf/smsdesk.cfg $(DESTDIR)$(SYSCONFDIR)/smsdesk/smsdesk.cfg; fi
	install -d $(DESTDIR)$(UNITDIR)
	sed 's|@BINDIR@|$(BINDIR)|g; s|@SYSCONFDIR@|$(SYSCONFDIR)|g' conf/smsdesk.service \
	  > $(DESTDIR)$(UNITDIR)/smsdesk.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/smsdesk.service
	install -d $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR)
	install -m 0644 conf/smsdesk.sysusers $(DESTDIR)$(SYSUSERSDIR)/smsdesk.conf
	sed 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' conf/smsdesk.tmpfiles \
	  > $(DESTDIR)$(TMPFILESDIR)/smsdesk.conf
	chmod 0644 $(DESTDIR)$(TMPFILESDIR)/smsdesk.conf
	@for page in man/*.[1-8]; do [ -f "$$page" ] || continue; \
	  sec=$${page##*.}; install -d $(DESTDIR)$(MANDIR)/man$$sec; \
	  install -m 0644 $$page $(DESTDIR)$(MANDIR)/man$$sec/; done
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && \
	    command -v systemd-sysusers >/dev/null && command -v systemd-tmpfiles >/dev/null; then \
	  echo "systemd-sysusers $(SYSUSERSDIR)/smsdesk.conf"; \
	  systemd-sysusers $(SYSUSERSDIR)/smsdesk.conf && \
	  echo "systemd-tmpfiles --create $(TMPFILESDIR)/smsdesk.conf" && \
	  systemd-tmpfiles --create $(TMPFILESDIR)/smsdesk.conf; \
	  if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi; \
	elif [ -z "$(DESTDIR)" ]; then \
	  echo "now, as root: systemd-sysusers $(SYSUSERSDIR)/smsdesk.conf &&" \
	    "systemd-tmpfiles --create $(TMPFILESDIR)/smsdesk.conf"; fi

# Leaves the catalog, the database and the smsdesk user alone: they are the
# business's, not the program's.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/smsdesk $(DESTDIR)$(BINDIR)/smsdesk-demo $(DESTDIR)$(UNITDIR)/smsdesk.service
	rm -f $(DESTDIR)$(SYSUSERSDIR)/smsdesk.conf $(DESTDIR)$(TMPFILESDIR)/smsdesk.conf
	rm -f $(DESTDIR)$(MANDIR)/man1/smsdesk.1 $(DESTDIR)$(MANDIR)/man5/smsdesk.cfg.5

format:
	clang-format -i src/*.c src/*.h src/cmd/*.c src/sim/*.[ch] src/demo/*.c \
	  include/smsdesk/*.h tests/*/*.c tests/*.h

clean:
	rm -rf build smsdesk smsdesk-demo

-include $(shell find build -name '*.d' 2>/dev/null)
