package users

import "errors"

type UserModel struct {
	Username     string
	PasswordHash string
}

func (u *UserModel) setPassword(password string) error {
	if len(password) == 0 {
		return errors.New("password should not be empty")
	}
	u.PasswordHash = "hashed:" + password
	return nil
}
