// Package readiness is the Readiness for Partnership tool of the ODST
// framework: a rubric that every member of the district's and the partner's
// leadership teams rates on their own, and the summaries that help each team
// talk about what they found before they commit to a partnership.
//
// ODST returns the rubric of the source; custom rubrics (other items, other
// categories, other scales) are data and load with DecodeRubric. A Response
// holds one rater's ratings and concerns; ReadExport reads them from the
// export of a survey tool (Google Forms, Microsoft Forms, Qualtrics,
// SurveyMonkey; CSV in any encoding, .xlsx or .zip), and OpenExport shows
// and lets the caller change how its columns are read first. Summarize turns
// responses into a Report:
// per team and category the number of ratings, mean, range, the count of each
// level, whether the ratings agree, the concerns raised, and an order in which
// to discuss the categories. Its WriteMarkdown and WriteHTML present it, and
// the WriteSVG of a Chart (TeamChart, CategoryChart) draws it.
// Check points out what the teams could talk about (too few raters, no
// consensus, a low mean, someone who answered twice); Rules explains each
// rule it applies.
//
// The package never decides whether to go ahead. The source is explicit that
// there is no threshold for a go/no-go decision: the ratings show where to
// look and whether a team agrees, and the people decide.
package readiness
