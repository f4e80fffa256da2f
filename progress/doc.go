// Package progress follows a partnership over time: the data recorded for
// the success measures of the contract supplement, the planned line from
// each measure's baseline to its interim (January) and final (June)
// targets, and the picture a quarterly meeting needs in front of it.
//
// The ODST theory of action is to establish conditions for success and to
// monitor them over time: the supplement's appendix item 5 sets interim and
// final measures, item 6 says who provides the data by when, and the
// quarterly agenda asks whether the right data comes in on time and what its
// early indicators are. An Observation is one value of one measure on one
// date. SeriesOf puts a measure's observations in time order beside its
// planned line; Check finds what to talk about (data that is late, values
// behind the line, checkpoints passed and not met, sharp drops, measures
// without numbers) and Rules explains every rule; WriteSVG draws a measure's
// chart; OverTime gathers, quarter by quarter, the readiness rounds, the
// measures against their targets, the action items closed on time and who
// attended the meetings, and Timeline.WriteHTML prints it as the quarterly
// meeting's data pre-read.
//
// Like the readiness rubric, progress describes and asks. No finding says
// whether to end a partnership: each points to the protocol the parties
// agreed in their supplement for benchmarks and outcomes that are not on track.
//
// Sources: ODST, Standards for Effective Partnerships (2015), the theory of
// action, Contract Supplement appendix items 5 to 7 and the Quarterly Meeting
// Agenda (questions 4 and 5); SCOPE, Beyond Alignment (2020), for early
// indicators that went unseen. The wording of this package is our own.
package progress
