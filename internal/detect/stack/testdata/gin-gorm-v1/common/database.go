package common

import (
	"fmt"
	"github.com/jinzhu/gorm"
	_ "github.com/jinzhu/gorm/dialects/sqlite"
	"os"
)

type Database struct {
	*gorm.DB
}

var DB *gorm.DB

// Init opens the database and keeps the handle for the handlers.
func Init() *gorm.DB {
	db, err := gorm.Open("sqlite3", "./../gorm.db")
	if err != nil {
		fmt.Println("db err: (Init) ", err)
	}
	db.DB().SetMaxIdleConns(10)
	DB = db
	return DB
}

// TestDBFree removes the database the tests created.
func TestDBFree(db *gorm.DB) error {
	db.Close()
	return os.Remove("./../gorm_test.db")
}
