package agenda_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/partnerkit/partnerkit/agenda"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var stamp = time.Date(2026, 8, 20, 12, 0, 0, 0, time.UTC)

func TestWriteICSGolden(t *testing.T) {
	ms, err := agenda.Schedule(schoolYear(t))
	require.NoError(t, err)
	fixed, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	var buf bytes.Buffer
	cal := agenda.Calendar{Name: "Riverside partnership, 2026–27", Namespace: "rusd-lp", Stamp: stamp}
	require.NoError(t, cal.Write(&buf, append(ms[:2:2], fixed)...))
	golden(t, "year.ics", buf.Bytes())
}

func TestWriteICSParsesBack(t *testing.T) {
	ms, err := agenda.Schedule(schoolYear(t))
	require.NoError(t, err)
	fixed, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	fixed.Title = `Review; with, "commas" \ and a very long title that needs folding across more than one line of the file`
	fixed.Location = "Room 12, Hayes; 2nd floor\r\nback entrance\x07"
	ms = append(ms, fixed)

	var buf bytes.Buffer
	require.NoError(t, agenda.Calendar{Stamp: stamp}.Write(&buf, ms...))
	out := buf.String()

	// RFC 5545: CRLF line ends, no line longer than 75 octets.
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		assert.LessOrEqual(t, len(line), 75, "line %d: %q", i+1, line)
		assert.NotContains(t, line, "\n", "line %d", i+1)
	}
	assert.True(t, strings.HasPrefix(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "starts with the calendar")
	assert.True(t, strings.Contains(out, "\r\nMETHOD:PUBLISH\r\n"), "METHOD:PUBLISH")
	assert.Equal(t, strings.Count(out, "\n"), strings.Count(out, "\r\n"), "every line ends with CRLF")

	cal, err := ics.ParseCalendar(strings.NewReader(out))
	require.NoError(t, err)
	events := cal.Events()
	require.Len(t, events, len(ms))
	uids := map[string]bool{}
	for i, e := range events {
		m := ms[i]
		uid := e.Id()
		assert.Equal(t, m.ID+".partnerkit@partnerkit", uid)
		assert.False(t, uids[uid], "UIDs differ")
		uids[uid] = true

		start, err := e.GetStartAt()
		require.NoError(t, err)
		assert.True(t, start.Equal(m.Start), "%s: %s vs %s", m.ID, start, m.Start)
		assert.Equal(t, time.UTC, start.Location())
		end, err := e.GetEndAt()
		require.NoError(t, err)
		assert.True(t, end.Equal(m.End()))
		st, err := e.GetDtStampTime()
		require.NoError(t, err)
		assert.True(t, st.Equal(stamp))

		assert.Equal(t, m.Title, e.GetProperty(ics.ComponentPropertySummary).Value)
		desc := e.GetProperty(ics.ComponentPropertyDescription).Value
		assert.Equal(t, agenda.Description(m), desc)
		for _, s := range m.Sections {
			assert.Contains(t, desc, s.Title)
		}
	}
	last := events[len(events)-1]
	assert.Equal(t, "Room 12, Hayes; 2nd floor\nback entrance", last.GetProperty(ics.ComponentPropertyLocation).Value,
		"CR LF becomes a line break and control characters are dropped")
	assert.Contains(t, last.GetProperty(ics.ComponentPropertyDescription).Value, "Share the PD calendar with the partner (ana, due 2026-07-01)")

	// Writing again at another time changes only DTSTAMP: the UIDs are stable.
	var again bytes.Buffer
	require.NoError(t, agenda.Calendar{Stamp: stamp.Add(time.Hour)}.Write(&again, ms...))
	assert.True(t, strings.ReplaceAll(out, "DTSTAMP:20260820T120000Z", "DTSTAMP:20260820T130000Z") == again.String(), "only DTSTAMP differs")
}

func TestWriteICSErrors(t *testing.T) {
	var buf bytes.Buffer
	assert.ErrorContains(t, agenda.WriteICS(&buf, agenda.Quarterly()), "has no start")
	m := agenda.Quarterly()
	m.Start = stamp
	assert.ErrorContains(t, agenda.WriteICS(&buf, m), "has no id")
	require.NoError(t, agenda.WriteICS(&buf))
	assert.Contains(t, buf.String(), "END:VCALENDAR")
}

func TestWriteICSUnsafeID(t *testing.T) {
	a, b := agenda.Quarterly().At(stamp), agenda.Quarterly().At(stamp)
	a.ID, b.ID = "x y", "x@y"
	var buf bytes.Buffer
	require.NoError(t, agenda.WriteICS(&buf, a, b))
	cal, err := ics.ParseCalendar(&buf)
	require.NoError(t, err)
	require.Len(t, cal.Events(), 2)
	assert.NotEqual(t, cal.Events()[0].Id(), cal.Events()[1].Id())
	assert.NotContains(t, cal.Events()[0].Id(), " ")
}

func TestWriteICSFoldsWithoutSplittingEscapesOrCharacters(t *testing.T) {
	m := agenda.Quarterly()
	m.ID = "m1"
	m.Start = stamp
	for _, title := range []string{
		strings.Repeat("x", 66) + `,,,,,,,,,,,,`,
		strings.Repeat("é", 40),
		strings.Repeat(`\`, 50),
		strings.Repeat("a", 67) + "日本語のタイトル",
	} {
		m.Title = title
		var buf bytes.Buffer
		require.NoError(t, agenda.Calendar{Stamp: stamp}.Write(&buf, m))
		lines := strings.Split(buf.String(), "\r\n")
		for i, line := range lines {
			assert.LessOrEqual(t, len(line), 75)
			assert.True(t, utf8.ValidString(line), "line %d is valid UTF-8: %q", i, line)
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], " ") {
				assert.Equal(t, 0, (len(line)-len(strings.TrimRight(line, `\`)))%2, "line %d ends inside an escape: %q", i, line)
			}
		}
		cal, err := ics.ParseCalendar(strings.NewReader(buf.String()))
		require.NoError(t, err)
		require.Len(t, cal.Events(), 1)
		assert.Equal(t, title, cal.Events()[0].GetProperty(ics.ComponentPropertySummary).Value)
	}
}
