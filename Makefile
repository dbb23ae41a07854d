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
	wamerican-huge wbritish-huge scowl iso-codes link-grammar-dictionaries-en \
	libicu-dev libinih-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libgumbo-dev parallel time \
	wordnet-base espeak-ng scowl unicode-data codespell \
	clang-14 libclang-rt-14-dev valgrind chromium

# pkg-config modules linked into libmtcheck.
PKGS = hunspell libutf8proc uchardet icu-uc icu-i18n inih libcmark-gfm gumbo json-c
# pkg-config modules only the tests link (json-c parses reports back).
TEST_PKGS = criterion json-c

WARN    = -Wall -Wextra -pedantic -Wstrict-prototypes -Werror=implicit-function-declaration
STD     = -std=c11 -D_POSIX_C_SOURCE=200809L
OPT     ?= -O2 -g
# pkg-config runs when a recipe first needs the flags (after `deps` has installed the
# packages on a fresh machine), not when this file is read; once per make.
pkg_config = $(if $(shell pkg-config --exists $(2) && echo ok),$(shell pkg-config $(1) $(2)),$(error \
  pkg-config does not find every one of: $(2) (run `make deps`, or `make demo`, which runs it first)))
PKG_CFLAGS = $(eval PKG_CFLAGS := $(call pkg_config,--cflags,$(PKGS)))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $(call pkg_config,--libs,$(PKGS)))$(PKG_LIBS)
TEST_CFLAGS = $(eval TEST_CFLAGS := $(call pkg_config,--cflags,$(TEST_PKGS)))$(TEST_CFLAGS)
TEST_LIBS   = $(eval TEST_LIBS := $(call pkg_config,--libs,$(TEST_PKGS)))$(TEST_LIBS)
# `make demo` and `make test` install the missing packages first: with either goal every
# build step waits for `deps` (an order-only prerequisite, so `make -j2` cannot compile
# before the headers exist, and `deps` runs once even for `make -j2 demo test`).
FIRST := $(if $(filter demo test,$(MAKECMDGOALS)),deps)
DATADIR_DEFINE = -DMTC_INSTALL_DICTDIR='"$(PREFIX)/share/mtcheck/dictionaries"'
ALL_CFLAGS = $(STD) $(OPT) $(WARN) $(PKG_CFLAGS) $(DATADIR_DEFINE) -Ichecker $(foreach d,$(SRC_DIRS),-Ichecker/$(d)) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm -lpthread $(LDLIBS)

