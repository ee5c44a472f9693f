/**
 * Words that say nothing about what a request asks for: English function words, and the
 * politeness and framing every feature request carries ("please", "would be nice", "feature
 * request"). Words that are merely common in one project ("page", "build") are not listed:
 * inverse document frequency already weighs them down, per project.
 *
 * Apostrophes are removed before lookup, so "don't" is "dont".
 */
const ENGLISH = `
a about above after again against all almost already also although always am among an and another
any anyone anything anyway are aren arent around as at be became because become been before being
below between both but by can cannot cant could couldn couldnt did didn didnt do does doesn doesnt
doing don dont done down during each either else enough etc even ever every everyone everything few
for from further get gets getting got had hadn hadnt has hasn hasnt have haven havent having he her
here hers herself him himself his how however i id if im in into is isn isnt it its itself ive just
least less let lets like likely many may maybe me might mine more most much must my myself neither
never no nor not nothing now of off often on once one only onto or other others otherwise our ours
ourselves out over own per quite rather really same several shall she should shouldn shouldnt since
so some someone something sometimes still such than that thats the their theirs them themselves then
there therefore these they theyre thing things this those though through thus to too toward towards
under until up upon us use used uses using very via was wasn wasnt way ways we well were weren werent
what whatever when whenever where whether which while who whom whose why will with within without
won wont would wouldn wouldnt yet you youd youll your youre yours yourself yourselves youve
`;

const REQUEST_FRAMING = `
able add added adding allow allowing appreciate cc currently describe eg feature features great hello
hi ie idea ideas instead kind lot lots make makes making need needed needs nice please possible
possibly problem proposal related request requested requests right seems sort suggestion support
supported supporting thank thanks want wanted wants wish work works
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${REQUEST_FRAMING}`.split(/\s+/).filter(Boolean));
