package feedback

import (
	"errors"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
)

func asDenial(err error, d **audit.Denial) bool { return errors.As(err, d) }

func dbJSON(w Wording) db.JSON[Wording] { return db.JSON[Wording]{V: w} }
