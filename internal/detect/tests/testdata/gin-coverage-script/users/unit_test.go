package users

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUserModel(t *testing.T) {
	asserts := assert.New(t)
	u := UserModel{Username: "asd"}
	asserts.Error(u.setPassword(""), "empty password should be rejected")
	asserts.NoError(u.setPassword("asd123!@#ASD"))
}

func TestPasswordIsHashed(t *testing.T) {
	u := UserModel{}
	_ = u.setPassword("secret")
	assert.NotEqual(t, "secret", u.PasswordHash)
}
