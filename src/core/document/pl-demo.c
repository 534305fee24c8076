/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-document-private.h"
#include "pl-document-snapshots.h"

/*
 * The example document: the draft national cybersecurity strategy of the
 * Republic of Kestrel Islands, a fictional small island state. Every word
 * is written for Pillars. The big variant multiplies the same material with
 * a fixed seed, for benchmarks.
 */

typedef struct {
  const char *title;
  const char *summary;
  const char *body;
} DemoPillar;

typedef struct {
  guint       pillar;       /* index into demo_pillars */
  const char *title;
  const char *description;
} DemoObjective;

typedef struct {
  guint          objective; /* index into demo_objectives */
  const char    *title;
  const char    *lead;
  const char    *partners;
  PlTimeframe    timeframe;
  const char    *start;
  const char    *end;
  PlPriority     priority;
  const char    *indicator;
  const char    *cost;
  PlActionStatus status;
} DemoAction;

/* The five pillars; their objectives and actions follow in document order,
 * each naming its parent by index. */
static const DemoPillar demo_pillars[] = {
  { "Capacity building",
    "A skilled national cybersecurity workforce by 2030.",
    "## Why it matters\n\n"
    "The Kestrel Islands have fewer than forty people working full time in cybersecurity, most of "
    "them in the two commercial banks. Ministries rely on a handful of system administrators who "
    "also run the e-mail, the websites and the printers. Every other pillar of this strategy "
    "depends on closing that gap.\n\n"
    "## Our approach\n\n"
    "We will train people already in post, build a pipeline from secondary school to university, "
    "and make public service an attractive place for cybersecurity professionals to work. We "
    "will use regional programmes wherever one exists rather than build our own.\n\n"
    "> A national pool of skilled professionals is the foundation of national cyber resilience.\n" },
  { "Awareness raising",
    "Citizens and businesses who know the risks and how to stay safe.",
    "## Why it matters\n\n"
    "Online fraud reported to the police tripled between 2022 and 2025. Most cases began with a "
    "message that looked like it came from a bank, a courier or a relative abroad. Small "
    "businesses, which make up most of our economy, rarely have anyone to ask for help.\n\n"
    "## Our approach\n\n"
    "A national campaign, run every year, with messages tested on the people they are meant "
    "for; cybersecurity in the school curriculum from primary level; and a help line for small "
    "businesses run with the Chamber of Commerce.\n" },
  { "Incident response",
    "A national CSIRT that detects, responds and helps recover.",
    "## Why it matters\n\n"
    "In 2024 a ransomware attack stopped the hospital’s patient records for nine days. Nobody "
    "was sure whom to call. There is no national point of contact for incidents, and no plan "
    "for an incident that affects several sectors at once.\n\n"
    "## Our approach\n\n"
    "Establish a national Computer Security Incident Response Team (CSIRT) within the Ministry "
    "of Digital Transformation, with a legal mandate, a budget and a published service "
    "catalogue. Join the regional and global CSIRT networks. Exercise the national cyber "
    "incident response plan every year.\n" },
  { "Legislation and regulation",
    "Laws to prevent, investigate and prosecute cybercrime.",
    "## Why it matters\n\n"
    "The Computer Misuse Act dates from 2003. It does not cover ransomware, identity theft or "
    "the preservation of electronic evidence, and its penalties are lower than for the same "
    "crimes committed offline. There is no data protection law.\n\n"
    "## Our approach\n\n"
    "Replace the Computer Misuse Act with a modern Cybercrime Act, pass a Data Protection Act, "
    "and train prosecutors and magistrates to use them. Align our laws with the Budapest "
    "Convention so that we can cooperate with other countries on investigations.\n" },
  { "Critical information infrastructure",
    "Essential services that keep running when attacked.",
    "## Why it matters\n\n"
    "Electricity, water, telecommunications, banking, the port and the airport all depend on "
    "computer systems. An attack on any of them would affect the whole country. Today no one "
    "knows which systems are critical or how well they are protected.\n\n"
    "## Our approach\n\n"
    "Identify the critical information infrastructure, agree minimum security requirements "
    "with its operators, and check them every year.\n" },
};

static const DemoObjective demo_objectives[] = {
  { 0, "Train 200 public servants in cyber hygiene and incident handling by 2028",
    "Every ministry has at least two people able to recognise, contain and report an incident." },
  { 0, "Cybersecurity in university and technical curricula",
    "Graduates enter the workforce with the basics of secure design and operations." },
  { 0, "Attract and keep cybersecurity professionals in public service",
    "Pay and career paths that let government compete with the private sector." },
  { 1, "A yearly national awareness campaign",
    "Simple, repeated messages on fraud, passwords and updates, in every community." },
  { 1, "Children and young people safe online",
    "Online safety taught in every school, with parents and teachers involved." },
  { 2, "Establish the national CSIRT",
    "A staffed team with a mandate, a budget and services that ministries and businesses know." },
  { 2, "A national cyber incident response plan",
    "Clear roles when an incident affects more than one organisation." },
  { 2, "Incident reporting",
    "Incidents are reported early, to one place, without fear of blame." },
  { 3, "A modern Cybercrime Act",
    "Offences, procedural powers and safeguards fit for today’s crimes, in line with the Budapest Convention." },
  { 3, "Personal data protected by law",
    "A Data Protection Act and an independent commissioner." },
  { 4, "Know what is critical",
    "A national register of critical information infrastructure." },
  { 4, "Minimum security for critical operators",
    "Every critical operator meets a common baseline." },
};

