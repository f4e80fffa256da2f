// Package zone resolves the time zone a workspace names. The zones of the
// United States and its territories are built in (the zone table in
// zones.tzif), so that a workspace reads the same on every computer and in
// the browser, where Go has no zone database at all; any other name comes
// from the system's database.
//
// Load is the one way in. The table is an embedded string, read on the
// first call, so a program that never asks for a zone does no work for it.
package zone

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"time"
)

//go:generate go run ./gen

// tzif is the zone table: for each zone of zones, in order, its name, a zero
// byte, the length of its data as four bytes (big-endian), and its TZif data
// as the Go distribution ships it ($GOROOT/lib/time/zoneinfo.zip, version
// Version). gen writes it.
//
//go:embed zones.tzif
var tzif string

// ErrUnknown is returned by Load for a name that is not a time zone.
var ErrUnknown = errors.New("not a time zone")

// Zone is a time zone offered for choice.
type Zone struct {
	// Name is the zone's IANA name, such as America/Chicago.
	Name string
	// Label says in plain words where and what it is, such as "Central
	// Time (Chicago)".
	Label string
}

// zones are the built-in zones: those of the fifty states, east to west, then
// those of the territories, then UTC. Every US county is in one of them.
var zones = []Zone{
	{"America/New_York", "Eastern Time (New York)"},
	{"America/Detroit", "Eastern Time (Detroit, Michigan)"},
	{"America/Kentucky/Louisville", "Eastern Time (Louisville, Kentucky)"},
	{"America/Kentucky/Monticello", "Eastern Time (Wayne County, Kentucky)"},
	{"America/Indiana/Indianapolis", "Eastern Time (Indianapolis, most of Indiana)"},
	{"America/Indiana/Vincennes", "Eastern Time (Vincennes, Indiana)"},
	{"America/Indiana/Winamac", "Eastern Time (Pulaski County, Indiana)"},
	{"America/Indiana/Marengo", "Eastern Time (Crawford County, Indiana)"},
	{"America/Indiana/Petersburg", "Eastern Time (Pike County, Indiana)"},
	{"America/Indiana/Vevay", "Eastern Time (Switzerland County, Indiana)"},
	{"America/Chicago", "Central Time (Chicago)"},
	{"America/Indiana/Tell_City", "Central Time (Perry County, Indiana)"},
	{"America/Indiana/Knox", "Central Time (Starke County, Indiana)"},
	{"America/Menominee", "Central Time (Menominee, Michigan)"},
	{"America/North_Dakota/Center", "Central Time (Oliver County, North Dakota)"},
	{"America/North_Dakota/New_Salem", "Central Time (Morton County, North Dakota)"},
	{"America/North_Dakota/Beulah", "Central Time (Mercer County, North Dakota)"},
	{"America/Denver", "Mountain Time (Denver)"},
	{"America/Boise", "Mountain Time (Boise, Idaho)"},
	{"America/Phoenix", "Mountain Time, no daylight saving (Phoenix, Arizona)"},
	{"America/Los_Angeles", "Pacific Time (Los Angeles)"},
	{"America/Anchorage", "Alaska Time (Anchorage)"},
	{"America/Juneau", "Alaska Time (Juneau)"},
	{"America/Sitka", "Alaska Time (Sitka)"},
	{"America/Metlakatla", "Alaska Time (Metlakatla)"},
	{"America/Yakutat", "Alaska Time (Yakutat)"},
	{"America/Nome", "Alaska Time (Nome)"},
	{"America/Adak", "Hawaii-Aleutian Time (Adak, Aleutian Islands)"},
	{"Pacific/Honolulu", "Hawaii Time (Honolulu)"},
	{"America/Puerto_Rico", "Atlantic Time (Puerto Rico, U.S. Virgin Islands)"},
	{"Pacific/Guam", "Chamorro Time (Guam, Northern Mariana Islands)"},
	{"Pacific/Pago_Pago", "Samoa Time (American Samoa)"},
	{"UTC", "Coordinated Universal Time (UTC)"},
}

