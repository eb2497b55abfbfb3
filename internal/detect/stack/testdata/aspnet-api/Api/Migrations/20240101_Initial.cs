namespace Api.Migrations;