static const DemoAction demo_actions[] = {
  { 0, "Design a three-day cyber hygiene course for public servants", "Public Service Commission", "National CSIRT; University of the Kestrel Islands", PL_TIMEFRAME_SHORT, "2026", "2027", PL_PRIORITY_HIGH, "Course approved and scheduled", "KID 45,000", PL_ACTION_STATUS_IN_PROGRESS },
  { 0, "Run the course twice a year in every ministry", "Public Service Commission", "Ministry of Digital Transformation", PL_TIMEFRAME_MEDIUM, "2027", "2029", PL_PRIORITY_HIGH, "200 public servants certified", "KID 120,000 a year", PL_ACTION_STATUS_PLANNED },
  { 0, "Send ten incident handlers a year to regional CSIRT training", "National CSIRT", "CARICOM IMPACS; ITU", PL_TIMEFRAME_ONGOING, "2026", "2030", PL_PRIORITY_MEDIUM, "Ten handlers trained each year", "Donor funded", PL_ACTION_STATUS_PLANNED },
  { 1, "Launch an undergraduate minor in cybersecurity", "University of the Kestrel Islands", "Ministry of Education", PL_TIMEFRAME_MEDIUM, "2027", "2028", PL_PRIORITY_MEDIUM, "First cohort enrolled", "KID 300,000", PL_ACTION_STATUS_PLANNED },
  { 1, "Add a secure coding module to the national ICT diploma", "Kestrel Technical Institute", "", PL_TIMEFRAME_SHORT, "2026", "2027", PL_PRIORITY_MEDIUM, "Module taught in all diploma classes", "KID 20,000", PL_ACTION_STATUS_IN_PROGRESS },
  { 2, "Create a cybersecurity job family in the public service", "Public Service Commission", "Ministry of Finance", PL_TIMEFRAME_SHORT, "2026", "2027", PL_PRIORITY_HIGH, "Job family approved by Cabinet", "Within existing budget", PL_ACTION_STATUS_PLANNED },
  { 2, "Offer scholarships bonded to three years of public service", "Ministry of Education", "Development partners", PL_TIMEFRAME_LONG, "2027", "2030", PL_PRIORITY_LOW, "Twenty scholarships awarded", "KID 600,000", PL_ACTION_STATUS_PLANNED },
  { 3, "Hold a national Cyber Safety Month every October", "Ministry of Digital Transformation", "Kestrel Broadcasting Corporation; telecom operators", PL_TIMEFRAME_ONGOING, "2026", "2030", PL_PRIORITY_HIGH, "Campaign reaches 60% of adults (survey)", "KID 80,000 a year", PL_ACTION_STATUS_IN_PROGRESS },
  { 3, "Publish a plain-language guide to online fraud", "Financial Intelligence Unit", "Commercial banks", PL_TIMEFRAME_SHORT, "2026", "2026", PL_PRIORITY_MEDIUM, "Guide distributed in all bank branches", "KID 15,000", PL_ACTION_STATUS_COMPLETED },
  { 3, "Run a national cyber awareness survey every two years", "Statistics Office", "University of the Kestrel Islands", PL_TIMEFRAME_ONGOING, "2026", "2030", PL_PRIORITY_LOW, "Survey published 2026, 2028, 2030", "KID 25,000 per survey", PL_ACTION_STATUS_PLANNED },
  { 4, "Add online safety to the primary and secondary curriculum", "Ministry of Education", "National CSIRT", PL_TIMEFRAME_MEDIUM, "2027", "2029", PL_PRIORITY_HIGH, "Curriculum adopted in all schools", "KID 40,000", PL_ACTION_STATUS_PLANNED },
  { 4, "Train teachers to report online child abuse", "Ministry of Education", "Royal Kestrel Police Force", PL_TIMEFRAME_SHORT, "2026", "2027", PL_PRIORITY_HIGH, "One trained teacher per school", "KID 30,000", PL_ACTION_STATUS_PLANNED },
  { 4, "Run online safety evenings for parents in every district", "Ministry of Education", "Parent-teacher associations", PL_TIMEFRAME_MEDIUM, "2027", "2029", PL_PRIORITY_MEDIUM, "Two evenings per district per year", "KID 12,000 a year", PL_ACTION_STATUS_PLANNED },
  { 5, "Approve the CSIRT’s mandate and service catalogue", "Cabinet Office", "Attorney General’s Chambers", PL_TIMEFRAME_SHORT, "2026", "2026", PL_PRIORITY_HIGH, "Cabinet decision published", "None", PL_ACTION_STATUS_COMPLETED },
  { 5, "Recruit the CSIRT’s first six analysts", "Ministry of Digital Transformation", "Public Service Commission", PL_TIMEFRAME_SHORT, "2026", "2027", PL_PRIORITY_HIGH, "Six analysts in post", "KID 420,000 a year", PL_ACTION_STATUS_IN_PROGRESS },
  { 5, "Join FIRST and the regional CSIRT network", "National CSIRT", "ITU; OAS", PL_TIMEFRAME_MEDIUM, "2027", "2028", PL_PRIORITY_MEDIUM, "Membership confirmed", "KID 10,000 a year", PL_ACTION_STATUS_PLANNED },
  { 6, "Write the national cyber incident response plan", "National CSIRT", "National Emergency Management Office", PL_TIMEFRAME_SHORT, "2026", "2027", PL_PRIORITY_HIGH, "Plan approved by Cabinet", "KID 35,000", PL_ACTION_STATUS_IN_PROGRESS },
  { 6, "Hold a yearly national cyber exercise", "National CSIRT", "Critical infrastructure operators", PL_TIMEFRAME_ONGOING, "2027", "2030", PL_PRIORITY_MEDIUM, "Exercise held and lessons published", "KID 50,000 a year", PL_ACTION_STATUS_PLANNED },
  { 7, "Open a national incident reporting portal and hotline", "National CSIRT", "Telecom operators", PL_TIMEFRAME_SHORT, "2027", "2027", PL_PRIORITY_HIGH, "Portal live; reports per quarter", "KID 60,000", PL_ACTION_STATUS_PLANNED },
  { 7, "Publish a yearly report on national cyber incidents", "National CSIRT", "", PL_TIMEFRAME_ONGOING, "2028", "2030", PL_PRIORITY_LOW, "Report published each March", "Within existing budget", PL_ACTION_STATUS_PLANNED },
  { 8, "Draft the Cybercrime Bill", "Attorney General’s Chambers", "Royal Kestrel Police Force; Council of Europe", PL_TIMEFRAME_SHORT, "2026", "2027", PL_PRIORITY_HIGH, "Bill tabled in Parliament", "Donor funded", PL_ACTION_STATUS_IN_PROGRESS },
  { 8, "Train prosecutors and magistrates on electronic evidence", "Judicial Education Institute", "Office of the Director of Public Prosecutions", PL_TIMEFRAME_MEDIUM, "2027", "2029", PL_PRIORITY_MEDIUM, "All prosecutors trained", "KID 55,000", PL_ACTION_STATUS_PLANNED },
  { 9, "Draft the Data Protection Bill", "Attorney General’s Chambers", "Ministry of Digital Transformation", PL_TIMEFRAME_SHORT, "2026", "2027", PL_PRIORITY_HIGH, "Bill tabled in Parliament", "KID 30,000", PL_ACTION_STATUS_PLANNED },
  { 9, "Appoint a Data Protection Commissioner", "Cabinet Office", "", PL_TIMEFRAME_MEDIUM, "2028", "2028", PL_PRIORITY_MEDIUM, "Commissioner in office", "KID 250,000 a year", PL_ACTION_STATUS_PLANNED },
  { 10, "Agree criteria for critical information infrastructure", "Ministry of Digital Transformation", "Utilities Regulatory Commission", PL_TIMEFRAME_SHORT, "2026", "2027", PL_PRIORITY_HIGH, "Criteria approved", "None", PL_ACTION_STATUS_PLANNED },
  { 10, "Build and maintain the register", "National CSIRT", "Operators", PL_TIMEFRAME_MEDIUM, "2027", "2028", PL_PRIORITY_MEDIUM, "Register complete and reviewed yearly", "KID 20,000", PL_ACTION_STATUS_PLANNED },
  { 10, "Map the dependencies between critical sectors", "National Emergency Management Office", "National CSIRT; operators", PL_TIMEFRAME_MEDIUM, "2028", "2029", PL_PRIORITY_LOW, "Dependency map used in the national exercise", "KID 35,000", PL_ACTION_STATUS_PLANNED },
  { 11, "Publish a minimum security baseline for operators", "Utilities Regulatory Commission", "National CSIRT; Central Bank", PL_TIMEFRAME_MEDIUM, "2027", "2028", PL_PRIORITY_HIGH, "Baseline published", "KID 40,000", PL_ACTION_STATUS_PLANNED },
  { 11, "Audit critical operators against the baseline every year", "Utilities Regulatory Commission", "Independent auditors", PL_TIMEFRAME_LONG, "2028", "2030", PL_PRIORITY_MEDIUM, "All operators audited", "KID 90,000 a year", PL_ACTION_STATUS_PLANNED },
  { 11, "Require operators to report significant incidents within 24 hours", "Ministry of Digital Transformation", "Attorney General’s Chambers", PL_TIMEFRAME_MEDIUM, "2027", "2028", PL_PRIORITY_HIGH, "Regulation in force", "None", PL_ACTION_STATUS_PLANNED },
};