// aliases are other names of the built-in zones, as browsers and older
// systems report them (Intl gives "America/Indianapolis", for one).
var aliases = [][2]string{
	{"America/Indianapolis", "America/Indiana/Indianapolis"},
	{"America/Fort_Wayne", "America/Indiana/Indianapolis"},
	{"US/East-Indiana", "America/Indiana/Indianapolis"},
	{"America/Louisville", "America/Kentucky/Louisville"},
	{"America/Knox_IN", "America/Indiana/Knox"},
	{"US/Indiana-Starke", "America/Indiana/Knox"},
	{"US/Eastern", "America/New_York"},
	{"US/Michigan", "America/Detroit"},
	{"US/Central", "America/Chicago"},
	{"US/Mountain", "America/Denver"},
	{"America/Shiprock", "America/Denver"},
	{"Navajo", "America/Denver"},
	{"US/Arizona", "America/Phoenix"},
	{"US/Pacific", "America/Los_Angeles"},
	{"US/Alaska", "America/Anchorage"},
	{"US/Aleutian", "America/Adak"},
	{"America/Atka", "America/Adak"},
	{"US/Hawaii", "Pacific/Honolulu"},
	{"Pacific/Johnston", "Pacific/Honolulu"},
	{"America/St_Thomas", "America/Puerto_Rico"},
	{"America/Virgin", "America/Puerto_Rico"},
	{"Pacific/Saipan", "Pacific/Guam"},
	{"US/Samoa", "Pacific/Pago_Pago"},
	{"Pacific/Samoa", "Pacific/Pago_Pago"},
	{"Pacific/Midway", "Pacific/Pago_Pago"},
	{"Etc/UTC", "UTC"},
	{"Etc/UCT", "UTC"},
	{"UCT", "UTC"},
	{"Etc/Universal", "UTC"},
	{"Universal", "UTC"},
	{"Zulu", "UTC"},
}

// US returns the built-in zones, for a choice: those of the fifty states
// east to west, then the territories', then UTC.
func US() []Zone {
	return append([]Zone(nil), zones...)
}

// Canonical returns the name of the built-in zone that name is another name
// of ("America/Indianapolis" gives "America/Indiana/Indianapolis"), name
// itself for a built-in zone, and "" for any other name.
func Canonical(name string) string {
	if _, ok := index()[name]; ok {
		return name
	}
	for _, a := range aliases {
		if a[0] == name {
			return a[1]
		}
	}
	return ""
}

// Load returns the time zone named name, an IANA name such as
// America/Chicago, with that name (Location().String() is name). "" and
// "UTC" are UTC. The built-in zones and their other names are read from the
// table; any other name from the system (time.LoadLocation), which fails in
// the browser. An unknown name is an error wrapping ErrUnknown.
func Load(name string) (*time.Location, error) {
	if name == "" || name == "UTC" {
		return time.UTC, nil
	}
	if c := Canonical(name); c != "" {
		loc, err := time.LoadLocationFromTZData(name, []byte(index()[c]))
		if err != nil {
			return nil, fmt.Errorf("time zone %s: the built-in data is damaged: %w", name, err)
		}
		return loc, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", name, ErrUnknown)
	}
	return loc, nil
}

// index maps each zone of the table to its TZif data, read from tzif on
// first use.
var index = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(zones))
	for s := tzif; len(s) > 0; {
		i := 0
		for i < len(s) && s[i] != 0 {
			i++
		}
		if i+5 > len(s) {
			break
		}
		name := s[:i]
		n := int(binary.BigEndian.Uint32([]byte(s[i+1 : i+5])))
		s = s[i+5:]
		if n > len(s) {
			break
		}
		m[name] = s[:n]
		s = s[n:]
	}
	return m
})
