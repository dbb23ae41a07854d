# mtcheck — build, test, install, benchmarks.
# `make demo` and `make test` are the two commands a fresh Debian machine needs.

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
BENCH_DIR ?= ../shared/bench/dev

# Debian packages the project needs (make deps installs the missing ones).
DEB_PACKAGES = build-essential pkg-config python3 \
	libhunspell-dev hunspell-en-us hunspell-en-gb hunspell \
	libcriterion-dev libutf8proc-dev libuchardet-dev libjson-c-dev \
	wamerican-huge wbritish-huge iso-codes link-grammar-dictionaries-en \
	libicu-dev

# pkg-config modules linked into libmtcheck.
PKGS = hunspell libutf8proc uchardet icu-uc
# pkg-config modules only the tests link (json-c parses reports back).
TEST_PKGS = criterion json-c

WARN    = -Wall -Wextra -pedantic -Wstrict-prototypes -Werror=implicit-function-declaration
STD     = -std=c11 -D_POSIX_C_SOURCE=200809L
OPT     ?= -O2 -g
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
DATADIR_DEFINE = -DMTC_INSTALL_DICTDIR='"$(PREFIX)/share/mtcheck/dictionaries"'
ALL_CFLAGS = $(STD) $(OPT) $(WARN) $(PKG_CFLAGS) $(DATADIR_DEFINE) -Ichecker $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm -lpthread $(LDLIBS)

LIB_SRCS  := $(sort $(filter-out checker/main.c,$(wildcard checker/*.c)))
LIB_OBJS  := $(LIB_SRCS:checker/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/embedded.o
TEST_SRCS := $(sort $(wildcard tests/test_*.c)) tests/testutil.c tests/clitest.c
TEST_OBJS := $(TEST_SRCS:tests/%.c=$(BUILD)/obj/tests/%.o)
HEADERS   := $(wildcard checker/*.h tests/*.h)
DATA_FILES := $(sort $(wildcard dictionaries/*.txt dictionaries/*.tsv reports/*.html reports/*.css reports/*.js))
# Data generated at build time, embedded as NAME=PATH (rules that make PATH go below).
GEN_DATA := dictionaries/grammar-lexicon.tsv=$(BUILD)/gen/grammar-lexicon.tsv
LINK_GRAMMAR_EN ?= /usr/share/link-grammar/en

.PHONY: all test demo deps install uninstall clean format asan ubsan leakcheck bench-accuracy check-deps

all: $(BUILD)/mtcheck

$(BUILD)/obj/%.o: checker/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/gen/embed: checker/gen/embed.c
	@mkdir -p $(dir $@)
	$(CC) $(STD) -O1 $(WARN) $< -o $@

$(BUILD)/gen/embedded.c: $(BUILD)/gen/embed $(DATA_FILES) $(foreach g,$(GEN_DATA),$(lastword $(subst =, ,$(g))))
	$(BUILD)/gen/embed $@ $(DATA_FILES) $(GEN_DATA)

$(BUILD)/obj/embedded.o: $(BUILD)/gen/embedded.c
	@mkdir -p $(dir $@)
	$(CC) $(STD) $(OPT) -c $< -o $@

# The grammar analyzer's lexicon (GEN_DATA), generated from link-grammar's English dictionary.
$(BUILD)/gen/grammar-lexicon.tsv: dictionaries/gen-grammar-lexicon.py
	@mkdir -p $(dir $@)
	python3 dictionaries/gen-grammar-lexicon.py $(LINK_GRAMMAR_EN) $@

$(BUILD)/libmtcheck.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/mtcheck: $(BUILD)/obj/main.o $(BUILD)/libmtcheck.a
	$(CC) $(ALL_CFLAGS) $^ -o $@ $(LDLIBS_ALL)

$(BUILD)/obj/tests/%.o: tests/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null) -Itests -c $< -o $@

$(BUILD)/tests/run_tests: $(TEST_OBJS) $(BUILD)/libmtcheck.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $^ -o $@ $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null) $(LDLIBS_ALL)

# Criterion: every test in its own process; the closing "Synthesis:" line is what CI reads.
test: $(BUILD)/mtcheck $(BUILD)/tests/run_tests
	MTCHECK_BIN=$(CURDIR)/$(BUILD)/mtcheck MTCHECK_ROOT=$(CURDIR) \
	  $(BUILD)/tests/run_tests --jobs 2 $(TEST_ARGS)

# Installs what is missing, builds, checks the bundled sample article.
demo: deps all
	@echo "== mtcheck tests/fixtures/seed-article.txt"
	@$(BUILD)/mtcheck tests/fixtures/seed-article.txt; rc=$$?; \
	  if [ $$rc -gt 1 ]; then exit $$rc; fi; \
	  echo "== exit status $$rc (1 = the article fails the default gate: an issue of severity major or worse)"

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "All Debian packages present."; fi

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/mtcheck/dictionaries
	install -m 0755 $(BUILD)/mtcheck $(DESTDIR)$(PREFIX)/bin/mtcheck
	cp -R dictionaries/. $(DESTDIR)$(PREFIX)/share/mtcheck/dictionaries/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/mtcheck
	rm -rf $(DESTDIR)$(PREFIX)/share/mtcheck

bench-accuracy: $(BUILD)/mtcheck
	@if [ ! -f "$(BENCH_DIR)/gold.jsonl" ]; then \
	  echo "bench-accuracy: no benchmark data at BENCH_DIR=$(BENCH_DIR)"; \
	  echo "  set BENCH_DIR to the folder holding gold.jsonl, mt/ and clean/ (e.g. make bench-accuracy BENCH_DIR=/path/to/bench/dev)"; \
	  exit 2; fi
	@mkdir -p $(BUILD)/bench
	$(BUILD)/mtcheck --format json --fail-on none -o $(BUILD)/bench/flags.json $(BENCH_DIR)/mt $(BENCH_DIR)/clean
	python3 $(BENCH_DIR)/../score.py $(BENCH_DIR) $(BUILD)/bench/flags.json

asan:
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
	  LDLIBS="-fsanitize=address,undefined" test

ubsan:
	$(MAKE) BUILD=build/ubsan OPT="-O1 -g -fsanitize=undefined -fno-sanitize-recover=undefined" \
	  LDLIBS="-fsanitize=undefined" test

leakcheck: all
	valgrind --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  $(BUILD)/mtcheck --format json --fail-on none tests/fixtures/seed-article.txt > /dev/null

format:
	clang-format -i checker/*.c checker/*.h tests/*.c tests/*.h 2>/dev/null || clang-format -i checker/*.c checker/*.h tests/*.c

clean:
	rm -rf $(BUILD)