typedef struct {
  const char *name;
  const char *organisation;
  PlSector sector;
  gboolean named;
} DemoStakeholder;

static const DemoStakeholder demo_stakeholders[] = {
  { "Amara Whitfield", "Ministry of Digital Transformation", PL_SECTOR_GOVERNMENT, TRUE },
  { "Desmond Price", "Royal Kestrel Police Force", PL_SECTOR_GOVERNMENT, TRUE },
  { "Leona Baptiste", "Ministry of Education", PL_SECTOR_GOVERNMENT, FALSE },
  { "Karim Osei", "Central Bank of the Kestrel Islands", PL_SECTOR_GOVERNMENT, TRUE },
  { "Priya Ramdial", "Kestrel Commercial Bank", PL_SECTOR_PRIVATE, TRUE },
  { "Tomas Vidal", "IslandTel", PL_SECTOR_PRIVATE, FALSE },
  { "Grace Mbeki", "Chamber of Commerce", PL_SECTOR_PRIVATE, TRUE },
  { "Oliver Strand", "Port Halden Power and Light", PL_SECTOR_PRIVATE, TRUE },
  { "Helena Cruz", "University of the Kestrel Islands", PL_SECTOR_ACADEMIA, TRUE },
  { "Samuel Ade", "Kestrel Technical Institute", PL_SECTOR_ACADEMIA, FALSE },
  { "Marisol Fontaine", "Kestrel Consumers Association", PL_SECTOR_CIVIL_SOCIETY, TRUE },
  { "Joel Abernathy", "Digital Rights Kestrel", PL_SECTOR_CIVIL_SOCIETY, FALSE },
  { "Nadia Haddad", "Kestrel Internet Exchange", PL_SECTOR_TECHNICAL, TRUE },
  { "Ravi Chandran", "Kestrel Network Operators Group", PL_SECTOR_TECHNICAL, TRUE },
  { "Ingrid Solberg", "International Telecommunication Union", PL_SECTOR_INTERNATIONAL, TRUE },
};

typedef struct {
  PlFeedbackKind kind;
  const char *text;
  int pillar;            /* index into demo_pillars, -1 = the strategy */
  int objective;         /* index, -1 = the pillar itself */
  const char *quote;     /* must appear in the pillar's body, or NULL */
  PlDisposition disposition;
  const char *response;
} DemoFeedback;

