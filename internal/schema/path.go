package schema

// Join joins two JSON paths: "a" and "b" make "a.b", "a" and "[1].b" make
// "a[1].b", and an empty side gives the other.
func Join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case b[0] == '[':
		return a + b
	}
	return a + "." + b
}