# The library's families, one folder each (checker/README.md draws the flow).
SRC_DIRS  := core input analyzers report config source app
LIB_SRCS  := $(sort $(foreach d,$(SRC_DIRS),$(wildcard checker/$(d)/*.c)))
LIB_OBJS  := $(LIB_SRCS:checker/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/embedded.o $(BUILD)/obj/suggest_blob.o
TEST_SRCS := $(sort $(wildcard tests/test_*.c)) tests/testutil.c tests/clitest.c
TEST_OBJS := $(TEST_SRCS:tests/%.c=$(BUILD)/obj/tests/%.o)
HEADERS   := $(wildcard checker/*.h $(foreach d,$(SRC_DIRS),checker/$(d)/*.h) tests/*.h)
DATA_FILES := $(sort $(wildcard dictionaries/*.txt dictionaries/*.tsv dictionaries/rules/*.ini reports/*.html reports/*.css reports/*.js))
# Data generated at build time, embedded as NAME=PATH (rules that make PATH go below).
GEN_DATA := dictionaries/grammar-lexicon.tsv=$(BUILD)/gen/grammar-lexicon.tsv \
	dictionaries/news-words-sorted.txt=$(BUILD)/gen/news-words-sorted.txt \
	dictionaries/han-readings.tsv=$(BUILD)/gen/han-readings.tsv
LINK_GRAMMAR_EN ?= /usr/share/link-grammar/en
WORDNET_DIR ?= /usr/share/wordnet
SCOWL_DIR ?= /usr/share/dict/scowl
WORDLIST_EN ?= /usr/share/dict/american-english-huge
UNIHAN_READINGS ?= /usr/share/unicode/Unihan_Readings.txt.bz2

.PHONY: all test demo deps install uninstall clean format asan ubsan leakcheck bench-accuracy bench-speed bench-peers bench-peer-cases bench-lt-cases bench-smoke \
	valgrind fuzz fuzz-build bench-huge

all: $(BUILD)/mtcheck

$(BUILD)/obj/%.o: checker/%.c $(HEADERS) | $(FIRST)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/gen/embed: checker/gen/embed.c | $(FIRST)
	@mkdir -p $(dir $@)
	$(CC) $(STD) -O1 $(WARN) $< -o $@

$(BUILD)/gen/embedded.c: $(BUILD)/gen/embed $(DATA_FILES) $(foreach g,$(GEN_DATA),$(lastword $(subst =, ,$(g))))
	$(BUILD)/gen/embed $@ $(DATA_FILES) $(GEN_DATA)

$(BUILD)/obj/embedded.o: $(BUILD)/gen/embedded.c | $(FIRST)
	@mkdir -p $(dir $@)
	$(CC) $(STD) $(OPT) -c $< -o $@

# The suggestion engine's index (checker/analyzers/suggest.c): the SCOWL word lists
# (package scowl) with their commonness levels, indexed by deletion keys at build time
# and linked in as read-only data (.incbin): nothing to load at start-up.
$(BUILD)/gen/suggest-words.txt: dictionaries/gen-suggest-words.py dictionaries/common-words.txt | $(FIRST)
	@mkdir -p $(dir $@)
	python3 dictionaries/gen-suggest-words.py $(SCOWL_DIR) $@ dictionaries/common-words.txt

$(BUILD)/gen/suggest_index: checker/gen/suggest_index.c checker/analyzers/suggest_keys.h | $(FIRST)
	@mkdir -p $(dir $@)
	$(CC) $(STD) -O2 $(WARN) $< -o $@

$(BUILD)/gen/suggest-index.bin: $(BUILD)/gen/suggest_index $(BUILD)/gen/suggest-words.txt
	$(BUILD)/gen/suggest_index $(BUILD)/gen/suggest-words.txt $@

$(BUILD)/obj/suggest_blob.o: checker/gen/suggest_blob.S $(BUILD)/gen/suggest-index.bin
	@mkdir -p $(dir $@)
	$(CC) -DMTC_SUGGEST_BLOB='"$(BUILD)/gen/suggest-index.bin"' -c $< -o $@


# The grammar analyzer's lexicon (GEN_DATA), generated from link-grammar's English dictionary,
# WordNet's parts of speech and SCOWL's common words.
$(BUILD)/gen/grammar-lexicon.tsv: dictionaries/gen-grammar-lexicon.py | $(FIRST)
	@mkdir -p $(dir $@)
	python3 dictionaries/gen-grammar-lexicon.py $(LINK_GRAMMAR_EN) $@ $(WORDNET_DIR) $(SCOWL_DIR)

# The first sounds of grammar.article-agreement, pronounced by espeak-ng: committed as
# dictionaries/grammar-article-sounds.tsv (espeak takes minutes); regenerate after a change
# to the lexicon or the generator, and review the diff.
.PHONY: article-sounds-update
article-sounds-update: $(BUILD)/gen/grammar-lexicon.tsv
	python3 dictionaries/gen-article-sounds.py dictionaries/grammar-article-sounds.tsv $(BUILD)/gen/grammar-lexicon.tsv $(WORDLIST_EN)

# The Mandarin readings of the Han characters that have several (GEN_DATA), for
# source.name-mismatch, from Unihan (package unicode-data).
$(BUILD)/gen/han-readings.tsv: dictionaries/gen-han-readings.py | $(FIRST)
	@mkdir -p $(dir $@)
	python3 dictionaries/gen-han-readings.py $(UNIHAN_READINGS) $@

# The spelling analyzer's news words sorted for binary search (GEN_DATA): no load at start-up.
$(BUILD)/gen/news-words-sorted.txt: dictionaries/news-words.txt dictionaries/gen-sorted-words.py | $(FIRST)
	@mkdir -p $(dir $@)
	python3 dictionaries/gen-sorted-words.py dictionaries/news-words.txt $@

$(BUILD)/libmtcheck.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

# The grammar lexicon frozen (checker/analyzers/grammar_lexicon.c): the library's own
# parser, linked without the image, writes the word sets as they are in memory; the
# binaries link the image (lexicon_blob.o, outside libmtcheck.a) and parse nothing.
$(BUILD)/gen/freeze_lexicon: checker/gen/freeze_lexicon.c $(BUILD)/libmtcheck.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< $(BUILD)/libmtcheck.a -o $@ $(LDLIBS_ALL)

$(BUILD)/gen/grammar-lexicon.bin: $(BUILD)/gen/freeze_lexicon
	$(BUILD)/gen/freeze_lexicon $@

$(BUILD)/obj/lexicon_blob.o: checker/gen/lexicon_blob.S $(BUILD)/gen/grammar-lexicon.bin
	@mkdir -p $(dir $@)
	$(CC) -DMTC_LEXICON_BLOB='"$(BUILD)/gen/grammar-lexicon.bin"' -c $< -o $@

$(BUILD)/mtcheck: $(BUILD)/obj/main.o $(BUILD)/libmtcheck.a $(BUILD)/obj/lexicon_blob.o
	$(CC) $(ALL_CFLAGS) $^ -o $@ $(LDLIBS_ALL)

$(BUILD)/obj/tests/%.o: tests/%.c $(HEADERS) | $(FIRST)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -Itests -c $< -o $@

$(BUILD)/tests/run_tests: $(TEST_OBJS) $(BUILD)/libmtcheck.a $(BUILD)/obj/lexicon_blob.o
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $^ -o $@ $(TEST_LIBS) $(LDLIBS_ALL)

# Criterion: every test in its own process; the closing "Synthesis:" line is what CI reads.
test: $(BUILD)/mtcheck $(BUILD)/tests/run_tests | $(FIRST)
	@$(MAKE) --no-print-directory cycles
	@$(MAKE) --no-print-directory bench-smoke BUILD=$(BUILD)
	MTCHECK_BIN=$(abspath $(BUILD))/mtcheck MTCHECK_ROOT=$(CURDIR) \
	  $(BUILD)/tests/run_tests --jobs 2 $(TEST_ARGS)

# Data flows one way (checker/README.md): no module of checker/ may depend, through
# includes or calls, on one that depends back on it. The checker is ../shared's
# module_cycles.py; where it is absent the check is skipped with a note.
MODULE_CYCLES ?= ../shared/tools/module_cycles.py
.PHONY: cycles
cycles:
	@if [ -f $(MODULE_CYCLES) ]; then python3 $(MODULE_CYCLES) checker; \
	else echo "cycles: $(MODULE_CYCLES) not found: module cycle check skipped"; fi

# Rewrites tests/fixtures/seed-article.expected.txt (the sample article's findings, which
# test golden/seed_article compares) after an intended change; review its diff before committing.
.PHONY: golden-update
golden-update: $(BUILD)/tests/run_tests
	MTC_GOLDEN_UPDATE=1 MTCHECK_ROOT=$(CURDIR) $(BUILD)/tests/run_tests --filter 'golden/seed_article'
	@git --no-pager diff --stat -- tests/fixtures/seed-article.expected.txt 2>/dev/null || true

# Installs what is missing, builds, checks the bundled sample article.
demo: all | deps
	@echo "== mtcheck tests/fixtures/seed-article.txt"
	@$(BUILD)/mtcheck tests/fixtures/seed-article.txt; rc=$$?; \
	  if [ $$rc -gt 1 ]; then exit $$rc; fi; \
	  echo "== exit status $$rc (1 = the article fails the default gate: an issue of severity major or worse)"
	@mkdir -p $(BUILD)/report
	@$(BUILD)/mtcheck --format html -o $(BUILD)/report/seed-article.html tests/fixtures/seed-article.txt; \
	  [ $$? -le 1 ] && echo "== HTML review report: $(CURDIR)/$(BUILD)/report/seed-article.html"

# A PNG of the sample article's HTML review report (headless Chromium), shown in README.md.
.PHONY: screenshot
screenshot: $(BUILD)/mtcheck
	@mkdir -p $(BUILD)/report
	$(BUILD)/mtcheck --format html -o $(BUILD)/report/seed-article.html tests/fixtures/seed-article.txt || [ $$? -eq 1 ]
	@command -v chromium >/dev/null || { echo "screenshot: chromium not found (make deps installs it)"; exit 2; }
	@profile=$$(mktemp -d); \
	  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir=$$profile --hide-scrollbars \
	    --window-size=1400,1500 --screenshot=$(CURDIR)/reports/screenshot.png \
	    file://$(CURDIR)/$(BUILD)/report/seed-article.html 2>/dev/null; \
	  rc=$$?; rm -rf $$profile; [ $$rc -eq 0 ] && echo "== reports/screenshot.png"; exit $$rc

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 $$missing; \
	else echo "All Debian packages present."; fi

# The man page's RULES section, between its BEGIN RULES and END RULES lines, is the
# binary's --list-rules as roff; `make man-update` rewrites it in place after a rule
# changes (test manpage/rule_list_matches_binary fails until then).
.PHONY: man-update
man-update: $(BUILD)/mtcheck
	$(BUILD)/mtcheck --list-rules | awk '{ d = $$0; sub(/^[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +/, "", d); \
	  gsub(/\\/, "\\e", d); print ".TP"; print ".B " $$1; \
	  print "\\&" $$2 ", " $$3 ", " ($$4 == "on" ? "on" : "off") " by default. " d }' > mtcheck.1.rules
	awk -v f=mtcheck.1.rules '/^\.\\" BEGIN RULES/ { print; while ((getline l < f) > 0) print l; skip = 1; next } \
	  /^\.\\" END RULES/ { skip = 0 } !skip { print }' mtcheck.1 > mtcheck.1.tmp
	rm -f mtcheck.1.rules; mv mtcheck.1.tmp mtcheck.1
	@git --no-pager diff --stat -- mtcheck.1 2>/dev/null || true

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/mtcheck/dictionaries
	install -m 0755 $(BUILD)/mtcheck $(DESTDIR)$(PREFIX)/bin/mtcheck
	cp -R dictionaries/. $(DESTDIR)$(PREFIX)/share/mtcheck/dictionaries/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0644 mtcheck.1 $(DESTDIR)$(PREFIX)/share/man/man1/mtcheck.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/mtcheck
	rm -rf $(DESTDIR)$(PREFIX)/share/mtcheck
	rm -f $(DESTDIR)$(PREFIX)/share/man/man1/mtcheck.1

SCORE ?= $(BENCH_DIR)/../score.py

bench-accuracy: $(BUILD)/mtcheck
	@if [ ! -f "$(BENCH_DIR)/gold.jsonl" ] || [ ! -f "$(SCORE)" ]; then \
	  echo "bench-accuracy: no benchmark data at BENCH_DIR=$(BENCH_DIR) (or no scorer at SCORE=$(SCORE))"; \
	  echo "  set BENCH_DIR to the folder holding gold.jsonl, mt/ and clean/ (e.g. make bench-accuracy BENCH_DIR=/path/to/bench/dev)"; \
	  exit 2; fi
	@mkdir -p $(BUILD)/bench
	$(BUILD)/mtcheck --format json --fail-on none -o $(BUILD)/bench/flags.json $(BENCH_DIR)/mt $(BENCH_DIR)/clean
	python3 $(SCORE) $(BENCH_DIR) $(BUILD)/bench/flags.json | tee $(BUILD)/bench/score.txt
	@# the same with the sources (--source-list built from gold.jsonl): the source.* checks
	python3 tests/bench/source_list.py $(BENCH_DIR) $(BUILD)/bench/sources.tsv
	$(BUILD)/mtcheck --format json --fail-on none -o $(BUILD)/bench/flags-source.json \
	  --source-list $(BUILD)/bench/sources.tsv $(BENCH_DIR)/mt $(BENCH_DIR)/clean 2>/dev/null
	python3 $(SCORE) $(BENCH_DIR) $(BUILD)/bench/flags-source.json > $(BUILD)/bench/score-source.txt
	@echo "--- with the sources (--source-list): source.* rules, Accuracy/Mistranslation recall, system Pearson"
	@grep -E '^  source\.' $(BUILD)/bench/score-source.txt || echo "  (no source.* flags)"
	@printf 'without the source: '; grep -E 'recall\[Accuracy/Mistranslation\]' $(BUILD)/bench/score.txt
	@printf 'with the source:    '; grep -E 'recall\[Accuracy/Mistranslation\]' $(BUILD)/bench/score-source.txt
	@printf 'without the source: '; grep -E 'system_pearson' $(BUILD)/bench/score.txt
	@printf 'with the source:    '; grep -E 'system_pearson' $(BUILD)/bench/score-source.txt
	@printf 'with the source:    '; grep -E 'no_error_segments_flagged|word_lift' $(BUILD)/bench/score-source.txt | tr '\n' ' '; echo
	@# the acceptance of issue 17 reads the source.* flags alone: their word-level precision and lift
	python3 tests/bench/source_score.py $(SCORE) $(BENCH_DIR) $(BUILD)/bench/flags-source.json | tee $(BUILD)/bench/score-source-rules.txt

# The two formerly quadratic inputs (tests/bench/quadratic.py): 40,000 names, 100,000 brackets as SARIF.
.PHONY: bench-quadratic
bench-quadratic: $(BUILD)/mtcheck
	python3 tests/bench/quadratic.py --mtcheck $(BUILD)/mtcheck --work $(BUILD)/bench-quadratic $(BENCH_ARGS)

# Suggestion quality against hunspell's own first suggestion (tests/heldout/suggest).
.PHONY: bench-suggest
bench-suggest: $(BUILD)/mtcheck
	python3 tests/bench/suggest_quality.py --mtcheck $(BUILD)/mtcheck tests/heldout/suggest/*.tsv

# Harper's own unit-test sentences for the kinds mtcheck claims (agreement,
# a/an, doubled words, spelling, quotes, spacing): a held-out check. Needs a
# git checkout of github.com/Automattic/harper in HARPER_DIR.
PEER_LINTERS = an_a repeated_words pronoun_verb_agreement there_is_agreement one_of_the_singular \
  inflected_verb_after_to adjective_double_degree mass_nouns/mass_plurals unclosed_quotes double_modal \
  spell_check missing_space i_am_agreement quote_spacing determiner_without_noun
bench-peer-cases: $(BUILD)/mtcheck
	@[ -d "$(HARPER_DIR)/.git" ] || [ -f "$(HARPER_DIR)/HEAD" ] || { echo "bench-peer-cases: set HARPER_DIR to a git checkout of github.com/Automattic/harper"; exit 2; }
	python3 tests/bench/peer_cases.py $(HARPER_DIR) $(BUILD)/mtcheck $(addprefix harper-core/src/linting/,$(addsuffix .rs,$(PEER_LINTERS)))
	python3 tests/bench/peer_cases.py --files $(HARPER_DIR) $(BUILD)/mtcheck

# LanguageTool's own English test sentences for the kinds mtcheck claims
# (tests/bench/lt_cases.py; its MAPPING table says which LanguageTool rule
# counts in which mtcheck family): the <example> sentences of grammar.xml
# (style.xml where the release has one) and the sentences of the a/an and
# word-repeat Java tests, each as its own article, one mtcheck run. Per
# family: positives found on LanguageTool's marker, false alarms on its
# correct sentences. A held-out check, never tuned on. Run twice: each
# sentence alone (as bench-peer-cases gives Harper's sentences) and after a
# neutral lead paragraph (always body text). LT_DIR: a git directory of
# github.com/languagetool-org/languagetool or a fork of it; LT_ARGS=-v lists
# the misses and false alarms, --by-rule the figures per LanguageTool rule.
bench-lt-cases: $(BUILD)/mtcheck
	@[ -d "$(LT_DIR)/.git" ] || [ -f "$(LT_DIR)/HEAD" ] || { echo "bench-lt-cases: set LT_DIR to a git directory of github.com/languagetool-org/languagetool"; exit 2; }
	python3 tests/bench/lt_cases.py $(LT_ARGS) $(LT_DIR) $(BUILD)/mtcheck
	python3 tests/bench/lt_cases.py --lead $(LT_ARGS) $(LT_DIR) $(BUILD)/mtcheck

# Peak memory of one big article (64 MB; BENCH_ARGS="--mb 16" to shrink) in every
# --format: issue 15's target is at most 8x the input.
.PHONY: bench-memory
bench-memory: $(BUILD)/mtcheck
	python3 tests/bench/memory.py --bench-dir $(BENCH_DIR) --mtcheck $(BUILD)/mtcheck --work $(BUILD)/bench-memory \
	  --json $(BUILD)/bench-memory.json $(BENCH_ARGS)

bench-speed: $(BUILD)/mtcheck
	python3 tests/bench/speed.py --bench-dir $(BENCH_DIR) --mtcheck $(BUILD)/mtcheck --work $(BUILD)/bench-speed \
	  --json $(BUILD)/bench-speed.json $(BENCH_ARGS)

# harper.js (the Harper grammar checker's WebAssembly build) from the npm registry.
HARPER_VERSION ?= 2.10.0
$(BUILD)/peers/node_modules/harper.js/package.json:
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "bench-peers needs node and npm (apt-get install nodejs npm)"; exit 2; }
	@mkdir -p $(BUILD)/peers
	[ -f $(BUILD)/peers/package.json ] || echo '{"private": true, "type": "module"}' > $(BUILD)/peers/package.json
	cd $(BUILD)/peers && npm install --no-audit --no-fund --silent harper.js@$(HARPER_VERSION)

bench-peers: $(BUILD)/mtcheck $(BUILD)/peers/node_modules/harper.js/package.json
	python3 tests/bench/speed.py --bench-dir $(BENCH_DIR) --mtcheck $(BUILD)/mtcheck --work $(BUILD)/bench-speed \
	  --peers --peers-dir $(BUILD)/peers --json $(BUILD)/bench-peers.json $(BENCH_ARGS)

# Smoke versions of the benchmarks on tiny input, run by `make test` so they never rot.
# No network: the peers smoke runs only when `make bench-peers` has installed harper.js.
bench-smoke: $(BUILD)/mtcheck
	@if [ -f "$(BENCH_DIR)/gold.jsonl" ] && [ -f "$(SCORE)" ]; then \
	  $(MAKE) --no-print-directory bench-accuracy BENCH_DIR=tests/fixtures/bench-smoke/dev SCORE=$(SCORE) BUILD=$(BUILD) > $(BUILD)/bench-smoke-accuracy.log || { cat $(BUILD)/bench-smoke-accuracy.log; exit 1; }; \
	  grep -q 'mt.word_lift' $(BUILD)/bench-smoke-accuracy.log; \
	  echo "bench-smoke: accuracy ok"; \
	else echo "bench-smoke: scorer not found at $(SCORE): accuracy smoke skipped"; fi
	@python3 tests/bench/speed.py --smoke --bench-dir tests/fixtures/bench-smoke/dev --mtcheck $(BUILD)/mtcheck \
	  --make-archive $(BENCH_DIR)/../make_archive.py --work $(BUILD)/bench-smoke > $(BUILD)/bench-smoke-speed.log || { cat $(BUILD)/bench-smoke-speed.log; exit 1; }
	@echo "bench-smoke: speed ok"
	@if [ -f $(BUILD)/peers/node_modules/harper.js/package.json ] && command -v node >/dev/null; then \
	  python3 tests/bench/speed.py --smoke --peers --peers-dir $(BUILD)/peers --bench-dir tests/fixtures/bench-smoke/dev \
	    --mtcheck $(BUILD)/mtcheck --work $(BUILD)/bench-smoke > $(BUILD)/bench-smoke-peers.log 2>&1 \
	    || { cat $(BUILD)/bench-smoke-peers.log; exit 1; }; \
	  echo "bench-smoke: peers ok"; \
	else echo "bench-smoke: harper.js is not installed (make bench-peers downloads it from the npm registry): peers smoke skipped"; fi

# The whole suite (unit tests, and the command-line tests running build/asan/mtcheck)
# under AddressSanitizer + UBSan: any UB aborts, and a leak makes the binary exit 86,
# which fails the command-line test that ran it.
# (Not ASan's default 1: a leak must not pass for exit status 1, "failed the gate".)
# Criterion's own runner leaks 48 bytes at exit: suppressed (build/asan/lsan.supp).
asan:
	@mkdir -p build/asan && printf 'leak:libcriterion.so\n' > build/asan/lsan.supp
	ASAN_OPTIONS=detect_leaks=1:exitcode=86:strict_string_checks=1:detect_stack_use_after_return=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/build/asan/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87 \
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
	  LDLIBS="-fsanitize=address,undefined" test

ubsan:
	$(MAKE) BUILD=build/ubsan OPT="-O1 -g -fsanitize=undefined -fno-sanitize-recover=undefined" \
	  LDLIBS="-fsanitize=undefined" test

leakcheck: all
	valgrind --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  $(BUILD)/mtcheck --format json --fail-on none tests/fixtures/seed-article.txt > /dev/null

# ---- reliability (issue 9): valgrind, fuzzing, huge inputs ----

# The whole suite with MTCHECK_BIN pointing to a wrapper that runs mtcheck
# under valgrind memcheck, so every end-to-end test (cli, hostile, formats,
# batch, readers, html_*, ...) runs the binary under memcheck; any error or
# definite leak makes mtcheck exit 99 (failing its test) and leaves a log in
# $(BUILD)/valgrind/logs. VALGRIND_FILTER='cli/*' narrows it to a suite.
# (Suggestions come from checker/analyzers/suggest.c, bounded by its index, not by
# time: the output is the same 50 times slower, so no test is left out.)
# Use a build folder of your own (make valgrind BUILD=build/vg) while others
# rebuild build/: Criterion re-executes its own binary for every test.
VALGRIND_FILTER ?=
valgrind: $(BUILD)/mtcheck $(BUILD)/tests/run_tests
	@rm -rf $(BUILD)/valgrind && mkdir -p $(BUILD)/valgrind/logs
	@printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect --log-file=%s/%%p.log %s "$$@"\n' \
	  "$(CURDIR)/$(BUILD)/valgrind/logs" "$(CURDIR)/$(BUILD)/mtcheck" > $(BUILD)/valgrind/mtcheck && chmod +x $(BUILD)/valgrind/mtcheck
	MTCHECK_BIN=$(CURDIR)/$(BUILD)/valgrind/mtcheck MTCHECK_ROOT=$(CURDIR) MTC_UNDER_VALGRIND=1 \
	  $(BUILD)/tests/run_tests --jobs 2 $(if $(VALGRIND_FILTER),--filter '$(VALGRIND_FILTER)') $(TEST_ARGS)
	@n=$$(ls $(BUILD)/valgrind/logs | wc -l); bad=$$(find $(BUILD)/valgrind/logs -type f -size +0 | wc -l); \
	  echo "valgrind: $$n runs of mtcheck under memcheck, $$bad with errors"; \
	  if [ $$bad -ne 0 ]; then find $(BUILD)/valgrind/logs -type f -size +0 -exec cat {} +; exit 1; fi

# libFuzzer targets (tests/fuzz/fuzz_*.c) over a library built with clang in build/fuzz.
FUZZ_CC ?= clang-14
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 16384
FUZZ_BUILD = build/fuzz
FUZZ_TARGETS := $(sort $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_OPT = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined

$(BUILD)/fuzzers/%: tests/fuzz/%.c tests/fuzz/fuzz_common.h $(BUILD)/libmtcheck.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags json-c) -fsanitize=fuzzer $< $(BUILD)/libmtcheck.a -o $@ \
	  $(shell pkg-config --libs json-c) $(LDLIBS_ALL)

# tests/test_hostile.c compiles the fuzz targets in (to replay their seeds and crash inputs).
$(BUILD)/obj/tests/test_hostile.o $(BUILD)/obj/tests/test_hostile2.o $(BUILD)/obj/tests/test_hostile3.o: $(wildcard tests/fuzz/*.c tests/fuzz/*.h)

fuzz-build:
	$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) OPT="$(FUZZ_OPT)" \
	  LDLIBS="-fsanitize=address,undefined" $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzzers/%)

# Runs every target FUZZ_SECONDS seconds from the seeds (tests/fuzz/seeds) and the
# kept crash inputs (tests/fuzz/regressions); new inputs go to build/fuzz/corpus,
# a crash to build/fuzz/artifacts (copy it to tests/fuzz/regressions/).
fuzz: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/artifacts; failed=""; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  echo "== $$t: $(FUZZ_SECONDS) s"; \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
	  $(FUZZ_BUILD)/fuzzers/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=30 -rss_limit_mb=4096 \
	    -max_len=$(FUZZ_MAX_LEN) -print_final_stats=1 -artifact_prefix=$(CURDIR)/$(FUZZ_BUILD)/artifacts/$$t- \
	    $(FUZZ_BUILD)/corpus/$$t tests/fuzz/seeds tests/fuzz/regressions > $(FUZZ_BUILD)/$$t.log 2>&1 \
	    || { grep -E -A40 'ERROR|runtime error|Slowest unit' $(FUZZ_BUILD)/$$t.log | head -n 60; failed="$$failed $$t"; }; \
	  grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' $(FUZZ_BUILD)/$$t.log | tr -s ' \n' ' '; echo; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: FAILED:$$failed (logs in $(FUZZ_BUILD), inputs in $(FUZZ_BUILD)/artifacts)"; exit 1; fi; \
	echo "fuzz: every target ran $(FUZZ_SECONDS) s without a finding"

# The slow huge inputs (a 1 GB file, a 50 MB line, ...): the suite `huge` of
# tests/test_hostile.c, skipped unless MTC_HUGE=1.
bench-huge: $(BUILD)/mtcheck $(BUILD)/tests/run_tests
	MTC_HUGE=1 MTCHECK_BIN=$(abspath $(BUILD))/mtcheck MTCHECK_ROOT=$(CURDIR) \
	  $(BUILD)/tests/run_tests --jobs 1 --filter 'huge/*' $(TEST_ARGS)

format:
	clang-format -i checker/*.c checker/*.h checker/*/*.c checker/*/*.h tests/*.c tests/*.h

clean:
	rm -rf $(BUILD)
