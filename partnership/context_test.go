package partnership

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFourIs(t *testing.T) {
	prompts := FourIs()
	require.Len(t, prompts, 4)
	want := []Factor{Interests, Ideologies, Information, Institutions}
	for i, pr := range prompts {
		assert.Equal(t, want[i], pr.Factor)
		assert.NotEmpty(t, pr.Title)
		assert.NotEmpty(t, pr.Meaning)
		assert.Contains(t, pr.Source, "Weiss")
		assert.NotEqual(t, pr.District, pr.Partner, "the district and a partner are asked differently")
		assert.Equal(t, pr.District, pr.Question(true))
		assert.Equal(t, pr.Partner, pr.Question(false))
	}
	prompts[0].Title = "changed"
	assert.Equal(t, "Interests", FourIs()[0].Title, "each call returns a fresh slice")
}

func TestContextItems(t *testing.T) {
	p := healthy()
	p.Partners = append(p.Partners, Partner{ID: "q", Name: "Quill"})
	p.Context[1].Information = "Knows the reading program well."
	items := p.ContextItems()
	require.Len(t, items, 12, "four questions for each of three organizations")
	assert.Equal(t, ContextItem{
		Org: "p", OrgName: "Partner", Factor: Information, Title: "Information",
		Question: FourIs()[2].Partner, Answer: "Knows the reading program well.", Path: "context[1].information",
	}, items[6])
	assert.Equal(t, "Quill", items[8].OrgName)
	assert.Empty(t, items[8].Path, "no context entry yet")
	assert.Empty(t, items[8].Answer)
	assert.Nil(t, (*Partnership)(nil).ContextItems())
	assert.Equal(t, "", OrgContext{}.Answer("other"))
}
