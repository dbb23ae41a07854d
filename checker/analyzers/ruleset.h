/* ruleset.h — rules as data: rule files (inih syntax, one [rule.id] section
 * per rule) of two generic types, read into a rule set that runs as an
 * analyzer named "rules".
 *
 *   existence     a finding for every phrase of a list found in its scope
 *                 (phrase = ..., repeatable)
 *   substitution  a finding for every `wrong -> right` pair's wrong side,
 *                 with the right side as the suggestion (swap = ...)
 *
 * Keys of a section: type (required), message (required; '%s' is the
 * matched text for existence, the replacement for substitution), category
 * (default: the id's prefix), severity (minor|major|critical, default
 * minor), enabled (true|false, default true), description (for
 * --list-rules; default: the message), scope (comma-separated: sentence
 * (default), sentence-start, sentence-end, clause-end, line,
 * paragraph-start, paragraph-end), quotes (any|inside|outside, default
 * any), ignorecase (default false), min-words (the sentence has at least N
 * words), message.SCOPE (the message of matches found in that scope),
 * good / bad (examples the test suite checks: no finding / one finding;
 * "\n" in them is a line break).
 * A phrase may end in " @scope,scope" to hold only in those scopes.
 *
 * Case: a phrase word with a capital matches only as written ("Kiev" is not
 * "kiev"); a lowercase word matches lowercase, and capitalised only as the
 * first word of a sentence (the suggestion is capitalised to match).
 *
 * A rule id is "prefix.name"; the prefix must be the rule's category or a
 * known analyzer or group. The bundled rule files (dictionaries/rules/
 * *.ini) make the "rules" analyzer of the registry; a content repository's
 * files (`rules =` in .mtcheck.ini) make a second rule set the configuration
 * carries. A rule set owns its rules and its analyzer table; it is
 * read-only once loaded, so threads may share it. */
#ifndef MTC_RULESET_H
#define MTC_RULESET_H

#include <stddef.h>

#include "analyzer.h"
#include "mtcheck.h"

typedef struct mtc_ruleset mtc_ruleset;

/* name_known (may be NULL) says whether a name outside the set is an
 * analyzer, category or group a rule id's prefix may be. */
typedef int (*mtc_name_known_fn)(const char *name);
mtc_ruleset *mtc_ruleset_new(mtc_name_known_fn name_known);
void mtc_ruleset_free(mtc_ruleset *rs);

/* Adds the rules of a rule file's text (NUL-terminated); name is the file
 * named in errors ("style/house.ini:7: ..."). On error nothing of the file
 * is kept, err names the file and line, MTC_ERR_CONFIG is returned. */
mtc_status mtc_ruleset_add_text(mtc_ruleset *rs, const char *name, const char *text,
                                mtc_error *err);
/* Reads a rule file from disk and adds its rules. */
mtc_status mtc_ruleset_add_file(mtc_ruleset *rs, const char *path, mtc_error *err);
/* Adds every embedded rule file under dictionaries/rules/. */
mtc_status mtc_ruleset_add_bundled(mtc_ruleset *rs, mtc_error *err);
/* Declares that rs will not change any more and is the one ruleset that
 * keeps its first-word look-ups in the words' memo (MTC_WM_RS_FIRST, which
 * a worker's vocabulary keeps from one article to the next): the
 * registry's bundled rules. Another ruleset (a repository's house rules)
 * looks its words up every time. */
void mtc_ruleset_memoise(mtc_ruleset *rs);

size_t mtc_ruleset_count(const mtc_ruleset *rs);
/* The rule table (mtc_ruleset_count entries). */
const mtc_rule_info *mtc_ruleset_rules(const mtc_ruleset *rs);
/* Index of a rule id, or -1. */
long mtc_ruleset_find(const mtc_ruleset *rs, const char *id);
/* 1 if name is one of the set's rule ids, categories or id prefixes. */
int mtc_ruleset_name_known(const mtc_ruleset *rs, const char *name);
/* A rule's examples: bad != 0 for the ones that must give a finding. */
size_t mtc_ruleset_n_examples(const mtc_ruleset *rs, size_t rule, int bad);
const char *mtc_ruleset_example(const mtc_ruleset *rs, size_t rule, int bad, size_t k);
/* The file a rule came from. */
const char *mtc_ruleset_source(const mtc_ruleset *rs, size_t rule);

/* The analyzer that runs the set (name "rules"; its data, the state its
 * hooks get, is the set); valid while rs lives and rules are not added. */
const mtc_analyzer *mtc_ruleset_analyzer(const mtc_ruleset *rs);

#endif