static const DemoFeedback demo_feedback[] = {
  { PL_FEEDBACK_RECOMMENDATION, "Add a target for the number of women trained; the current figures hide a large gap.", 0, 0, NULL, PL_DISPOSITION_ACCEPTED, "A target of 40% women has been added to the indicator." },
  { PL_FEEDBACK_QUESTION, "Who pays for the scholarships after donor funding ends?", 0, 2, NULL, PL_DISPOSITION_ADDRESSED, "The Ministry of Finance has agreed to budget for them from 2029." },
  { PL_FEEDBACK_COMMENT, "Forty people is an overestimate; several of them have left the country.", 0, -1, "fewer than forty people", PL_DISPOSITION_PARTLY_ACCEPTED, "We will verify the figure with the Statistics Office." },
  { PL_FEEDBACK_SUPPORT, "The bank strongly supports the public servant training programme.", 0, 0, NULL, PL_DISPOSITION_ADDRESSED, "Noted with thanks." },
  { PL_FEEDBACK_RECOMMENDATION, "Use the regional certification scheme rather than designing a new course.", 0, 0, NULL, PL_DISPOSITION_REJECTED, "The regional scheme does not cover incident reporting, which ministries asked for." },
  { PL_FEEDBACK_OBJECTION, "Bonded scholarships discourage the best students from applying.", 0, 2, NULL, PL_DISPOSITION_DEFERRED, "To be reviewed with the Public Service Commission in 2027." },
  { PL_FEEDBACK_RECOMMENDATION, "Include the Technical Institute in the university minor so diploma students can transfer credits.", 0, 1, NULL, PL_DISPOSITION_OPEN, NULL },
  { PL_FEEDBACK_QUESTION, "Will the awareness campaign be available in Kestrel Creole?", 1, 0, NULL, PL_DISPOSITION_ACCEPTED, "Yes; all campaign material will be produced in English and Kestrel Creole." },
  { PL_FEEDBACK_RECOMMENDATION, "Partner with churches and community groups to reach older people.", 1, 0, NULL, PL_DISPOSITION_ACCEPTED, "Added to the campaign's delivery partners." },
  { PL_FEEDBACK_COMMENT, "The fraud figures should cite their source.", 1, -1, "Online fraud reported to the police tripled", PL_DISPOSITION_ADDRESSED, "Source added: Royal Kestrel Police Force annual report 2025." },
  { PL_FEEDBACK_RECOMMENDATION, "Teach parents as well as children; most parents do not know what their children use.", 1, 1, NULL, PL_DISPOSITION_OPEN, NULL },
  { PL_FEEDBACK_SUPPORT, "Civil society welcomes a help line for small businesses.", 1, -1, NULL, PL_DISPOSITION_ADDRESSED, "Noted." },
  { PL_FEEDBACK_QUESTION, "How will the survey measure behaviour, not just awareness?", 1, 0, NULL, PL_DISPOSITION_OPEN, NULL },
  { PL_FEEDBACK_RECOMMENDATION, "The CSIRT needs at least ten analysts to run a 24/7 service.", 2, 0, NULL, PL_DISPOSITION_PARTLY_ACCEPTED, "Six in the first phase, rising to ten by 2029 subject to budget." },
  { PL_FEEDBACK_OBJECTION, "Placing the CSIRT inside a ministry may limit its independence.", 2, -1, "within the Ministry", PL_DISPOSITION_REJECTED, "Cabinet has decided on a ministry-based CSIRT for the first five years; this will be reviewed in 2030." },
  { PL_FEEDBACK_QUESTION, "Will private companies be able to use the CSIRT's services free of charge?", 2, 0, NULL, PL_DISPOSITION_ADDRESSED, "Yes for incident coordination; advisory services will be charged." },
  { PL_FEEDBACK_RECOMMENDATION, "Include the hospital and the water authority in the first national exercise.", 2, 1, NULL, PL_DISPOSITION_ACCEPTED, "Both have agreed to take part." },
  { PL_FEEDBACK_COMMENT, "The hospital incident lasted eleven days, not nine.", 2, -1, "nine days", PL_DISPOSITION_ACCEPTED, "Corrected." },
  { PL_FEEDBACK_RECOMMENDATION, "Incident reports must be protected from use in regulatory penalties, or nobody will report.", 2, 2, NULL, PL_DISPOSITION_OPEN, NULL },
  { PL_FEEDBACK_QUESTION, "Is there a budget line for the reporting portal's running costs?", 2, 2, NULL, PL_DISPOSITION_OPEN, NULL },
  { PL_FEEDBACK_RECOMMENDATION, "Accede to the Budapest Convention and say so explicitly.", 3, 0, "Budapest Convention", PL_DISPOSITION_ACCEPTED, "The objective now names accession as the goal." },
  { PL_FEEDBACK_OBJECTION, "The procedural powers need judicial oversight to protect privacy.", 3, 0, NULL, PL_DISPOSITION_ACCEPTED, "Warrants for all interception and preservation orders are now required." },
  { PL_FEEDBACK_COMMENT, "The Data Protection Commissioner must be independent of the Cabinet Office.", 3, 1, NULL, PL_DISPOSITION_PARTLY_ACCEPTED, "The Commissioner will report to Parliament; appointment remains with Cabinet." },
  { PL_FEEDBACK_QUESTION, "Will the Cybercrime Act cover online harassment?", 3, 0, NULL, PL_DISPOSITION_DEFERRED, "To be considered in the drafting instructions." },
  { PL_FEEDBACK_RECOMMENDATION, "Train police investigators, not only prosecutors and magistrates.", 3, 0, NULL, PL_DISPOSITION_OPEN, NULL },
  { PL_FEEDBACK_SUPPORT, "The Chamber supports a data protection law; it will help trade with Europe.", 3, 1, NULL, PL_DISPOSITION_ADDRESSED, "Noted with thanks." },
  { PL_FEEDBACK_RECOMMENDATION, "Name the sectors considered critical in the strategy itself.", 4, 0, NULL, PL_DISPOSITION_ACCEPTED, "The sectors are now listed in the pillar's introduction." },
  { PL_FEEDBACK_OBJECTION, "A 24-hour reporting deadline is too short for small operators.", 4, 1, NULL, PL_DISPOSITION_PARTLY_ACCEPTED, "Initial notice within 24 hours; full report within 72 hours." },
  { PL_FEEDBACK_QUESTION, "Who pays for the yearly audits?", 4, 1, NULL, PL_DISPOSITION_OPEN, NULL },
  { PL_FEEDBACK_COMMENT, "The port and the airport are run by foreign companies; the strategy should say how they will be covered.", 4, -1, "the port and the airport", PL_DISPOSITION_OPEN, NULL },
  { PL_FEEDBACK_RECOMMENDATION, "Add telecommunications operators to the critical infrastructure working group.", 4, 0, NULL, PL_DISPOSITION_ACCEPTED, "Added." },
  { PL_FEEDBACK_SUPPORT, "Operators welcome a common baseline instead of separate rules from each regulator.", 4, 1, NULL, PL_DISPOSITION_ADDRESSED, "Noted." },
  { PL_FEEDBACK_RECOMMENDATION, "Add a pillar on international cooperation.", -1, -1, NULL, PL_DISPOSITION_DEFERRED, "Cooperation is covered within each pillar; a separate pillar will be considered at the mid-term review." },
  { PL_FEEDBACK_COMMENT, "The strategy needs a costed summary of the implementation plan.", -1, -1, NULL, PL_DISPOSITION_ACCEPTED, "A cost summary has been added to the implementation section." },
  { PL_FEEDBACK_QUESTION, "Who chairs the national cybersecurity committee?", -1, -1, NULL, PL_DISPOSITION_ADDRESSED, "The Permanent Secretary of the Ministry of Digital Transformation." },
  { PL_FEEDBACK_RECOMMENDATION, "Publish the strategy in plain language for the public.", -1, -1, NULL, PL_DISPOSITION_OPEN, NULL },
  { PL_FEEDBACK_SUPPORT, "The ITU is ready to support the CSIRT's establishment.", 2, 0, NULL, PL_DISPOSITION_ADDRESSED, "Noted with thanks." },
  { PL_FEEDBACK_OBJECTION, "Five years is too long without a review.", -1, -1, NULL, PL_DISPOSITION_ACCEPTED, "A mid-term review in 2028 has been added." },
  { PL_FEEDBACK_QUESTION, "How will progress be reported to the public?", -1, -1, NULL, PL_DISPOSITION_OPEN, NULL },
  { PL_FEEDBACK_RECOMMENDATION, "Include accessibility for people with disabilities in the awareness materials.", 1, 0, NULL, PL_DISPOSITION_ACCEPTED, "All material will meet accessibility guidelines." },
};

