/* test_agreement.c — the agreement analyzer (subject–verb, determiner–noun
 * number, verb form after a modal or "to", doubled auxiliaries, double
 * comparatives), the lexicon's noun number and WordNet classes it reads, its
 * suggestions, and a/an by sound from the generated pronunciation table. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "grammar_lexicon.h"
#include "testutil.h"

#define SV "grammar.subject-verb"
#define DN "grammar.determiner-number"
#define VF "grammar.verb-form"
#define DA "grammar.doubled-auxiliary"
#define DC "grammar.double-comparative"
#define AA "grammar.article-agreement"

/* The first suggestion of the only issue of rule on text. */
static void expect_suggestion(const char *rule, const char *text, const char *sug)
{
    tu_run *r = tu_check(text, rule);
    cr_assert_eq(tu_count(r, rule), 1, "%s on \"%s\"", rule, text);
    const mtc_issue *is = tu_find(r, rule, 0);
    cr_assert_geq(is->n_suggestions, 1, "no suggestion on \"%s\"", text);
    cr_expect_str_eq(is->suggestions[0], sug, "on \"%s\"", text);
    tu_free(r);
}

Test(agreement, lexicon_noun_number_and_wordnet)
{
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_grammar_lexicon *lx = mtc_grammar_lexicon_load(&err);
    cr_assert_not_null(lx, "%s", err.message);
    cr_expect(mtc_grammar_open_all(lx, "problem", 7) & MTC_LX_COUNT);
    cr_expect(mtc_grammar_open_all(lx, "problems", 8) & MTC_LX_PLURAL);
    cr_expect(mtc_grammar_open_all(lx, "information", 11) & MTC_LX_MASS);
    cr_expect(mtc_grammar_open_all(lx, "further", 7) & MTC_LX_WN_ADV);
    cr_expect(mtc_grammar_open_all(lx, "went", 4) & MTC_LX_IRREG_VERB);
    cr_expect(mtc_grammar_open_all(lx, "easier", 6) & MTC_LX_IRREG_COMP);
    /* the classes grammar.c reads are unchanged: WordNet-only words stay unknown */
    int known = 1;
    unsigned b = mtc_grammar_open(lx, "problem", 7, &known);
    cr_expect_eq(b & ~(unsigned)MTC_LX_BASIC, 0);
    cr_expect_eq(known, 1);
    unsigned wn_only = mtc_grammar_open_all(lx, "percent", 7);
    if (wn_only && !(wn_only & MTC_LX_BASIC)) {
        cr_expect_eq(mtc_grammar_open(lx, "percent", 7, &known), 0);
        cr_expect_eq(known, 0);
    }
    mtc_grammar_lexicon_free(lx);
}

Test(agreement, lexicon_person_nouns_are_countable)
{
    /* link-grammar gives its person nouns no number: the generator marks a
     * noun whose first WordNet sense is a person, and whose plural the
     * lexicon has, as countable (regular, noun.exc, -man/-men) */
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_grammar_lexicon *lx = mtc_grammar_lexicon_load(&err);
    cr_assert_not_null(lx, "%s", err.message);
    const char *people[] = {"father", "man", "chairman", "tourist", "daughter"};
    for (size_t i = 0; i < sizeof people / sizeof *people; i++)
        cr_expect(mtc_grammar_open_all(lx, people[i], strlen(people[i])) & MTC_LX_COUNT, "%s",
                  people[i]);
    /* not a person's noun: no count mark is added (meeting: also a gerund) */
    cr_expect(!(mtc_grammar_open_all(lx, "ability", 7) & MTC_LX_COUNT));
    cr_expect(!(mtc_grammar_open_all(lx, "men", 3) & MTC_LX_COUNT), "a plural stays plural");
    /* a base form whose participle is another word (have write, have modify) */
    cr_expect(mtc_grammar_open_all(lx, "write", 5) & MTC_LX_BASE_NOT_PART);
    cr_expect(mtc_grammar_open_all(lx, "modify", 6) & MTC_LX_BASE_NOT_PART);
    cr_expect(!(mtc_grammar_open_all(lx, "come", 4) & MTC_LX_BASE_NOT_PART), "have come");
    cr_expect(!(mtc_grammar_open_all(lx, "become", 6) & MTC_LX_BASE_NOT_PART), "have become");
    cr_expect(!(mtc_grammar_open_all(lx, "burst", 5) & MTC_LX_BASE_NOT_PART), "have burst");
    cr_expect(!(mtc_grammar_open_all(lx, "make", 4) & MTC_LX_BASE_NOT_PART), "made: past or participle");
    mtc_grammar_lexicon_free(lx);
}

