package detect

import "github.com/pathway-dev/pathway/internal/detect/history"

func historyIdentity() history.Identity {
	return history.Identity{Login: "octo", Emails: []string{"octo@example.com"}}
}
