# smsdesk — GNU make, no generator.
#
#   make            build ./smsdesk (installs missing -dev packages first)
#   make check      build everything under ASan+UBSan and run every test
#   make demo       build, then text the desk from this terminal
#   make bench      benchmarks (instruction counts, ratios to peer daemons)
#   make fuzz       libFuzzer targets, each for FUZZ_SECONDS
#   make install    PREFIX, DESTDIR, BINDIR, MANDIR, SYSCONFDIR honoured

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
SYSCONFDIR ?= /etc
UNITDIR    ?= $(PREFIX)/lib/systemd/system
DESTDIR    ?=
PKG_CONFIG ?= pkg-config
CC         ?= cc
FUZZ_CC    ?= clang
FUZZ_SECONDS ?= 60

PKGS      = libserialport sqlite3 libconfig
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lutil -lm

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
TEST_SRCS = $(wildcard tests/unit/test_*.c tests/e2e/test_*.c)
TEST_SUPPORT = $(wildcard tests/support/*.c)
FUZZ_SRCS = $(wildcard tests/fuzz/fuzz_*.c)
TOOL_SRCS = $(wildcard tests/tools/*.c)

REL = build/rel
SAN = build/san
FUZ = build/fuzz

REL_LIB_OBJS = $(LIB_SRCS:%.c=$(REL)/%.o)
SAN_LIB_OBJS = $(LIB_SRCS:%.c=$(SAN)/%.o)
SAN_SUPPORT_OBJS = $(TEST_SUPPORT:%.c=$(SAN)/%.o)
SAN_TESTS = $(TEST_SRCS:%.c=$(SAN)/%)
SAN_TOOLS = $(TOOL_SRCS:%.c=$(SAN)/%)
REL_TOOLS = $(TOOL_SRCS:%.c=$(REL)/%)
FUZZERS = $(FUZZ_SRCS:tests/fuzz/%.c=$(FUZ)/%)


.PHONY: soak tools all build check check-run demo demo-run bench fuzz fuzz-run install \
        uninstall clean deps-build deps-test format
.SECONDARY:

all:
	@scripts/deps.sh build
	@$(MAKE) --no-print-directory build

build: smsdesk

smsdesk: $(REL)/src/main.o $(REL)/libsmsdesk.a
	$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(REL)/libsmsdesk.a: $(REL_LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(REL)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(REL_CFLAGS) $(DEPFLAGS) -c $< -o $@

# ---- tests: everything under ASan+UBSan -------------------------------------

check:
	@scripts/deps.sh build test
	@$(MAKE) --no-print-directory check-run

check-run: $(SAN)/smsdesk $(SAN_TESTS) $(SAN_TOOLS)
	@SMSDESK_BIN=$(CURDIR)/$(SAN)/smsdesk SMSDESK_SRC=$(CURDIR) \
	  SMSDESK_TOOLS=$(CURDIR)/$(SAN)/tests/tools \
	  tests/run.sh $(SAN_TESTS) $(wildcard tests/e2e/test_*.sh)

$(SAN)/smsdesk: $(SAN)/src/main.o $(SAN)/libsmsdesk.a
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(SAN)/libsmsdesk.a: $(SAN_LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(SAN_TESTS): $(SAN)/%: $(SAN)/%.o $(SAN_SUPPORT_OBJS) $(SAN)/libsmsdesk.a
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS)

# Test tools (the simulated modem's controller, ...): built, never run as tests.
$(SAN_TOOLS): $(SAN)/%: $(SAN)/%.o $(SAN)/libsmsdesk.a
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(REL_TOOLS): $(REL)/%: $(REL)/%.o $(REL)/libsmsdesk.a
	$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS)

tools: $(REL_TOOLS)

$(SAN)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests $(PKG_CFLAGS) $(SAN_CFLAGS) $(DEPFLAGS) -c $< -o $@

# The crash test at length: 200 SIGKILL/restart rounds (minutes, not seconds).
soak:
	@scripts/deps.sh build test
	@$(MAKE) --no-print-directory $(SAN)/smsdesk $(SAN)/tests/e2e/test_daemon
	@KILL_ONLY=1 KILL_RUNS=$${KILL_RUNS:-200} SMSDESK_BIN=$(CURDIR)/$(SAN)/smsdesk \
	  SMSDESK_SRC=$(CURDIR) $(SAN)/tests/e2e/test_daemon

# ---- demo, bench, fuzz ------------------------------------------------------

demo:
	@scripts/deps.sh build
	@$(MAKE) --no-print-directory demo-run

demo-run: smsdesk
	./smsdesk demo -c conf/smsdesk.cfg $(DEMO_ARGS)

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

install: smsdesk
	install -d $(DESTDIR)$(BINDIR)
	install -m 0755 smsdesk $(DESTDIR)$(BINDIR)/smsdesk
	install -d $(DESTDIR)$(SYSCONFDIR)/smsdesk
	@if [ -e $(DESTDIR)$(SYSCONFDIR)/smsdesk/smsdesk.cfg ]; then \
	  echo "keeping existing $(DESTDIR)$(SYSCONFDIR)/smsdesk/smsdesk.cfg"; \
	  install -m 0640 conf/smsdesk.cfg $(DESTDIR)$(SYSCONFDIR)/smsdesk/smsdesk.cfg.example; \
	else install -m 0640 conf/smsdesk.cfg $(DESTDIR)$(SYSCONFDIR)/smsdesk/smsdesk.cfg; fi
	@if [ -f conf/smsdesk.service ]; then \
	  install -d $(DESTDIR)$(UNITDIR) && \
	  sed 's|@BINDIR@|$(BINDIR)|g; s|@SYSCONFDIR@|$(SYSCONFDIR)|g' conf/smsdesk.service \
	    > $(DESTDIR)$(UNITDIR)/smsdesk.service && \
	  chmod 0644 $(DESTDIR)$(UNITDIR)/smsdesk.service; fi
	@for page in man/*.[1-8]; do [ -f "$$page" ] || continue; \
	  sec=$${page##*.}; install -d $(DESTDIR)$(MANDIR)/man$$sec; \
	  install -m 0644 $$page $(DESTDIR)$(MANDIR)/man$$sec/; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/smsdesk $(DESTDIR)$(UNITDIR)/smsdesk.service
	rm -f $(DESTDIR)$(MANDIR)/man1/smsdesk.1 $(DESTDIR)$(MANDIR)/man5/smsdesk.cfg.5

format:
	clang-format -i src/*.c src/cmd/*.c include/smsdesk/*.h tests/*/*.c tests/*.h

clean:
	rm -rf build smsdesk

-include $(shell find build -name '*.d' 2>/dev/null)