/* Feedback that speaks for an organisation is said by someone from it; the
 * rest is spread over the stakeholders in turn. */
static const struct {
  const char *text_start;
  const char *speaker;
} demo_speakers[] = {
  { "The bank ", "Priya Ramdial" },
  { "The Chamber ", "Grace Mbeki" },
  { "The ITU ", "Ingrid Solberg" },
  { "Civil society ", "Marisol Fontaine" },
  { "Operators ", "Oliver Strand" },
};

static PlStakeholder *
demo_speaker (GPtrArray  *stakeholders,
              const char *text,
              guint       i)
{
  for (guint k = 0; k < G_N_ELEMENTS (demo_speakers); k++)
    if (g_str_has_prefix (text, demo_speakers[k].text_start))
      for (guint s = 0; s < G_N_ELEMENTS (demo_stakeholders); s++)
        if (g_str_equal (demo_stakeholders[s].name, demo_speakers[k].speaker))
          return g_ptr_array_index (stakeholders, s);
  return g_ptr_array_index (stakeholders, (i * 7) % stakeholders->len);
}

static const char *const sections_text[][2] = {
  { "Executive summary",
    "The Kestrel Islands depend more every year on digital services: mobile money, online "
    "government services, tourism bookings and the systems that run our power and water. This "
    "strategy sets out how the Government, with businesses, academia and civil society, will "
    "make that digital life secure.\n\n"
    "It rests on five pillars — capacity building, awareness raising, incident response, "
    "legislation and regulation, and critical information infrastructure — and an implementation "
    "plan of actions with lead agencies, timeframes and indicators for 2026–2030." },
  { "Introduction",
    "This strategy was prepared by the Ministry of Digital Transformation with the support of "
    "the International Telecommunication Union. A first draft was presented at validation "
    "workshops in Port Halden and on Little Kestrel in 2026, where more than a hundred "
    "participants from every sector commented on it." },
  { "Guiding principles",
    "- **Rights first** — security protects privacy and free expression online.\n"
    "- **Shared responsibility** — everyone who uses the Internet has a part to play.\n"
    "- **Start small, build steadily** — do fewer things, well.\n"
    "- **Work with neighbours** — use regional capacity before building our own." },
  { "Implementation and review",
    "The National Cybersecurity Committee, chaired by the Permanent Secretary of the Ministry of "
    "Digital Transformation, coordinates implementation and reports to Cabinet every year. The "
    "strategy will be reviewed at mid-term in 2028 and replaced in 2030." },
  { "Glossary",
    "**CSIRT** — Computer Security Incident Response Team.\n\n"
    "**KID** — Kestrel Islands dollar.\n\n"
    "**Critical information infrastructure** — computer systems whose disruption would seriously "
    "harm national security, the economy or public safety." },
};

static const PlSectionKind section_kinds[] = {
  PL_SECTION_EXECUTIVE_SUMMARY, PL_SECTION_INTRODUCTION, PL_SECTION_GUIDING_PRINCIPLES,
  PL_SECTION_IMPLEMENTATION, PL_SECTION_GLOSSARY,
};

/* ---- the big variant's generator ---- */

