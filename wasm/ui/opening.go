package ui

// OpeningNameID is the id of the element of RenderOpening that the page
// fills, before the app has started, with the name of the workspace it
// keeps.
const OpeningNameID = "pk-opening-name"

// RenderOpening returns what the page shows on a device that keeps a
// workspace while the app is still starting: the page's frame, with no tab
// chosen yet, and "Opening your workspace…". The build writes it into the
// page, so that it shows before the app runs; the page's start-up script
// puts the workspace's name, read from the device, in the element
// OpeningNameID.
func (a *App) RenderOpening() *Node {
	status := El("p", ID("pk-status"), Class("pk-status"), A("role", "status"), El("span", "Opening the work saved on this device…"))
	body := El("section", A("aria-labelledby", "pk-opening-h"), A("aria-busy", "true"),
		El("h2", ID("pk-opening-h"), "Opening your workspace…"),
		El("p", "Opening ", El("strong", ID(OpeningNameID), "your workspace"), " from this browser, on this device. It takes a moment."))
	frame := *a // the same frame, with no tab chosen
	frame.view = ""
	return frame.frame(status, body)
}
