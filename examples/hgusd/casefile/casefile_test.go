package casefile_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/examples/hgusd/casefile"
)

func TestJSONIsAValidWorkspaceAndACopy(t *testing.T) {
	b := casefile.JSON()
	ws, err := partnerkit.Load(bytes.NewReader(b))
	require.NoError(t, err)
	require.NotNil(t, ws.Partnership)
	b[0] = 'x'
	assert.Equal(t, byte('{'), casefile.JSON()[0], "callers cannot change the case for others")
}

func ExampleJSON() {
	ws, err := partnerkit.Load(bytes.NewReader(casefile.JSON()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ws.Partnership.District.Name)
	// Output: Hams Gulch Unified School District
}