Test(agreement, subject_verb_positive)
{
    tu_expect(SV, "He go to the market every morning.", "go");
    tu_expect(SV, "They goes back to the factory after lunch.", "goes");
    tu_expect(SV, "She have worked in the hospital for ten years.", "have");
    tu_expect(SV, "We was told that the road would reopen soon.", "was");
    tu_expect(SV, "There is many reasons for the delay.", "is");
    tu_expect(SV, "One of the biggest problems are the shortage of teachers.", "are");
    tu_expect(SV, "These measures is expected to reduce costs.", "is");
    tu_expect(SV, "Every country have its own rules.", "have");
}

Test(agreement, subject_verb_negative)
{
    tu_expect(SV, "Does he have a plan for the city?", NULL);
    tu_expect(SV, "The committee demanded that he resign at once.", NULL);
    tu_expect(SV, "The rain made it difficult to travel.", NULL);
    tu_expect(SV, "If he were elected, taxes would rise.", NULL);
    tu_expect(SV, "Patient He Ying said the doctor was kind.", NULL);
    tu_expect(SV, "He even said they still hope to win.", NULL);
    tu_expect(SV, "The government are divided on the issue.", NULL);
    tu_expect(SV, "The United States is a large country.", NULL);
    tu_expect(SV, "There is a number of options on the table.", NULL);
    tu_expect(SV, "The people living there are farmers.", NULL);
    tu_expect(SV, "She is one of the doctors who are on duty tonight.", NULL);
    tu_expect(SV, "\"They goes there every day,\" the farmer said.", NULL);
}

Test(agreement, subject_verb_suggestions)
{
    expect_suggestion(SV, "He go to the market every morning.", "goes");
    expect_suggestion(SV, "They goes back to the factory after lunch.", "go");
    expect_suggestion(SV, "We was told that the road would reopen soon.", "were");
}

Test(agreement, determiner_number)
{
    tu_expect(DN, "These problem must be solved quickly.", "problem");
    tu_expect(DN, "Many country signed the agreement.", "country");
    tu_expect(DN, "Each countries sent a delegation.", "countries");
    tu_expect(DN, "The company provided a informations about the products.", "informations");
    tu_expect(DN, "It is one of the most important project of the year.", "project");
    tu_expect(DN, "These problem areas need attention.", NULL);
    tu_expect(DN, "Both parent and child must sign the form.", NULL);
    tu_expect(DN, "Many believe the plan will work.", NULL);
    tu_expect(DN, "A few days later, a number of people came.", NULL);
    tu_expect(DN, "This means the price will rise.", NULL);
    tu_expect(DN, "Prices in much larger cities rose.", NULL);
    expect_suggestion(DN, "These problem must be solved quickly.", "problems");
    expect_suggestion(DN, "Each countries sent a delegation.", "country");
    expect_suggestion(DN, "The company provided a informations about the products.", "information");
}

Test(agreement, verb_form)
{
    tu_expect(VF, "The city will continues to invest in transport.", "continues");
    tu_expect(VF, "Prices can became much higher next year.", "became");
    tu_expect(VF, "The minister decided to went to the region.", "went");
    tu_expect(VF, "The city will continue to invest.", NULL);
    tu_expect(VF, "They objected to increased fees.", NULL);
    tu_expect(VF, "The will was read aloud.", NULL);
    tu_expect(VF, "The company will also expand its network.", NULL);
    expect_suggestion(VF, "The city will continues to invest in transport.", "continue");
}

Test(agreement, doubled_auxiliary)
{
    tu_expect(DA, "The project is was completed last year.", "is was");
    tu_expect(DA, "The road is be repaired now.", "is be");
    tu_expect(DA, "The road is being repaired.", NULL);
    tu_expect(DA, "The problem is, was it worth it?", NULL);
}

Test(agreement, double_comparative)
{
    tu_expect(DC, "The system makes payment more easier than before.", "more");
    tu_expect(DC, "It is the most biggest project in the province.", "most");
    tu_expect(DC, "The system is more convenient and cheaper.", NULL);
    tu_expect(DC, "More younger voters registered this year.", NULL);
}

