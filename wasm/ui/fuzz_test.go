package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/wasm/store"
)

// fuzzActions are the actions the page binds, for FuzzEvents to pick from.
var fuzzActions = strings.Fields(`nav fix tick map.show notice.dismiss data.export data.delete data.delete.confirm
start.new start.example ws.open ws.rename ws.rename.done ws.duplicate ws.delete ws.delete.confirm ws.delete.cancel
data.restore data.file data.file.other data.file.saved data.file.failed merge.mode merge.take merge.cancel merge.confirm
part.start part.add part.remove part.undo part.open part.all part.settle
contract.start contract.add contract.remove contract.preview contract.print contract.html contract.md
meeting.cadence meeting.start meeting.create meeting.open meeting.add meeting.remove meeting.live
meeting.section meeting.quick.text meeting.quick.owner meeting.quick.due meeting.quick.add meeting.close meeting.next
meeting.html meeting.md meeting.ics meeting.ics.year review.print review.map
storage.changed storage.reload storage.merge
lock.pass lock.repeat lock.ask lock.cancel lock.set lock.open lock.derived lock.remove data.export.locked
rate.team rate.name rate.level rate.concern rate.submit rate.new round.new round.title round.select
exp.role exp.encoding exp.delimiter exp.sheet exp.team exp.unrated exp.add exp.cancel
part.inv.template part.inv.field part.inv.owner part.inv.encoding part.inv.sheet part.inv.add part.inv.cancel part.inv.undo`)

// fuzzArgs are arguments of the shapes the views' buttons bind, with
// indexes past the end and below zero among them; fields come from the field
// model.
var fuzzArgs = strings.Fields(`partnership contract meetings review start data rate facilitate
partner school person priority initiative demand|0 capacity initiative|0 demand|0|0 partner|-1 0 1 7 -1 x |||
activity measure duty activity|0 measure|1 duty|9 action action|0 action|7
partnership.initiatives[0].demands[0] partnership.people[3] contract.appendix.measures[0] meetings[0].attendees meetings[9]`)

// FuzzEvents plays a sequence of events chosen by the fuzzer on an app that
// holds the built-in example, and renders after each: nothing may panic and
// every tree must hold only what the page allows. A third of the events edit
// a field the workspace has at that moment, as the field model lists them
// (FieldPaths), or a path just beside one.
func FuzzEvents(f *testing.F) {
	addEventSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		playEvents(data, nil, func(a *App, ev Event) {
			require.NoError(t, a.Render().Check(), "after %+v", ev)
		})
	})
}

// addEventSeeds adds the seeds of FuzzEvents' sequences.
func addEventSeeds(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	f.Add([]byte("part.start, part.add initiative, demand, set hours, remove, undo"))
	f.Add([]byte{20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 220, 240, 255, 3, 5, 7, 11, 13})
}

// playEvents plays the sequence of events data stands for on a new app
// (cfg's clock is the sequence's) and calls after once each is handled.
func playEvents(data []byte, storage store.Storage, after func(*App, Event)) *App {
	now := time.Date(2017, 9, 1, 9, 0, 0, 0, time.UTC)
	a := New(Config{Now: func() time.Time { return now }, Storage: storage}, nil, nil)
	if len(data) > 0 && data[0]%2 == 0 {
		a.Handle(Event{Action: "start.example"})
	}
	values := []string{"", "3", "-1", "2017-09-12", "2017-09-12T15:30", "not a date", "<b>x</b>", "ana", "monthly", "co-design", "1e309", "NaN"}
	for i := 0; i+2 < len(data) && i < 300; i += 3 {
		ev := Event{
			Action: fuzzActions[int(data[i])%len(fuzzActions)],
			Arg:    fuzzArgs[int(data[i+1])%len(fuzzArgs)],
			Value:  values[int(data[i+2])%len(values)],
		}
		if data[i+2] > 200 {
			ev.Arg = strconv.Itoa(int(data[i+2]) - 220)
		}
		if paths := a.FieldPaths(); data[i]%3 == 0 && len(paths) > 0 {
			ev.Action, ev.Path = "field", paths[int(data[i+1])%len(paths)]
			switch data[i+2] % 5 {
			case 0:
				ev.Action = "field.toggle"
			case 1:
				ev.Path = strings.Replace(ev.Path, "[0]", "[9]", 1) // past the end of a list
			case 2:
				ev.Action, ev.Value = "field", otherChoice
			}
		}
		now = now.Add(time.Duration(data[i+2]) * time.Second)
		a.Handle(ev)
		if after != nil {
			after(a, ev)
		}
	}
	return a
}