static const char *const words_subjects[] = {
  "The national CSIRT", "Each ministry", "The regulator", "Every critical operator",
  "The Public Service Commission", "The Ministry of Education", "The university",
  "The Chamber of Commerce", "The police cybercrime unit", "The Statistics Office",
};
static const char *const words_verbs[] = {
  "will publish", "will review", "will coordinate", "will train", "will measure",
  "will report on", "will fund", "will assess", "will strengthen", "will exercise",
};
static const char *const words_objects[] = {
  "its incident handling procedures", "the security of public websites",
  "the skills of system administrators", "the resilience of payment systems",
  "awareness among small businesses", "the protection of personal data",
  "cooperation with regional partners", "the national register of critical systems",
  "the reporting of incidents", "online safety in schools",
};
static const char *const words_times[] = {
  "every year", "by the end of 2027", "before the mid-term review", "within six months",
  "with donor support", "in every region", "at least twice a year", "from 2028 onwards",
};
static const char *const agencies[] = {
  "Ministry of Digital Transformation", "National CSIRT", "Ministry of Education",
  "Attorney General’s Chambers", "Royal Kestrel Police Force", "Central Bank",
  "Utilities Regulatory Commission", "Public Service Commission", "Cabinet Office",
  "Ministry of Finance", "Ministry of Health", "Statistics Office",
};
static const char *const first_names[] = {
  "Amara", "Desmond", "Leona", "Karim", "Priya", "Tomas", "Grace", "Oliver", "Helena",
  "Samuel", "Marisol", "Joel", "Nadia", "Ravi", "Ingrid", "Kofi", "Lucia", "Arjun",
  "Fatima", "Noel",
};
static const char *const last_names[] = {
  "Whitfield", "Price", "Baptiste", "Osei", "Ramdial", "Vidal", "Mbeki", "Strand",
  "Cruz", "Ade", "Fontaine", "Abernathy", "Haddad", "Chandran", "Solberg",
};
static const char *const organisations[] = {
  "Ministry of Health", "IslandTel", "Kestrel Commercial Bank", "University of the Kestrel Islands",
  "Digital Rights Kestrel", "Kestrel Internet Exchange", "Port Authority", "Water Authority",
  "Chamber of Commerce", "Kestrel Technical Institute", "Red Cross Kestrel", "Tourism Board",
};

static char *
sentence (GRand *rand)
{
  return g_strdup_printf ("%s %s %s %s.",
                          words_subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_subjects))],
                          words_verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_verbs))],
                          words_objects[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_objects))],
                          words_times[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_times))]);
}

static char *
paragraph (GRand *rand,
           int    sentences)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < sentences; i++)
    {
      g_autofree char *one = sentence (rand);

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, one);
    }
  return g_string_free (s, FALSE);
}

/* About @bytes of Markdown: headings, paragraphs, lists, emphasis. */
static char *
narrative (GRand *rand,
           gsize  bytes)
{
  GString *s = g_string_new (NULL);
  int section = 1;

  while (s->len < bytes)
    {
      g_autofree char *p1 = paragraph (rand, 4);
      g_autofree char *p2 = paragraph (rand, 3);

      g_string_append_printf (s, "## Part %d\n\n%s\n\n", section, p1);
      g_string_append_printf (s, "Key points, **agreed with stakeholders**:\n\n");
      for (int i = 0; i < 3; i++)
        {
          g_autofree char *item = sentence (rand);
          g_string_append_printf (s, "- %s\n", item);
        }
      g_string_append_printf (s, "\n%s *This is reviewed yearly.*\n\n", p2);
      section++;
    }
  return g_string_free (s, FALSE);
}

/* ---- building ---- */

static gboolean
add_feedback_at (PlDocument     *doc,
                 PlFeedbackKind  kind,
                 const char     *text,
                 PlRecord       *target,
                 const char     *quote,
                 PlWorkshop     *workshop,
                 PlStakeholder  *stakeholder,
                 const char     *captured_at,
                 PlDisposition   disposition,
                 const char     *response,
                 PlPriority      priority,
                 GError        **error)
{
  g_autoptr(PlFeedback) fb = pl_document_add_feedback (doc, kind, text, target, quote,
                                                       workshop, stakeholder, error);

  if (fb == NULL)
    return FALSE;
  return pl_record_set (PL_RECORD (fb), error,
                        "captured-at", captured_at,
                        "disposition", (int) disposition,
                        "response", response ? response : "",
                        "priority", (int) priority,
                        NULL);
}