Test(agreement, rules_are_in_the_grammar_category)
{
    /* --disable grammar covers the agreement rules */
    tu_run *r = tu_check("They goes home. These problem is old.", "agreement");
    cr_expect_gt(tu_count(r, SV), 0);
    const mtc_issue *is;
    for (size_t i = 0; (is = tu_find(r, NULL, i)) != NULL; i++)
        cr_expect_str_eq(is->category, "grammar");
    tu_free(r);
}

Test(agreement, articles_by_sound)
{
    tu_expect(AA, "The team built a LLM-based system.", "a");
    tu_expect(AA, "She hired a MSc graduate.", "a");
    tu_expect(AA, "The rules created a \"industry party\" that sets prices.", "a");
    tu_expect(AA, "She waited a hour for the bus.", "a");
    tu_expect(AA, "She studied at an university in Rome.", "an");
    tu_expect(AA, "She built an LLM and earned an MSc at a UN agency.", NULL);
    tu_expect(AA, "The puzzle asks for an Euler brick.", NULL);
    tu_expect(AA, "She spent an hour at a university with an honest man.", NULL);
    tu_expect(AA, "A NEW LAW FOR OLD CARS", NULL);
}

/* "that" alone licenses no subjunctive; a mandative verb, adjective or noun
 * before it does */
Test(agreement, subject_verb_after_that)
{
    tu_expect(SV, "Officials said that they goes home early.", "goes");
    tu_expect(SV, "The report said that we is behind schedule.", "is");
    tu_expect(SV, "He knew that she go there every week.", "go");
    tu_expect(SV, "He demanded that she go home.", NULL);
    tu_expect(SV, "It is important that he attend the meeting.", NULL);
    tu_expect(SV, "The union made the demand that he resign at once.", NULL);
    tu_expect(SV, "They insisted strongly that he leave.", NULL);
    tu_expect(SV, "Lest he forget, the note was left on the desk.", NULL);
}

/* an auxiliary that opens a question and its subject pronoun */
Test(agreement, subject_verb_in_questions)
{
    tu_expect(SV, "The report is out. Is you ready for it?", "Is");
    tu_expect(SV, "The report is out. Does they know the answer?", "Does");
    tu_expect(SV, "The report is out. What are he doing about it?", "are");
    tu_expect(SV, "The report is out. Have she read it?", "Have");
    tu_expect(SV, "The report is out. Are I late?", "Are");
    expect_suggestion(SV, "The report is out. Is you ready for it?", "Are");
    expect_suggestion(SV, "The report is out. Are I late?", "Am");
    tu_expect(SV, "Were he to resign, would it matter?", NULL);
    tu_expect(SV, "The report is out. Was I wrong about it?", NULL);
    tu_expect(SV, "The report is out. Aren't I right?", NULL);
    tu_expect(SV, "The report is out. Do it again?", NULL);
    tu_expect(SV, "The report is out. Is he here?", NULL);
    tu_expect(SV, "The report is out. Why does she care?", NULL);
}

/* indefinite pronouns are singular subjects where a clause starts */
Test(agreement, subject_verb_indefinite_pronouns)
{
    tu_expect(SV, "Everyone have a right to vote.", "have");
    tu_expect(SV, "If anyone have questions, they can call us.", "have");
    tu_expect(SV, "Nobody know the answer yet.", "know");
    tu_expect(SV, "Someone like you would know.", NULL);
    tu_expect(SV, "Let everyone go home early.", NULL);
    tu_expect(SV, "They told someone they were leaving.", NULL);
    tu_expect(SV, "Everyone knows the answer.", NULL);
}

/* a modal or do-support before a finite auxiliary */
Test(agreement, verb_form_finite_auxiliary)
{
    tu_expect(VF, "He said it should has been done by Monday.", "has");
    tu_expect(VF, "The plan will is ready next week.", "is");
    tu_expect(VF, "The firm would had more cash without the loan.", "had");
    tu_expect(VF, "She doesn't has a car.", "has");
    tu_expect(VF, "He did not had time to answer.", "had");
    tu_expect(VF, "The report is out. Does she has a copy?", "has");
    expect_suggestion(VF, "The plan will is ready next week.", "be");
    expect_suggestion(VF, "She doesn't has a car.", "have");
    tu_expect(VF, "What he did had consequences for everyone.", NULL);
    tu_expect(VF, "What she does is teach.", NULL);
    tu_expect(VF, "The can is full.", NULL);
    tu_expect(VF, "He will have more cash next year.", NULL);
}

