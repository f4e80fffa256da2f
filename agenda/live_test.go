package agenda_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNextCarriesOpenActions(t *testing.T) {
	m, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	next := agenda.Next(m, mustTime(t, "2026-12-08T15:30:00-05:00"))

	assert.Equal(t, "2026-12-08-quarterly", next.ID)
	assert.False(t, next.Closed)
	assert.Empty(t, next.Record)
	assert.Equal(t, m.Title, next.Title)
	assert.Equal(t, m.Attendees, next.Attendees)
	require.Len(t, next.Sections, len(m.Sections))
	for i, s := range next.Sections {
		assert.Equal(t, m.Sections[i].Title, s.Title)
		for j, q := range s.Questions {
			assert.Equal(t, m.Sections[i].Questions[j].Text, q.Text)
			assert.Empty(t, q.Notes)
		}
	}
	for _, p := range next.Prep {
		assert.False(t, p.Done)
	}

	// Open items only, ids unchanged, origin kept, carried ones first.
	require.Len(t, next.Actions, 3)
	assert.Equal(t, "2026-06-09-quarterly.a1", next.Actions[0].ID)
	assert.Equal(t, "2026-06-09-quarterly", next.Actions[0].From, "the first origin is kept")
	assert.Equal(t, "2026-09-15-quarterly.a1", next.Actions[1].ID)
	assert.Equal(t, "2026-09-15-quarterly", next.Actions[1].From)
	assert.Equal(t, "2026-09-15-quarterly.a3", next.Actions[2].ID)
	for _, a := range next.Actions {
		assert.True(t, next.Carried(a))
		assert.True(t, a.IsOpen())
	}

	// A new item goes after the carried ones, with an id of the new meeting.
	a := next.AddAction(agenda.Action{Text: "New", Owner: "ana", Due: "2027-01-15"})
	assert.True(t, strings.HasPrefix(a.ID, "2026-12-08-quarterly.a-"), a.ID)
	assert.NotEqual(t, a.ID, next.AddAction(agenda.Action{Text: "Another"}).ID, "every new action gets its own id")
	next.Actions = next.Actions[:4]
	assert.Equal(t, partnership.Open, a.Status)
	assert.False(t, next.Carried(a))
	assert.Equal(t, a, next.Actions[3])
	require.NoError(t, next.Validate())

	// The old meeting is untouched.
	assert.Equal(t, "Still aligned with the portfolio priority.\nSummer PD clashed with summer school.", m.Sections[0].Questions[0].Notes)
	assert.Len(t, m.Actions, 4)

	// Same start as the old meeting still gives a different id.
	assert.NotEqual(t, m.ID, agenda.Next(m, m.Start).ID)
}

func TestLiveCapture(t *testing.T) {
	m := complete(t)
	require.NoError(t, m.Note(2, 1, "Attendance fell."))
	require.NoError(t, m.Note(2, 1, "  "))
	require.NoError(t, m.Note(2, 1, "Units fell too."))
	assert.Equal(t, "Attendance fell.\nUnits fell too.", m.Sections[2].Questions[1].Notes)
	require.NoError(t, m.Note(4, -1, "Next date agreed."))
	assert.Equal(t, "Wrap-up: Next date agreed.", m.Record)

	var ie *agenda.IndexError
	require.ErrorAs(t, m.Note(9, 0, "x"), &ie)
	assert.Equal(t, "there is no section 9: choose 0 to 4", ie.Error())
	require.ErrorAs(t, m.Note(0, 5, "x"), &ie)
	assert.Equal(t, "question", ie.What)

	a := m.AddAction(agenda.Action{Text: "Send it"})
	b := m.AddAction(agenda.Action{Text: "Send more"})
	assert.NotEqual(t, a.ID, b.ID)
	require.NoError(t, m.SetStatus(a.ID, partnership.Done))
	assert.False(t, m.Actions[0].IsOpen())
	assert.True(t, errors.Is(m.SetStatus("nope", partnership.Done), agenda.ErrNoSuchAction))
	assert.Error(t, m.SetStatus(a.ID, "maybe"))
	m.Actions[0].DoneOn = "2026-09-20"
	require.NoError(t, m.SetStatus(a.ID, partnership.Open))
	assert.Empty(t, m.Actions[0].DoneOn, "a reopened item was not done on that day")
	require.NoError(t, m.SetStatus(a.ID, partnership.Done))

	m.Close()
	assert.True(t, m.Closed)
	require.NoError(t, m.Validate())
}

func TestTimelineAndCountdown(t *testing.T) {
	m := complete(t)
	slots := m.Timeline()
	require.Len(t, slots, 5)
	assert.Equal(t, m.Start, slots[0].Start)
	assert.Equal(t, m.Start.Add(35*time.Minute), slots[3].Start)
	assert.Equal(t, m.End(), slots[4].End)

	since := m.Start.Add(40 * time.Minute) // communication started late
	left, err := m.Remaining(3, since, since.Add(19*time.Minute+30*time.Second))
	require.NoError(t, err)
	assert.Equal(t, 30*time.Second, left)
	left, err = m.Remaining(3, since, since.Add(21*time.Minute))
	require.NoError(t, err)
	assert.Equal(t, -time.Minute, left)
	_, err = m.Remaining(5, since, since)
	assert.Error(t, err)

	for d, want := range map[time.Duration]string{
		0: "0:00", 4*time.Minute + 5*time.Second: "4:05", -90 * time.Second: "-1:30",
		61*time.Minute + 999*time.Millisecond: "61:00",
	} {
		assert.Equal(t, want, agenda.Countdown(d), d.String())
	}
}

func TestDue(t *testing.T) {
	m, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	due := m.Due("2026-10-01")
	require.Len(t, due, 1)
	assert.Equal(t, "2026-06-09-quarterly.a1", due[0].ID)
}

func TestIDFor(t *testing.T) {
	start := mustTime(t, "2026-09-15T15:30:00-04:00")
	assert.Equal(t, "2026-09-15-quarterly", agenda.IDFor(start, partnership.Quarterly))
	assert.Equal(t, "2026-09-15-quarterly-2", agenda.IDFor(start, partnership.Quarterly, "2026-09-15-quarterly"))
	assert.Equal(t, "2026-09-15-quarterly-3", agenda.IDFor(start, partnership.Quarterly, "2026-09-15-quarterly", "2026-09-15-quarterly-2"))
}

func TestCarryIntoPlannedMeeting(t *testing.T) {
	q3, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	planned := agenda.Monthly().At(mustTime(t, "2026-10-13T15:30:00-04:00"))
	planned.AddAction(agenda.Action{Text: "Already planned", Owner: "ana", Due: "2026-10-20"})
	before := planned.Actions[0]

	got := agenda.Carry(q3, planned)
	var ids []string
	for _, a := range got.Actions {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{"2026-06-09-quarterly.a1", "2026-09-15-quarterly.a1", "2026-09-15-quarterly.a3", before.ID}, ids)
	assert.Equal(t, partnership.Monthly, got.Cadence)
	assert.Len(t, planned.Actions, 1, "next is not changed")

	// Carrying again adds nothing twice, and keeps next's version of an item.
	got.Actions[0].Status = partnership.Done
	again := agenda.Carry(q3, got)
	assert.Len(t, again.Actions, 4)
	assert.Equal(t, partnership.Done, again.Actions[0].Status)
}