/* The front-matter sections, the same in both sizes. */
static gboolean
add_sections (PlDocument  *doc,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections_text); i++)
    {
      g_autoptr(PlSection) section = pl_document_add (doc, PL_TYPE_SECTION, NULL, -1, error,
                                                      "kind", (int) section_kinds[i],
                                                      "title", sections_text[i][0],
                                                      "body", sections_text[i][1],
                                                      NULL);
      if (section == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The draft as shown at the validation workshops (v0.3), before two of
 * its accepted recommendations were taken in, so that the example can be
 * compared with the version people commented on: the mid-term review
 * ("Five years is too long without a review") and the CSIRT's six analysts
 * ("at least ten analysts", partly accepted). */
static gboolean
add_workshop_snapshot (PlDocument  *doc,
                       PlAction    *analysts,
                       GError     **error)
{
  g_autoptr(PlSection) review = g_list_model_get_item (pl_document_get_sections (doc), 3);
  g_autoptr(PlSnapshot) snapshot = NULL;
  g_autofree char *body = g_strdup (pl_section_get_body (review));
  g_autofree char *title = g_strdup (pl_action_get_title (analysts));
  g_autofree char *indicator = g_strdup (pl_action_get_indicator (analysts));

  if (!pl_record_set (PL_RECORD (review), error, "body",
                      "The National Cybersecurity Committee, chaired by the Permanent Secretary of the "
                      "Ministry of Digital Transformation, coordinates implementation and reports to "
                      "Cabinet every year. The strategy will be replaced in 2030.", NULL) ||
      !pl_record_set (PL_RECORD (analysts), error,
                      "title", "Recruit the CSIRT’s first analysts",
                      "indicator", "Analysts in post", NULL) ||
      !(snapshot = pl_document_take_snapshot (doc, "Draft v0.3 — as presented at the validation workshops", error)))
    return FALSE;
  return pl_record_set (PL_RECORD (review), error, "body", body, NULL) &&
         pl_record_set (PL_RECORD (analysts), error, "title", title, "indicator", indicator, NULL);
}

static gboolean
build_small (PlDocument  *doc,
             GError     **error)
{
  g_autoptr(GPtrArray) pillar_objs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) objective_objs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stakeholders = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PlWorkshop) w1 = NULL;
  g_autoptr(PlWorkshop) w2 = NULL;
  g_autoptr(PlAction) analysts = NULL;
  GListModel *sections = pl_document_get_sections (doc);

  if (!add_sections (doc, error))
    return FALSE;
  g_assert (g_list_model_get_n_items (sections) == G_N_ELEMENTS (sections_text));

  for (guint p = 0, o = 0, a = 0; p < G_N_ELEMENTS (demo_pillars); p++)
    {
      const DemoPillar *dp = &demo_pillars[p];
      g_autoptr(PlPillar) pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, error,
                                                    "title", dp->title,
                                                    "summary", dp->summary,
                                                    "body", dp->body,
                                                    NULL);
      if (pillar == NULL)
        return FALSE;
      g_ptr_array_add (pillar_objs, g_object_ref (pillar));

      for (; o < G_N_ELEMENTS (demo_objectives) && demo_objectives[o].pillar == p; o++)
        {
          const DemoObjective *dob = &demo_objectives[o];
          g_autoptr(PlObjective) objective = pl_document_add (doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, error,
                                                              "title", dob->title,
                                                              "description", dob->description,
                                                              NULL);
          if (objective == NULL)
            return FALSE;
          g_ptr_array_add (objective_objs, g_object_ref (objective));

          for (; a < G_N_ELEMENTS (demo_actions) && demo_actions[a].objective == o; a++)
            {
              const DemoAction *da = &demo_actions[a];
              g_autoptr(PlAction) action = pl_document_add (doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, error,
                                                            "title", da->title,
                                                            "lead-agency", da->lead,
                                                            "partners", da->partners,
                                                            "timeframe", (int) da->timeframe,
                                                            "start-date", da->start,
                                                            "end-date", da->end,
                                                            "priority", (int) da->priority,
                                                            "indicator", da->indicator,
                                                            "cost", da->cost,
                                                            "status", (int) da->status,
                                                            NULL);
              if (action == NULL)
                return FALSE;
              if (g_str_has_prefix (da->title, "Recruit the CSIRT"))
                analysts = g_object_ref (action);
            }
        }
    }
  g_assert (analysts != NULL);
  if (!add_workshop_snapshot (doc, analysts, error))
    return FALSE;

  w1 = pl_document_add (doc, PL_TYPE_WORKSHOP, NULL, -1, error,
                        "title", "National validation workshop",
                        "region", "Windward district",
                        "location", "Port Halden, Government Conference Centre",
                        "partner", "International Telecommunication Union (ITU)",
                        "start-date", "2026-09-14",
                        "end-date", "2026-09-15",
                        "notes", "112 participants. Draft v0.3 presented by the Permanent Secretary.",
                        NULL);
  if (w1 == NULL)
    return FALSE;
  w2 = pl_document_add (doc, PL_TYPE_WORKSHOP, NULL, -1, error,
                        "title", "Regional consultation, Little Kestrel",
                        "region", "Leeward district",
                        "location", "Little Kestrel Community College",
                        "partner", "Organization of American States (OAS)",
                        "start-date", "2026-10-06",
                        "end-date", "2026-10-06",
                        "notes", "Focus on small businesses and schools.",
                        NULL);
  if (w2 == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_stakeholders); i++)
    {
      const DemoStakeholder *ds = &demo_stakeholders[i];
      g_autofree char *contact = NULL;
      g_autofree char *slug = g_ascii_strdown (ds->name, -1);
      PlStakeholder *s;

      g_strdelimit (slug, " ", '.');
      contact = g_strdup_printf ("%s@example.org", slug);
      s = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, error,
                           "name", ds->name,
                           "organisation", ds->organisation,
                           "sector", (int) ds->sector,
                           "contact", contact,
                           "may-be-named", (int) ds->named,
                           NULL);
      if (s == NULL)
        return FALSE;
      g_ptr_array_add (stakeholders, s);
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_feedback); i++)
    {
      const DemoFeedback *df = &demo_feedback[i];
      PlRecord *target = NULL;
      PlWorkshop *workshop = i < 28 ? w1 : w2;
      g_autofree char *when = NULL;
      guint objective_base = 0;

      if (df->pillar >= 0)
        {
          while (objective_base < G_N_ELEMENTS (demo_objectives) &&
                 demo_objectives[objective_base].pillar < (guint) df->pillar)
            objective_base++;
          target = df->objective >= 0 ? g_ptr_array_index (objective_objs, objective_base + df->objective)
                                      : g_ptr_array_index (pillar_objs, df->pillar);
        }
      if (i < 28)
        when = g_strdup_printf ("2026-09-%02uT%02u:%02u:00.000000Z", 14 + i / 14, 9 + (i % 14) / 2, (i * 7) % 60);
      else
        when = g_strdup_printf ("2026-10-06T%02u:%02u:00.000000Z", 10 + (i - 28) / 3, (i * 11) % 60);

      if (!add_feedback_at (doc, df->kind, df->text, target, df->quote, workshop,
                            demo_speaker (stakeholders, df->text, i),
                            when, df->disposition, df->response,
                            df->kind == PL_FEEDBACK_RECOMMENDATION ? PL_PRIORITY_HIGH : PL_PRIORITY_NONE,
                            error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
build_big (PlDocument  *doc,
           GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) workshops = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stakeholders = g_ptr_array_new_with_free_func (g_object_unref);
  static const char *const pillar_titles[] = {
    "Capacity building", "Awareness raising", "Incident response", "Legislation and regulation",
    "Critical information infrastructure", "International cooperation", "Cyber diplomacy",
    "Research and innovation", "Public sector security", "Digital economy and trust",
    "Child online protection", "Governance and coordination",
  };
  guint n_actions = 0;

  if (!add_sections (doc, error))
    return FALSE;

  for (guint p = 0; p < 12; p++)
    {
      g_autofree char *body = narrative (rand, 60 * 1024);
      g_autofree char *summary = sentence (rand);
      g_autoptr(PlPillar) pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, error,
                                                    "title", pillar_titles[p],
                                                    "summary", summary,
                                                    "body", body,
                                                    NULL);
      if (pillar == NULL)
        return FALSE;
      g_ptr_array_add (targets, g_object_ref (pillar));

      for (guint o = 0; o < 40; o++)
        {
          g_autofree char *title = g_strdup_printf ("%s: objective %u", pillar_titles[p], o + 1);
          g_autofree char *description = narrative (rand, 700);
          g_autoptr(PlObjective) objective = pl_document_add (doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, error,
                                                              "title", title,
                                                              "description", description,
                                                              NULL);
          guint count = 4 + g_rand_int_range (rand, 0, 5);  /* 4..8, mean 6.25 */

          if (objective == NULL)
            return FALSE;
          g_ptr_array_add (targets, g_object_ref (objective));

          for (guint a = 0; a < count; a++, n_actions++)
            {
              g_autofree char *atitle = sentence (rand);
              g_autofree char *indicator = g_strdup_printf ("%u%% of target reached", 10 * g_rand_int_range (rand, 1, 11));
              g_autofree char *cost = g_strdup_printf ("KID %u,000", g_rand_int_range (rand, 5, 900));
              g_autoptr(PlAction) action = NULL;
              int start = 2026 + g_rand_int_range (rand, 0, 3);

              {
                g_autofree char *s = g_strdup_printf ("%d", start);
                /* Never past the strategy's end, 2030. */
                g_autofree char *e = g_strdup_printf ("%d", MIN (start + g_rand_int_range (rand, 0, 4), 2030));

                action = pl_document_add (doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, error,
                                          "title", atitle,
                                          "lead-agency", agencies[g_rand_int_range (rand, 0, G_N_ELEMENTS (agencies))],
                                          "partners", agencies[g_rand_int_range (rand, 0, G_N_ELEMENTS (agencies))],
                                          "timeframe", g_rand_int_range (rand, 1, 5),
                                          "start-date", s,
                                          "end-date", e,
                                          "priority", g_rand_int_range (rand, 0, 4),
                                          "indicator", indicator,
                                          "cost", cost,
                                          "status", g_rand_int_range (rand, 0, 5),
                                          NULL);
              }
              if (action == NULL)
                return FALSE;
              if (n_actions % 4 == 0)
                g_ptr_array_add (targets, g_object_ref (action));
            }
        }
    }

  for (guint w = 0; w < 10; w++)
    {
      g_autofree char *title = g_strdup_printf ("Validation workshop %u", w + 1);
      g_autofree char *location = g_strdup_printf ("District %u community centre", w + 1);
      g_autofree char *start = g_strdup_printf ("2026-%02u-%02u", 3 + w, 10 + w);
      PlWorkshop *ws = pl_document_add (doc, PL_TYPE_WORKSHOP, NULL, -1, error,
                                        "title", title,
                                        "region", w % 2 ? "Leeward district" : "Windward district",
                                        "location", location,
                                        "partner", w % 3 == 0 ? "ITU" : w % 3 == 1 ? "OAS" : "Commonwealth Telecommunications Organisation",
                                        "start-date", start,
                                        "end-date", start,
                                        NULL);
      if (ws == NULL)
        return FALSE;
      g_ptr_array_add (workshops, ws);
    }

  for (guint s = 0; s < 300; s++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s %u",
                                               first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                                               last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))], s + 1);
      PlStakeholder *st = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, error,
                                           "name", name,
                                           "organisation", organisations[g_rand_int_range (rand, 0, G_N_ELEMENTS (organisations))],
                                           "sector", g_rand_int_range (rand, 0, 6),
                                           "may-be-named", g_rand_int_range (rand, 0, 3) != 0,
                                           NULL);
      if (st == NULL)
        return FALSE;
      g_ptr_array_add (stakeholders, st);
    }

  for (guint f = 0; f < 20000; f++)
    {
      g_autofree char *text = paragraph (rand, 2);
      g_autofree char *when = g_strdup_printf ("2026-%02u-%02uT%02u:%02u:%02u.000000Z",
                                               3 + f / 2000, 1 + (f / 80) % 25, 8 + (f / 10) % 9,
                                               f % 60, (f * 7) % 60);
      PlRecord *target = g_rand_int_range (rand, 0, 10) == 0 ? NULL
                         : g_ptr_array_index (targets, g_rand_int_range (rand, 0, targets->len));
      int disposition = g_rand_int_range (rand, 0, 6);

      if (!add_feedback_at (doc, g_rand_int_range (rand, 0, 5), text, target, NULL,
                            g_ptr_array_index (workshops, f / 2000),
                            g_ptr_array_index (stakeholders, g_rand_int_range (rand, 0, stakeholders->len)),
                            when, disposition,
                            disposition == PL_DISPOSITION_OPEN ? NULL : "Considered by the drafting team.",
                            g_rand_int_range (rand, 0, 4), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
build_demo (PlDocument  *doc,
            gpointer     data,
            GError     **error)
{
  PlDemoSize size = *(PlDemoSize *) data;
  PlStrategy *strategy = pl_document_get_strategy (doc);

  if (!pl_document_begin (doc, error))
    return FALSE;
  if (!pl_record_set (PL_RECORD (strategy), error,
                      "title", "National Cybersecurity Strategy 2026–2030",
                      "country", "Republic of the Kestrel Islands",
                      "version-label", size == PL_DEMO_BIG ? "Benchmark edition" : "Draft v0.4",
                      "status", (int) PL_LIFECYCLE_VALIDATION,
                      "classification", "DRAFT — FOR CONSULTATION",
                      "lead-agency", "Ministry of Digital Transformation",
                      "vision", "A secure, resilient and trusted cyberspace in which the people of the "
                                "Kestrel Islands can live, learn and do business with confidence.",
                      NULL) ||
      !(size == PL_DEMO_BIG ? build_big (doc, error) : build_small (doc, error)))
    {
      pl_document_rollback (doc);
      return FALSE;
    }
  return pl_document_commit (doc, error);
}

/* Built at a temporary name and moved into place when complete
 * (pl_document_create_built): a killed demo leaves nothing at @path. */
PlDocument *
pl_demo_create (const char  *path,
                PlDemoSize   size,
                GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return pl_document_create_built (path, PL_TEMPLATE_EMPTY, build_demo, &size, error);
}