/* uncountable nouns after a plural determiner; superlatives in the phrase */
Test(agreement, determiner_number_mass_and_superlative)
{
    tu_expect(DN, "He gave many information to the police.", "information");
    tu_expect(DN, "There were several equipment in the room.", "equipment");
    tu_expect(DN, "She is one of the best student in the class.", "student");
    tu_expect(DN, "It was one of the biggest problem of the year.", "problem");
    tu_expect(DN, "Both money and time matter.", NULL);
    tu_expect(DN, "Many sheep died in the storm.", NULL);
    tu_expect(DN, "Many research projects failed.", NULL);
    tu_expect(DN, "She is one of the best students in the class.", NULL);
}

Test(agreement, doubled_auxiliary_been_and_noun_modals)
{
    tu_expect(DA, "She was been here since Monday.", "was been");
    tu_expect(DA, "This can will be used during the test.", NULL);
    tu_expect(DA, "He was a man whose will could not be broken.", NULL);
    tu_expect(DA, "She has been here since Monday.", NULL);
}

/* "to" after a word that makes it the infinitive marker */
Test(agreement, verb_form_after_infinitive_to)
{
    tu_expect(VF, "I had to expanded my horizon.", "expanded");
    tu_expect(VF, "She was able to feigned ignorance.", "feigned");
    tu_expect(VF, "They want to goes home.", "goes");
    expect_suggestion(VF, "She tried to explained the rules.", "explain");
    tu_expect(VF, "Due to increased demand, prices rose.", NULL);
    tu_expect(VF, "Access to improved water rose.", NULL);
    tu_expect(VF, "Officials have to date refused to comment.", NULL);
    tu_expect(VF, "They have to pay more.", NULL);
}

/* questions: a noun-phrase subject after "do", a pronoun after "have" */
Test(agreement, verb_form_in_questions)
{
    tu_expect(VF, "The report is out. Did the application worked?", "worked");
    tu_expect(VF, "The report is out. Have you went there?", "went");
    tu_expect(VF, "The report is out. What have you did?", "did");
    tu_expect(VF, "Did a man called Daffodil come here?", NULL);
    tu_expect(VF, "The report is out. Did the students pass?", NULL);
    tu_expect(VF, "The report is out. Have you seen it?", NULL);
    /* "did" of a relative clause, an inverted condition */
    tu_expect(VF, "Nothing he did helped.", NULL);
    tu_expect(VF, "The army would need it should troops pass that way.", NULL);
}

/* -s words that are also plural nouns: a verb after "they" and "I", which
 * take no apposition ("we parents") */
Test(agreement, subject_verb_s_word_after_they_and_i)
{
    tu_expect(SV, "They works here every day.", "works");
    tu_expect(SV, "I works at the bank.", "works");
    tu_expect(SV, "We parents want more.", NULL);
    tu_expect(SV, "You guys are great.", NULL);
}

Test(agreement, subject_verb_more_contexts)
{
    /* a base verb that is also an adverb, before its object */
    tu_expect(SV, "He like this place.", "like");
    tu_expect(SV, "She like me, he said.", "like");
    tu_expect(SV, "He still goes there.", NULL);
    tu_expect(SV, "He, like me, left early.", NULL);
    /* an irregular plural; a conjunction ends the noun phrase; a clause
     * opened by an adverb */
    tu_expect(SV, "There is people making projects.", "is");
    tu_expect(SV, "There was settings but only two pages.", "was");
    tu_expect(SV, "Yesterday it rain hard.", "rain");
    tu_expect(SV, "In this temple are kept many gifts.", NULL);
    tu_expect(SV, "There is a man here.", NULL);
}

/* "the" + a singular noun of one thing + a plural auxiliary; collective
 * and quantity nouns (WordNet noun.group, noun.quantity) take either */
Test(agreement, subject_verb_the_singular_noun)
{
    tu_expect(SV, "The dog are barking again.", "are");
    tu_expect(SV, "The plan have failed twice.", "have");
    tu_expect(SV, "The team are playing well.", NULL);
    tu_expect(SV, "The government have decided.", NULL);
    tu_expect(SV, "The majority are against it.", NULL);
    tu_expect(SV, "The poor are hit hardest.", NULL);
    tu_expect(SV, "The data are clear.", NULL);
}

Test(agreement, quantity_nouns_chains_and_numerals)
{
    /* a quantity noun before "of" agrees with what it counts */
    tu_expect(SV, "There's lots of time left.", NULL);
    tu_expect(SV, "There is lots of competition.", NULL);
    tu_expect(SV, "There is problems with the plan.", "is");
    tu_expect(SV, "I corresponds with him every week.", "corresponds");
}

Test(agreement, repeated_coordinate_chains)
{
    tu_expect("grammar.repeated-coordinate", "All we wanted was to look and look and look.", NULL);
    tu_expect("grammar.repeated-coordinate",
              "They benefit people with benevolence and benevolence, and tell stories.",
              "benevolence");
}

Test(agreement, subject_verb_possessives_people_each_these_questions)
{
    /* a possessive + plural noun; an irregular plural */
    tu_expect(SV, "Their products is cheap this year.", "is");
    tu_expect(SV, "These people does not know the answer.", "does");
    tu_expect(SV, "Her parents are here.", NULL);
    tu_expect(SV, "Their work is done.", NULL);
    tu_expect(SV, "Our team are ready.", NULL);
    /* each of the ... */
    tu_expect(SV, "Each of the children are happy.", "are");
    tu_expect(SV, "Each of the children is happy.", NULL);
    /* these and those as subjects */
    tu_expect(SV, "Those two is nice.", "is");
    tu_expect(SV, "These are fine.", NULL);
    tu_expect(SV, "These works sold well.", NULL);
    /* a noun-phrase subject in a question */
    tu_expect(SV, "The report is out. Does your parents live in England?", "Does");
    tu_expect(SV, "The report is out. Has your parents told you?", "Has");
    tu_expect(SV, "The report is out. Are the team ready?", NULL);
    tu_expect(SV, "The report is out. Do the students know?", NULL);
}

/* the head of a subject followed by one prepositional phrase */
Test(agreement, subject_verb_past_a_prepositional_phrase)
{
    tu_expect(SV, "The results of the study is clear.", "is");
    tu_expect(SV, "Many users in Asia wants to learn English.", "wants");
    tu_expect(SV, "The leaders of the two countries was meeting.", "was");
    tu_expect(SV, "The number of cases are rising.", NULL);
    tu_expect(SV, "The work of the rescuers on Saturday was praised.", NULL);
    tu_expect(SV, "The prices in the market have risen.", NULL);
    tu_expect(SV, "The majority of voters are angry.", NULL);
}

Test(agreement, more_verb_forms_and_numbers)
{
    /* negated do-support: no noun can stand after it */
    tu_expect(VF, "I don't needs help with that.", "needs");
    tu_expect(VF, "I do not needs help with that.", "needs");
    tu_expect(VF, "They don't do wonders.", NULL);
    /* the controller of "to" a word or two back */
    tu_expect(VF, "She wants you to goes there.", "goes");
    tu_expect(VF, "He tried very hard to lifted the rock.", "lifted");
    tu_expect(VF, "He tried not to laughs.", "laughs");
    tu_expect(VF, "Due to increased demand, prices rose.", NULL);
    /* "one" before a plural noun; "this" as a subject */
    tu_expect(DN, "I worked for one hours.", "hours");
    tu_expect(DN, "The one students like is gone.", NULL);
    tu_expect(DN, "No one cares.", NULL);
    tu_expect(SV, "This are errors.", "are");
    tu_expect(SV, "This is fine.", NULL);
}

/* after "a"/"an" an adjective with other readings still modifies the noun;
 * number and quantity words do not ("a hundred years") */
Test(agreement, determiner_number_article_adjectives)
{
    tu_expect(DN, "The resolution was a major milestones for the council.", "milestones");
    tu_expect(DN, "He made a simple wooden desks.", "desks");
    tu_expect(DN, "It took a hundred years.", NULL);
    tu_expect(DN, "He stayed a few days.", NULL);
    tu_expect(DN, "It lasted a couple weeks.", NULL);
    tu_expect(DN, "He bought a sales manager a drink.", NULL);
    tu_expect(DN, "It was a major milestone.", NULL);
}
